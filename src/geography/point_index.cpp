#include "stationmap/geography/point_index.hpp"

#include "stationmap/core/great_circle.hpp"

#include <algorithm>
#include <boost/geometry.hpp>
#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/point.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <cmath>
#include <numbers>

namespace stationmap::geography {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {

using Point = bg::model::point<double, 2, bg::cs::cartesian>; // lon, lat in degrees
using Box = bg::model::box<Point>;
using Entry = std::pair<Point, std::size_t>;

constexpr double earth_radius_km = 6371.0088; // the sphere of great_circle_km
constexpr double degrees = 180.0 / std::numbers::pi;

/// Longitude/latitude boxes holding every point within @p km of @p p (one box, or two across the antimeridian):
/// latitude +-km/R; longitude +-asin(sin(km/R) / cos(lat)), the whole circle when that reaches a pole.
std::vector<Box> search_boxes(Position p, double km) {
  const double angle = km / earth_radius_km;
  const double south = p.lat - angle * degrees;
  const double north = p.lat + angle * degrees;
  const double sin_angle = std::sin(angle);
  const double cos_lat = std::cos(p.lat / degrees);
  if (south <= -90.0 || north >= 90.0 || angle >= std::numbers::pi / 2 || sin_angle >= cos_lat) {
    return {Box({-180.0, std::max(south, -90.0)}, {180.0, std::min(north, 90.0)})};
  }
  const double half_width = std::asin(sin_angle / cos_lat) * degrees;
  const double west = p.lon - half_width;
  const double east = p.lon + half_width;
  std::vector<Box> boxes{Box({std::max(west, -180.0), south}, {std::min(east, 180.0), north})};
  if (west < -180.0) {
    boxes.emplace_back(Point(west + 360.0, south), Point(180.0, north));
  }
  if (east > 180.0) {
    boxes.emplace_back(Point(-180.0, south), Point(east - 360.0, north));
  }
  return boxes;
}

} // namespace

struct PointIndex::Impl {
  bgi::rtree<Entry, bgi::quadratic<16>> tree;
  std::vector<Position> points;
};

PointIndex::PointIndex(const std::vector<Position>& points) : m_impl(std::make_unique<Impl>()) {
  m_impl->points = points;
  std::vector<Entry> entries;
  entries.reserve(points.size());
  for (std::size_t i = 0; i < points.size(); ++i) {
    entries.emplace_back(Point(points[i].lon, points[i].lat), i);
  }
  m_impl->tree = bgi::rtree<Entry, bgi::quadratic<16>>(entries); // packed: built in one go
}

PointIndex::~PointIndex() = default;
PointIndex::PointIndex(PointIndex&&) noexcept = default;
PointIndex& PointIndex::operator=(PointIndex&&) noexcept = default;

std::vector<std::size_t> PointIndex::closer_than_km(Position p, double km) const {
  std::vector<std::size_t> out;
  for (const Box& box : search_boxes(p, km)) {
    std::vector<Entry> hits;
    m_impl->tree.query(bgi::intersects(box), std::back_inserter(hits));
    for (const auto& [point, i] : hits) {
      const Position& q = m_impl->points[i];
      if (great_circle_km(p.lat, p.lon, q.lat, q.lon) < km) {
        out.push_back(i);
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

} // namespace stationmap::geography
