#include "stationmap/geography/topojson.hpp"

#include "stationmap/core/error.hpp"

#include <algorithm>
#include <boost/geometry.hpp>
#include <boost/geometry/algorithms/point_on_surface.hpp>
#include <boost/geometry/geometries/box.hpp>
#include <boost/geometry/geometries/multi_polygon.hpp>
#include <boost/geometry/geometries/point_xy.hpp>
#include <boost/geometry/geometries/polygon.hpp>
#include <cmath>
#include <nlohmann/json.hpp>

namespace stationmap::geography {

namespace {

using Json = nlohmann::json;

/// TopoJSON's optional quantization: position = delta-decoded integer * scale + translate.
struct Transform {
  bool quantized = false;
  double scale_x = 1.0, scale_y = 1.0, translate_x = 0.0, translate_y = 0.0;
};

Transform transform_of(const Json& topology) {
  Transform t;
  const auto it = topology.find("transform");
  if (it == topology.end()) {
    return t;
  }
  t.quantized = true;
  t.scale_x = it->at("scale").at(0).get<double>();
  t.scale_y = it->at("scale").at(1).get<double>();
  t.translate_x = it->at("translate").at(0).get<double>();
  t.translate_y = it->at("translate").at(1).get<double>();
  return t;
}

std::vector<Line> decode_arcs(const Json& arcs, const Transform& t) {
  std::vector<Line> out;
  out.reserve(arcs.size());
  for (const Json& arc : arcs) {
    Line line;
    line.reserve(arc.size());
    double x = 0.0, y = 0.0;
    for (const Json& p : arc) {
      if (t.quantized) { // delta-encoded integers
        x += p.at(0).get<double>();
        y += p.at(1).get<double>();
        line.push_back({x * t.scale_x + t.translate_x, y * t.scale_y + t.translate_y});
      } else {
        line.push_back({p.at(0).get<double>(), p.at(1).get<double>()});
      }
    }
    out.push_back(std::move(line));
  }
  return out;
}

/// Arc reference: i is arc i forwards, ~i (= -i-1) is arc i backwards.
std::size_t arc_index(long long ref, std::size_t arc_count) {
  const long long index = ref < 0 ? ~ref : ref;
  if (index < 0 || static_cast<std::size_t>(index) >= arc_count) {
    throw FormatError("TopoJSON: arc index " + std::to_string(ref) + " out of range");
  }
  return static_cast<std::size_t>(index);
}

Ring stitch_ring(const std::vector<long long>& refs, const std::vector<Line>& arcs) {
  Ring ring;
  for (const long long ref : refs) {
    Line arc = arcs[arc_index(ref, arcs.size())];
    if (ref < 0) {
      std::reverse(arc.begin(), arc.end());
    }
    // Consecutive arcs share their joining position: keep it once.
    ring.insert(ring.end(), arc.begin() + (ring.empty() || arc.empty() ? 0 : 1), arc.end());
  }
  if (!ring.empty() && !(ring.front() == ring.back())) {
    ring.push_back(ring.front());
  }
  return ring;
}

// --- the antimeridian ---------------------------------------------------------------------------------------
// Natural Earth rings that cross the antimeridian (Russia's Chukotka, Fiji) jump from +180 to -180 in one
// edge: fine on a sphere, a line across the world in plate carrée. Such polygons are unwrapped (longitudes made
// continuous) and cut into the parts inside [-180, 180] with Boost.Geometry.

namespace bg = boost::geometry;
using BoostPoint = bg::model::d2::point_xy<double>;
using BoostPolygon = bg::model::polygon<BoostPoint>;
using BoostRing = BoostPolygon::ring_type;

/// An edge that jumps across the antimeridian; edges along a pole (Antarctica's) do not count.
bool jumps(const Position& a, const Position& b) {
  return std::abs(a.lon - b.lon) > 180.0 && std::min(std::abs(a.lat), std::abs(b.lat)) < 89.9;
}

/// The ring with continuous longitudes, and the longitude it gained going round (360 around a pole).
std::pair<BoostRing, double> unwrapped(const Ring& ring) {
  BoostRing out;
  double offset = 0.0;
  for (std::size_t i = 0; i < ring.size(); ++i) {
    if (i > 0 && jumps(ring[i - 1], ring[i])) {
      offset += ring[i].lon < ring[i - 1].lon ? 360.0 : -360.0;
    }
    out.emplace_back(ring[i].lon + offset, ring[i].lat);
  }
  return {std::move(out), offset};
}

/// Whether the polygon crosses the antimeridian and comes back. A ring around a pole (Antarctica) is already
/// laid out in plate carrée, closed along the pole, and is kept.
bool crosses_antimeridian(const Polygon& polygon) {
  bool crosses = false;
  auto consider = [&](const Ring& ring) {
    const auto [line, offset] = unwrapped(ring);
    if (offset != 0.0) {
      return false;
    }
    crosses = crosses || std::adjacent_find(ring.begin(), ring.end(), jumps) != ring.end();
    return true;
  };
  return consider(polygon.outer) && std::all_of(polygon.holes.begin(), polygon.holes.end(), consider) && crosses;
}

Ring ring_of(const BoostRing& ring, double shift) {
  Ring out;
  out.reserve(ring.size());
  for (const BoostPoint& p : ring) {
    out.push_back({p.x() + shift, p.y()});
  }
  return out;
}

std::vector<Polygon> cut_at_antimeridian(const Polygon& polygon) {
  BoostPolygon whole;
  whole.outer() = unwrapped(polygon.outer).first;
  for (const Ring& hole : polygon.holes) {
    whole.inners().push_back(unwrapped(hole).first);
  }
  bg::unique(whole); // the seam positions (180 and -180) unwrap to one
  bg::correct(whole);
  std::vector<Polygon> parts;
  for (const double shift : {-360.0, 0.0, 360.0}) {
    const bg::model::box<BoostPoint> world({-180.0 - shift, -90.0}, {180.0 - shift, 90.0});
    bg::model::multi_polygon<BoostPolygon> inside;
    bg::intersection(whole, world, inside);
    for (const BoostPolygon& part : inside) {
      Polygon p{ring_of(part.outer(), shift), {}};
      for (const BoostRing& hole : part.inners()) {
        p.holes.push_back(ring_of(hole, shift));
      }
      parts.push_back(std::move(p));
    }
  }
  return parts;
}

void add_polygon(std::vector<Polygon>& polygons, Polygon polygon) {
  if (crosses_antimeridian(polygon)) {
    for (Polygon& part : cut_at_antimeridian(polygon)) {
      polygons.push_back(std::move(part));
    }
  } else {
    polygons.push_back(std::move(polygon));
  }
}

/// A line cut where it jumps across the antimeridian.
std::vector<Line> cut_line(const Line& line) {
  std::vector<Line> parts(1);
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (i > 0 && jumps(line[i - 1], line[i])) {
      parts.emplace_back();
    }
    parts.back().push_back(line[i]);
  }
  return parts;
}

/// A closed ring that encloses some area: at least three distinct positions.
bool has_area(const Ring& ring) {
  return ring.size() >= 4 && std::abs(bg::area(unwrapped(ring).first)) > 0.0;
}

/// Stitches the feature's polygons from its arc references (rings without area are left out).
void stitch_polygons(Feature& f, const std::vector<Line>& arcs) {
  f.polygons.clear();
  for (const auto& rings : f.arc_refs) {
    Polygon polygon;
    for (std::size_t i = 0; i < rings.size(); ++i) {
      Ring ring = stitch_ring(rings[i], arcs);
      if (!has_area(ring)) {
        if (i == 0) {
          break; // no outer ring: no polygon
        }
        continue;
      }
      (i == 0 ? polygon.outer : polygon.holes.emplace_back()) = std::move(ring);
    }
    if (!polygon.outer.empty()) {
      add_polygon(f.polygons, std::move(polygon));
    }
  }
}

std::vector<std::vector<long long>> polygon_refs(const Json& rings, std::size_t arc_count,
                                                 std::vector<std::size_t>& used) {
  std::vector<std::vector<long long>> out;
  for (const Json& ring : rings) {
    auto& refs = out.emplace_back();
    for (const Json& r : ring) {
      refs.push_back(r.get<long long>());
      used.push_back(arc_index(refs.back(), arc_count));
    }
  }
  return out;
}

Feature decode_geometry(const Json& g, const std::vector<Line>& arcs) {
  Feature f;
  if (const auto id = g.find("id"); id != g.end()) {
    f.id = id->is_string() ? id->get<std::string>() : id->dump();
  }
  if (const auto props = g.find("properties"); props != g.end() && props->is_object()) {
    for (const auto& [key, value] : props->items()) {
      f.properties[key] = value.is_string() ? value.get<std::string>() : value.dump();
    }
  }
  const std::string type = g.value("type", "");
  if (type == "Polygon") {
    f.arc_refs.push_back(polygon_refs(g.at("arcs"), arcs.size(), f.arcs));
  } else if (type == "MultiPolygon") {
    for (const Json& polygon : g.at("arcs")) {
      f.arc_refs.push_back(polygon_refs(polygon, arcs.size(), f.arcs));
    }
  }
  stitch_polygons(f, arcs);
  std::sort(f.arcs.begin(), f.arcs.end());
  f.arcs.erase(std::unique(f.arcs.begin(), f.arcs.end()), f.arcs.end());
  return f;
}

std::vector<Feature> decode_object(const Json& object, const std::vector<Line>& arcs) {
  std::vector<Feature> features;
  if (object.value("type", "") == "GeometryCollection") {
    for (const Json& g : object.at("geometries")) {
      features.push_back(decode_geometry(g, arcs));
    }
  } else {
    features.push_back(decode_geometry(object, arcs));
  }
  return features;
}

} // namespace

Topology parse_topojson(std::string_view text) {
  const Json root = Json::parse(text, nullptr, false);
  if (root.is_discarded() || !root.is_object() || root.value("type", "") != "Topology") {
    throw FormatError("TopoJSON: not a Topology object");
  }
  try {
    Topology topology;
    topology.arcs = decode_arcs(root.at("arcs"), transform_of(root));
    for (const auto& [name, object] : root.at("objects").items()) {
      topology.objects[name] = decode_object(object, topology.arcs);
    }
    return topology;
  } catch (const Json::exception& e) {
    throw FormatError(std::string("TopoJSON: ") + e.what());
  }
}

Topology simplified(const Topology& topology, double tolerance_deg) {
  Topology out;
  out.arcs.reserve(topology.arcs.size());
  for (const Line& arc : topology.arcs) {
    bg::model::linestring<BoostPoint> line;
    for (const Position& p : arc) {
      line.emplace_back(p.lon, p.lat);
    }
    bg::model::linestring<BoostPoint> simple;
    bg::simplify(line, simple, tolerance_deg);
    Line& kept = out.arcs.emplace_back();
    for (const BoostPoint& p : simple) {
      kept.push_back({p.x(), p.y()});
    }
  }
  for (const auto& [name, features] : topology.objects) {
    auto& copies = out.objects[name];
    for (const Feature& f : features) {
      Feature copy = f;
      stitch_polygons(copy, out.arcs);
      copies.push_back(std::move(copy));
    }
  }
  return out;
}

LabelPoint label_point(const std::vector<Polygon>& polygons) {
  LabelPoint best;
  for (const Polygon& p : polygons) {
    BoostPolygon polygon;
    for (const Position& q : p.outer) {
      polygon.outer().emplace_back(q.lon, q.lat);
    }
    bg::correct(polygon);
    const double area = bg::area(polygon);
    if (area > best.area) {
      BoostPoint inside;
      bg::point_on_surface(polygon, inside);
      best = {{inside.x(), inside.y()}, area};
    }
  }
  return best;
}

std::vector<Line> shared_arcs(const Topology& topology, const std::string& object) {
  std::vector<int> users(topology.arcs.size(), 0);
  if (const auto it = topology.objects.find(object); it != topology.objects.end()) {
    for (const Feature& f : it->second) {
      for (const std::size_t a : f.arcs) {
        ++users[a];
      }
    }
  }
  std::vector<Line> lines;
  for (std::size_t a = 0; a < users.size(); ++a) {
    if (users[a] >= 2) {
      for (Line& part : cut_line(topology.arcs[a])) {
        lines.push_back(std::move(part));
      }
    }
  }
  return lines;
}

} // namespace stationmap::geography
