#include "stationmap/geography/country_index.hpp"

#include "stationmap/core/data_dirs.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/core/file_io.hpp"

#include <algorithm>
#include <boost/geometry.hpp>
#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/polygon.hpp>
#include <boost/geometry/index/rtree.hpp>
#include <cmath>
#include <map>
#include <mutex>
#include <numbers>
#include <sstream>
#include <string>

namespace stationmap::geography {

namespace bg = boost::geometry;
namespace bgi = boost::geometry::index;

namespace {

// Plate carrée: Natural Earth's edges are straight lines in lon/lat, so containment is computed there.
using Point = bg::model::d2::point_xy<double>;
using BoostPolygon = bg::model::polygon<Point>;
using Box = bg::model::box<Point>;
using Entry = std::pair<Box, std::size_t>; // envelope, index into Impl::parts

constexpr double km_per_degree_lat = 111.32;
constexpr int circle_vertices = 32; // a tolerance circle as a polygon: error under 0.5% of the radius

Point point_of(Position p) {
  return {p.lon, p.lat};
}

bg::model::ring<Point> ring_of(const Ring& ring) {
  bg::model::ring<Point> out;
  out.reserve(ring.size());
  for (const Position& p : ring) {
    out.push_back(point_of(p));
  }
  return out;
}

BoostPolygon polygon_of(const Polygon& polygon) {
  BoostPolygon out;
  out.outer() = ring_of(polygon.outer);
  for (const Ring& hole : polygon.holes) {
    out.inners().push_back(ring_of(hole));
  }
  bg::correct(out); // orientation and closure as Boost.Geometry expects
  return out;
}

/// A circle of @p km around @p centre, in degrees (longitude scaled by the latitude).
BoostPolygon circle(Position centre, double km) {
  const double dlat = km / km_per_degree_lat;
  const double dlon = dlat / std::max(0.01, std::cos(centre.lat * std::numbers::pi / 180.0));
  BoostPolygon out;
  for (int i = 0; i <= circle_vertices; ++i) {
    const double a = 2.0 * std::numbers::pi * (i % circle_vertices) / circle_vertices;
    out.outer().push_back(Point(centre.lon + dlon * std::cos(a), centre.lat + dlat * std::sin(a)));
  }
  bg::correct(out);
  return out;
}

std::vector<std::string> split_words(const std::string& text) {
  std::istringstream in(text);
  std::vector<std::string> words;
  for (std::string w; in >> w;) {
    words.push_back(w);
  }
  return words;
}

std::string property(const Feature& f, const std::string& key) {
  const auto it = f.properties.find(key);
  return it == f.properties.end() ? std::string() : it->second;
}

} // namespace

bool Country::covers(std::string_view gazetteer_code) const {
  return !code.empty() &&
         (code == gazetteer_code || std::find(includes.begin(), includes.end(), gazetteer_code) != includes.end());
}

struct CountryIndex::Impl {
  std::vector<Country> countries;
  std::vector<std::pair<BoostPolygon, std::size_t>> parts; // one polygon, index into countries
  bgi::rtree<Entry, bgi::rstar<16>> tree;

  [[nodiscard]] bool any_covers(std::string_view code) const {
    return std::any_of(countries.begin(), countries.end(), [&](const Country& c) { return c.covers(code); });
  }
};

CountryIndex::CountryIndex(const Topology& topology, const std::string& object) : m_impl(std::make_unique<Impl>()) {
  const auto it = topology.objects.find(object);
  if (it == topology.objects.end()) {
    throw FormatError("TopoJSON: no object '" + object + "'");
  }
  std::vector<Entry> entries;
  for (const Feature& f : it->second) {
    if (f.polygons.empty()) {
      continue;
    }
    const std::size_t country = m_impl->countries.size();
    m_impl->countries.push_back({property(f, "iso_a2"), property(f, "name"), split_words(property(f, "includes"))});
    for (const Polygon& p : f.polygons) {
      BoostPolygon polygon = polygon_of(p);
      entries.emplace_back(bg::return_envelope<Box>(polygon), m_impl->parts.size());
      m_impl->parts.emplace_back(std::move(polygon), country);
    }
  }
  m_impl->tree = bgi::rtree<Entry, bgi::rstar<16>>(entries.begin(), entries.end()); // bulk-loaded
}

CountryIndex::~CountryIndex() = default;
CountryIndex::CountryIndex(CountryIndex&&) noexcept = default;
CountryIndex& CountryIndex::operator=(CountryIndex&&) noexcept = default;

const CountryIndex& CountryIndex::embedded() {
  static const CountryIndex index(embedded_topology("50m"));
  return index;
}

const std::vector<Country>& CountryIndex::countries() const {
  return m_impl->countries;
}

const Country* CountryIndex::country_at(Position p) const {
  const Point point = point_of(p);
  for (auto it = m_impl->tree.qbegin(bgi::intersects(point)); it != m_impl->tree.qend(); ++it) {
    const auto& [polygon, country] = m_impl->parts[it->second];
    if (bg::covered_by(point, polygon)) {
      return &m_impl->countries[country];
    }
  }
  return nullptr;
}

bool CountryIndex::near(Position p, std::string_view code, double km) const {
  const BoostPolygon disc = circle(p, km);
  const Box envelope = bg::return_envelope<Box>(disc);
  for (auto it = m_impl->tree.qbegin(bgi::intersects(envelope)); it != m_impl->tree.qend(); ++it) {
    const auto& [polygon, country] = m_impl->parts[it->second];
    if (m_impl->countries[country].covers(code) && bg::intersects(disc, polygon)) {
      return true;
    }
  }
  return false;
}

CountryCheck CountryIndex::check(Position p, std::string_view gazetteer_code, double tolerance_km) const {
  CountryCheck result;
  result.found = country_at(p);
  if (!m_impl->any_covers(gazetteer_code)) {
    result.fit = CountryFit::Unchecked;
  } else if (result.found == nullptr) {
    result.fit = CountryFit::AtSea;
  } else if (result.found->covers(gazetteer_code)) {
    result.fit = CountryFit::Inside;
  } else if (result.found->code.empty()) {
    result.fit = CountryFit::Unchecked;
  } else if (near(p, gazetteer_code, tolerance_km)) {
    result.fit = CountryFit::NearBorder;
  } else {
    result.fit = CountryFit::Elsewhere;
  }
  return result;
}

std::filesystem::path naturalearth_file(std::string_view scale) {
  const std::string name = "countries-" + std::string(scale) + ".json";
  const std::filesystem::path dir =
      find_data_dir(running_executable(), "naturalearth", name,
                    {STATIONMAP_SOURCE_NATURALEARTH_DIR, STATIONMAP_INSTALLED_NATURALEARTH_DIR});
  if (!dir.empty()) {
    return dir / name;
  }
  throw IoError(std::string(STATIONMAP_SOURCE_NATURALEARTH_DIR) + "/" + name,
                "the embedded Natural Earth basemap is missing (tools/fetch_basemap.py writes it)");
}

const Topology& embedded_topology(std::string_view scale) {
  static std::mutex mutex;
  static std::map<std::string, Topology, std::less<>> parsed; // nodes stay put: references stay valid
  const std::lock_guard lock(mutex);
  auto it = parsed.find(scale);
  if (it == parsed.end()) {
    it = parsed.emplace(std::string(scale), parse_topojson(read_file(naturalearth_file(scale)))).first;
  }
  return it->second;
}

} // namespace stationmap::geography
