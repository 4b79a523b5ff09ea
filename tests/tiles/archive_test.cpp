// MBTiles and PMTiles: round trips, TMS rows, Hilbert ids, leaf directories, deterministic files.

#include "../serve/fixture_claims.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/core/file_io.hpp"
#include "stationmap/render/web_map.hpp"
#include "stationmap/tiles/archive.hpp"
#include "stationmap/tiles/mvt.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>
#include <utility>

namespace sr = stationmap::render;
namespace st = stationmap::tiles;
namespace fs = std::filesystem;

namespace {

fs::path temp_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("stationmap_tiles_" + name + "_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

st::TileSet fixture_set() {
  return st::build_tiles(sr::features_from_claims(stationmap::testing::fixture_claims()));
}

} // namespace

TEST(TilesArchive, HilbertIdsFollowTheSpec) {
  EXPECT_EQ(st::zxy_to_tile_id(0, 0, 0), 0U);
  EXPECT_EQ(st::zxy_to_tile_id(1, 0, 0), 1U);
  EXPECT_EQ(st::zxy_to_tile_id(1, 0, 1), 2U);
  EXPECT_EQ(st::zxy_to_tile_id(1, 1, 1), 3U);
  EXPECT_EQ(st::zxy_to_tile_id(1, 1, 0), 4U);
  EXPECT_EQ(st::zxy_to_tile_id(2, 0, 0), 5U);
  // Values the npm pmtiles library's zxyToTileId gives.
  EXPECT_EQ(st::zxy_to_tile_id(3, 5, 2), 76U);
  EXPECT_EQ(st::zxy_to_tile_id(7, 100, 3), 20874U);
  EXPECT_EQ(st::zxy_to_tile_id(12, 1234, 3000), 13268027U);
  for (std::uint8_t z = 0; z <= 12; z += 3) {
    const std::uint32_t n = 1U << z;
    for (std::uint32_t x = 0; x < n; x += std::max(1U, n / 7)) {
      for (std::uint32_t y = 0; y < n; y += std::max(1U, n / 5)) {
        const auto back = st::tile_id_to_zxy(st::zxy_to_tile_id(z, x, y));
        EXPECT_EQ(back, (st::TileKey{z, x, y}));
      }
    }
  }
  EXPECT_THROW((void)st::zxy_to_tile_id(2, 4, 0), stationmap::Error);
}

TEST(TilesArchive, DirectoryRoundTrip) {
  const std::vector<st::PmtilesEntry> entries{{1, 0, 10, 1}, {2, 10, 5, 3}, {9, 0, 10, 1}, {40, 15, 7, 0}};
  EXPECT_EQ(st::deserialize_directory(st::serialize_directory(entries)), entries);
}

TEST(TilesArchive, PmtilesRoundTripsEveryTile) {
  const auto set = fixture_set();
  const auto dir = temp_dir("pm");
  st::write_pmtiles(set, dir / "tiles.pmtiles");
  const st::PmtilesReader reader(dir / "tiles.pmtiles");
  const auto& h = reader.header();
  EXPECT_EQ(h.root_offset, 127U);
  EXPECT_LE(h.root_offset + h.root_length, 16384U);
  EXPECT_EQ(h.tile_type, 1);
  EXPECT_EQ(h.tile_compression, 2);
  EXPECT_EQ(h.internal_compression, 2);
  EXPECT_TRUE(h.clustered);
  EXPECT_EQ(h.addressed_tiles, set.tiles.size());
  EXPECT_EQ(h.min_zoom, set.minzoom);
  EXPECT_EQ(h.max_zoom, set.maxzoom);
  for (const auto& [key, bytes] : set.tiles) {
    const auto t = reader.tile(key.z, key.x, key.y);
    ASSERT_TRUE(t.has_value()) << int(key.z) << "/" << key.x << "/" << key.y;
    EXPECT_TRUE(t->gzipped);
    EXPECT_EQ(st::gzip_decompress(t->data), bytes);
  }
  EXPECT_FALSE(reader.tile(0, 1, 0).has_value());
  const auto meta = nlohmann::json::parse(reader.metadata_json());
  EXPECT_EQ(meta["vector_layers"].size(), 4U);
  // Entries ascend and cover exactly the tiles.
  std::uint64_t addressed = 0;
  std::uint64_t last = 0;
  for (const auto& e : reader.entries()) {
    EXPECT_GE(e.tile_id, last);
    last = e.tile_id + e.run_length;
    addressed += e.run_length;
  }
  EXPECT_EQ(addressed, set.tiles.size());
  fs::remove_all(dir);
}

TEST(TilesArchive, PmtilesUsesLeafDirectoriesAndRunsWhenNeeded) {
  st::TileSet set;
  set.minzoom = 0;
  set.maxzoom = 10;
  // 20,000 distinct tiles scattered over zoom 10, of varied sizes, overflow a 16 KiB root; a block of
  // identical ones makes runs.
  std::uint64_t state = 12345;
  while (set.tiles.size() < 20000) {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    const auto x = static_cast<std::uint32_t>((state >> 20U) % 1024);
    const auto y = static_cast<std::uint32_t>((state >> 40U) % 1024);
    set.tiles[{10, x, y}] = "tile-" + std::to_string(state) + std::string((state >> 8U) % 300, 'x');
  }
  for (std::uint32_t x = 0; x < 16; ++x) {
    for (std::uint32_t y = 0; y < 16; ++y) {
      set.tiles[{4, x, y}] = "same";
    }
  }
  const auto dir = temp_dir("leaf");
  st::write_pmtiles(set, dir / "t.pmtiles");
  const st::PmtilesReader reader(dir / "t.pmtiles");
  EXPECT_GT(reader.header().leaf_length, 0U);
  EXPECT_LE(reader.header().root_offset + reader.header().root_length, 16384U);
  EXPECT_LT(reader.header().tile_entries, reader.header().addressed_tiles);
  EXPECT_EQ(reader.header().tile_contents, 20001U);
  for (const auto& [key, bytes] : set.tiles) {
    const auto t = reader.tile(key.z, key.x, key.y);
    ASSERT_TRUE(t.has_value());
    ASSERT_EQ(st::gzip_decompress(t->data), bytes);
  }
  fs::remove_all(dir);
}

TEST(TilesArchive, MbtilesRoundTripWithTmsRowsAndMetadata) {
  const auto set = fixture_set();
  const auto dir = temp_dir("mb");
  st::write_mbtiles(set, dir / "tiles.mbtiles");
  const st::MbtilesReader reader(dir / "tiles.mbtiles");
  const auto meta = reader.metadata();
  EXPECT_EQ(meta.at("format"), "pbf");
  EXPECT_EQ(meta.at("minzoom"), std::to_string(set.minzoom));
  EXPECT_EQ(meta.at("maxzoom"), std::to_string(set.maxzoom));
  const auto json = nlohmann::json::parse(meta.at("json"));
  EXPECT_EQ(json["vector_layers"].size(), 4U);
  const auto addresses = reader.addresses(); // throws on an address outside its zoom
  EXPECT_EQ(addresses.size(), set.tiles.size());
  for (const auto& key : addresses) {
    ASSERT_EQ(set.tiles.count(key), 1U);
    const auto t = reader.tile(key.z, key.x, key.y);
    ASSERT_TRUE(t.has_value());
    EXPECT_TRUE(t->gzipped);
    EXPECT_EQ(st::gzip_decompress(t->data), set.tiles.at(key));
  }
  fs::remove_all(dir);
}

TEST(TilesArchive, FilesAreDeterministic) {
  const auto dir = temp_dir("det");
  st::write_mbtiles(fixture_set(), dir / "a.mbtiles");
  st::write_mbtiles(fixture_set(), dir / "b.mbtiles");
  st::write_pmtiles(fixture_set(), dir / "a.pmtiles");
  st::write_pmtiles(fixture_set(), dir / "b.pmtiles");
  EXPECT_EQ(stationmap::read_file(dir / "a.mbtiles"), stationmap::read_file(dir / "b.mbtiles"));
  EXPECT_EQ(stationmap::read_file(dir / "a.pmtiles"), stationmap::read_file(dir / "b.pmtiles"));
  fs::remove_all(dir);
}

// Tiles compressed once for both archives give the same files as each archive compressing them.
TEST(TilesArchive, TilesGzippedOnceGiveTheSameFiles) {
  const auto dir = temp_dir("gz");
  st::TileSet once = fixture_set();
  st::gzip_tiles(once);
  ASSERT_TRUE(once.gzipped);
  EXPECT_EQ(st::gzip_decompress(once.tiles.begin()->second), fixture_set().tiles.begin()->second);
  st::write_mbtiles(fixture_set(), dir / "a.mbtiles");
  st::write_mbtiles(once, dir / "b.mbtiles");
  st::write_pmtiles(fixture_set(), dir / "a.pmtiles");
  st::write_pmtiles(once, dir / "b.pmtiles");
  EXPECT_EQ(stationmap::read_file(dir / "a.mbtiles"), stationmap::read_file(dir / "b.mbtiles"));
  EXPECT_EQ(stationmap::read_file(dir / "a.pmtiles"), stationmap::read_file(dir / "b.pmtiles"));
  fs::remove_all(dir);
}

// Tiling straight into both archives, zoom by zoom, gives the files of the whole pyramid built in memory, and
// leaves nothing else in the folder (the PMTiles scratch file is gone).
TEST(TilesArchive, StreamedArchivesAreThoseOfTheWholePyramid) {
  const auto dir = temp_dir("stream");
  const auto features = sr::features_from_claims(stationmap::testing::fixture_claims());
  const st::TileSet whole = st::build_tiles(features);
  st::write_mbtiles(whole, dir / "a.mbtiles");
  st::write_pmtiles(whole, dir / "a.pmtiles");
  fs::create_directories(dir / "streamed");
  const st::TileSet streamed =
      st::write_tile_archives(features, {}, dir / "streamed" / "b.mbtiles", dir / "streamed" / "b.pmtiles");
  EXPECT_TRUE(streamed.tiles.empty());
  EXPECT_EQ(streamed.tile_count, whole.tiles.size());
  EXPECT_EQ(streamed.maxzoom, whole.maxzoom);
  EXPECT_EQ(stationmap::read_file(dir / "a.mbtiles"), stationmap::read_file(dir / "streamed" / "b.mbtiles"));
  EXPECT_EQ(stationmap::read_file(dir / "a.pmtiles"), stationmap::read_file(dir / "streamed" / "b.pmtiles"));
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(dir / "streamed")) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  EXPECT_EQ(names, (std::vector<std::string>{"b.mbtiles", "b.pmtiles"}));
  // Handed over (the features' lines let go of as they are projected): the same files.
  auto given = features;
  const st::TileSet consumed =
      st::write_tile_archives(std::move(given), {}, dir / "streamed" / "c.mbtiles", dir / "streamed" / "c.pmtiles");
  EXPECT_EQ(consumed.tile_count, whole.tiles.size());
  EXPECT_EQ(stationmap::read_file(dir / "a.mbtiles"), stationmap::read_file(dir / "streamed" / "c.mbtiles"));
  EXPECT_EQ(stationmap::read_file(dir / "a.pmtiles"), stationmap::read_file(dir / "streamed" / "c.pmtiles"));
  fs::remove_all(dir);
}

TEST(TilesArchive, OpenPrefersPmtiles) {
  const auto dir = temp_dir("open");
  EXPECT_EQ(st::open_tile_archive(dir), nullptr);
  st::write_mbtiles(fixture_set(), dir / "tiles.mbtiles");
  auto mb = st::open_tile_archive(dir);
  ASSERT_NE(mb, nullptr);
  EXPECT_NE(dynamic_cast<st::MbtilesReader*>(mb.get()), nullptr);
  st::write_pmtiles(fixture_set(), dir / "tiles.pmtiles");
  auto pm = st::open_tile_archive(dir);
  EXPECT_NE(dynamic_cast<st::PmtilesReader*>(pm.get()), nullptr);
  EXPECT_THROW(st::PmtilesReader(dir / "tiles.mbtiles"), stationmap::FormatError);
  fs::remove_all(dir);
}
