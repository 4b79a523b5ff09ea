// Merging per-document claims: candidates (sites in doubt) merge per place like stations, and never sit where a
// station is.

#include "stationmap/extract/extractor.hpp"
#include "stationmap/extract/ids.hpp"

#include <gtest/gtest.h>

namespace stationmap {
namespace {

Place city(std::int64_t geonameid, const std::string& name, double lat, double lon) {
  Place p;
  p.index = static_cast<std::uint32_t>(geonameid);
  p.id = geonameid;
  p.geonameid = geonameid;
  p.name = name;
  p.lat = lat;
  p.lon = lon;
  p.feature_class = 'P';
  p.feature_code = "PPL";
  p.country = "XX";
  return p;
}

DocumentClaims::SiteClaim site_at(const Place& p, const std::string& document, const std::string& sentence) {
  DocumentClaims::SiteClaim s;
  s.place = p;
  s.precision = "city";
  s.evidence = Evidence::of({document, "", "", ""}, sentence);
  return s;
}

DocumentClaims claims_of(const std::string& document) {
  DocumentClaims d;
  d.document = document;
  return d;
}

const Place north = city(101, "Northtown", 10.0, 20.0);
const Place south = city(102, "Southtown", -10.0, 20.0);

TEST(MergeCandidates, OnePerPlaceWithEveryReasonInTheListsOrderAndEveryDocument) {
  DocumentClaims b = claims_of("b.txt");
  b.candidates.push_back({site_at(north, "b.txt", "Is there a station in Northtown?"), Reason::Question});
  DocumentClaims a = claims_of("a.txt");
  a.candidates.push_back({site_at(north, "a.txt", "A station opened in Northtown."), Reason::Namesake});
  ProblemReport problems;
  const ClaimSet merged = merge_claims({b, a}, problems);
  ASSERT_EQ(merged.candidates.size(), 1U);
  const SiteCandidate& c = merged.candidates.front();
  EXPECT_EQ(c.site.station_id, station_id_of(north));
  EXPECT_EQ(c.reasons, (std::vector<Reason>{Reason::Question, Reason::Namesake}));
  EXPECT_EQ(c.site.documents, (std::vector<std::string>{"a.txt", "b.txt"}));
  ASSERT_EQ(c.site.evidence.size(), 2U);
  EXPECT_EQ(c.site.evidence.front().document(), "a.txt");
  EXPECT_TRUE(merged.stations.empty()) << "a candidate is never a station";
  EXPECT_EQ(problems.size(), 0U) << "a candidate without a jurisdiction is no problem";
}

TEST(MergeCandidates, ACandidateWhereAStationIsDropsOut) {
  DocumentClaims a = claims_of("a.txt");
  a.candidates.push_back({site_at(north, "a.txt", "Is there a station in Northtown?"), Reason::Question});
  a.candidates.push_back({site_at(south, "a.txt", "Is there a station in Southtown?"), Reason::Question});
  DocumentClaims b = claims_of("b.txt");
  b.sites.push_back(site_at(north, "b.txt", "A police station runs in Northtown."));
  ProblemReport problems;
  ClaimSet merged = merge_claims({a, b}, problems);
  ASSERT_EQ(merged.candidates.size(), 1U);
  EXPECT_EQ(merged.candidates.front().site.place.name, "Southtown");
  // An analyst's add_station at Southtown: the candidate goes too.
  Station added;
  added.station_id = station_id_of(south);
  added.place = south;
  merged.stations.push_back(added);
  drop_candidates_at_stations(merged);
  EXPECT_TRUE(merged.candidates.empty());
}

TEST(MergeCandidates, SortedByIdWhateverTheDocumentOrder) {
  DocumentClaims a = claims_of("a.txt");
  a.candidates.push_back({site_at(south, "a.txt", "Southtown?"), Reason::Question});
  DocumentClaims b = claims_of("b.txt");
  b.candidates.push_back({site_at(north, "b.txt", "Northtown?"), Reason::UncertainName});
  ProblemReport problems;
  const ClaimSet one = merge_claims({a, b}, problems);
  const ClaimSet two = merge_claims({b, a}, problems);
  ASSERT_EQ(one.candidates.size(), 2U);
  EXPECT_LT(one.candidates[0].site.station_id, one.candidates[1].site.station_id);
  for (std::size_t i = 0; i < 2; ++i) {
    EXPECT_EQ(one.candidates[i].site.station_id, two.candidates[i].site.station_id);
  }
}

} // namespace
} // namespace stationmap
