#pragma once
// The web map's basemap as vector tiles: Natural Earth 1:50m countries (polygons), the land borders between
// them and a name point per country, generalised per zoom (the TopoJSON arcs simplified to half a pixel of
// that zoom, so neighbours keep one border), tiled to zoom basemap_maxzoom; clients overzoom beyond.

#include "stationmap/geography/topojson.hpp"
#include "stationmap/tiles/tiles.hpp"

#include <vector>

namespace stationmap::render::detail {

/// Highest zoom of the basemap tiles: 1:50m data hold no more detail than zoom 5 shows.
inline constexpr int basemap_maxzoom = 5;
/// Douglas-Peucker tolerance of the basemap at each zoom, in pixels of 256-px tiles.
inline constexpr double basemap_simplify_px = 0.5;
/// File of the basemap tiles in OUTDIR, beside index.html.
inline constexpr const char* basemap_tiles_file = "basemap.pmtiles";

/// The tile features of one generalisation of the countries: basemap_countries (polygons: name, iso_a2),
/// basemap_borders (lines) and, from @p labels_from, basemap_labels (points: name, iso_a2, area).
std::vector<tiles::TileFeature> basemap_tile_features(const geography::Topology& countries,
                                                      const geography::Topology& labels_from);

/// The basemap tile set, zooms 0..basemap_maxzoom, each zoom from its own generalisation of @p countries.
tiles::TileSet basemap_tiles(const geography::Topology& countries);

} // namespace stationmap::render::detail
