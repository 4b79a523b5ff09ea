// Integration test on the real embedded gazetteer that the build derives from geodata/.

#include "stationmap/gazetteer/gazetteer.hpp"

#include <cmath>
#include <gtest/gtest.h>

using stationmap::Gazetteer;

namespace {

const Gazetteer& embedded() {
  static const Gazetteer g = Gazetteer::open(STATIONMAP_EMBEDDED_INDEX);
  return g;
}

/// True when some candidate of @p name lies within @p km of (lat, lon) and is in @p country.
bool has_candidate_near(const char* name, const char* country, double lat, double lon, double km = 50.0) {
  for (const auto& c : embedded().lookup(name)) {
    const double dy = (c.place.lat - lat) * 111.2;
    const double dx = (c.place.lon - lon) * 111.2 * std::cos(lat * 3.14159265358979 / 180.0);
    if (c.place.country == country && std::sqrt(dx * dx + dy * dy) <= km) {
      return true;
    }
  }
  return false;
}

} // namespace

TEST(EmbeddedGazetteer, HasTheCitiesOfTheStationReports) {
  EXPECT_TRUE(has_candidate_near("Aubervilliers", "FR", 48.914, 2.382));
  EXPECT_TRUE(has_candidate_near("Paris", "FR", 48.853, 2.349));
  EXPECT_TRUE(has_candidate_near("Paris", "US", 33.661, -95.556)); // Paris, Texas
  EXPECT_TRUE(has_candidate_near("New York", "US", 40.714, -74.006));
}

TEST(EmbeddedGazetteer, HasBothFuzhous) {
  EXPECT_TRUE(has_candidate_near("Fuzhou", "CN", 26.061, 119.306)); // Fujian
  EXPECT_TRUE(has_candidate_near("Fuzhou", "CN", 27.960, 116.333)); // Jiangxi
  EXPECT_TRUE(has_candidate_near("福州", "CN", 26.061, 119.306));
}

TEST(EmbeddedGazetteer, HasQingtianInEnglishAndChinese) {
  EXPECT_TRUE(has_candidate_near("Qingtian County", "CN", 28.14, 120.29));
  EXPECT_TRUE(has_candidate_near("青田", "CN", 28.14, 120.29));
  EXPECT_TRUE(has_candidate_near("青田县", "CN", 28.14, 120.29));
}

TEST(EmbeddedGazetteer, HasRegionsAndCountries) {
  EXPECT_TRUE(has_candidate_near("Île-de-France", "FR", 48.7, 2.5, 120.0));
  EXPECT_TRUE(has_candidate_near("Ile de France", "FR", 48.7, 2.5, 120.0));
  EXPECT_TRUE(has_candidate_near("Romania", "RO", 46.0, 25.0, 200.0));
  EXPECT_TRUE(has_candidate_near("U.S.", "US", 39.8, -98.5, 400.0));
  EXPECT_TRUE(has_candidate_near("United States", "US", 39.8, -98.5, 400.0));
}

TEST(EmbeddedGazetteer, IsLarge) {
  EXPECT_GT(embedded().size(), 190000U);
}
