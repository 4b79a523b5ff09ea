#pragma once
/// @file
/// Great-circle distance on the mean Earth sphere (haversine formula, radius 6371.0088 km, the IUGG mean
/// radius). Good to about 0.5 % against the ellipsoid: enough to compare places, not to draw geodesics
/// (render/geodesic.hpp uses PROJ's ellipsoidal geodesics for that).

#include <algorithm>
#include <cmath>

namespace stationmap {

inline double great_circle_km(double lat1, double lon1, double lat2, double lon2) noexcept {
  constexpr double rad = 3.14159265358979323846 / 180.0;
  constexpr double earth_radius_km = 6371.0088;
  const double s_lat = std::sin((lat2 - lat1) * rad / 2);
  const double s_lon = std::sin((lon2 - lon1) * rad / 2);
  const double h = s_lat * s_lat + std::cos(lat1 * rad) * std::cos(lat2 * rad) * s_lon * s_lon;
  return 2 * earth_radius_km * std::asin(std::min(1.0, std::sqrt(h)));
}

/// The distance between two things that have a position (`lat`, `lon` members in degrees: places...).
template <class A, class B>
requires requires(const A& a, const B& b) {
  great_circle_km(a.lat, a.lon, b.lat, b.lon);
}
double great_circle_km(const A& a, const B& b) noexcept {
  return great_circle_km(a.lat, a.lon, b.lat, b.lon);
}

} // namespace stationmap
