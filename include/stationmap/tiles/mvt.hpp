#pragma once
/// @file
/// Mapbox Vector Tile 2.1 encoding (on protozero) and a small decoder used by the tests and tools.

#include "stationmap/tiles/tiles.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace stationmap::tiles {

/// A point in tile coordinates (0..extent, y down; may lie in the buffer outside that range).
struct TilePoint {
  std::int32_t x = 0;
  std::int32_t y = 0;
  bool operator==(const TilePoint&) const = default;
};

/// A feature ready to encode: geometry already in tile coordinates.
struct MvtFeature {
  std::uint64_t id = 0;
  GeomType type = GeomType::Point;
  std::vector<std::vector<TilePoint>> parts; ///< Point: each part one point; LineString: polylines
  std::map<std::string, PropertyValue> properties;
  /// Attributes shared with other features (the input feature's, held by the caller until encode_mvt returns):
  /// encoded with `properties`, which win on a key both have, without a copy per tile. nullptr: none.
  const std::map<std::string, PropertyValue>* shared_properties = nullptr;
};

struct MvtLayer {
  std::string name;
  std::uint32_t extent = 4096;
  std::vector<MvtFeature> features;
};

/// Encodes layers (in the given order; empty layers are left out) as one tile's bytes.
[[nodiscard]] std::string encode_mvt(const std::vector<MvtLayer>& layers);

/// Decodes a tile. Throws FormatError on bytes that are not a valid MVT 2.x tile.
[[nodiscard]] std::vector<MvtLayer> decode_mvt(std::string_view bytes);

} // namespace stationmap::tiles
