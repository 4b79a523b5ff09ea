// One map, three outputs: for every station of the project's own documents (samples/ and the golden cases),
// every field that stations.geojson, the GeoPackage layer (read back with GDAL) and the decoded z0 tile feature
// all carry has the same value; arrays compared as arrays (JSON text decoded where the format is scalar).

#include "stationmap/core/file_io.hpp"
#include "stationmap/core/gzip.hpp"
#include "stationmap/pipeline/build_map.hpp"
#include "stationmap/render/schema.hpp"
#include "stationmap/tiles/archive.hpp"
#include "stationmap/tiles/mvt.hpp"

#include <cmath>
#include <gdal.h>
#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>
#include <ogr_api.h>
#include <random>
#include <set>
#include <variant>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;

/// The project's documents: the quick-start samples and every golden case's docs/.
std::vector<fs::path> corpus() {
  std::vector<fs::path> inputs{fs::path(STATIONMAP_SOURCE_DIR) / "samples"};
  for (const auto& entry : fs::directory_iterator(fs::path(STATIONMAP_SOURCE_DIR) / "tests" / "golden")) {
    if (fs::is_directory(entry.path() / "docs")) {
      inputs.push_back(entry.path() / "docs");
    }
  }
  std::sort(inputs.begin(), inputs.end());
  return inputs;
}

struct BuiltMap {
  fs::path root;
  fs::path outdir;
  BuiltMap() {
    std::random_device rd;
    root = fs::temp_directory_path() / ("stationmap-agree-" + std::to_string(rd()));
    outdir = root / "map";
    stationmap::BuildOptions options;
    options.outdir = outdir;
    options.gazetteer = STATIONMAP_EMBEDDED_INDEX;
    options.maxzoom = 0; // z0 is the highest zoom: every station is its own feature there, never a cluster
    const auto summary = stationmap::build_map(corpus(), options);
    EXPECT_TRUE(summary.written);
    EXPECT_GT(summary.documents_read, 10U) << "samples/ and the golden cases";
  }
  ~BuiltMap() {
    std::error_code ignored;
    fs::remove_all(root, ignored);
  }
  BuiltMap(const BuiltMap&) = delete;
  BuiltMap& operator=(const BuiltMap&) = delete;
  BuiltMap(BuiltMap&&) = delete;
  BuiltMap& operator=(BuiltMap&&) = delete;
};

const BuiltMap& built() {
  static const BuiltMap map;
  return map;
}

/// Field values by station_id, each field as JSON (arrays as arrays, null as null).
using Stations = std::map<std::string, std::map<std::string, json>>;

Stations from_geojson(const fs::path& file) {
  Stations out;
  const json doc = json::parse(stationmap::read_file(file, 1U << 28U));
  for (const auto& f : doc.at("features")) {
    const json& p = f.at("properties");
    for (const auto& [k, v] : p.items()) {
      out[p.at("station_id").get<std::string>()][k] = v;
    }
  }
  return out;
}

json ogr_value(OGRFeatureH f, int i) {
  OGRFieldDefnH defn = OGR_F_GetFieldDefnRef(f, i);
  if (OGR_F_IsFieldNull(f, i)) {
    return nullptr;
  }
  if (OGR_Fld_GetSubType(defn) == OFSTBoolean) {
    return OGR_F_GetFieldAsInteger(f, i) != 0;
  }
  switch (OGR_Fld_GetType(defn)) {
  case OFTInteger:
  case OFTInteger64:
    return OGR_F_GetFieldAsInteger64(f, i);
  case OFTReal:
    return OGR_F_GetFieldAsDouble(f, i);
  default:
    break;
  }
  const std::string text = OGR_F_GetFieldAsString(f, i);
  return OGR_Fld_GetSubType(defn) == OFSTJSON ? json::parse(text) : json(text);
}

Stations from_geopackage(const fs::path& file) {
  GDALAllRegister();
  GDALDatasetH ds = GDALOpenEx(file.string().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
  EXPECT_NE(ds, nullptr);
  Stations out;
  if (ds == nullptr) {
    return out;
  }
  OGRLayerH layer = GDALDatasetGetLayerByName(ds, "stations");
  EXPECT_NE(layer, nullptr);
  OGR_L_ResetReading(layer);
  for (OGRFeatureH f = OGR_L_GetNextFeature(layer); f != nullptr; f = OGR_L_GetNextFeature(layer)) {
    auto& fields = out[OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "station_id"))];
    for (int i = 0; i < OGR_F_GetFieldCount(f); ++i) {
      fields[OGR_Fld_GetNameRef(OGR_F_GetFieldDefnRef(f, i))] = ogr_value(f, i);
    }
    OGR_F_Destroy(f);
  }
  GDALClose(ds);
  return out;
}

/// A tile attribute as JSON; text that the schema says is an array is decoded.
json tile_value(const std::string& name, const stationmap::tiles::PropertyValue& value) {
  const auto& spec = stationmap::render::layer_spec("stations");
  const bool array = std::any_of(spec.fields.begin(), spec.fields.end(), [&](const auto& f) {
    return f.name == name && f.type == stationmap::render::FieldType::Json;
  });
  return std::visit(
      [&](const auto& v) -> json {
        if constexpr (std::is_same_v<std::decay_t<decltype(v)>, std::string>) {
          return array ? json::parse(v) : json(v);
        } else {
          return json(v);
        }
      },
      value);
}

Stations from_z0_tile(const fs::path& outdir) {
  const auto archive = stationmap::tiles::open_tile_archive(outdir);
  EXPECT_NE(archive, nullptr);
  const auto stored = archive->tile(0, 0, 0);
  EXPECT_TRUE(stored.has_value());
  const std::string bytes = stored->gzipped ? stationmap::gunzip(stored->data, 1U << 28U) : stored->data;
  Stations out;
  for (const auto& layer : stationmap::tiles::decode_mvt(bytes)) {
    if (layer.name != "stations") {
      continue;
    }
    for (const auto& f : layer.features) {
      auto& fields = out[std::get<std::string>(f.properties.at("station_id"))];
      for (const auto& [k, v] : f.properties) {
        fields[k] = tile_value(k, v);
      }
    }
  }
  return out;
}

bool same(const json& a, const json& b) {
  if (a.is_number() && b.is_number()) {
    return std::abs(a.get<double>() - b.get<double>()) < 1e-9;
  }
  return a == b;
}

TEST(OutputsAgree, EveryStationFieldHasOneValueInGeoJsonGeoPackageAndTiles) {
  const Stations geojson = from_geojson(built().outdir / "stations.geojson");
  const Stations gpkg = from_geopackage(built().outdir / "stationmap.gpkg");
  const Stations tile = from_z0_tile(built().outdir);
  ASSERT_GE(geojson.size(), 5U) << "the corpus should map several stations ";
  ASSERT_EQ(gpkg.size(), geojson.size());
  ASSERT_EQ(tile.size(), geojson.size());

  std::size_t compared = 0;
  std::set<std::string> common_fields;
  for (const auto& [id, fields] : geojson) {
    ASSERT_TRUE(gpkg.contains(id)) << id;
    ASSERT_TRUE(tile.contains(id)) << id;
    const auto& in_gpkg = gpkg.at(id);
    const auto& in_tile = tile.at(id);
    for (const auto& [name, value] : fields) {
      if (!in_gpkg.contains(name)) {
        continue;
      }
      EXPECT_TRUE(same(value, in_gpkg.at(name))) << id << " " << name << ": " << value << " vs " << in_gpkg.at(name);
      if (value.is_null()) {
        EXPECT_FALSE(in_tile.contains(name)) << id << " " << name << " is null in GeoJSON but set in the tile";
        continue;
      }
      if (!in_tile.contains(name)) {
        continue;
      }
      common_fields.insert(name);
      EXPECT_TRUE(same(value, in_tile.at(name))) << id << " " << name << ": " << value << " vs " << in_tile.at(name);
      ++compared;
    }
  }
  // Every field the schema sends to the tiles was compared (at least where some station has a value).
  // (A tiles-only field, such as the evidence excerpt, is no common field.)
  for (const auto& f : stationmap::render::layer_spec("stations").fields) {
    if (f.carried != stationmap::render::Carried::Tiles) {
      continue;
    }
    const bool has_value = std::any_of(geojson.begin(), geojson.end(),
                                       [&](const auto& s) { return !s.second.at(std::string(f.name)).is_null(); });
    if (has_value) {
      EXPECT_TRUE(common_fields.contains(std::string(f.name))) << f.name << " missing from an output";
    }
  }
  EXPECT_GT(compared, geojson.size() * 10);
}

} // namespace
