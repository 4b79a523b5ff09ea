// Many clients at once: 2,000 requests from 50 concurrent clients (tiles, layers, style, web map),
// none failed.

#include "http_client.hpp"
#include "stationmap/render/tiles/archive.hpp"
#include "stationmap/serve/server.hpp"
#include "test_outdir.hpp"

#include <atomic>
#include <chrono>
#include <gtest/gtest.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

TEST(ServeLoad, TwoThousandRequestsFromFiftyClientsNoneFail) {
  const fs::path dir = fs::temp_directory_path() / ("stationmap_load_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  (void)stationmap::testing::make_test_outdir(dir);
  // Targets: every stored tile, plus the layers, the style, TileJSON and the page.
  std::vector<std::string> targets{"/data/stations.geojson", "/style.json", "/tiles.json", "/"};
  const stationmap::tiles::PmtilesReader reader(dir / "tiles.pmtiles");
  for (const auto& e : reader.entries()) {
    for (std::uint32_t i = 0; i < e.run_length; ++i) {
      const auto k = stationmap::tiles::tile_id_to_zxy(e.tile_id + i);
      targets.push_back("/tiles/" + std::to_string(k.z) + "/" + std::to_string(k.x) + "/" + std::to_string(k.y) +
                        ".pbf");
    }
  }
  stationmap::serve::ServeOptions o;
  o.port = 0;
  o.log = [](const std::string&) {};
  stationmap::serve::Server server(dir, o);
  const int port = server.bind();
  std::thread th([&] { server.run(); });

  constexpr int clients = 50;
  constexpr int per_client = 40;
  std::atomic<int> ok{0};
  std::atomic<int> failed{0};
  std::mutex m;
  std::string first_failure;
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (int c = 0; c < clients; ++c) {
    pool.emplace_back([&, c] {
      for (int i = 0; i < per_client; ++i) {
        const std::string& target = targets[static_cast<std::size_t>(c * per_client + i) % targets.size()];
        try {
          const auto r = stationmap::testing::http_get(port, target, "Accept-Encoding: gzip\r\n");
          if (r.status == 200 && !r.body.empty()) {
            ++ok;
            continue;
          }
          std::lock_guard lock(m);
          first_failure = target + " -> " + std::to_string(r.status);
        } catch (const std::exception& e) {
          std::lock_guard lock(m);
          first_failure = target + " -> " + e.what();
        }
        ++failed;
      }
    });
  }
  for (auto& t : pool) {
    t.join();
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  server.stop();
  th.join();
  fs::remove_all(dir);
  EXPECT_EQ(failed.load(), 0) << first_failure;
  EXPECT_EQ(ok.load(), clients * per_client);
  std::cout << "serve load: " << ok.load() << " requests from " << clients << " clients in " << seconds << " s ("
            << static_cast<int>(ok.load() / seconds) << " requests/s), " << failed.load() << " failed\n";
}
