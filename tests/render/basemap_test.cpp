#include "basemap_layers.hpp"

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
