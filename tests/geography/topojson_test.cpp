#include "stationmap/core/error.hpp"
#include "stationmap/geography/topojson.hpp"

#include <algorithm>
#include <gtest/gtest.h>

namespace stationmap::geography {
namespace {

// Two invented unit-free squares side by side sharing the arc x = 10: AA (0..10) and BB (10..20).
constexpr const char* two_squares = R"({"type":"Topology",
  "arcs":[[[10,0],[10,10]], [[10,10],[0,10],[0,0],[10,0]], [[10,0],[20,0],[20,10],[10,10]]],
  "objects":{"countries":{"type":"GeometryCollection","geometries":[
    {"type":"Polygon","arcs":[[0,1]],"id":"001","properties":{"name":"Aland","iso_a2":"AA"}},
    {"type":"Polygon","arcs":[[2,-1]],"properties":{"name":"Bland","iso_a2":"BB","rank":3}}]}}})";

TEST(TopoJson, StitchesArcsIntoClosedRings) {
  const Topology t = parse_topojson(two_squares);
  const auto& countries = t.objects.at("countries");
  ASSERT_EQ(countries.size(), 2u);
  const Ring& a = countries[0].polygons.at(0).outer;
  ASSERT_EQ(a.size(), 5u); // the joining vertex is kept once, the ring closed
  EXPECT_EQ(a.front(), (Position{10, 0}));
  EXPECT_EQ(a[1], (Position{10, 10}));
  EXPECT_EQ(a.back(), a.front());
  const Ring& b = countries[1].polygons.at(0).outer;
  ASSERT_EQ(b.size(), 5u);
  EXPECT_EQ(b[3], (Position{10, 10})); // the shared arc, walked backwards
  EXPECT_EQ(b[4], (Position{10, 0}));
}

TEST(TopoJson, KeepsIdsAndPropertiesAsText) {
  const Topology t = parse_topojson(two_squares);
  const auto& countries = t.objects.at("countries");
  EXPECT_EQ(countries[0].id, "001");
  EXPECT_EQ(countries[0].properties.at("iso_a2"), "AA");
  EXPECT_EQ(countries[1].id, "");
  EXPECT_EQ(countries[1].properties.at("rank"), "3");
}

TEST(TopoJson, SharedArcsAreTheBorders) {
  const Topology t = parse_topojson(two_squares);
  const std::vector<Line> borders = shared_arcs(t, "countries");
  ASSERT_EQ(borders.size(), 1u);
  EXPECT_EQ(borders[0], (Line{{10, 0}, {10, 10}}));
  EXPECT_TRUE(shared_arcs(t, "no such object").empty());
}

TEST(TopoJson, DecodesQuantizedDeltaArcs) {
  // Positions (2,4) (4,4) (4,6) (2,4) quantized with scale 0.5 and translate (1, 2): integers (2,4) (4,4)
  // (4,8) (2,4), written as deltas.
  const Topology t = parse_topojson(R"({"type":"Topology","transform":{"scale":[0.5,0.5],"translate":[1,2]},
    "arcs":[[[2,4],[2,0],[0,4],[-2,-4]]],
    "objects":{"tri":{"type":"Polygon","arcs":[[0]]}}})");
  EXPECT_EQ(t.arcs.at(0), (Line{{2, 4}, {3, 4}, {3, 6}, {2, 4}}));
  EXPECT_EQ(t.objects.at("tri").at(0).polygons.at(0).outer.size(), 4u);
}

TEST(TopoJson, RejectsWhatIsNotATopology) {
  EXPECT_THROW(parse_topojson(R"({"type":"FeatureCollection","features":[]})"), FormatError);
  EXPECT_THROW(parse_topojson("not json"), FormatError);
  EXPECT_THROW(parse_topojson(R"({"type":"Topology","arcs":[],"objects":{"x":{"type":"Polygon","arcs":[[3]]}}})"),
               FormatError);
  EXPECT_THROW(parse_topojson(R"({"type":"Topology","objects":{}})"), FormatError) << "no arcs";
  for (const char* arcs : {R"("arcs":7)", R"("arcs":[[[1]]])", R"("arcs":[[1, 2]])", R"("arcs":[[["1", 2]]])",
                           R"("arcs":[[[[1, 2]]]])", R"("arcs":{"a":[]})"}) {
    EXPECT_THROW(parse_topojson(std::string(R"({"type":"Topology","objects":{},)") + arcs + "}"), FormatError) << arcs;
  }
}

TEST(TopoJson, ArcsAreReadWhereverTheyStandAndOnlyAtTheTop) {
  // "arcs" after the objects, a third coordinate, an "arcs" member inside an object that is not the topology's.
  const Topology t = parse_topojson(R"({"type":"Topology","objects":{"x":{"type":"Polygon","arcs":[[0]],
    "properties":{"arcs":"a name"}}},"bbox":[0,0,1,1],"arcs":[[[0,0,9],[1,0],[1,1],[0,0]]]})");
  EXPECT_EQ(t.arcs.at(0), (Line{{0, 0}, {1, 0}, {1, 1}, {0, 0}}));
  EXPECT_EQ(t.objects.at("x").at(0).properties.at("arcs"), "a name");
  EXPECT_EQ(t.objects.at("x").at(0).polygons.at(0).outer.size(), 4u);
}

} // namespace
} // namespace stationmap::geography

namespace stationmap::geography {
namespace {

TEST(TopoJson, CutsPolygonsAtTheAntimeridian) {
  // An invented island from 170 E to 170 W: its ring jumps from 180 to -180.
  const Topology t = parse_topojson(R"({"type":"Topology",
    "arcs":[[[170,-10],[180,-10],[-180,-10],[-170,-10],[-170,-20],[-180,-20],[180,-20],[170,-20],[170,-10]]],
    "objects":{"island":{"type":"Polygon","arcs":[[0]]}}})");
  const auto& polygons = t.objects.at("island").at(0).polygons;
  ASSERT_EQ(polygons.size(), 2u); // one part each side, no edge across the world
  for (const Polygon& p : polygons) {
    double min_lon = 180, max_lon = -180;
    for (const Position& q : p.outer) {
      min_lon = std::min(min_lon, q.lon);
      max_lon = std::max(max_lon, q.lon);
    }
    EXPECT_LE(max_lon - min_lon, 10.0 + 1e-9);
  }
}

} // namespace
} // namespace stationmap::geography

namespace stationmap::geography {
namespace {

// Invented: AA and BB share a wiggly border (x = 10 with a 0.1-wide bump), and AA has a 0.05-wide islet.
constexpr const char* wiggly = R"({"type":"Topology",
  "arcs":[[[10,0],[10,4],[10.1,5],[10,6],[10,10]],
          [[10,10],[0,10],[0,0],[10,0]],
          [[10,0],[20,0],[20,10],[10,10]],
          [[3,3],[3.05,3],[3.05,3.05],[3,3]]],
  "objects":{"countries":{"type":"GeometryCollection","geometries":[
    {"type":"MultiPolygon","arcs":[[[0,1]],[[3]]],"properties":{"name":"Aland","iso_a2":"AA"}},
    {"type":"Polygon","arcs":[[2,-1]],"properties":{"name":"Bland","iso_a2":"BB"}}]}}})";

TEST(TopoJson, SimplifiedKeepsOneSharedBorderAndDropsWhatHasNoArea) {
  const Topology full = parse_topojson(wiggly);
  ASSERT_EQ(full.objects.at("countries")[0].polygons.size(), 2u);
  const Topology coarse = simplified(full, 0.5); // the bump (0.1) and the islet (0.05) are below half a unit
  EXPECT_EQ(coarse.arcs.at(0), (Line{{10, 0}, {10, 10}}));
  const auto& countries = coarse.objects.at("countries");
  ASSERT_EQ(countries[0].polygons.size(), 1u) << "the islet has no area left";
  // Both neighbours walk the same simplified border: no gap, no overlap.
  const Ring& a = countries[0].polygons[0].outer;
  const Ring& b = countries[1].polygons[0].outer;
  EXPECT_EQ(a.size(), 5u);
  EXPECT_EQ(b.size(), 5u);
  EXPECT_NE(std::find(a.begin(), a.end(), Position{10, 10}), a.end());
  EXPECT_NE(std::find(b.begin(), b.end(), Position{10, 10}), b.end());
  // A fine tolerance keeps everything.
  const Topology fine = simplified(full, 0.001);
  EXPECT_EQ(fine.arcs, full.arcs);
  EXPECT_EQ(fine.objects.at("countries")[0].polygons.size(), 2u);
}

} // namespace
} // namespace stationmap::geography
