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

/// The arcs' positions as the file gives them (integers when quantized), before decode_arcs().
using RawArcs = std::vector<Line>;

/// Positions of TopoJSON: delta-encoded quantized integers, or lon/lat as they are.
std::vector<Line> decode_arcs(RawArcs arcs, const Transform& t) {
  if (!t.quantized) {
    return arcs;
  }
  for (Line& line : arcs) {
    double x = 0.0, y = 0.0;
    for (Position& p : line) {
      x += p.lon;
      y += p.lat;
      p = {x * t.scale_x + t.translate_x, y * t.scale_y + t.translate_y};
    }
  }
  return arcs;
}

/// Reads a TopoJSON text with nlohmann's SAX parser: the top-level "arcs" (most of the file: a few hundred
/// thousand positions) straight into lines, everything else into a JSON tree.
class TopologyReader {
public:
  using number_integer_t = Json::number_integer_t;
  using number_unsigned_t = Json::number_unsigned_t;
  using number_float_t = Json::number_float_t;
  using string_t = Json::string_t;
  using binary_t = Json::binary_t;

  Json root;
  RawArcs arcs;
  bool has_arcs = false;
  std::string arcs_error; ///< why "arcs" is not a list of lists of positions, empty when it is

  bool null() { return tree_value() && m_dom.null(); }
  bool boolean(bool value) { return tree_value() && m_dom.boolean(value); }
  bool number_integer(number_integer_t value) {
    return in_arcs() ? coordinate(static_cast<double>(value)) : tree_value() && m_dom.number_integer(value);
  }
  bool number_unsigned(number_unsigned_t value) {
    return in_arcs() ? coordinate(static_cast<double>(value)) : tree_value() && m_dom.number_unsigned(value);
  }
  bool number_float(number_float_t value, const string_t& text) {
    return in_arcs() ? coordinate(value) : tree_value() && m_dom.number_float(value, text);
  }
  bool string(string_t& value) { return tree_value() && m_dom.string(value); }
  bool binary(binary_t& value) { return tree_value() && m_dom.binary(value); }
  bool start_object(std::size_t elements) {
    ++m_depth;
    return tree_value() && m_dom.start_object(elements);
  }
  bool end_object() {
    --m_depth;
    return m_dom.end_object();
  }
  bool key(string_t& name) {
    if (m_depth == 1 && name == "arcs") {
      m_arcs_next = true; // its value is read into `arcs`, not the tree
      has_arcs = true;
      arcs.clear(); // a repeated key: the last value counts, as in a tree
      return true;
    }
    return m_dom.key(name);
  }
  bool start_array(std::size_t elements) {
    if (!m_arcs_next && !in_arcs()) {
      ++m_depth;
      return m_dom.start_array(elements);
    }
    m_arcs_next = false;
    ++m_arcs_level; // 1: the list of arcs, 2: an arc, 3: a position
    if (m_arcs_level == 2) {
      arcs.emplace_back();
    } else if (m_arcs_level == 3) {
      m_coordinates = 0;
    }
    return m_arcs_level <= 3 || bad_arcs();
  }
  bool end_array() {
    if (!in_arcs()) {
      --m_depth;
      return m_dom.end_array();
    }
    if (m_arcs_level == 3 && m_coordinates < 2) {
      return bad_arcs();
    }
    --m_arcs_level;
    return true;
  }
  template <class Exception> bool parse_error(std::size_t position, const std::string& token, const Exception& e) {
    m_dom.parse_error(position, token, e);
    return false;
  }

private:
  [[nodiscard]] bool in_arcs() const { return m_arcs_level > 0; }
  bool bad_arcs() {
    arcs_error = "arcs must be lists of [x, y] positions";
    return false;
  }
  /// Whether a value other than a number or an array may come here: not inside "arcs", nor as its value.
  bool tree_value() { return (!in_arcs() && !m_arcs_next) || bad_arcs(); }
  bool coordinate(double value) {
    if (m_arcs_level != 3) {
      return bad_arcs();
    }
    if (m_coordinates == 0) {
      arcs.back().push_back({value, 0.0});
    } else if (m_coordinates == 1) {
      arcs.back().back().lat = value;
    }
    ++m_coordinates; // a third coordinate (elevation) is left out
    return true;
  }

  nlohmann::detail::json_sax_dom_parser<Json> m_dom{root, false};
  std::size_t m_depth = 0; // objects and arrays open in the tree
  bool m_arcs_next = false;
  int m_arcs_level = 0;
  int m_coordinates = 0;
};

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
  const auto envelope = bg::return_envelope<bg::model::box<BoostPoint>>(whole);
  for (const double shift : {-360.0, 0.0, 360.0}) {
    const bg::model::box<BoostPoint> world({-180.0 - shift, -90.0}, {180.0 - shift, 90.0});
    if (bg::disjoint(envelope, world)) {
      continue; // nothing of the polygon in this copy of the world (an intersection would be empty)
    }
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
  TopologyReader reader;
  const bool parsed = Json::sax_parse(text, &reader);
  if (!reader.arcs_error.empty()) {
    throw FormatError("TopoJSON: " + reader.arcs_error);
  }
  const Json& root = reader.root;
  if (!parsed || !root.is_object() || root.value("type", "") != "Topology") {
    throw FormatError("TopoJSON: not a Topology object");
  }
  if (!reader.has_arcs) {
    throw FormatError("TopoJSON: no arcs");
  }
  try {
    Topology topology;
    topology.arcs = decode_arcs(std::move(reader.arcs), transform_of(root));
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
