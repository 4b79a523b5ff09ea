#include "fixture.hpp"
#include "stationmap/core/file_io.hpp"
#include "stationmap/render/layers.hpp"

#include <gtest/gtest.h>
#include <map>
#include <nlohmann/json.hpp>

namespace stationmap::render {
namespace {

using nlohmann::json;

const std::filesystem::path boundaries = std::filesystem::path(STATIONMAP_TEST_DATA) / "boundaries.geojson";

struct AreasMap {
  test::TempDir tmp;
  ProblemReport problems;
  RenderSummary summary;
  std::map<std::string, json> areas; // by jurisdiction_id
  AreasMap() {
    RenderOptions options;
    options.boundaries = boundaries;
    ClaimSet claims = test::fixture_claims();
    claims.jurisdictions.push_back(claims.jurisdictions.back()); // one without any boundary
    claims.jurisdictions.back().jurisdiction_id = "j-zz-nowhere";
    claims.jurisdictions.back().place.name = "Nowhere";
    claims.jurisdictions.back().place.geonameid = 42;
    summary = write_map(claims, problems, tmp.path(), options);
    const json doc = json::parse(read_file(tmp.path() / "jurisdiction_areas.geojson"));
    for (const auto& f : doc.at("features"))
      areas[f.at("properties").at("jurisdiction_id")] = f;
  }
};

/// Polygons of a Polygon or MultiPolygon (GDAL writes a one-part MultiPolygon as a Polygon in RFC 7946 mode).
json polygons_of(const json& geometry) {
  return geometry.at("type") == "Polygon" ? json::array({geometry.at("coordinates")}) : geometry.at("coordinates");
}

const AreasMap& areas_map() {
  static const AreasMap map;
  return map;
}

TEST(JurisdictionBoundaries, MatchedByNameCodeAndChineseName) {
  const auto& m = areas_map();
  ASSERT_EQ(m.areas.size(), 4U);
  EXPECT_EQ(m.summary.jurisdiction_areas, 4U);
  EXPECT_EQ(m.areas.at("j-lishui").at("properties").at("matched_by"), "code"); // geonameid field
  EXPECT_EQ(m.areas.at("j-fuqing").at("properties").at("matched_by"), "name"); // 福清 = 福清市
  EXPECT_EQ(m.areas.at("j-nantong").at("properties").at("source_name"), "Nantong City");
  EXPECT_TRUE(m.summary.library_warnings.empty());
}

TEST(JurisdictionBoundaries, NamesakeFarAwayIsNotChosen) {
  // Two features are named "Fuzhou Shi": Fujian's (around the point) and Jiangxi's (3 degrees west).
  const auto& fuzhou = areas_map().areas.at("j-fuzhou");
  const json polygons = polygons_of(fuzhou.at("geometry"));
  ASSERT_EQ(polygons.size(), 1U);
  const auto& ring = polygons.at(0).at(0);
  double min_lon = 180.0;
  for (const auto& p : ring)
    min_lon = std::min(min_lon, p.at(0).get<double>());
  EXPECT_DOUBLE_EQ(min_lon, 118.9);
}

TEST(JurisdictionBoundaries, InvalidPolygonIsRepairedIntoAMultiPolygon) {
  const auto& nantong = areas_map().areas.at("j-nantong");
  EXPECT_EQ(nantong.at("geometry").at("type"), "MultiPolygon");
  EXPECT_EQ(nantong.at("geometry").at("coordinates").size(), 2U); // the bow tie becomes two triangles
}

TEST(JurisdictionBoundaries, RingsAreCounterClockwise) {
  for (const auto& [id, f] : areas_map().areas) {
    for (const auto& polygon : polygons_of(f.at("geometry"))) {
      const auto& ring = polygon.at(0);
      double area2 = 0.0;
      for (std::size_t i = 1; i < ring.size(); ++i) {
        area2 += ring[i - 1][0].get<double>() * ring[i][1].get<double>() -
                 ring[i][0].get<double>() * ring[i - 1][1].get<double>();
      }
      EXPECT_GT(area2, 0.0) << id; // RFC 7946: exterior rings counter-clockwise
    }
  }
}

TEST(JurisdictionBoundaries, UnmatchedJurisdictionIsAProblemAndStaysAPoint) {
  const auto& m = areas_map();
  EXPECT_EQ(m.problems.count("boundary-not-found"), 1U);
  const json points = json::parse(read_file(m.tmp.path() / "jurisdictions.geojson"));
  EXPECT_EQ(points.at("features").size(), 5U);
  const std::string csv = read_file(m.tmp.path() / "problems.csv");
  EXPECT_NE(csv.find("boundary-not-found"), std::string::npos);
  EXPECT_TRUE(std::filesystem::exists(m.tmp.path() / "shapefile" / "jurisdiction_areas.shp"));
}

} // namespace
} // namespace stationmap::render
