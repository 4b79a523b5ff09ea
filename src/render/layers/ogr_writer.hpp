#pragma once
// Writes MapModel layers through GDAL/OGR drivers: GeoJSON (RFC 7946), Shapefile, GeoPackage, PostgreSQL.

#include "gdal_handles.hpp"
#include "layers/layer_model.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace stationmap::render::detail {

/// The layer's QML style; @p shapefile: with the Shapefile's field names.
std::string qml_for(const Layer& layer, bool shapefile);

/// One layer as <dir>/<layer>.geojson, RFC 7946, 7 decimals, streamed feature by feature (geojson_writer.cpp):
/// the bytes write_geojson_with_gdal() writes. A polygon layer goes through GDAL (which orients its rings).
void write_geojson(const Layer& layer, const std::filesystem::path& file);
/// Whether write_geojson() writes @p layer through GDAL (a polygon layer): on the thread that captures GDAL's errors.
bool geojson_through_gdal(const Layer& layer);
/// One layer through GDAL's GeoJSON driver (RFC7946=YES, COORDINATE_PRECISION=7): the layout of the files.
void write_geojson_with_gdal(const Layer& layer, const std::filesystem::path& file);

/// One layer as <dir>/<layer>.shp (+ .shx, .dbf, .prj, .cpg UTF-8) and <layer>.qml. @p date: DBF header.
void write_shapefile(const Layer& layer, const std::filesystem::path& dir, const std::string& date);

/// A GeoPackage written layer by layer (each in its own transaction), then finished with the QGIS default styles
/// of its layers in layer_styles. @p date: last_change. A file not finished is not a GeoPackage to use: it is
/// written into the staging folder (render/staging.hpp), which a failed run removes.
class GeoPackageFile {
public:
  GeoPackageFile(std::filesystem::path file, std::string date);
  void add(const Layer& layer);
  /// The styles of @p layers (every layer added, bottom first; their rows are not needed), and the file closed.
  void finish(const std::vector<const Layer*>& layers);

private:
  std::filesystem::path m_file;
  std::string m_date;
  ScopedConfig m_fixed_date; // GeoPackage stamps last_change with the clock unless told the date
  ScopedConfig m_no_sync;    // SQLite waits for the disk at every commit unless told not to (see the .cpp)
  Dataset m_ds;
  Srs m_srs;
};

/// PostgreSQL/PostGIS tables written layer by layer in one transaction: the old tables stay until finish()
/// commits the new ones with their QGIS default styles; destroyed before, everything is rolled back.
class PostgresTables {
public:
  PostgresTables(const std::string& connection, std::string schema, std::string date);
  ~PostgresTables();
  PostgresTables(const PostgresTables&) = delete;
  PostgresTables& operator=(const PostgresTables&) = delete;
  PostgresTables(PostgresTables&&) = delete;
  PostgresTables& operator=(PostgresTables&&) = delete;
  /// Replaces the layer's table.
  void add(const Layer& layer);
  /// The styles of @p layers (every layer added), then the commit.
  void finish(const std::vector<const Layer*>& layers);

private:
  std::string m_schema;
  std::string m_date;
  Dataset m_ds;
  Srs m_srs;
  bool m_open = false;
};

/// Every layer into one GeoPackage, with QGIS default styles in layer_styles. @p date: last_change.
void write_geopackage(const MapModel& model, const std::filesystem::path& file, const std::string& date);

/// Every layer into PostgreSQL/PostGIS tables, replacing earlier ones in one transaction.
void write_postgres(const MapModel& model, const std::string& connection, const std::string& schema,
                    const std::string& date);

} // namespace stationmap::render::detail
