// stationmap serve: routes, status codes, headers (Content-Type, Content-Encoding, ETag, Cache-Control,
// CORS only when asked for), Range requests (one per request), the tile archive behind /tiles, and the OUTDIR
// marker.

#include "http_client.hpp"
#include "running_server.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/core/file_io.hpp"
#include "stationmap/core/outdir.hpp"
#include "stationmap/serve/server.hpp"
#include "stationmap/tiles/archive.hpp"
#include "stationmap/tiles/mvt.hpp"
#include "test_outdir.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
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
    outputs = stationmap::testing::test_outdir(dir / "out");
    server = std::make_unique<stationmap::testing::RunningServer>(dir / "out", stationmap::serve::ServeOptions{});
    port = server->port();
  }
  static void TearDownTestSuite() {
    server.reset();
    fs::remove_all(dir);
  }
  static inline fs::path dir;
  static inline stationmap::render::TileOutputs outputs;
  static inline std::unique_ptr<stationmap::testing::RunningServer> server;
  static inline int port = 0;
};

} // namespace

TEST_F(ServeTest, RootIsTheWebMap) {
  const auto r = http_get(port, "/");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.header("content-type"), "text/html; charset=utf-8");
  EXPECT_NE(r.body.find("maplibre-gl.js"), std::string::npos);
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
  const auto clipped = http_get(port, "/tiles.pmtiles", "Range: bytes=120-99999999\r\n");
  EXPECT_EQ(clipped.status, 206);
  EXPECT_EQ(clipped.body.size(), size - 120);
}

TEST_F(ServeTest, OneRangePerRequest) {
  // Two ranges, and 2,700 overlapping ones (each would be a copy of the file): refused whole.
  const auto size = std::to_string(fs::file_size(dir / "out" / "tiles.pmtiles"));
  const auto two = http_get(port, "/tiles.pmtiles", "Range: bytes=0-9,20-29\r\n");
  EXPECT_EQ(two.status, 416);
  EXPECT_EQ(two.header("content-range"), "bytes */" + size);
  std::string many = "bytes=0-";
  for (int i = 1; i < 2700; ++i) {
    many += ",0-";
  }
  const auto r = http_get(port, "/tiles.pmtiles", "Range: " + many + "\r\n");
  EXPECT_EQ(r.status, 416);
  EXPECT_LT(r.body.size(), 100U);
}

TEST_F(ServeTest, LayersAndStyle) {
  const auto layer = http_get(port, "/data/stations.geojson");
  ASSERT_EQ(layer.status, 200);
  EXPECT_EQ(layer.header("content-type"), "application/geo+json");
  EXPECT_EQ(nlohmann::json::parse(layer.body)["features"].size(), 9U);
  EXPECT_EQ(http_get(port, "/data/nothing.geojson").status, 404);
  EXPECT_EQ(http_get(port, "/data/../tiles.json").status, 404);
  const auto style = http_get(port, "/style.json");
  EXPECT_EQ(nlohmann::json::parse(style.body)["version"], 8);
  const auto head = http_get(port, "/style.json", "", "HEAD");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(head.header("content-length"), std::to_string(style.body.size()));
}

TEST_F(ServeTest, NoCorsUnlessAnOriginIsGiven) {
  const std::string preflight = "Origin: http://example.org\r\nAccess-Control-Request-Method: GET\r\n";
  const auto plain = http_get(port, "/tiles.json", "Origin: http://example.org\r\n");
  EXPECT_EQ(plain.status, 200);
  EXPECT_EQ(plain.header("access-control-allow-origin"), "");
  const auto pre = http_get(port, "/tiles/0/0/0.pbf", preflight, "OPTIONS");
  EXPECT_EQ(pre.status, 204);
  EXPECT_EQ(pre.header("access-control-allow-origin"), "");
  EXPECT_EQ(pre.header("allow"), "GET, HEAD, OPTIONS");

  stationmap::serve::ServeOptions o;
  o.cors_origin = "https://maps.example.org";
  const stationmap::testing::RunningServer with_cors(dir / "out", o);
  const auto allowed = http_get(with_cors.port(), "/tiles/0/0/0.pbf", "Accept-Encoding: gzip\r\n");
  EXPECT_EQ(allowed.header("access-control-allow-origin"), "https://maps.example.org");
  EXPECT_EQ(allowed.header("vary"), "Accept-Encoding, Origin");
  EXPECT_NE(allowed.header("access-control-expose-headers").find("Content-Range"), std::string::npos);
  const auto allowed_pre = http_get(with_cors.port(), "/tiles/0/0/0.pbf", preflight, "OPTIONS");
  EXPECT_EQ(allowed_pre.status, 204);
  EXPECT_EQ(allowed_pre.header("access-control-allow-origin"), "https://maps.example.org");
  EXPECT_NE(allowed_pre.header("access-control-allow-headers").find("Range"), std::string::npos);
}

TEST_F(ServeTest, CorsOriginMustBeAnOrigin) {
  for (const char* bad : {"example.org", "https://example.org/path", "https://a b", "ftp://example.org",
                          "https://example.org\r\nSet-Cookie: x=1", "https://example.org:"}) {
    stationmap::serve::ServeOptions o;
    o.cors_origin = bad;
    EXPECT_THROW(stationmap::serve::Server(dir / "out", o), stationmap::UsageError) << bad;
  }
}

TEST(ServeOutdir, RefusesAFolderStationmapDidNotWrite) {
  const fs::path home = fs::temp_directory_path() / ("stationmap_not_outdir_" + std::to_string(::getpid()));
  fs::create_directories(home);
  stationmap::write_file_atomic(home / "tiles.json", "{}");
  stationmap::serve::ServeOptions o;
  try {
    stationmap::serve::Server server(home, o);
    ADD_FAILURE() << "served a folder without the .stationmap marker";
  } catch (const stationmap::IoError& e) {
    EXPECT_NE(std::string(e.what()).find(".stationmap"), std::string::npos) << e.what();
  }
  stationmap::write_outdir_marker(home);
  EXPECT_NO_THROW(stationmap::serve::Server(home, o));
  fs::remove_all(home);
}

TEST_F(ServeTest, OneLogLinePerRequest) {
  const std::size_t before = server->log().size();
  (void)http_get(port, "/style.json?probe=1");
  (void)http_get(port, "/missing-file");
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  const auto log_lines = server->log();
  ASSERT_EQ(log_lines.size(), before + 2);
  EXPECT_NE(log_lines[before].find("\"GET /style.json?probe=1 HTTP/1.1\" 200"), std::string::npos) << log_lines[before];
  EXPECT_NE(log_lines[before + 1].find("\" 404 "), std::string::npos) << log_lines[before + 1];
}
