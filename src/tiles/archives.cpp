// Tiling straight into both archives: one pass over the zooms, each tile gzipped once and handed to the
// MBTiles and the PMTiles writer, so the pyramid's tiles are never all in memory.

#include "stationmap/tiles/archive.hpp"
#include "stationmap/tiles/tiles.hpp"

#include <utility>

namespace stationmap::tiles {
namespace {

/// Hands every tile to both writers.
class BothArchives final : public TileSink {
public:
  BothArchives(MbtilesWriter& mbtiles, PmtilesWriter& pmtiles) : m_mbtiles(mbtiles), m_pmtiles(pmtiles) {}
  void add(const TileKey& key, const std::string& gzipped) override {
    m_mbtiles.add(key, gzipped);
    m_pmtiles.add(key, gzipped);
  }

private:
  MbtilesWriter& m_mbtiles;
  PmtilesWriter& m_pmtiles;
};

/// Plans the pyramid, then streams it into both archives: stream_tiles() takes @p features as given (a copy or
/// to let go of).
template <class Features>
TileSet write_both(Features&& features, const TileOptions& options, const std::filesystem::path& mbtiles,
                   const std::filesystem::path& pmtiles) {
  TileSet set = plan_tiles(features, options);
  MbtilesWriter mbtiles_writer(set, mbtiles);
  PmtilesWriter pmtiles_writer(pmtiles);
  BothArchives both(mbtiles_writer, pmtiles_writer);
  set.tile_count = stream_tiles(std::forward<Features>(features), set, both);
  set.gzipped = true;
  mbtiles_writer.commit();
  pmtiles_writer.commit(set);
  return set;
}

} // namespace

TileSet write_tile_archives(const std::vector<TileFeature>& features, const TileOptions& options,
                            const std::filesystem::path& mbtiles, const std::filesystem::path& pmtiles) {
  return write_both(features, options, mbtiles, pmtiles);
}

TileSet write_tile_archives(std::vector<TileFeature>&& features, const TileOptions& options,
                            const std::filesystem::path& mbtiles, const std::filesystem::path& pmtiles) {
  return write_both(std::move(features), options, mbtiles, pmtiles);
}

} // namespace stationmap::tiles
