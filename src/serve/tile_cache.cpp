// Tiles read once (see tile_cache.hpp).

#include "tile_cache.hpp"

#include "stationmap/serve/http_text.hpp"

#include <mutex>

namespace stationmap::serve {
namespace {

/// Bytes a cache entry costs besides the tile itself (map node, ETag, control block): a rough figure that
/// keeps a cache of empty tiles bounded too.
constexpr std::size_t entry_overhead = 128;

} // namespace

TileCache::TileCache(const tiles::TileArchive& archive, std::size_t budget_bytes)
    : m_archive(archive), m_budget(budget_bytes) {}

ServedTile TileCache::get(std::uint8_t z, std::uint32_t x, std::uint32_t y) {
  const std::uint64_t id = tiles::zxy_to_tile_id(z, x, y);
  {
    std::shared_lock lock(m_mutex);
    const auto it = m_tiles.find(id);
    if (it != m_tiles.end()) {
      return it->second;
    }
  }
  ServedTile served;
  if (auto stored = m_archive.tile(z, x, y)) {
    served.etag = content_etag(stored->data);
    served.gzipped = stored->gzipped;
    served.bytes = std::make_shared<const std::string>(std::move(stored->data));
  }
  const std::size_t cost = entry_overhead + (served.bytes ? served.bytes->size() : 0);
  std::unique_lock lock(m_mutex);
  if (m_used + cost <= m_budget && m_tiles.emplace(id, served).second) {
    m_used += cost; // once full, further tiles are read per request: the cache never grows past its budget
  }
  return served;
}

} // namespace stationmap::serve
