// stationmap serve: routes, status codes, headers (Content-Type, Content-Encoding, ETag, Cache-Control,
// CORS), Range requests, and the tile archive behind /tiles.

#include "http_client.hpp"
#include "stationmap/render/tiles/archive.hpp"
#include "stationmap/render/tiles/mvt.hpp"
#include "stationmap/serve/server.hpp"
#include "test_outdir.hpp"

#include <gtest/gtest.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;
using stationmap::testing::http_get;

namespace {

class ServeTest : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    dir = fs::temp_directory_path() / ("stationmap_serve_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    outputs = stationmap::testing::make_test_outdir(dir / "out");
    stationmap::serve::ServeOptions o;
    o.port = 0;
    o.threads = 8;
    o.log = [](const std::string& line) {
      std::lock_guard lock(log_mutex);
      log_lines.push_back(line);
    };
    server = std::make_unique<stationmap::serve::Server>(dir / "out", o);
    port = server->bind();
    thread = std::thread([] { server->run(); });
  }
  static void TearDownTestSuite() {
    server->stop();
    thread.join();
    server.reset();
    fs::remove_all(dir);
  }
  static inline fs::path dir;
  static inline stationmap::tiles::TileOutputs outputs;
  static inline std::unique_ptr<stationmap::serve::Server> server;
  static inline std::thread thread;
  static inline int port = 0;
  static inline std::mutex log_mutex;
  static inline std::vector<std::string> log_lines;
};

} // namespace

TEST_F(ServeTest, RootIsTheWebMap) {
  const auto r = http_get(port, "/");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(r.body.find("maplibre-gl.js"), std::string::npos);
  EXPECT_EQ(r.header("access-control-allow-origin"), "*");
  EXPECT_EQ(r.header("cache-control"), "no-cache");
  EXPECT_FALSE(r.header("etag").empty());
}

TEST_F(ServeTest, TileJsonHasAbsoluteTileUrls) {
  const auto r = http_get(port, "/tiles.json");
  ASSERT_EQ(r.status, 200);
  const auto j = nlohmann::json::parse(r.body);
  EXPECT_EQ(j["tilejson"], "3.0.0");
  EXPECT_EQ(j["tiles"][0], "http://127.0.0.1:" + std::to_string(port) + "/tiles/{z}/{x}/{y}.pbf");
  EXPECT_EQ(j["vector_layers"].size(), 4U);
  EXPECT_EQ(j["maxzoom"], outputs.maxzoom);
}

TEST_F(ServeTest, TilesAreGzippedProtobufAnd204WhenEmpty) {
  const auto r = http_get(port, "/tiles/0/0/0.pbf", "Accept-Encoding: gzip\r\n");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "application/x-protobuf");
  EXPECT_EQ(r.header("content-encoding"), "gzip");
  EXPECT_EQ(r.header("cache-control"), "public, max-age=3600");
  const auto layers = stationmap::tiles::decode_mvt(stationmap::tiles::gzip_decompress(r.body));
  EXPECT_EQ(layers.size(), 4U);
  // Without gzip in Accept-Encoding the tile comes decompressed.
  const auto plain = http_get(port, "/tiles/0/0/0.pbf");
  EXPECT_EQ(plain.header("content-encoding"), "");
  EXPECT_EQ(stationmap::tiles::decode_mvt(plain.body).size(), 4U);
  // Zoom 2, the southern Atlantic: nothing there.
  EXPECT_EQ(http_get(port, "/tiles/2/1/3.pbf").status, 204);
}

TEST_F(ServeTest, BadTileAddressesAre4xx) {
  EXPECT_EQ(http_get(port, "/tiles/1/2/0.pbf").status, 404);  // x >= 2^z
  EXPECT_EQ(http_get(port, "/tiles/1/0/2.pbf").status, 404);  // y >= 2^z
  EXPECT_EQ(http_get(port, "/tiles/25/0/0.pbf").status, 404); // past maxzoom
  EXPECT_EQ(http_get(port, "/tiles/31/0/0.pbf").status, 404);
  EXPECT_EQ(http_get(port, "/tiles/a/0/0.pbf").status, 400);
  EXPECT_EQ(http_get(port, "/tiles/0/0/-1.pbf").status, 400);
  EXPECT_EQ(http_get(port, "/tiles/0/0.pbf").status, 400);
  EXPECT_EQ(http_get(port, "/tiles/0/0/99999999999.pbf").status, 400);
}

TEST_F(ServeTest, EtagGives304) {
  const auto first = http_get(port, "/tiles/0/0/0.pbf", "Accept-Encoding: gzip\r\n");
  const std::string etag = first.header("etag");
  ASSERT_FALSE(etag.empty());
  const auto again = http_get(port, "/tiles/0/0/0.pbf", "Accept-Encoding: gzip\r\nIf-None-Match: " + etag + "\r\n");
  EXPECT_EQ(again.status, 304);
  EXPECT_TRUE(again.body.empty());
  const auto style = http_get(port, "/style.json");
  ASSERT_EQ(style.status, 200);
  EXPECT_EQ(http_get(port, "/style.json", "If-None-Match: \"other\", " + style.header("etag") + "\r\n").status, 304);
  EXPECT_EQ(http_get(port, "/style.json", "If-None-Match: \"other\"\r\n").status, 200);
}

TEST_F(ServeTest, RangeRequestsOnThePmtiles) {
  const auto r = http_get(port, "/tiles.pmtiles", "Range: bytes=0-126\r\n");
  ASSERT_EQ(r.status, 206);
  EXPECT_EQ(r.body.size(), 127U);
  EXPECT_EQ(r.body.substr(0, 7), "PMTiles");
  const auto size = fs::file_size(dir / "out" / "tiles.pmtiles");
  EXPECT_EQ(r.header("content-range"), "bytes 0-126/" + std::to_string(size));
  const auto tail = http_get(port, "/tiles.pmtiles", "Range: bytes=-10\r\n");
  EXPECT_EQ(tail.status, 206);
  EXPECT_EQ(tail.body.size(), 10U);
  EXPECT_EQ(http_get(port, "/tiles.pmtiles", "Range: bytes=" + std::to_string(size + 10) + "-\r\n").status, 416);
}

TEST_F(ServeTest, LayersStyleAndCors) {
  const auto layer = http_get(port, "/data/stations.geojson");
  ASSERT_EQ(layer.status, 200);
  EXPECT_EQ(layer.header("content-type"), "application/geo+json");
  EXPECT_EQ(nlohmann::json::parse(layer.body)["features"].size(), 9U);
  EXPECT_EQ(http_get(port, "/data/nothing.geojson").status, 404);
  EXPECT_EQ(http_get(port, "/data/../tiles.json").status, 404);
  const auto style = http_get(port, "/style.json");
  EXPECT_EQ(nlohmann::json::parse(style.body)["version"], 8);
  const auto pre = http_get(port, "/tiles/0/0/0.pbf",
                            "Origin: http://example.org\r\nAccess-Control-Request-Method: GET\r\n", "OPTIONS");
  EXPECT_EQ(pre.status, 204);
  EXPECT_EQ(pre.header("access-control-allow-origin"), "*");
  EXPECT_NE(pre.header("access-control-allow-headers").find("Range"), std::string::npos);
  const auto head = http_get(port, "/style.json", "", "HEAD");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
}

TEST_F(ServeTest, OneLogLinePerRequest) {
  std::size_t before = 0;
  {
    std::lock_guard lock(log_mutex);
    before = log_lines.size();
  }
  (void)http_get(port, "/style.json?probe=1");
  (void)http_get(port, "/missing-file");
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  std::lock_guard lock(log_mutex);
  ASSERT_EQ(log_lines.size(), before + 2);
  EXPECT_NE(log_lines[before].find("\"GET /style.json?probe=1 HTTP/1.1\" 200"), std::string::npos) << log_lines[before];
  EXPECT_NE(log_lines[before + 1].find("\" 404 "), std::string::npos) << log_lines[before + 1];
}
