#pragma once
/// @file
/// Geodesic lines on the WGS 84 ellipsoid (PROJ's geodesic routines, Karney 2013), densified and split at the
/// antimeridian so that each part can be drawn as a plain longitude/latitude polyline.

#include <vector>

namespace stationmap::render {

/// A position in degrees: longitude first, as in GeoJSON.
struct LonLat {
  double lon = 0.0;
  double lat = 0.0;
};

/// One part of a polyline, longitudes within [-180, 180].
using Polyline = std::vector<LonLat>;

/// Shortest distance on the WGS 84 ellipsoid, in metres.
[[nodiscard]] double geodesic_distance(LonLat from, LonLat to);

/// The geodesic from @p from to @p to, with a vertex at least every @p max_segment_m metres, split wherever it
/// crosses the antimeridian: one part when it does not cross, two (ending and starting exactly at +180/-180)
/// when it does. Never empty; every part has at least two vertices.
[[nodiscard]] std::vector<Polyline> geodesic_path(LonLat from, LonLat to, double max_segment_m = 100'000.0);

} // namespace stationmap::render
