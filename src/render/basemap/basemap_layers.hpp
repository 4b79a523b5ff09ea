#pragma once
// The basemap as render layers: Natural Earth countries (polygons, named) and the land borders between them,
// from the embedded geodata/naturalearth. Drawn under the data layers in the GeoPackage and QGIS project.

#include "layers/layer_model.hpp"
#include "stationmap/geography/topojson.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace stationmap::render::detail {

/// Name of the layer group (QGIS) and prefix of the basemap layers' names.
inline constexpr const char* basemap_group = "basemap";

/// basemap_countries (MultiPolygon: name, iso_a2) and basemap_borders (lines), bottom first, from the
/// countries of @p topology.
std::vector<Layer> basemap_layers(const geography::Topology& topology);

/// basemap_labels: one point per named country inside its largest polygon (name, iso_a2, area in square
/// degrees to rank labels).
Layer basemap_labels(const geography::Topology& topology);

/// basemap_layers() of the embedded 1:50m countries.
std::vector<Layer> embedded_basemap_layers();

/// ISO WKB of a MultiPolygon made of @p polygons.
std::string multipolygon_wkb(const std::vector<geography::Polygon>& polygons);

} // namespace stationmap::render::detail
