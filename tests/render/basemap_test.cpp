#include "basemap/basemap_layers.hpp"

#include <gtest/gtest.h>

namespace stationmap::render::detail {
namespace {

// Invented countries AA and BB sharing the border x = 10, and BB's coast elsewhere.
constexpr const char* two_squares = R"({"type":"Topology",
  "arcs":[[[10,0],[10,10]], [[10,10],[0,10],[0,0],[10,0]], [[10,0],[20,0],[20,10],[10,10]]],
  "objects":{"countries":{"type":"GeometryCollection","geometries":[
    {"type":"Polygon","arcs":[[0,1]],"properties":{"name":"Aland","iso_a2":"AA"}},
    {"type":"Polygon","arcs":[[2,-1]],"properties":{"name":"Bland","iso_a2":"BB"}}]}}})";

TEST(BasemapLayers, CountriesAsNamedPolygonsAndTheirSharedBorders) {
  const std::vector<Layer> layers = basemap_layers(geography::parse_topojson(two_squares));
  ASSERT_EQ(layers.size(), 2u);
  const Layer& countries = layers[0];
  EXPECT_EQ(countries.name, "basemap_countries");
  EXPECT_EQ(countries.geom, GeomType::MultiPolygon);
  ASSERT_EQ(countries.rows.size(), 2u);
  EXPECT_EQ(countries.rows[1].values.at(0).text, "Bland");
  EXPECT_EQ(countries.rows[1].values.at(1).text, "BB");
  // ISO WKB, little endian, MultiPolygon (6) of one polygon of one ring of 5 points.
  const std::string& wkb = countries.rows[0].shape.wkb;
  ASSERT_GE(wkb.size(), 9u);
  EXPECT_EQ(wkb[0], 1);
  EXPECT_EQ(wkb[1], 6);
  EXPECT_EQ(wkb.size(), 9u + 9u + 4u + 5u * 16u);
  const Layer& borders = layers[1];
  EXPECT_EQ(borders.name, "basemap_borders");
  ASSERT_EQ(borders.rows.size(), 1u); // only the shared arc; the coasts are the polygons' outlines
  EXPECT_EQ(borders.rows[0].shape.parts.at(0).size(), 2u);
}

} // namespace
} // namespace stationmap::render::detail

#include "glyphs.hpp"

#include <protozero/pbf_reader.hpp>

namespace stationmap::render::detail {
namespace {

TEST(Glyphs, RangesCoverEveryCharacterOfTheLabels) {
  EXPECT_EQ(glyph_ranges({}), (std::set<unsigned>{0}));
  EXPECT_EQ(glyph_ranges({"Côte d'Ivoire", "Ελλάδα"}), (std::set<unsigned>{0, 3}));
}

TEST(Glyphs, ARangeIsAGlyphPbfOfSignedDistanceFields) {
  const std::filesystem::path font = label_font_file();
  ASSERT_FALSE(font.empty()) << "fonts-dejavu-core is not installed (tools/install_deps.sh)";
  const std::string pbf = glyph_range_pbf(font, label_fontstack, 0);
  protozero::pbf_reader glyphs(pbf);
  ASSERT_TRUE(glyphs.next(1));
  protozero::pbf_reader stack = glyphs.get_message();
  int count = 0;
  bool saw_a = false;
  std::string names;
  while (stack.next()) {
    if (stack.tag() == 1 || stack.tag() == 2) {
      names += stack.get_string() + ";";
    } else if (stack.tag() == 3) {
      protozero::pbf_reader glyph = stack.get_message();
      std::uint32_t id = 0, width = 0, height = 0;
      std::string bitmap;
      while (glyph.next()) {
        switch (glyph.tag()) {
        case 1:
          id = glyph.get_uint32();
          break;
        case 2:
          bitmap = glyph.get_bytes();
          break;
        case 3:
          width = glyph.get_uint32();
          break;
        case 4:
          height = glyph.get_uint32();
          break;
        default:
          glyph.skip();
        }
      }
      ++count;
      if (id == 'A') {
        saw_a = true;
        ASSERT_EQ(bitmap.size(), (width + 6) * (height + 6)); // 3 px border on each side
        // Inside the letter beyond the edge value (192), the border far outside near 0.
        EXPECT_LT(static_cast<unsigned char>(bitmap[0]), 64);
        unsigned deepest = 0;
        for (const char c : bitmap) {
          deepest = std::max(deepest, static_cast<unsigned>(static_cast<unsigned char>(c)));
        }
        EXPECT_GT(deepest, 192u); // inside the strokes, beyond the edge value
      }
    } else {
      stack.skip();
    }
  }
  EXPECT_EQ(names, std::string(label_fontstack) + ";0-255;");
  EXPECT_TRUE(saw_a);
  EXPECT_GT(count, 150); // DejaVu Sans has all of Latin-1
}

} // namespace
} // namespace stationmap::render::detail

#include "basemap/basemap_tiles.hpp"
#include "stationmap/tiles/mvt.hpp"

namespace stationmap::render::detail {
namespace {

TEST(BasemapTiles, EveryZoomToTheMaxHasTheCountriesBordersAndNames) {
  const tiles::TileSet set = basemap_tiles(geography::parse_topojson(two_squares));
  EXPECT_EQ(set.minzoom, 0);
  EXPECT_EQ(set.maxzoom, basemap_maxzoom);
  std::set<int> zooms;
  std::set<std::string> layers;
  for (const auto& [key, bytes] : set.tiles) {
    zooms.insert(key.z);
    for (const auto& layer : tiles::decode_mvt(bytes)) {
      layers.insert(layer.name);
      for (const auto& f : layer.features) {
        EXPECT_EQ(f.type, layer.name == "basemap_countries" ? tiles::GeomType::Polygon
                          : layer.name == "basemap_borders" ? tiles::GeomType::LineString
                                                            : tiles::GeomType::Point);
      }
    }
  }
  EXPECT_EQ(zooms.size(), static_cast<std::size_t>(basemap_maxzoom + 1));
  EXPECT_EQ(layers, (std::set<std::string>{"basemap_countries", "basemap_borders", "basemap_labels"}));
}

TEST(BasemapTiles, OuterRingsGoInCounterClockwise) {
  // An invented square whose ring runs clockwise (north, east, south, west); tiles want RFC 7946 winding.
  const geography::Topology clockwise = geography::parse_topojson(R"({"type":"Topology",
    "arcs":[[[0,0],[0,10],[10,10],[10,0],[0,0]]],
    "objects":{"countries":{"type":"GeometryCollection","geometries":[
      {"type":"Polygon","arcs":[[0]],"properties":{"name":"Cland","iso_a2":"CC"}}]}}})");
  const auto features = basemap_tile_features(clockwise, clockwise);
  std::size_t polygons = 0;
  for (const auto& f : features) {
    if (f.type != tiles::GeomType::Polygon) {
      continue;
    }
    ++polygons;
    double sum = 0.0;
    const auto& ring = f.parts.at(0);
    for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
      sum += ring[i].lon * ring[i + 1].lat - ring[i + 1].lon * ring[i].lat;
    }
    EXPECT_GT(sum, 0.0);
  }
  EXPECT_EQ(polygons, 1U);
}

} // namespace
} // namespace stationmap::render::detail
