#include "stationmap/extract/review.hpp"

#include <gtest/gtest.h>

namespace stationmap {
namespace {

Station station(const std::string& id, std::vector<std::string> documents, std::vector<std::string> jurisdictions) {
  Station s;
  s.station_id = id;
  s.place.name = id.substr(8);
  s.documents = std::move(documents);
  s.jurisdiction_ids = std::move(jurisdictions);
  return s;
}

RoledMention mention(const std::string& document, double confidence, std::int64_t place_id) {
  RoledMention m;
  m.source = share_document({document, "", "", ""});
  m.text = "Richmond";
  Place p;
  p.name = "Richmond";
  p.country = "US";
  p.id = place_id;
  p.geonameid = place_id;
  m.set_place(p);
  m.role = MentionRole::Station;
  m.confidence = confidence;
  return m;
}

TEST(ReviewQueue, ListsEachKindMostUrgentFirst) {
  ClaimSet claims;
  claims.stations = {station("station-lone", {"a.txt"}, {"jurisdiction-x"}),
                     station("station-many", {"a.txt", "b.txt"}, {"jurisdiction-x", "jurisdiction-y"}),
                     station("station-sure", {"a.txt", "b.txt"}, {"jurisdiction-x"})};
  claims.mentions = {mention("a.txt", 0.31, 4781708), mention("b.txt", 0.45, 4781708), mention("a.txt", 0.95, 1)};
  const std::vector<StaleCorrection> stale = {{12, "reject", "Oslo", "no station"}, {3, "confirm", "Bergen", "x"}};
  const auto items = review_queue(claims, stale);
  ASSERT_EQ(items.size(), 5U);
  EXPECT_EQ(items[0].kind, "stale-correction");
  EXPECT_EQ(items[0].id, "line 3"); // by line, not as text
  EXPECT_EQ(items[1].id, "line 12");
  EXPECT_EQ(items[2].kind, "conflicting-bureaus");
  EXPECT_EQ(items[2].id, "station-many");
  EXPECT_EQ(items[3].kind, "low-confidence");
  EXPECT_EQ(items[3].id, "station-gn4781708");
  EXPECT_EQ(items[3].documents, (std::vector<std::string>{"a.txt", "b.txt"}));
  EXPECT_NE(items[3].detail.find("0.31"), std::string::npos) << items[3].detail;
  EXPECT_EQ(items[4].kind, "single-document");
  EXPECT_EQ(items[4].id, "station-lone");
}

TEST(ReviewQueue, AConfirmedSiteNeedsNoSecondLook) {
  ClaimSet claims;
  claims.stations = {station("station-lone", {"a.txt"}, {})};
  claims.stations[0].verified = true;
  EXPECT_TRUE(review_queue(claims, {}).empty());
}

} // namespace
} // namespace stationmap
