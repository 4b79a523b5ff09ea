#include "stationmap/extract/country_check.hpp"

#include <gtest/gtest.h>

namespace stationmap {
namespace {

// Invented countries AA (lon 0..10) and BB (lon 10..20), lat 0..10.
const geography::CountryIndex& squares() {
  static const geography::CountryIndex index(geography::parse_topojson(R"({"type":"Topology",
    "arcs":[[[10,0],[10,10]], [[10,10],[0,10],[0,0],[10,0]], [[10,0],[20,0],[20,10],[10,10]]],
    "objects":{"countries":{"type":"GeometryCollection","geometries":[
      {"type":"Polygon","arcs":[[0,1]],"properties":{"name":"Aland","iso_a2":"AA"}},
      {"type":"Polygon","arcs":[[2,-1]],"properties":{"name":"Bland","iso_a2":"BB"}}]}}})"));
  return index;
}

Place place(std::int64_t id, const std::string& name, double lon, double lat, const std::string& country) {
  Place p;
  p.id = id;
  p.name = name;
  p.lon = lon;
  p.lat = lat;
  p.country = country;
  p.feature_code = "PPL";
  return p;
}

Station station(const Place& p, const std::string& document) {
  Station s;
  s.station_id = "station-" + std::to_string(p.id);
  s.place = p;
  s.documents = {document};
  s.confidence = 0.8;
  return s;
}

TEST(CountryCheck, AStationPlacedInTheWrongCountryIsAProblemAndLosesConfidence) {
  ClaimSet claims;
  claims.stations.push_back(station(place(1, "Westville", 15, 5, "AA"), "story.txt")); // inside BB
  claims.stations.push_back(station(place(2, "Eastville", 15, 6, "BB"), "story.txt"));
  ProblemReport problems;
  check_countries(claims, squares(), problems);
  ASSERT_EQ(problems.count("country-mismatch"), 1u);
  const Problem p = problems.sorted().front();
  EXPECT_EQ(p.file, "story.txt");
  EXPECT_NE(p.detail.find("Westville"), std::string::npos);
  EXPECT_NE(p.detail.find("Bland (BB)"), std::string::npos);
  EXPECT_DOUBLE_EQ(claims.stations[0].confidence, 0.8 * misplaced_confidence_factor);
  EXPECT_DOUBLE_EQ(claims.stations[1].confidence, 0.8);
}

TEST(CountryCheck, BorderTownsSeaPointsAndCountriesArePassed) {
  ClaimSet claims;
  claims.stations.push_back(station(place(3, "Bridgeton", 10.1, 5, "AA"), "a.txt")); // 11 km across the border
  claims.stations.push_back(station(place(4, "Harbour", 20.1, 5, "BB"), "a.txt"));   // just off the coast
  Place country = place(5, "Aland", 15, 5, "AA");                                    // a wrong reference point,
  country.feature_class = 'A';                                                       // but a country's own
  country.feature_code = "PCLI";
  RoledMention m;
  m.source = share_document({"b.txt", "", "", ""});
  m.set_place(country);
  claims.mentions.push_back(m);
  ProblemReport problems;
  check_countries(claims, squares(), problems);
  EXPECT_EQ(problems.size(), 0u);
}

TEST(CountryCheck, AMentionedPlaceIsCheckedOnceWithItsFirstDocument) {
  ClaimSet claims;
  for (const char* doc : {"z.txt", "c.txt"}) {
    RoledMention m;
    m.source = share_document({doc, "", "", ""});
    m.set_place(place(6, "Misplaced", 5, 5, "BB")); // inside AA
    claims.mentions.push_back(m);
  }
  ProblemReport problems;
  check_countries(claims, squares(), problems);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_EQ(problems.sorted().front().file, "c.txt");
}

} // namespace
} // namespace stationmap
