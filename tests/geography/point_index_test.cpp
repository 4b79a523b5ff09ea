#include "stationmap/core/great_circle.hpp"
#include "stationmap/geography/point_index.hpp"

#include <gtest/gtest.h>

namespace stationmap::geography {
namespace {

TEST(PointIndex, FindsThePointsCloserThanTheDistance) {
  // Invented points: a county seat 12 km from its city, a town 30 km away, a namesake far away.
  const std::vector<Position> points{{119.30, 26.08}, {119.42, 26.05}, {119.60, 26.05}, {116.35, 27.95}};
  const PointIndex index(points);
  EXPECT_EQ(index.closer_than_km(points[0], 20.0), (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(index.closer_than_km(points[0], 40.0), (std::vector<std::size_t>{0, 1, 2}));
  EXPECT_EQ(index.closer_than_km({0.0, 0.0}, 100.0), (std::vector<std::size_t>{}));
}

TEST(PointIndex, WorksAcrossTheAntimeridianAndAtThePoles) {
  // 179.9 E and 179.9 W on the equator are 22 km apart; two points near the north pole on opposite meridians.
  const std::vector<Position> points{{179.9, 0.0}, {-179.9, 0.0}, {10.0, 89.95}, {-170.0, 89.95}};
  const PointIndex index(points);
  EXPECT_EQ(index.closer_than_km(points[0], 30.0), (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(index.closer_than_km(points[1], 30.0), (std::vector<std::size_t>{0, 1}));
  EXPECT_EQ(index.closer_than_km(points[2], 20.0), (std::vector<std::size_t>{2, 3})); // 11 km over the pole
}

TEST(PointIndex, AgreesWithComparingEveryPair) {
  // Invented points from a fixed linear congruential sequence, clustered so that distances vary.
  std::vector<Position> points;
  std::uint64_t state = 12345;
  auto next = [&] {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<double>(state >> 11U) / static_cast<double>(1ULL << 53U);
  };
  for (int i = 0; i < 400; ++i) {
    const double lon = i % 4 == 0 ? 178.0 + next() * 4.0 : next() * 360.0 - 180.0;
    points.push_back({lon > 180.0 ? lon - 360.0 : lon, i % 5 == 0 ? 85.0 + next() * 5.0 : next() * 20.0});
  }
  const PointIndex index(points);
  for (const double km : {5.0, 50.0, 500.0}) {
    for (std::size_t i = 0; i < points.size(); i += 7) {
      std::vector<std::size_t> expected;
      for (std::size_t j = 0; j < points.size(); ++j) {
        if (great_circle_km(points[i].lat, points[i].lon, points[j].lat, points[j].lon) < km) {
          expected.push_back(j);
        }
      }
      EXPECT_EQ(index.closer_than_km(points[i], km), expected) << "point " << i << ", " << km << " km";
    }
  }
}

} // namespace
} // namespace stationmap::geography
