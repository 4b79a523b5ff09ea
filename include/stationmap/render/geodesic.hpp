#pragma once
/// @file
/// Geodesic lines on the WGS 84 ellipsoid (PROJ's geodesic routines, Karney 2013), densified and split at the
/// antimeridian so that each part can be drawn as a plain longitude/latitude polyline.

#include "stationmap/core/lonlat.hpp"

#include <vector>

namespace stationmap::render {

/// Longest segment of a drawn geodesic when the caller does not choose one, metres.
inline constexpr double default_max_segment_m = 100'000.0;
/// A link whose two ends are closer than this is not drawn: station and jurisdiction are at one place.
inline constexpr double min_link_length_m = 1.0;

using stationmap::LonLat;

/// One part of a polyline, longitudes within [-180, 180].
using Polyline = std::vector<LonLat>;

/// Shortest distance on the WGS 84 ellipsoid, in metres.
[[nodiscard]] double geodesic_distance(LonLat from, LonLat to);

/// The geodesic from @p from to @p to, with a vertex at least every @p max_segment_m metres, split wherever it
/// crosses the antimeridian: one part when it does not cross, two (ending and starting exactly at +180/-180)
/// when it does. Never empty; every part has at least two vertices.
[[nodiscard]] std::vector<Polyline> geodesic_path(LonLat from, LonLat to, double max_segment_m = default_max_segment_m);

/// The line of a link, the one geometry every output draws (GIS layers, tiles): the geodesic from the
/// jurisdiction to the station, as geodesic_path(); empty when the ends are under min_link_length_m apart.
[[nodiscard]] std::vector<Polyline> link_path(LonLat jurisdiction, LonLat station,
                                              double max_segment_m = default_max_segment_m);

} // namespace stationmap::render
