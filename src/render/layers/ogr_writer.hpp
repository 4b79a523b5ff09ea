#pragma once
// Writes MapModel layers through GDAL/OGR drivers: GeoJSON (RFC 7946), Shapefile, GeoPackage, PostgreSQL.

#include "layers/layer_model.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace stationmap::render::detail {

/// The layer's QML style; @p shapefile: with the Shapefile's field names.
std::string qml_for(const Layer& layer, bool shapefile);

/// One layer as <dir>/<layer>.geojson, RFC 7946, 7 decimals.
void write_geojson(const Layer& layer, const std::filesystem::path& file);

/// One layer as <dir>/<layer>.shp (+ .shx, .dbf, .prj, .cpg UTF-8) and <layer>.qml. @p date: DBF header.
void write_shapefile(const Layer& layer, const std::filesystem::path& dir, const std::string& date);

/// Every layer into one GeoPackage, with QGIS default styles in layer_styles. @p date: last_change.
void write_geopackage(const MapModel& model, const std::filesystem::path& file, const std::string& date);

/// Every layer into PostgreSQL/PostGIS tables, replacing earlier ones in one transaction.
void write_postgres(const MapModel& model, const std::string& connection, const std::string& schema,
                    const std::string& date);

} // namespace stationmap::render::detail
