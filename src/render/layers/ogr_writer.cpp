#include "layers/ogr_writer.hpp"

#include "gdal_handles.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/core/file_io.hpp"
#include "stationmap/core/utf8.hpp"
#include "styles/styles.hpp"

#include <algorithm>
#include <cpl_string.h>
#include <nlohmann/json.hpp>

namespace stationmap::render::detail {

namespace fs = std::filesystem;

namespace {

enum class Target : std::uint8_t { GeoJSON, Shapefile, GeoPackage, Postgres };

constexpr int dbf_string_width = 254; // longest dBase string field, bytes

using Json = nlohmann::ordered_json;

std::string dump(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

/// The longest string of a JSON string or object item (what to cut when one item is too long).
std::string* longest_text(Json& item) {
  if (item.is_string()) {
    return item.get_ptr<std::string*>();
  }
  std::string* longest = nullptr;
  for (auto& [key, value] : item.items()) {
    auto* text = value.get_ptr<std::string*>();
    if (text != nullptr && (longest == nullptr || text->size() > longest->size())) {
      longest = text;
    }
  }
  return longest;
}

/// The length of the JSON value (compact text) that begins @p text: up to the ',' or ']' that ends it.
std::size_t value_length(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
    } else if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if ((c == ']' || c == '}') && depth-- == 0) {
      return i;
    } else if (c == ',' && depth == 0) {
      return i;
    }
  }
  return text.size();
}

/// A JSON array (compact text, as the layer model holds it) as a dBase string of at most @p max bytes, still a
/// JSON array: the whole items that fit, in order; when not even the first fits, the first with its longest
/// text cut ("…"). Only the items kept are looked at: an evidence array of thousands is not parsed.
std::string json_array_within(const std::string& text, std::size_t max) {
  if (text.size() <= max) {
    return text;
  }
  std::string kept = "[";
  std::string_view rest = std::string_view(text).substr(1); // after "["
  std::string_view first;
  while (!rest.empty() && rest.front() != ']') {
    const std::string_view item = rest.substr(0, value_length(rest));
    if (first.empty()) {
      first = item;
    }
    if (kept.size() + (kept.size() > 1 ? 1 : 0) + item.size() + 1 > max) {
      break;
    }
    kept += kept.size() > 1 ? "," : "";
    kept += item;
    rest.remove_prefix(item.size());
    if (!rest.empty() && rest.front() == ',') {
      rest.remove_prefix(1);
    }
  }
  if (kept.size() > 1 || first.empty()) {
    return kept + "]";
  }
  Json item = Json::parse(first);
  for (std::string out = dump(Json::array({item})); out.size() > max; out = dump(Json::array({item}))) {
    std::string* longest = longest_text(item);
    if (longest == nullptr || longest->empty()) {
      return "[]";
    }
    const std::size_t excess = out.size() - max + 3; // and room for the "…"
    *longest = utf8::truncate(*longest, longest->size() > excess ? longest->size() - excess : 0);
  }
  return dump(Json::array({item}));
}

GDALDriverH driver(const char* name) {
  ensure_gdal_registered();
  GDALDriverH d = GDALGetDriverByName(name);
  if (d == nullptr) {
    throw LibraryError(std::string("GDAL: the ") + name + " driver is not available");
  }
  return d;
}

/// Closes (flushes) a dataset, throwing when GDAL reported an error while finishing it.
void close_dataset(Dataset& ds, const std::string& what) {
  CPLErrorReset();
  GDALClose(ds.release());
  if (CPLGetLastErrorType() >= CE_Failure) {
    throw_gdal_error("cannot finish " + what);
  }
}

Dataset create_dataset(const char* driver_name, const fs::path& path, Options options = {}) {
  GDALDatasetH ds = GDALCreate(driver(driver_name), path.string().c_str(), 0, 0, 0, GDT_Unknown, options.get());
  if (ds == nullptr) {
    throw_gdal_error("cannot create " + path.string());
  }
  return Dataset(ds);
}

OGRwkbGeometryType ogr_type(GeomType type) {
  switch (type) {
  case GeomType::Point:
    return wkbPoint;
  case GeomType::Line:
    return wkbMultiLineString;
  case GeomType::MultiPolygon:
    return wkbMultiPolygon;
  }
  return wkbUnknown;
}

Geometry make_line(const Polyline& part) {
  Geometry line(OGR_G_CreateGeometry(wkbLineString));
  OGR_G_SetPointCount(line.get(), static_cast<int>(part.size()));
  for (std::size_t i = 0; i < part.size(); ++i) {
    OGR_G_SetPoint_2D(line.get(), static_cast<int>(i), part[i].lon, part[i].lat);
  }
  return line;
}

/// @p multi: lines always as MultiLineString (tables with one declared type); otherwise a single part stays a
/// LineString (GeoJSON).
Geometry make_geometry(const Shape& shape, GeomType type, bool multi) {
  switch (type) {
  case GeomType::Point: {
    Geometry point(OGR_G_CreateGeometry(wkbPoint));
    OGR_G_SetPoint_2D(point.get(), 0, shape.parts.at(0).at(0).lon, shape.parts.at(0).at(0).lat);
    return point;
  }
  case GeomType::Line: {
    if (shape.parts.size() == 1 && !multi) {
      return make_line(shape.parts.front());
    }
    Geometry lines(OGR_G_CreateGeometry(wkbMultiLineString));
    for (const auto& part : shape.parts) {
      check_ogr(OGR_G_AddGeometryDirectly(lines.get(), make_line(part).release()), "building a MultiLineString");
    }
    return lines;
  }
  case GeomType::MultiPolygon: {
    OGRGeometryH g = nullptr;
    // NOLINTNEXTLINE: GDAL takes a non-const buffer it does not modify
    auto* bytes = const_cast<unsigned char*>(reinterpret_cast<const unsigned char*>(shape.wkb.data()));
    check_ogr(OGR_G_CreateFromWkbEx(bytes, nullptr, &g, shape.wkb.size()), "reading a boundary geometry");
    return Geometry(g);
  }
  }
  throw LibraryError("unknown geometry type");
}

OGRLayerH create_layer(GDALDatasetH ds, const Layer& layer, Target target, OGRSpatialReferenceH srs, Options options) {
  const std::string name = layer.name;
  OGRLayerH l = GDALDatasetCreateLayer(ds, name.c_str(), srs, ogr_type(layer.geom), options.get());
  if (l == nullptr) {
    throw_gdal_error("cannot create layer " + name);
  }
  for (const auto& field : layer.fields) {
    if (!field.in_files) {
      continue;
    }
    const bool shp = target == Target::Shapefile;
    OGRFieldType type = OFTString;
    if (field.type == FieldType::Integer)
      type = OFTInteger64;
    if (field.type == FieldType::Real)
      type = OFTReal;
    if (field.type == FieldType::Boolean)
      type = OFTInteger;
    FieldDefn defn(OGR_Fld_Create(shp ? field.shp_name.c_str() : field.name.c_str(), type));
    if (shp && type == OFTString) {
      OGR_Fld_SetWidth(defn.get(), dbf_string_width); // RESIZE=YES shrinks it to the longest value
    }
    if (shp && type == OFTReal) {
      OGR_Fld_SetWidth(defn.get(), 12);
      OGR_Fld_SetPrecision(defn.get(), 3);
    }
    if (shp && type == OFTInteger64) {
      OGR_Fld_SetWidth(defn.get(), 11); // counts and geonameids: up to 10 digits, as N(11,0)
      OGR_Fld_SetType(defn.get(), OFTInteger64);
    }
    if (field.type == FieldType::Boolean) {
      OGR_Fld_SetSubType(defn.get(), OFSTBoolean); // GeoJSON true/false, GeoPackage BOOLEAN, dBase logical
    }
    if (!shp && field.type == FieldType::Json) {
      OGR_Fld_SetSubType(defn.get(), OFSTJSON); // GeoJSON: written as JSON arrays, not strings
    }
    check_ogr(OGR_L_CreateField(l, defn.get(), TRUE), "cannot create field " + field.name + " in " + name);
  }
  return l;
}

void write_rows(OGRLayerH l, const Layer& layer, Target target) {
  const bool shp = target == Target::Shapefile;
  const bool multi = target != Target::GeoJSON;
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(l);
  for (const auto& row : layer.rows) {
    Feature f(OGR_F_Create(defn));
    int index = -1; // the OGR field: the layer's fields in the files
    for (std::size_t i = 0; i < layer.fields.size(); ++i) {
      if (!layer.fields[i].in_files) {
        continue;
      }
      ++index;
      const Value& v = row.values.at(i);
      if (v.null) {
        OGR_F_SetFieldNull(f.get(), index);
        continue;
      }
      switch (layer.fields[i].type) {
      case FieldType::String:
        OGR_F_SetFieldString(f.get(), index, shp ? utf8::truncate(v.text, dbf_string_width).c_str() : v.text.c_str());
        break;
      case FieldType::Json:
        OGR_F_SetFieldString(f.get(), index,
                             shp ? json_array_within(v.text, dbf_string_width).c_str() : v.text.c_str());
        break;
      case FieldType::Integer:
        OGR_F_SetFieldInteger64(f.get(), index, v.integer);
        break;
      case FieldType::Boolean:
        OGR_F_SetFieldInteger(f.get(), index, v.integer != 0 ? 1 : 0);
        break;
      case FieldType::Real:
        OGR_F_SetFieldDouble(f.get(), index, v.real);
        break;
      }
    }
    check_ogr(OGR_F_SetGeometryDirectly(f.get(), make_geometry(row.shape, layer.geom, multi).release()),
              "setting a geometry");
    check_ogr(OGR_L_CreateFeature(l, f.get()), "cannot write a feature to " + layer.name);
  }
}

} // namespace

/// The QML of a layer with field names as the Shapefile has them. Styles quote field names ("station_count"
/// or &quot;station_count&quot;), so only quoted, whole names are replaced.
std::string qml_for(const Layer& layer, bool shapefile) {
  std::string qml(embedded_style(layer.name + ".qml"));
  if (!shapefile) {
    return qml;
  }
  for (const auto& field : layer.fields) {
    if (field.name == field.shp_name)
      continue;
    for (const auto& [open, close] : {std::pair<std::string, std::string>{"\"", "\""}, {"&quot;", "&quot;"}}) {
      const std::string from = open + field.name + close;
      const std::string to = open + field.shp_name + close;
      for (std::size_t pos = qml.find(from); pos != std::string::npos; pos = qml.find(from, pos + to.size())) {
        qml.replace(pos, from.size(), to);
      }
    }
  }
  return qml;
}

namespace {

std::string sql_quote(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    out += c;
    if (c == '\'')
      out += '\'';
  }
  return out + "'";
}

void execute_sql(GDALDatasetH ds, const std::string& sql) {
  CPLErrorReset();
  OGRLayerH result = GDALDatasetExecuteSQL(ds, sql.c_str(), nullptr, nullptr);
  if (result != nullptr) {
    GDALDatasetReleaseResultSet(ds, result);
  }
  if (CPLGetLastErrorType() >= CE_Failure) {
    throw_gdal_error("SQL failed: " + sql.substr(0, 80));
  }
}

} // namespace

void write_geojson_with_gdal(const Layer& layer, const fs::path& file) {
  Dataset ds = create_dataset("GeoJSON", file);
  const Srs srs = wgs84();
  create_layer(ds.get(), layer, Target::GeoJSON, srs.get(),
               {"RFC7946=YES", "COORDINATE_PRECISION=7", "WRITE_BBOX=NO", "WRITE_NAME=YES"});
  write_rows(GDALDatasetGetLayer(ds.get(), 0), layer, Target::GeoJSON);
  close_dataset(ds, file.string());
}

void write_shapefile(const Layer& layer, const fs::path& dir, const std::string& date) {
  const fs::path shp = dir / (layer.name + ".shp");
  Dataset ds = create_dataset("ESRI Shapefile", shp);
  const Srs srs = wgs84();
  create_layer(ds.get(), layer, Target::Shapefile, srs.get(),
               {"ENCODING=UTF-8", "RESIZE=YES", "SPATIAL_INDEX=NO", "DBF_DATE_LAST_UPDATE=" + date});
  write_rows(GDALDatasetGetLayer(ds.get(), 0), layer, Target::Shapefile);
  close_dataset(ds, shp.string());
  write_file_atomic(dir / (layer.name + ".qml"), qml_for(layer, true));
}

// No fsync (SQLite's synchronous=OFF), as for every other file of the map: the GeoPackage is written into the
// staging folder, which only a finished build puts in place, so waiting for the disk at each layer's commit
// (a dozen times per build, the whole file each time) protects nothing.
GeoPackageFile::GeoPackageFile(fs::path file, std::string date)
    : m_file(std::move(file)), m_date(std::move(date)), m_fixed_date("OGR_CURRENT_DATE", m_date + "T00:00:00.000Z"),
      m_no_sync("OGR_SQLITE_SYNCHRONOUS", "OFF"), m_ds(create_dataset("GPKG", m_file)), m_srs(wgs84()) {}

void GeoPackageFile::add(const Layer& layer) {
  check_ogr(GDALDatasetStartTransaction(m_ds.get(), FALSE), "GeoPackage transaction");
  OGRLayerH l = create_layer(m_ds.get(), layer, Target::GeoPackage, m_srs.get(),
                             {"GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=YES", "IDENTIFIER=" + layer.name});
  write_rows(l, layer, Target::GeoPackage);
  check_ogr(GDALDatasetCommitTransaction(m_ds.get()), "GeoPackage commit");
}

void GeoPackageFile::finish(const std::vector<const Layer*>& layers) {
  Dataset& ds = m_ds;
  const std::string& date = m_date;
  // QGIS looks for a layer's default style in layer_styles (as QGIS itself creates it).
  Layer styles{"layer_styles",
               GeomType::Point,
               {{"f_table_catalog", "", FieldType::String},
                {"f_table_schema", "", FieldType::String},
                {"f_table_name", "", FieldType::String},
                {"f_geometry_column", "", FieldType::String},
                {"styleName", "", FieldType::String},
                {"styleQML", "", FieldType::String},
                {"styleSLD", "", FieldType::String},
                {"useAsDefault", "", FieldType::Integer},
                {"description", "", FieldType::String},
                {"owner", "", FieldType::String},
                {"ui", "", FieldType::String},
                {"update_time", "", FieldType::String}},
               {}};
  Options options{"FID=id", "ASPATIAL_VARIANT=GPKG_ATTRIBUTES"};
  OGRLayerH l = GDALDatasetCreateLayer(ds.get(), "layer_styles", nullptr, wkbNone, options.get());
  if (l == nullptr) {
    throw_gdal_error("cannot create layer_styles");
  }
  for (const auto& field : styles.fields) {
    OGRFieldType type = field.type == FieldType::Integer ? OFTInteger : OFTString;
    if (field.name == "update_time")
      type = OFTDateTime;
    FieldDefn defn(OGR_Fld_Create(field.name.c_str(), type));
    if (field.name == "useAsDefault")
      OGR_Fld_SetSubType(defn.get(), OFSTBoolean);
    check_ogr(OGR_L_CreateField(l, defn.get(), TRUE), "layer_styles field");
  }
  check_ogr(GDALDatasetStartTransaction(ds.get(), FALSE), "GeoPackage transaction");
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(l);
  int year = 1970;
  int month = 1;
  int day = 1;
  if (std::sscanf(date.c_str(), "%d-%d-%d", &year, &month, &day) != 3) { // NOLINT(cert-err34-c)
    year = 1970, month = 1, day = 1;
  }
  for (const Layer* each : layers) {
    const Layer& layer = *each;
    Feature f(OGR_F_Create(defn));
    OGR_F_SetFieldString(f.get(), 0, "");
    OGR_F_SetFieldString(f.get(), 1, "");
    OGR_F_SetFieldString(f.get(), 2, layer.name.c_str());
    OGR_F_SetFieldString(f.get(), 3, "geom");
    OGR_F_SetFieldString(f.get(), 4, layer.name.c_str());
    OGR_F_SetFieldString(f.get(), 5, qml_for(layer, false).c_str());
    OGR_F_SetFieldString(f.get(), 6, std::string(embedded_style(layer.name + ".sld")).c_str());
    OGR_F_SetFieldInteger(f.get(), 7, 1);
    OGR_F_SetFieldString(f.get(), 8, ("stationmap default style for " + layer.name).c_str());
    OGR_F_SetFieldString(f.get(), 9, "stationmap");
    OGR_F_SetFieldNull(f.get(), 10);
    OGR_F_SetFieldDateTime(f.get(), 11, year, month, day, 0, 0, 0, 100);
    check_ogr(OGR_L_CreateFeature(l, f.get()), "writing layer_styles");
  }
  check_ogr(GDALDatasetCommitTransaction(ds.get()), "GeoPackage commit");
  close_dataset(ds, m_file.string());
}

void write_geopackage(const MapModel& model, const fs::path& file, const std::string& date) {
  GeoPackageFile gpkg(file, date);
  for (const Layer* layer : model.all_layers()) {
    gpkg.add(*layer);
  }
  gpkg.finish(model.all_layers());
}

PostgresTables::PostgresTables(const std::string& connection, std::string schema, std::string date)
    : m_schema(std::move(schema)), m_date(std::move(date)) {
  ensure_gdal_registered();
  const std::string conn = connection.starts_with("PG:") ? connection : "PG:" + connection;
  Options open_options{"ACTIVE_SCHEMA=" + m_schema};
  GDALDatasetH raw = GDALOpenEx(conn.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, open_options.get(), nullptr);
  if (raw == nullptr) {
    throw_gdal_error("cannot connect to PostgreSQL");
  }
  m_ds = Dataset(raw);
  m_srs = wgs84();
  // All or nothing: the old tables stay until the new ones are complete.
  check_ogr(GDALDatasetStartTransaction(m_ds.get(), TRUE), "PostgreSQL transaction");
  m_open = true;
}

PostgresTables::~PostgresTables() {
  if (m_open) {
    GDALDatasetRollbackTransaction(m_ds.get());
  }
}

void PostgresTables::add(const Layer& layer) {
  GDALDatasetH ds = m_ds.get();
  for (int i = GDALDatasetGetLayerCount(ds) - 1; i >= 0; --i) {
    const char* existing = OGR_L_GetName(GDALDatasetGetLayer(ds, i));
    if (existing != nullptr && (layer.name == existing || m_schema + "." + layer.name == existing)) {
      check_ogr(GDALDatasetDeleteLayer(ds, i), "dropping the old table " + layer.name);
    }
  }
  OGRLayerH l = create_layer(ds, layer, Target::Postgres, m_srs.get(),
                             {"SCHEMA=" + m_schema, "GEOMETRY_NAME=geom", "FID=fid", "SPATIAL_INDEX=GIST", "LAUNDER=NO",
                              "PRECISION=NO", "DESCRIPTION=stationmap " + layer.name});
  write_rows(l, layer, Target::Postgres);
  check_ogr(OGR_L_SyncToDisk(l), "finishing table " + layer.name);
}

void PostgresTables::finish(const std::vector<const Layer*>& layers) {
  GDALDatasetH ds = m_ds.get();
  const std::string& schema = m_schema;
  const std::string& date = m_date;
  // QGIS default styles (its own layer_styles table layout).
  execute_sql(ds, "CREATE TABLE IF NOT EXISTS public.layer_styles (id serial PRIMARY KEY, f_table_catalog varchar, "
                  "f_table_schema varchar, f_table_name varchar, f_geometry_column varchar, stylename text, "
                  "styleqml xml, stylesld xml, useasdefault boolean, description text, owner varchar(63) DEFAULT "
                  "CURRENT_USER, ui xml, update_time timestamp DEFAULT CURRENT_TIMESTAMP, type varchar)");
  for (const Layer* each : layers) {
    const Layer& layer = *each;
    execute_sql(ds, "DELETE FROM public.layer_styles WHERE f_table_catalog = current_database() AND "
                    "f_table_schema = " +
                        sql_quote(schema) + " AND f_table_name = " + sql_quote(layer.name) +
                        " AND stylename = " + sql_quote("stationmap"));
    execute_sql(ds, "INSERT INTO public.layer_styles (f_table_catalog, f_table_schema, f_table_name, "
                    "f_geometry_column, stylename, styleqml, stylesld, useasdefault, description, update_time, "
                    "type) VALUES (current_database(), " +
                        sql_quote(schema) + ", " + sql_quote(layer.name) +
                        ", 'geom', 'stationmap', XMLPARSE(DOCUMENT " + sql_quote(qml_for(layer, false)) +
                        "), XMLPARSE(DOCUMENT " + sql_quote(embedded_style(layer.name + ".sld")) +
                        "), true, 'stationmap default style', " + sql_quote(date) + ", " +
                        sql_quote(layer.geom == GeomType::Point  ? "Point"
                                  : layer.geom == GeomType::Line ? "Line"
                                                                 : "Polygon") +
                        ")");
  }
  m_open = false;
  check_ogr(GDALDatasetCommitTransaction(ds), "PostgreSQL commit");
}

void write_postgres(const MapModel& model, const std::string& connection, const std::string& schema,
                    const std::string& date) {
  PostgresTables tables(connection, schema, date);
  std::vector<const Layer*> layers;
  for (const Layer& layer : model.layers) {
    tables.add(layer);
    layers.push_back(&layer);
  }
  tables.finish(layers);
}

} // namespace stationmap::render::detail
