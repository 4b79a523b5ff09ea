// Many clients at once: 200 concurrent keep-alive clients, 10 requests each on one connection (tiles,
// layers, style, TileJSON, web map), none failed.

#include "http_client.hpp"
#include "running_server.hpp"
#include "stationmap/tiles/archive.hpp"
#include "test_outdir.hpp"

#include <atomic>
#include <chrono>
#include <gtest/gtest.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace stationmap::testing;

namespace {

/// Every stored tile, plus the layers, the style, TileJSON and the page.
std::vector<std::string> targets_of(const fs::path& outdir) {
  std::vector<std::string> targets{"/data/stations.geojson", "/style.json", "/tiles.json", "/"};
  const stationmap::tiles::PmtilesReader reader(outdir / "tiles.pmtiles");
  for (const auto& e : reader.entries()) {
    for (std::uint32_t i = 0; i < e.run_length; ++i) {
      const auto k = stationmap::tiles::tile_id_to_zxy(e.tile_id + i);
      targets.push_back("/tiles/" + std::to_string(k.z) + "/" + std::to_string(k.x) + "/" + std::to_string(k.y) +
                        ".pbf");
    }
  }
  return targets;
}

} // namespace

TEST(ServeLoad, TwoHundredKeepAliveClientsNoneFail) {
  const fs::path dir = fs::temp_directory_path() / ("stationmap_load_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  (void)test_outdir(dir);
  const auto targets = targets_of(dir);
  const RunningServer server(dir, {});

  constexpr int clients = 200;
  constexpr int per_client = 10;
  std::atomic<int> ok{0};
  std::atomic<int> failed{0};
  std::mutex m;
  std::string first_failure;
  const auto t0 = std::chrono::steady_clock::now();
  std::vector<std::thread> pool;
  for (int c = 0; c < clients; ++c) {
    pool.emplace_back([&, c] {
      int fd = -1;
      try {
        fd = connect_loopback(server.port());
        for (int i = 0; i < per_client; ++i) {
          const std::string& target = targets[static_cast<std::size_t>(c * per_client + i) % targets.size()];
          if (!send_all(fd, "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: gzip\r\n\r\n")) {
            throw std::runtime_error(target + ": send failed");
          }
          const auto r = read_one_response(fd);
          if (r.status != 200 || r.body.empty()) {
            throw std::runtime_error(target + " -> " + std::to_string(r.status));
          }
          ++ok;
        }
      } catch (const std::exception& e) {
        std::lock_guard lock(m);
        first_failure = e.what();
        ++failed;
      }
      if (fd >= 0) {
        ::close(fd);
      }
    });
  }
  for (auto& t : pool) {
    t.join();
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  fs::remove_all(dir);
  EXPECT_EQ(failed.load(), 0) << first_failure;
  EXPECT_EQ(ok.load(), clients * per_client);
  std::cout << "serve load: " << ok.load() << " requests from " << clients << " keep-alive clients in " << seconds
            << " s, " << failed.load() << " clients failed\n";
}
