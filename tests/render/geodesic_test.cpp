#include "stationmap/render/geodesic.hpp"

#include <cmath>
#include <gtest/gtest.h>

namespace stationmap::render {
namespace {

constexpr LonLat fuzhou{119.31, 26.06};
constexpr LonLat new_york{-74.01, 40.71};

TEST(GeodesicLink, SplitsAtAntimeridian) {
  const auto parts = geodesic_path(fuzhou, new_york);
  ASSERT_EQ(parts.size(), 2U);
  EXPECT_DOUBLE_EQ(parts[0].front().lon, fuzhou.lon);
  EXPECT_DOUBLE_EQ(parts[0].back().lon, 180.0);
  EXPECT_DOUBLE_EQ(parts[1].front().lon, -180.0);
  EXPECT_DOUBLE_EQ(parts[0].back().lat, parts[1].front().lat);
  EXPECT_DOUBLE_EQ(parts[1].back().lon, new_york.lon);
  EXPECT_DOUBLE_EQ(parts[1].back().lat, new_york.lat);
  // The route runs over the Arctic: it crosses 180 degrees near 79.3 N (a spherical great circle, computed
  // independently, crosses at 79.31 N).
  EXPECT_NEAR(parts[0].back().lat, 79.3, 0.3);
  for (const auto& part : parts) {
    for (const auto& p : part) {
      EXPECT_GE(p.lon, -180.0);
      EXPECT_LE(p.lon, 180.0);
    }
  }
}

TEST(GeodesicLink, MidpointIsHighNorthNotAcrossEurasia) {
  const auto parts = geodesic_path(fuzhou, new_york);
  std::vector<LonLat> all;
  for (const auto& part : parts)
    all.insert(all.end(), part.begin(), part.end());
  // Halfway along (by distance) the line is near 77.7 N, 166.7 E (spherical estimate).
  const double total = geodesic_distance(fuzhou, new_york);
  double run = 0.0;
  LonLat mid{};
  for (std::size_t i = 1; i < all.size() && run < total / 2; ++i) {
    run += geodesic_distance(all[i - 1], all[i]);
    mid = all[i];
  }
  EXPECT_NEAR(mid.lat, 77.7, 0.8);
  EXPECT_NEAR(mid.lon, 166.7, 2.0);
  // No vertex over Europe or the Atlantic (which is where -segmentize in lon/lat would send it).
  for (const auto& p : all) {
    EXPECT_FALSE(p.lon > -60.0 && p.lon < 100.0) << p.lon << "," << p.lat;
  }
}

TEST(GeodesicLink, WestwardCrossingMirrors) {
  const auto parts = geodesic_path(new_york, fuzhou);
  ASSERT_EQ(parts.size(), 2U);
  EXPECT_DOUBLE_EQ(parts[0].back().lon, -180.0);
  EXPECT_DOUBLE_EQ(parts[1].front().lon, 180.0);
}

TEST(GeodesicLink, DensifiedAtLeastEvery100Km) {
  const auto parts = geodesic_path(fuzhou, new_york, 100'000.0);
  std::size_t vertices = 0;
  for (const auto& part : parts) {
    vertices += part.size();
    for (std::size_t i = 1; i < part.size(); ++i) {
      EXPECT_LE(geodesic_distance(part[i - 1], part[i]), 100'000.0 + 1.0);
    }
  }
  EXPECT_GT(vertices, 120U); // about 12,000 km
}

TEST(GeodesicLink, ShortLineStaysOnePartWithEnds) {
  const auto parts = geodesic_path({-0.1278, 51.5074}, {4.4792, 51.9225});
  ASSERT_EQ(parts.size(), 1U);
  EXPECT_EQ(parts[0].size(), 5U); // 320 km: four segments
  EXPECT_DOUBLE_EQ(parts[0].front().lon, -0.1278);
  EXPECT_DOUBLE_EQ(parts[0].back().lat, 51.9225);
}

TEST(GeodesicDistance, FuzhouNewYork) {
  const double d = geodesic_distance(fuzhou, new_york);
  EXPECT_NEAR(d / 1000.0, 12'250.0, 250.0);
}

TEST(GeodesicLink, LinkPathIsTheGeodesicAndNothingForOnePlace) {
  EXPECT_TRUE(link_path(fuzhou, fuzhou).empty());
  EXPECT_TRUE(link_path(fuzhou, {fuzhou.lon + 1e-9, fuzhou.lat}).empty()); // 0.1 mm: one place
  const auto path = link_path(fuzhou, new_york, 50'000.0);
  const auto geodesic = geodesic_path(fuzhou, new_york, 50'000.0);
  ASSERT_EQ(path.size(), geodesic.size());
  for (std::size_t i = 0; i < path.size(); ++i) {
    ASSERT_EQ(path[i].size(), geodesic[i].size());
    for (std::size_t k = 0; k < path[i].size(); ++k) {
      EXPECT_EQ(path[i][k].lon, geodesic[i][k].lon);
      EXPECT_EQ(path[i][k].lat, geodesic[i][k].lat);
    }
  }
}

} // namespace
} // namespace stationmap::render
