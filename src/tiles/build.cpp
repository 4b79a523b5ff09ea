// Tiling: projection, automatic maxzoom, grid clustering of point layers, line clipping, MVT per tile.
// The rules are stated in include/stationmap/tiles/tiles.hpp.

#include "stationmap/core/error.hpp"
#include "stationmap/core/memory.hpp"
#include "stationmap/tiles/mvt.hpp"
#include "stationmap/tiles/tiles.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <limits>
#include <nlohmann/json.hpp>
#include <numbers>
#include <set>

namespace stationmap::tiles {
namespace {

constexpr double max_lat = 85.0511287798; // Web Mercator's limit: the world is a square
constexpr int hard_max = 22;              // the deepest zoom a TileSet may have

/// Web Mercator in [0, 1) x [0, 1): x east, y south.
struct Merc {
  double x = 0.0;
  double y = 0.0;
};

Merc project(const LonLat& ll) {
  const double lon = std::clamp(ll.lon, -180.0, 180.0);
  const double lat = std::clamp(ll.lat, -max_lat, max_lat) * std::numbers::pi / 180.0;
  constexpr double top = 1.0 - 1e-12;
  const double x = (lon + 180.0) / 360.0;
  const double y = 0.5 - std::log(std::tan(std::numbers::pi / 4.0 + lat / 2.0)) / (2.0 * std::numbers::pi);
  return {std::clamp(x, 0.0, top), std::clamp(y, 0.0, top)};
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string field_type(const PropertyValue& v) {
  if (std::holds_alternative<std::string>(v)) {
    return "String";
  }
  if (std::holds_alternative<bool>(v)) {
    return "Boolean";
  }
  return "Number";
}

std::string layer_description(const std::string& name) {
  if (name == "stations") {
    return "Alleged overseas police station sites; clustered below maxzoom (cluster, point_count, member_ids)";
  }
  if (name == "jurisdictions") {
    return "Home jurisdictions (public-security bureaus) said to run stations";
  }
  if (name == "links") {
    return "Geodesic site-jurisdiction ties that a document states";
  }
  if (name == "places") {
    return "Every place the documents name; clustered below maxzoom";
  }
  if (name == "candidates") {
    return "Sites the extractor is unsure of, for review: never stations";
  }
  return name;
}

/// A point of a layer at one zoom: a feature or a cluster, with its integer world position.
struct PlacedPoint {
  std::int64_t wx = 0;
  std::int64_t wy = 0;
  MvtFeature feature;
};

std::string member_key(const TileFeature& f, std::size_t index) {
  return f.key.empty() ? std::to_string(index + 1) : f.key;
}

std::string member_name(const TileFeature& f) {
  auto it = f.properties.find("name");
  if (it != f.properties.end()) {
    if (const auto* s = std::get_if<std::string>(&it->second)) {
      return *s;
    }
  }
  return f.key;
}

std::int64_t station_count_of(const TileFeature& f) {
  auto it = f.properties.find("station_count");
  if (it != f.properties.end()) {
    if (const auto* i = std::get_if<std::int64_t>(&it->second)) {
      return *i;
    }
  }
  return 1;
}

MvtFeature make_cluster(const std::vector<const TileFeature*>& members, const std::vector<std::size_t>& indices) {
  MvtFeature out;
  out.type = GeomType::Point;
  out.id = (std::uint64_t{1} << 40U) + indices.front();
  // Attributes every member shares are kept (country, status...); ids, names and counts are summed up.
  for (const auto& [k, v] : members.front()->properties) {
    bool same = true;
    for (const auto* m : members) {
      auto it = m->properties.find(k);
      if (it == m->properties.end() || !(it->second == v)) {
        same = false;
        break;
      }
    }
    if (same) {
      out.properties[k] = v;
    } else if (k == "status") {
      out.properties[k] = std::string("mixed");
    }
  }
  constexpr std::size_t max_member_names = 30; // then "…": a cluster's popup stays short
  std::string ids;
  std::string names;
  std::int64_t stations = 0;
  for (std::size_t i = 0; i < members.size(); ++i) {
    ids += (i == 0 ? "" : ",") + member_key(*members[i], indices[i]);
    if (i < max_member_names) {
      names += (i == 0 ? "" : "; ") + member_name(*members[i]);
    } else if (i == max_member_names) {
      names += "; …";
    }
    stations += station_count_of(*members[i]);
  }
  out.properties["cluster"] = true;
  out.properties["point_count"] = static_cast<std::int64_t>(members.size());
  out.properties["station_count"] = stations;
  out.properties["member_ids"] = ids;
  out.properties["member_names"] = names;
  out.properties["name"] = std::to_string(members.size()) + " sites";
  return out;
}

/// Liang-Barsky: clips segment a-b to the box; returns false when nothing is left.
bool clip_segment(double ax, double ay, double bx, double by, double minx, double miny, double maxx, double maxy,
                  double& t0, double& t1) {
  t0 = 0.0;
  t1 = 1.0;
  const double dx = bx - ax;
  const double dy = by - ay;
  const double p[4] = {-dx, dx, -dy, dy};
  const double q[4] = {ax - minx, maxx - ax, ay - miny, maxy - ay};
  for (int i = 0; i < 4; ++i) {
    if (p[i] == 0.0) {
      if (q[i] < 0.0) {
        return false;
      }
      continue;
    }
    const double r = q[i] / p[i];
    if (p[i] < 0.0) {
      t0 = std::max(t0, r);
    } else {
      t1 = std::min(t1, r);
    }
    if (t0 > t1) {
      return false;
    }
  }
  return true;
}

struct LineState {
  std::vector<std::vector<TilePoint>> parts;
  std::size_t last_piece = std::numeric_limits<std::size_t>::max();
  bool open = false;
};

TilePoint to_local(double wx, double wy, const TileKey& t, double extent) {
  return {static_cast<std::int32_t>(std::llround(wx - t.x * extent)),
          static_cast<std::int32_t>(std::llround(wy - t.y * extent))};
}

void push_unique(std::vector<TilePoint>& part, TilePoint p) {
  if (part.empty() || !(part.back() == p)) {
    part.push_back(p);
  }
}

/// Clips every part of a line feature into the tiles of zoom z it crosses.
std::map<TileKey, std::vector<std::vector<TilePoint>>> clip_line(const std::vector<std::vector<Merc>>& parts, int z,
                                                                 const TileOptions& o) {
  const double extent = o.extent;
  const double world = extent * std::ldexp(1.0, z);
  const auto last_tile = static_cast<std::int64_t>((std::uint64_t{1} << static_cast<unsigned>(z)) - 1);
  const double buffer = o.buffer;
  std::map<TileKey, LineState> states;
  std::size_t piece = 0;
  for (const auto& part : parts) {
    piece += 2; // parts never join each other
    for (std::size_t i = 1; i < part.size(); ++i) {
      const double ax = part[i - 1].x * world;
      const double ay = part[i - 1].y * world;
      const double bx = part[i].x * world;
      const double by = part[i].y * world;
      // Pieces at most half a tile long, so each one's box touches at most 3 x 3 tiles.
      const double len = std::hypot(bx - ax, by - ay);
      const auto n = static_cast<std::size_t>(std::max(1.0, std::ceil(len / (extent / 2.0))));
      for (std::size_t k = 0; k < n; ++k, ++piece) {
        const double s0 = static_cast<double>(k) / static_cast<double>(n);
        const double s1 = static_cast<double>(k + 1) / static_cast<double>(n);
        const double px0 = ax + (bx - ax) * s0;
        const double py0 = ay + (by - ay) * s0;
        const double px1 = ax + (bx - ax) * s1;
        const double py1 = ay + (by - ay) * s1;
        auto tile_of = [&](double v) {
          return std::clamp(static_cast<std::int64_t>(std::floor(v / extent)), std::int64_t{0}, last_tile);
        };
        const auto tx0 = tile_of(std::min(px0, px1) - buffer);
        const auto tx1 = tile_of(std::max(px0, px1) + buffer);
        const auto ty0 = tile_of(std::min(py0, py1) - buffer);
        const auto ty1 = tile_of(std::max(py0, py1) + buffer);
        for (auto ty = ty0; ty <= ty1; ++ty) {
          for (auto tx = tx0; tx <= tx1; ++tx) {
            const TileKey key{static_cast<std::uint8_t>(z), static_cast<std::uint32_t>(tx),
                              static_cast<std::uint32_t>(ty)};
            double t0 = 0.0;
            double t1 = 1.0;
            const double minx = static_cast<double>(tx) * extent - buffer;
            const double miny = static_cast<double>(ty) * extent - buffer;
            if (!clip_segment(px0, py0, px1, py1, minx, miny, minx + extent + 2 * buffer, miny + extent + 2 * buffer,
                              t0, t1)) {
              continue;
            }
            LineState& st = states[key];
            const TilePoint a = to_local(px0 + (px1 - px0) * t0, py0 + (py1 - py0) * t0, key, extent);
            const TilePoint b = to_local(px0 + (px1 - px0) * t1, py0 + (py1 - py0) * t1, key, extent);
            if (!(st.open && st.last_piece + 1 == piece && t0 == 0.0)) {
              st.parts.emplace_back();
              push_unique(st.parts.back(), a);
            }
            push_unique(st.parts.back(), b);
            st.open = (t1 == 1.0);
            st.last_piece = piece;
          }
        }
      }
    }
  }
  std::map<TileKey, std::vector<std::vector<TilePoint>>> out;
  for (auto& [key, st] : states) {
    std::vector<std::vector<TilePoint>> kept;
    for (auto& p : st.parts) {
      if (p.size() >= 2) {
        kept.push_back(std::move(p));
      }
    }
    if (!kept.empty()) {
      out.emplace(key, std::move(kept));
    }
  }
  return out;
}

// --- polygons ----------------------------------------------------------------------------------------------

/// Twice the signed area of a ring (shoelace): in lon/lat positive when counter-clockwise.
template <class P, class X, class Y> double signed_area2(const std::vector<P>& ring, X x, Y y) {
  double sum = 0.0;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
    sum += x(ring[i]) * y(ring[i + 1]) - x(ring[i + 1]) * y(ring[i]);
  }
  return sum;
}

/// One Sutherland-Hodgman step: the part of an open ring on the inner side of one box edge.
template <class Inside, class Cross>
std::vector<Merc> clip_ring_edge(const std::vector<Merc>& ring, Inside inside, Cross cross) {
  std::vector<Merc> out;
  for (std::size_t i = 0; i < ring.size(); ++i) {
    const Merc& a = ring[(i + ring.size() - 1) % ring.size()];
    const Merc& b = ring[i];
    if (inside(b)) {
      if (!inside(a)) {
        out.push_back(cross(a, b));
      }
      out.push_back(b);
    } else if (inside(a)) {
      out.push_back(cross(a, b));
    }
  }
  return out;
}

/// The part of an open ring (world units) inside the box; the winding order is kept.
std::vector<Merc> clip_ring(std::vector<Merc> ring, double minx, double miny, double maxx, double maxy) {
  auto at_x = [](const Merc& a, const Merc& b, double x) {
    return Merc{x, a.y + (b.y - a.y) * (x - a.x) / (b.x - a.x)};
  };
  auto at_y = [](const Merc& a, const Merc& b, double y) {
    return Merc{a.x + (b.x - a.x) * (y - a.y) / (b.y - a.y), y};
  };
  ring = clip_ring_edge(
      ring, [&](const Merc& p) { return p.x >= minx; }, [&](const Merc& a, const Merc& b) { return at_x(a, b, minx); });
  ring = clip_ring_edge(
      ring, [&](const Merc& p) { return p.x <= maxx; }, [&](const Merc& a, const Merc& b) { return at_x(a, b, maxx); });
  ring = clip_ring_edge(
      ring, [&](const Merc& p) { return p.y >= miny; }, [&](const Merc& a, const Merc& b) { return at_y(a, b, miny); });
  return clip_ring_edge(
      ring, [&](const Merc& p) { return p.y <= maxy; }, [&](const Merc& a, const Merc& b) { return at_y(a, b, maxy); });
}

/// Clips a polygon feature's rings (projected, as given: outer rings counter-clockwise in lon/lat, holes after
/// their outer ring) into the tiles of zoom z. Rings are written in MVT order (outer clockwise on screen:
/// positive area); a ring left without area in a tile is dropped there, and so are the holes of a dropped
/// outer ring.
std::map<TileKey, std::vector<std::vector<TilePoint>>>
clip_polygon(const std::vector<std::vector<Merc>>& rings, const std::vector<bool>& outer, int z, const TileOptions& o) {
  const double extent = o.extent;
  const double world = extent * std::ldexp(1.0, z);
  const auto last_tile = static_cast<std::int64_t>((std::uint64_t{1} << static_cast<unsigned>(z)) - 1);
  const double buffer = o.buffer;
  std::map<TileKey, std::vector<std::vector<TilePoint>>> out;
  std::map<TileKey, bool> outer_kept;
  for (std::size_t r = 0; r < rings.size(); ++r) {
    std::vector<Merc> ring; // world units, open, reversed: the y axis points down in tiles
    double minx = world, miny = world, maxx = 0.0, maxy = 0.0;
    for (std::size_t i = rings[r].size(); i-- > 1;) { // the closing position is left out
      ring.push_back({rings[r][i].x * world, rings[r][i].y * world});
      minx = std::min(minx, ring.back().x);
      maxx = std::max(maxx, ring.back().x);
      miny = std::min(miny, ring.back().y);
      maxy = std::max(maxy, ring.back().y);
    }
    if (ring.size() < 3) {
      continue;
    }
    auto tile_of = [&](double v) {
      return std::clamp(static_cast<std::int64_t>(std::floor(v / extent)), std::int64_t{0}, last_tile);
    };
    for (auto ty = tile_of(miny - buffer); ty <= tile_of(maxy + buffer); ++ty) {
      for (auto tx = tile_of(minx - buffer); tx <= tile_of(maxx + buffer); ++tx) {
        const TileKey key{static_cast<std::uint8_t>(z), static_cast<std::uint32_t>(tx), static_cast<std::uint32_t>(ty)};
        if (!outer[r] && !outer_kept[key]) {
          continue; // a hole of an outer ring this tile does not have
        }
        const double x0 = static_cast<double>(tx) * extent - buffer;
        const double y0 = static_cast<double>(ty) * extent - buffer;
        const auto clipped = clip_ring(ring, x0, y0, x0 + extent + 2 * buffer, y0 + extent + 2 * buffer);
        std::vector<TilePoint> local;
        for (const Merc& p : clipped) {
          push_unique(local, to_local(p.x, p.y, key, extent));
        }
        if (!local.empty()) {
          local.push_back(local.front());
        }
        const bool has_area = local.size() >= 4 && signed_area2(
                                                       local, [](const TilePoint& p) { return double(p.x); },
                                                       [](const TilePoint& p) { return double(p.y); }) != 0.0;
        if (outer[r]) {
          outer_kept[key] = has_area;
        }
        if (has_area) {
          out[key].push_back(std::move(local));
        }
      }
    }
  }
  return out;
}

} // namespace

int choose_maxzoom(const std::vector<TileFeature>& features, const TileOptions& options) {
  if (options.maxzoom) {
    return std::clamp(*options.maxzoom, std::max(0, options.minzoom), hard_max);
  }
  std::vector<Merc> points;
  for (const auto& f : features) {
    if (f.type == GeomType::Point && !f.parts.empty() && !f.parts.front().empty()) {
      points.push_back(project(f.parts.front().front()));
    }
  }
  std::sort(points.begin(), points.end(),
            [](const Merc& a, const Merc& b) { return a.x != b.x ? a.x < b.x : a.y < b.y; });
  double best = std::numeric_limits<double>::infinity();
  for (std::size_t i = 0; i < points.size(); ++i) { // sweep on x: only neighbours closer than best count
    for (std::size_t j = i + 1; j < points.size() && points[j].x - points[i].x < best; ++j) {
      const double d = std::hypot(points[j].x - points[i].x, points[j].y - points[i].y);
      if (d > 0.0) {
        best = std::min(best, d);
      }
    }
  }
  // The automatic maxzoom's range, and the zoom when there are fewer than two distinct points (tiles.hpp).
  constexpr int auto_min = 4;
  constexpr int auto_max = 14;
  constexpr int auto_fallback = 10;
  int z = auto_fallback;
  if (std::isfinite(best)) {
    z = static_cast<int>(std::ceil(std::log2(options.separation_px / (256.0 * best))));
    z = std::clamp(z, auto_min, auto_max);
  }
  return std::max(z, options.minzoom);
}

namespace {

void check_options(const TileOptions& options) {
  if (options.minzoom < 0 || options.minzoom > hard_max || options.extent == 0 || options.cluster_cell == 0 ||
      options.extent % options.cluster_cell != 0 || options.buffer > options.extent) {
    throw Error("tiles: bad options (minzoom 0.." + std::to_string(hard_max) +
                ", extent > 0, cluster_cell dividing extent, buffer <= extent)");
  }
}

/// The highest zoom of a layer: links_maxzoom for the line layers, else the set's maxzoom.
int layer_maxzoom(const TileSet& set, const std::string& name) {
  const int links_max = std::max(set.minzoom, std::min(set.options.links_maxzoom, set.maxzoom));
  return contains(set.options.line_layers, name) ? links_max : set.maxzoom;
}

/// Each feature's geometry in Web Mercator (a point: its first position only). Throws Error on a feature without
/// geometry or with a non-finite coordinate.
std::vector<std::vector<std::vector<Merc>>> project_features(const std::vector<TileFeature>& features) {
  std::vector<std::vector<std::vector<Merc>>> projected(features.size());
  for (std::size_t i = 0; i < features.size(); ++i) {
    const auto& f = features[i];
    if (f.parts.empty() || f.parts.front().empty()) {
      throw Error("tiles: feature " + std::to_string(i) + " of layer '" + f.layer + "' has no geometry");
    }
    for (const auto& part : f.parts) {
      auto& out = projected[i].emplace_back();
      for (const auto& ll : part) {
        if (!std::isfinite(ll.lon) || !std::isfinite(ll.lat)) {
          throw Error("tiles: feature " + std::to_string(i) + " of layer '" + f.layer +
                      "' has a non-finite coordinate");
        }
        out.push_back(project(ll));
      }
      if (f.type == GeomType::Point) {
        break;
      }
    }
  }
  return projected;
}

/// One feature's geometry in one tile, before it is encoded: the attributes stay with the input feature (or the
/// zoom's cluster) and the points in the zoom's pool (ZoomTiler::m_points), so a zoom holds little more than its
/// tile coordinates.
struct Piece {
  TileKey key;
  std::uint32_t layer = 0;
  std::uint64_t id = 0;
  const std::map<std::string, PropertyValue>* properties = nullptr;
  std::uint32_t first_part = 0; ///< its parts: ZoomTiler::m_part_starts[first_part..first_part + part_count)
  std::uint32_t part_count = 0;
  GeomType type = GeomType::Point;
  bool lone_point = false; ///< a point of a clustered layer that stays itself: cluster=false, point_count=1
};

/// The tiles of one zoom, one at a time in (x, y) order.
class ZoomTiler {
public:
  ZoomTiler(const std::vector<TileFeature>& features, const std::vector<std::vector<std::vector<Merc>>>& projected,
            const TileSet& set, int z)
      : m_features(features), m_projected(projected), m_set(set), m_options(set.options), m_z(z),
        m_world(static_cast<double>(set.options.extent) * std::ldexp(1.0, z)) {}

  /// Calls @p emit(key, mvt bytes) for every non-empty tile of the zoom, in key order.
  template <class Emit> void run(Emit&& emit) {
    for (std::size_t li = 0; li < m_set.layers.size(); ++li) {
      if (m_z <= layer_maxzoom(m_set, m_set.layers[li].id)) {
        cut_layer(li);
      }
    }
    m_part_starts.push_back(static_cast<std::uint32_t>(m_points.size())); // the last part's end
    std::stable_sort(m_pieces.begin(), m_pieces.end(),
                     [](const Piece& a, const Piece& b) { return a.key != b.key ? a.key < b.key : a.layer < b.layer; });
    for (std::size_t begin = 0; begin < m_pieces.size();) {
      std::size_t end = begin;
      std::vector<MvtLayer> layers;
      for (const auto& info : m_set.layers) {
        layers.push_back(MvtLayer{info.id, m_options.extent, {}});
      }
      for (; end < m_pieces.size() && m_pieces[end].key == m_pieces[begin].key; ++end) {
        const Piece& p = m_pieces[end];
        MvtFeature out{p.id, p.type, parts_of(p), {}, p.properties}; // attributes not copied
        if (p.lone_point) {
          out.properties["cluster"] = false;
          out.properties["point_count"] = std::int64_t{1};
        }
        layers[p.layer].features.push_back(std::move(out));
      }
      std::string bytes = encode_mvt(layers);
      if (!bytes.empty()) {
        emit(m_pieces[begin].key, std::move(bytes));
      }
      begin = end;
    }
  }

private:
  [[nodiscard]] std::uint64_t id_of(std::size_t i) const { return m_features[i].id != 0 ? m_features[i].id : i + 1; }

  /// Adds a piece of feature geometry @p parts to the zoom.
  void add_piece(TileKey key, std::size_t layer, std::uint64_t id, GeomType type,
                 const std::map<std::string, PropertyValue>* properties, bool lone_point,
                 const std::vector<std::vector<TilePoint>>& parts) {
    m_pieces.push_back({key, static_cast<std::uint32_t>(layer), id, properties,
                        static_cast<std::uint32_t>(m_part_starts.size()), static_cast<std::uint32_t>(parts.size()),
                        type, lone_point});
    for (const auto& part : parts) {
      m_part_starts.push_back(static_cast<std::uint32_t>(m_points.size()));
      m_points.insert(m_points.end(), part.begin(), part.end());
    }
  }

  /// A piece's parts, out of the pool.
  [[nodiscard]] std::vector<std::vector<TilePoint>> parts_of(const Piece& p) const {
    std::vector<std::vector<TilePoint>> parts;
    for (std::uint32_t i = p.first_part; i < p.first_part + p.part_count; ++i) {
      parts.emplace_back(m_points.begin() + m_part_starts[i], m_points.begin() + m_part_starts[i + 1]);
    }
    return parts;
  }

  [[nodiscard]] TileKey key(std::int64_t tx, std::int64_t ty) const {
    return {static_cast<std::uint8_t>(m_z), static_cast<std::uint32_t>(tx), static_cast<std::uint32_t>(ty)};
  }

  void cut_layer(std::size_t li) {
    const std::string& name = m_set.layers[li].id;
    const bool clustered_layer = contains(m_options.clustered_layers, name);
    const bool cluster = clustered_layer && m_z < m_set.maxzoom;
    // Points: lone features, or clusters per grid cell.
    std::vector<PlacedPoint> points;
    std::map<std::pair<std::int64_t, std::int64_t>, std::vector<std::size_t>> cells;
    for (std::size_t i = 0; i < m_features.size(); ++i) {
      const auto& f = m_features[i];
      if (f.layer != name) {
        continue;
      }
      if (f.type == GeomType::Polygon) {
        std::vector<bool> outer;
        for (const auto& ring : f.parts) {
          outer.push_back(signed_area2(
                              ring, [](const LonLat& p) { return p.lon; }, [](const LonLat& p) { return p.lat; }) >
                          0.0);
        }
        for (const auto& [k, parts] : clip_polygon(m_projected[i], outer, m_z, m_options)) {
          add_piece(k, li, id_of(i), GeomType::Polygon, &f.properties, false, parts);
        }
        continue;
      }
      if (f.type == GeomType::LineString) {
        for (const auto& [k, parts] : clip_line(m_projected[i], m_z, m_options)) {
          add_piece(k, li, id_of(i), GeomType::LineString, &f.properties, false, parts);
        }
        continue;
      }
      const auto wx = static_cast<std::int64_t>(std::floor(m_projected[i][0][0].x * m_world));
      const auto wy = static_cast<std::int64_t>(std::floor(m_projected[i][0][0].y * m_world));
      if (cluster) {
        cells[{wy / m_options.cluster_cell, wx / m_options.cluster_cell}].push_back(i);
      } else {
        place_point(li, wx, wy, id_of(i), &f.properties, clustered_layer);
      }
    }
    for (const auto& [cell, members] : cells) {
      if (members.size() == 1) {
        const std::size_t m = members.front();
        place_point(li, static_cast<std::int64_t>(std::floor(m_projected[m][0][0].x * m_world)),
                    static_cast<std::int64_t>(std::floor(m_projected[m][0][0].y * m_world)), id_of(m),
                    &m_features[m].properties, true);
        continue;
      }
      std::vector<const TileFeature*> ptrs;
      double sx = 0.0;
      double sy = 0.0;
      for (auto m : members) {
        ptrs.push_back(&m_features[m]);
        sx += std::floor(m_projected[m][0][0].x * m_world);
        sy += std::floor(m_projected[m][0][0].y * m_world);
      }
      const double n = static_cast<double>(members.size());
      const MvtFeature& made = m_clusters.emplace_back(make_cluster(ptrs, members));
      // The mean of integer positions in one cell stays in that cell, hence in the same tile.
      place_point(li, static_cast<std::int64_t>(std::floor(sx / n)), static_cast<std::int64_t>(std::floor(sy / n)),
                  made.id, &made.properties, false);
    }
  }

  /// A point at world position (wx, wy) into its tile and the neighbours whose buffer it falls in.
  void place_point(std::size_t li, std::int64_t wx, std::int64_t wy, std::uint64_t id,
                   const std::map<std::string, PropertyValue>* properties, bool lone_point) {
    const auto e = static_cast<std::int64_t>(m_options.extent);
    const auto b = static_cast<std::int64_t>(m_options.buffer);
    const auto tiles_per_side = static_cast<std::int64_t>(std::uint64_t{1} << static_cast<unsigned>(m_z));
    const std::int64_t hx = wx / e;
    const std::int64_t hy = wy / e;
    for (std::int64_t ty = hy - 1; ty <= hy + 1; ++ty) {
      for (std::int64_t tx = hx - 1; tx <= hx + 1; ++tx) {
        if (tx < 0 || ty < 0 || tx >= tiles_per_side || ty >= tiles_per_side) {
          continue; // never an address outside the pyramid
        }
        const std::int64_t lx = wx - tx * e;
        const std::int64_t ly = wy - ty * e;
        if (lx < -b || ly < -b || lx >= e + b || ly >= e + b) {
          continue;
        }
        add_piece(key(tx, ty), li, id, GeomType::Point, properties, lone_point,
                  {{TilePoint{static_cast<std::int32_t>(lx), static_cast<std::int32_t>(ly)}}});
      }
    }
  }

  const std::vector<TileFeature>& m_features;
  const std::vector<std::vector<std::vector<Merc>>>& m_projected;
  const TileSet& m_set;
  const TileOptions& m_options;
  int m_z;
  double m_world;
  std::vector<Piece> m_pieces;
  std::vector<std::uint32_t> m_part_starts; ///< the pieces' parts: where each starts in m_points (then an end)
  std::vector<TilePoint> m_points;          ///< the pieces' points, part after part
  std::deque<MvtFeature> m_clusters;        ///< this zoom's clusters, which the pieces point into
};

/// Every non-empty tile of the pyramid @p set plans, zoom by zoom and in key order within a zoom: emit(key, mvt).
/// @p projected: project_features(features).
template <class Emit>
void tile_pyramid(const std::vector<TileFeature>& features,
                  const std::vector<std::vector<std::vector<Merc>>>& projected, const TileSet& set, Emit&& emit) {
  for (int z = set.minzoom; z <= set.maxzoom; ++z) {
    ZoomTiler(features, projected, set, z).run(emit);
  }
}

/// Tiles into @p sink, each tile gzipped; returns the number of tiles.
std::size_t stream_projected(const std::vector<TileFeature>& features,
                             const std::vector<std::vector<std::vector<Merc>>>& projected, const TileSet& plan,
                             TileSink& sink) {
  std::size_t count = 0;
  tile_pyramid(features, projected, plan, [&](const TileKey& key, std::string&& bytes) {
    sink.add(key, gzip_compress(bytes));
    ++count;
  });
  return count;
}

} // namespace

TileSet plan_tiles(const std::vector<TileFeature>& features, const TileOptions& options) {
  check_options(options);
  TileSet set;
  set.options = options;
  set.minzoom = options.minzoom;
  set.maxzoom = choose_maxzoom(features, options);

  // Layers in first-seen order, their fields, and the bounds.
  std::map<std::string, std::size_t> layer_index;
  double west = 180.0;
  double south = 90.0;
  double east = -180.0;
  double north = -90.0;
  for (const auto& f : features) {
    if (layer_index.emplace(f.layer, set.layers.size()).second) {
      LayerInfo info;
      info.id = f.layer;
      info.description = layer_description(f.layer);
      info.minzoom = set.minzoom;
      info.maxzoom = layer_maxzoom(set, f.layer);
      if (contains(options.clustered_layers, f.layer)) {
        info.fields = {{"cluster", "Boolean"},
                       {"point_count", "Number"},
                       {"member_ids", "String"},
                       {"member_names", "String"},
                       {"station_count", "Number"}};
      }
      set.layers.push_back(std::move(info));
    }
    auto& info = set.layers[layer_index[f.layer]];
    for (const auto& [k, v] : f.properties) {
      info.fields.emplace(k, field_type(v));
    }
    ++set.layer_feature_counts[f.layer];
    for (const auto& part : f.parts) {
      for (const auto& ll : part) {
        west = std::min(west, ll.lon);
        east = std::max(east, ll.lon);
        south = std::min(south, std::max(ll.lat, -max_lat));
        north = std::max(north, std::min(ll.lat, max_lat));
      }
      if (f.type == GeomType::Point) {
        break;
      }
    }
  }
  if (!features.empty()) {
    set.bounds = {west, south, east, north};
    set.center = {(west + east) / 2.0, (south + north) / 2.0,
                  static_cast<double>(std::clamp(2, set.minzoom, set.maxzoom))};
  }
  return set;
}

TileSet build_tiles(const std::vector<TileFeature>& features, const TileOptions& options) {
  TileSet set = plan_tiles(features, options);
  tile_pyramid(features, project_features(features), set,
               [&](const TileKey& key, std::string&& bytes) { set.tiles.emplace(key, std::move(bytes)); });
  set.tile_count = set.tiles.size();
  return set;
}

std::size_t stream_tiles(const std::vector<TileFeature>& features, const TileSet& plan, TileSink& sink) {
  return stream_projected(features, project_features(features), plan, sink);
}

std::size_t stream_tiles(std::vector<TileFeature>&& given, const TileSet& plan, TileSink& sink) {
  std::vector<TileFeature> features = std::move(given); // let go of on return
  const auto projected = project_features(features);
  for (TileFeature& f : features) {
    if (f.type == GeomType::LineString) {
      std::vector<std::vector<LonLat>>().swap(f.parts); // the tiler reads a line's projected parts only
    }
  }
  // What the stages before let go of (the layers' rows but for these features) lies free among the features'
  // blocks: back to the system, so that the zooms' pools do not come on top of it.
  give_back_free_memory();
  return stream_projected(features, projected, plan, sink);
}

std::string vector_layers_json(const TileSet& set) {
  nlohmann::ordered_json layers = nlohmann::ordered_json::array();
  for (const auto& l : set.layers) {
    nlohmann::ordered_json fields = nlohmann::ordered_json::object();
    for (const auto& [k, v] : l.fields) {
      fields[k] = v;
    }
    layers.push_back({{"id", l.id},
                      {"description", l.description},
                      {"minzoom", l.minzoom},
                      {"maxzoom", l.maxzoom},
                      {"fields", fields}});
  }
  return layers.dump();
}

} // namespace stationmap::tiles
