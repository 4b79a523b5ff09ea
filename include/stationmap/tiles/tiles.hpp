#pragma once
/// @file
/// Vector tiles of the stationmap layers (stations, jurisdictions, links, places): plain-value features in,
/// Mapbox Vector Tiles (spec 2.1) out, packed as MBTiles 1.3 and PMTiles v3.
///
/// Rules, stated once:
/// - Zooms: minzoom..maxzoom, maxzoom from the data unless given: the least zoom at which the two closest
///   distinct points (stations, jurisdictions, places) are `separation_px` 256-px tile pixels apart, clamped
///   to [4, 14] (10 when there are fewer than two distinct points). Like tippecanoe's -zg.
/// - Links stop at `links_maxzoom` (clients overzoom them: the style gives the links their own source with
///   that maxzoom), so a long geodesic does not fill thousands of high-zoom tiles: the tiles a line crosses
///   double with each zoom, and links from Europe to China filled most of a map's tiles at zoom 7 and 8.
///   Drawn from zoom 6 at zoom 12, a line lies within 2 px of its place (one tile unit at zoom 6 is 1/16 px
///   there, 4 px at zoom 12).
/// - Density: below maxzoom the points of a clustered layer (stations, places) that fall in the same cell of
///   a grid of `cluster_cell` x `cluster_cell` extent units (tile-aligned) become one feature at their mean
///   position with `cluster`=true, `point_count` = number of points, `station_count` = sum of theirs and
///   `member_ids` = their keys joined with ','. A lone point stays itself with `cluster`=false and
///   `point_count`=1. Nothing is dropped: at every zoom, the point_counts of the features whose position lies
///   inside their tile add up to the number of points of the layer.
/// - Geometry: Web Mercator, latitudes clamped to +-85.0511287798; lines clipped to the tile plus `buffer`;
///   points also written into the neighbours whose buffer they fall in; polygon rings clipped to the same box
///   (Sutherland-Hodgman), rings left without area dropped. Never a tile with x or y >= 2^z.
/// - Bytes are deterministic: same features and options, same tiles, same files.

#include "stationmap/core/lonlat.hpp"

#include <array>
#include <compare>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace stationmap::tiles {

using stationmap::LonLat; // (longitude, latitude) in degrees, WGS 84
/// An attribute value, as MVT can store it.
using PropertyValue = std::variant<std::string, std::int64_t, double, bool>;

/// MVT geometry types.
enum class GeomType : std::uint8_t { Point = 1, LineString = 2, Polygon = 3 };

/// One feature to tile.
struct TileFeature {
  std::string layer;    ///< "stations", "jurisdictions", "links", "places" (or any other name)
  std::string key;      ///< stable id string (station_id...): listed in a cluster's member_ids
  std::uint64_t id = 0; ///< MVT feature id (0: the position in the input plus one)
  GeomType type = GeomType::Point;
  /// Point: parts[0][0] is the position (further parts are ignored). LineString: one polyline per part,
  /// already split at the antimeridian (each part within [-180, 180]). Polygon: closed rings, each outer ring
  /// counter-clockwise in lon/lat (RFC 7946) followed by its holes (clockwise).
  std::vector<std::vector<LonLat>> parts;
  std::map<std::string, PropertyValue> properties;
};

/// Tiling options; the defaults are the stationmap ones.
struct TileOptions {
  int minzoom = 0;
  std::optional<int> maxzoom; ///< nullopt: chosen from the data (see the file comment)
  int links_maxzoom = 6;      ///< the links layer is tiled up to min(this, maxzoom)
  std::uint32_t extent = 4096;
  std::uint32_t buffer = 256;       ///< extent units around each tile (16 px at 256 px)
  std::uint32_t cluster_cell = 512; ///< extent units: 1/8 tile, 32 px at 256 px
  double separation_px = 16.0;      ///< for the automatic maxzoom
  std::vector<std::string> clustered_layers{"stations", "places"};
  std::vector<std::string> line_layers{"links"}; ///< layers limited to links_maxzoom
  std::string name = "stationmap";
  std::string description = "Alleged Chinese overseas police service stations, their home jurisdictions "
                            "and the ties between them, as the source documents state them";
  std::string attribution = "stationmap; place data GeoNames (CC BY 4.0)";
  std::string version = "1.0.0";
};

/// A tile address (z/x/y, XYZ scheme: y = 0 at the north).
struct TileKey {
  std::uint8_t z = 0;
  std::uint32_t x = 0;
  std::uint32_t y = 0;
  auto operator<=>(const TileKey&) const = default;
};

/// One layer as listed in TileJSON's vector_layers.
struct LayerInfo {
  std::string id;
  std::string description;
  int minzoom = 0;
  int maxzoom = 0;
  std::map<std::string, std::string> fields; ///< attribute -> "String", "Number" or "Boolean"
};

/// The tiled pyramid: uncompressed MVT bytes by address, only non-empty tiles.
struct TileSet {
  int minzoom = 0;
  int maxzoom = 0;
  std::map<TileKey, std::string> tiles; ///< empty when the tiles went straight to a TileSink (stream_tiles)
  std::size_t tile_count = 0;           ///< non-empty tiles of the pyramid
  std::array<double, 4> bounds{-180.0, -85.0511287798, 180.0, 85.0511287798}; ///< W, S, E, N
  std::array<double, 3> center{0.0, 0.0, 0.0};                                ///< lon, lat, zoom
  std::vector<LayerInfo> layers;                                              ///< in the order given by the features
  std::map<std::string, std::size_t> layer_feature_counts;                    ///< input features per layer
  TileOptions options;
  bool gzipped = false; ///< tiles hold their gzip bytes (gzip_tiles), as both archives store them
};

/// The maxzoom the data calls for (see the file comment); @p options.maxzoom when given (clamped to 0..22).
[[nodiscard]] int choose_maxzoom(const std::vector<TileFeature>& features, const TileOptions& options);

/// Tiles @p features. Throws Error on a feature without geometry or a bad option.
[[nodiscard]] TileSet build_tiles(const std::vector<TileFeature>& features, const TileOptions& options = {});

/// The pyramid's description without its tiles: zooms, layers (ids, fields, zooms), bounds, center, feature
/// counts; what the archives' metadata holds. Throws Error on a bad option.
[[nodiscard]] TileSet plan_tiles(const std::vector<TileFeature>& features, const TileOptions& options = {});

/// Receives a pyramid's tiles one at a time: zoom by zoom, within a zoom in (x, y) order, as gzip bytes.
class TileSink {
public:
  virtual ~TileSink() = default;
  virtual void add(const TileKey& key, const std::string& gzipped) = 0;
};

/// Tiles @p features as @p plan (plan_tiles) describes them into @p sink, zoom by zoom, each tile gzipped once:
/// only one zoom's geometry is held at a time, never the pyramid's tiles. The same tiles as build_tiles().
/// Returns the number of tiles. Throws Error on a feature without geometry.
std::size_t stream_tiles(const std::vector<TileFeature>& features, const TileSet& plan, TileSink& sink);
/// The same, consuming @p features: each line's lon/lat parts are let go of once projected, the rest on return.
/// The heap's free pages go back to the system before the first zoom (give_back_free_memory()).
std::size_t stream_tiles(std::vector<TileFeature>&& features, const TileSet& plan, TileSink& sink);

/// TileJSON 3.0.0 `vector_layers` array as JSON text.
[[nodiscard]] std::string vector_layers_json(const TileSet& set);

/// Compresses every tile in place, once for both archives (write_mbtiles and write_pmtiles then store the bytes
/// as they are). Does nothing to a set already compressed.
void gzip_tiles(TileSet& set);
/// A tile as the archives store it: its gzip bytes.
[[nodiscard]] std::string stored_tile(const TileSet& set, const std::string& bytes);

/// Writes an MBTiles 1.3 file (gzip-compressed pbf, TMS rows) atomically. Throws IoError/LibraryError.
void write_mbtiles(const TileSet& set, const std::filesystem::path& path);
/// Writes a PMTiles v3 file (gzip tiles and directories, Hilbert-ordered, deduplicated) atomically.
void write_pmtiles(const TileSet& set, const std::filesystem::path& path);

/// Tiles @p features straight into an MBTiles and a PMTiles file (the same files as build_tiles() then
/// write_mbtiles() and write_pmtiles()), holding one zoom at a time. Returns the set without its tiles
/// (tile_count set). Throws like those.
TileSet write_tile_archives(const std::vector<TileFeature>& features, const TileOptions& options,
                            const std::filesystem::path& mbtiles, const std::filesystem::path& pmtiles);
/// The same, consuming @p features as stream_tiles() does.
TileSet write_tile_archives(std::vector<TileFeature>&& features, const TileOptions& options,
                            const std::filesystem::path& mbtiles, const std::filesystem::path& pmtiles);

/// gzip (RFC 1952, mtime 0, deterministic) and its inverse (which stops at 64 MiB, far above any tile). Throw
/// LibraryError/FormatError.
[[nodiscard]] std::string gzip_compress(std::string_view data);
[[nodiscard]] std::string gzip_decompress(std::string_view data);

} // namespace stationmap::tiles
