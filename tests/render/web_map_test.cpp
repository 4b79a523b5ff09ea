// style.json, tiles.json and the web map files.

#include "../serve/fixture_claims.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/core/file_io.hpp"
#include "stationmap/render/web_map.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>
#include <unistd.h>

namespace sr = stationmap::render;
namespace st = stationmap::tiles;
namespace fs = std::filesystem;

namespace {

st::TileSet fixture_set() {
  return st::build_tiles(sr::features_from_claims(stationmap::testing::fixture_claims()));
}

} // namespace

TEST(TilesWeb, StyleIsMapLibreV8WithLocalGlyphsAndUsesEveryLayer) {
  const auto set = fixture_set();
  const auto style = nlohmann::json::parse(sr::style_json(set));
  EXPECT_EQ(style["version"], 8);
  EXPECT_EQ(style["glyphs"], "glyphs/{fontstack}/{range}.pbf"); // beside index.html, never a remote server
  EXPECT_FALSE(style.contains("sprite"));
  EXPECT_EQ(style["sources"]["stationmap"]["tiles"][0], "tiles/{z}/{x}/{y}.pbf");
  EXPECT_EQ(style["sources"]["stationmap"]["maxzoom"], set.maxzoom);
  EXPECT_EQ(style["sources"]["stationmap-links"]["maxzoom"], std::min(st::TileOptions{}.links_maxzoom, set.maxzoom));
  std::set<std::string> source_layers;
  std::set<std::string> symbol_layers;
  for (const auto& l : style["layers"]) {
    if (l["type"] == "symbol") {
      symbol_layers.insert(l["id"].get<std::string>());
    }
    if (l.contains("source-layer")) {
      source_layers.insert(l["source-layer"].get<std::string>());
    }
    if (l.value("source-layer", "") == "links") {
      EXPECT_EQ(l["source"], "stationmap-links");
    }
  }
  EXPECT_EQ(source_layers, (std::set<std::string>{"stations", "jurisdictions", "links", "places", "candidates",
                                                  "basemap_countries", "basemap_borders", "basemap_labels"}));
  EXPECT_EQ(symbol_layers, (std::set<std::string>{"basemap-labels"})); // the only text: country names
  // Candidates (sites in doubt) start hidden and are never a station's filled dot.
  for (const auto& l : style["layers"]) {
    if (l["id"] == "candidates") {
      EXPECT_EQ(l["layout"]["visibility"], "none");
      EXPECT_EQ(l["paint"]["circle-opacity"], 0.0);
      EXPECT_NE(l["source-layer"], "stations");
    }
  }
  // The basemap: vector tiles in basemap.pmtiles beside index.html (read with the PMTiles protocol).
  EXPECT_EQ(style["sources"]["basemap"]["type"], "vector");
  EXPECT_EQ(style["sources"]["basemap"]["url"], "pmtiles://basemap.pmtiles");
  // Every status has its colour in the legend metadata.
  for (const auto& [status, color] : sr::status_colors()) {
    EXPECT_EQ(style["metadata"]["stationmap:status-colors"][status], color);
  }
}

TEST(TilesWeb, TileJson300) {
  const auto set = fixture_set();
  const auto j = nlohmann::json::parse(sr::tilejson(set));
  EXPECT_EQ(j["tilejson"], "3.0.0");
  EXPECT_EQ(j["scheme"], "xyz");
  EXPECT_EQ(j["minzoom"], 0);
  EXPECT_EQ(j["maxzoom"], set.maxzoom);
  ASSERT_EQ(j["bounds"].size(), 4U);
  EXPECT_LT(j["bounds"][0].get<double>(), j["bounds"][2].get<double>());
  ASSERT_EQ(j["vector_layers"].size(), 4U);
  for (const auto& l : j["vector_layers"]) {
    EXPECT_TRUE(l["fields"].is_object());
    EXPECT_FALSE(l["id"].get<std::string>().empty());
  }
}

TEST(TilesWeb, WritesTheMapAndWarnsWithoutMapLibre) {
  const fs::path base = fs::temp_directory_path() / ("stationmap_web_" + std::to_string(::getpid()));
  fs::remove_all(base);
  fs::create_directories(base / "web");
  stationmap::write_file_atomic(base / "web" / "index.html", "<html>template</html>");
  const auto warnings = sr::write_web_map(fixture_set(), base / "out", base / "web");
  EXPECT_EQ(stationmap::read_file(base / "out" / "index.html"), "<html>template</html>");
  EXPECT_TRUE(fs::exists(base / "out" / "style.json"));
  EXPECT_TRUE(fs::exists(base / "out" / "tiles.json"));
  ASSERT_EQ(warnings.size(), 4U);
  EXPECT_NE(warnings[0].find("fetch_web_vendor"), std::string::npos);
  // With vendored files they are copied.
  fs::create_directories(base / "web" / "vendor");
  for (const char* f : {"maplibre-gl.js", "maplibre-gl.css", "LICENSE.txt", "pmtiles.js"}) {
    stationmap::write_file_atomic(base / "web" / "vendor" / f, f);
  }
  EXPECT_TRUE(sr::write_web_map(fixture_set(), base / "out", base / "web").empty());
  EXPECT_EQ(stationmap::read_file(base / "out" / "maplibre-gl.js"), "maplibre-gl.js");
  EXPECT_EQ(stationmap::read_file(base / "out" / "maplibre-gl.LICENSE.txt"), "LICENSE.txt");
  EXPECT_EQ(stationmap::read_file(base / "out" / "pmtiles.js"), "pmtiles.js");
  EXPECT_THROW((void)sr::write_web_map(fixture_set(), base / "out2", base / "nowhere"), stationmap::IoError);
  fs::remove_all(base);
}

TEST(TilesWeb, TheSourceTemplateIsFound) {
  const fs::path dir = sr::find_web_dir();
  ASSERT_FALSE(dir.empty());
  const std::string html = stationmap::read_file(dir / "index.html");
  EXPECT_NE(html.find("maplibre-gl.js"), std::string::npos);
  EXPECT_EQ(html.find("https://"), std::string::npos) << "no CDN";
  EXPECT_EQ(html.find("http://"), std::string::npos) << "no CDN";
}
