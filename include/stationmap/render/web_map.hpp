#pragma once
/// @file
/// The stationmap layers as tiles and the web outputs: tile features from a ClaimSet, MapLibre style (spec v8),
/// TileJSON 3.0.0, and the offline web map (index.html with
/// MapLibre GL JS copied beside it: no CDN). See web/README.md for where MapLibre comes from.

#include "stationmap/extract/claims.hpp"
#include "stationmap/render/layers.hpp"
#include "stationmap/tiles/tiles.hpp"

#include <filesystem>
#include <string>
#include <vector>

namespace stationmap::render {

/// The four layers' features from a ClaimSet: the rows of the GIS layers with the fields the feature schema
/// (stationmap/render/schema.hpp) carries to the tiles, arrays as JSON text. Links take the lines of the GIS
/// links layer from @p link_paths (the links layer's lines by link_id; links missing there were left out by the
/// layers stage and are left out here too); without it, link_path() of their ends, as the GIS layer draws.
[[nodiscard]] std::vector<tiles::TileFeature> features_from_claims(const ClaimSet& claims,
                                                                   const LinkPaths* link_paths = nullptr);

/// Tile URL template used by style.json and tiles.json in OUTDIR (relative to OUTDIR: index.html and
/// `stationmap serve` make it absolute).
inline constexpr const char* relative_tile_url = "tiles/{z}/{x}/{y}.pbf";

/// Status -> colour of the station symbols, shared by the style and the legend.
[[nodiscard]] const std::vector<std::pair<std::string, std::string>>& status_colors();

/// MapLibre style spec v8 for a tile set: source `stationmap` (all layers, up to maxzoom) and
/// `stationmap-links` (the links, up to their maxzoom, overzoomed beyond); no glyphs or sprites needed.
[[nodiscard]] std::string style_json(const tiles::TileSet& set, const std::string& tile_url = relative_tile_url);

/// TileJSON 3.0.0 for a tile set.
[[nodiscard]] std::string tilejson(const tiles::TileSet& set, const std::string& tile_url = relative_tile_url);

/// Where the web map template (index.html) and the vendored MapLibre files are found: $STATIONMAP_WEB_DIR,
/// then web/ in the data folder beside the executable (stationmap/core/data_dirs.hpp), then the source tree's
/// web/, then the installed share/stationmap/web. Empty when none has index.html.
[[nodiscard]] std::filesystem::path find_web_dir();

/// The web map's basemap beside index.html: basemap.pmtiles (Natural Earth 1:50m countries, borders and name
/// points as vector tiles, zooms 0-5, generalised per zoom) and glyphs/<fontstack>/<range>.pbf for the country
/// names (when the label font is installed). They depend on no document: with @p keep_in (a folder stationmap
/// owns, such as a build's cache folder) they are kept there between builds and copied from it while the
/// countries, the font and the code that derives them are unchanged (stationmap/core/kept_files.hpp). Returns
/// warnings (kept files found damaged or not kept).
std::vector<std::string> write_basemap_web_files(const std::filesystem::path& outdir,
                                                 const std::filesystem::path& keep_in = {});

/// Writes style.json, tiles.json, index.html, maplibre-gl.js, maplibre-gl.css (and MapLibre's licence)
/// into @p outdir. Returns warnings (e.g. MapLibre not fetched yet: the map then cannot start); throws
/// IoError when a file cannot be written or the index.html template is missing.
std::vector<std::string> write_web_map(const tiles::TileSet& set, const std::filesystem::path& outdir,
                                       const std::filesystem::path& web_dir = {});

/// What write_tiles_and_web_map() produced.
struct TileOutputs {
  int minzoom = 0;
  int maxzoom = 0;
  std::size_t tiles = 0;
  std::vector<std::string> warnings;
};

/// The whole tile part of a build: tiles.mbtiles, tiles.pmtiles, write_web_map() and write_basemap_web_files()
/// (kept in @p keep_in when given), from the tile features (RenderSummary::tile_features).
TileOutputs write_tiles_and_web_map(std::vector<tiles::TileFeature> features, const std::filesystem::path& outdir,
                                    const tiles::TileOptions& options = {}, const std::filesystem::path& keep_in = {});
/// The same from a ClaimSet (features_from_claims).
TileOutputs write_tiles_and_web_map(const ClaimSet& claims, const std::filesystem::path& outdir,
                                    const tiles::TileOptions& options = {}, const LinkPaths* link_paths = nullptr);

} // namespace stationmap::render
