// Tiling straight into both archives: one pass over the zooms, each tile gzipped once and handed to the
// MBTiles and the PMTiles writer, so the pyramid's tiles are never all in memory.

#include "stationmap/tiles/archive.hpp"
#include "stationmap/tiles/tiles.hpp"

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

} // namespace

TileSet write_tile_archives(const std::vector<TileFeature>& features, const TileOptions& options,
                            const std::filesystem::path& mbtiles, const std::filesystem::path& pmtiles) {
  TileSet set = plan_tiles(features, options);
  MbtilesWriter mbtiles_writer(set, mbtiles);
  PmtilesWriter pmtiles_writer(pmtiles);
  BothArchives both(mbtiles_writer, pmtiles_writer);
  set.tile_count = stream_tiles(features, set, both);
  set.gzipped = true;
  mbtiles_writer.commit();
  pmtiles_writer.commit(set);
  return set;
}

} // namespace stationmap::tiles
