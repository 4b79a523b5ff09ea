#include "stationmap/render/geodesic.hpp"

#include <algorithm>
#include <cmath>
#include <geodesic.h>

namespace stationmap::render {

namespace {

const geod_geodesic& wgs84_ellipsoid() {
  static const geod_geodesic g = [] {
    geod_geodesic e{};
    geod_init(&e, 6378137.0, 1.0 / 298.257223563);
    return e;
  }();
  return g;
}

// Which 360-degree "sheet" an unrolled longitude lies on: 0 for [-180, 180), 1 for [180, 540)...
double sheet(double lon) {
  return std::floor((lon + 180.0) / 360.0);
}

LonLat wrap(LonLat p, double on_sheet) {
  return {p.lon - 360.0 * on_sheet, p.lat};
}

} // namespace

double geodesic_distance(LonLat from, LonLat to) {
  double s12 = 0.0;
  geod_inverse(&wgs84_ellipsoid(), from.lat, from.lon, to.lat, to.lon, &s12, nullptr, nullptr);
  return s12;
}

std::vector<Polyline> geodesic_path(LonLat from, LonLat to, double max_segment_m) {
  max_segment_m = std::max(max_segment_m, 1.0);
  geod_geodesicline line{};
  geod_inverseline(&line, &wgs84_ellipsoid(), from.lat, from.lon, to.lat, to.lon,
                   GEOD_LATITUDE | GEOD_LONGITUDE | GEOD_DISTANCE_IN | GEOD_LONG_UNROLL);
  const double length = line.s13;
  const auto segments = static_cast<long>(std::max(1.0, std::ceil(length / max_segment_m)));

  // Vertices with unrolled longitudes: continuous along the line, starting at from.lon.
  std::vector<LonLat> unrolled;
  unrolled.reserve(static_cast<std::size_t>(segments) + 1);
  unrolled.push_back(from);
  for (long i = 1; i < segments; ++i) {
    double lat = 0.0;
    double lon = 0.0;
    geod_genposition(&line, GEOD_LONG_UNROLL, length * static_cast<double>(i) / static_cast<double>(segments), &lat,
                     &lon, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr);
    unrolled.push_back({lon, lat});
  }
  {
    double lat = 0.0;
    double lon = 0.0;
    geod_genposition(&line, GEOD_LONG_UNROLL, length, &lat, &lon, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr);
    unrolled.push_back({lon, to.lat}); // exact end latitude; longitude unrolled to continue the line
  }

  std::vector<Polyline> parts(1);
  double current = sheet(unrolled.front().lon);
  parts.back().push_back(wrap(unrolled.front(), current));
  for (std::size_t i = 1; i < unrolled.size(); ++i) {
    const LonLat a = unrolled[i - 1];
    const LonLat b = unrolled[i];
    const double next = sheet(b.lon);
    if (next != current) {
      // Segments are short (<= max_segment_m), so at most one boundary lies between a and b; interpolate
      // its latitude linearly in longitude.
      const double boundary = -180.0 + 360.0 * std::max(current, next);
      const double t = (boundary - a.lon) / (b.lon - a.lon);
      const LonLat crossing{boundary, a.lat + t * (b.lat - a.lat)};
      parts.back().push_back(wrap(crossing, current));
      parts.emplace_back();
      parts.back().push_back(wrap(crossing, next));
      current = next;
    }
    parts.back().push_back(wrap(b, current));
  }
  // A part that is only the crossing point plus a vertex on the boundary itself is degenerate: drop it.
  std::erase_if(parts, [](const Polyline& p) {
    return p.size() < 2 || std::all_of(p.begin(), p.end(), [&](const LonLat& q) {
             return q.lon == p.front().lon && q.lat == p.front().lat;
           });
  });
  if (parts.empty()) {
    parts.push_back({from, to});
  }
  return parts;
}

std::vector<Polyline> link_path(LonLat jurisdiction, LonLat station, double max_segment_m) {
  if (geodesic_distance(jurisdiction, station) < min_link_length_m) {
    return {};
  }
  return geodesic_path(jurisdiction, station, max_segment_m);
}

} // namespace stationmap::render
