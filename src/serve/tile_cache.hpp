#pragma once
// Tiles read from the archive once and kept with their ETags, up to a byte budget.

#include "stationmap/tiles/archive.hpp"

#include <cstdint>
#include <memory>
#include <shared_mutex>
#include <string>
#include <unordered_map>

namespace stationmap::serve {

/// A tile as served: nullptr bytes for an empty address in range (204).
struct ServedTile {
  std::shared_ptr<const std::string> bytes;
  std::string etag;
  bool gzipped = false;
};

class TileCache {
public:
  TileCache(const tiles::TileArchive& archive, std::size_t budget_bytes);
  /// The tile at a valid address of the archive (z within its zooms, x and y below 2^z). Thread-safe.
  [[nodiscard]] ServedTile get(std::uint8_t z, std::uint32_t x, std::uint32_t y);

private:
  const tiles::TileArchive& m_archive;
  std::size_t m_budget;
  std::size_t m_used = 0;
  std::shared_mutex m_mutex;
  std::unordered_map<std::uint64_t, ServedTile> m_tiles; // by PMTiles tile id
};

} // namespace stationmap::serve
