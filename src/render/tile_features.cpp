// ClaimSet -> tile features: the attributes the style and the popups read, and great-circle links.

#include "stationmap/render/web_map.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <nlohmann/json.hpp>
#include <numbers>
#include <set>

namespace stationmap::tiles {
namespace {

constexpr double earth_radius_km = 6371.0088;
constexpr std::size_t max_evidence = 5;
constexpr std::size_t max_sentence_bytes = 600;

struct Vec3 {
  double x, y, z;
};

Vec3 to_vec(const LonLat& ll) {
  const double lon = ll.first * std::numbers::pi / 180.0;
  const double lat = ll.second * std::numbers::pi / 180.0;
  return {std::cos(lat) * std::cos(lon), std::cos(lat) * std::sin(lon), std::sin(lat)};
}

LonLat to_lonlat(const Vec3& v) {
  return {std::atan2(v.y, v.x) * 180.0 / std::numbers::pi,
          std::atan2(v.z, std::hypot(v.x, v.y)) * 180.0 / std::numbers::pi};
}

/// Cuts a UTF-8 string to at most @p max bytes, on a character boundary, marking the cut with an ellipsis.
std::string truncate_utf8(const std::string& s, std::size_t max) {
  if (s.size() <= max) {
    return s;
  }
  std::size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0U) == 0x80U) {
    --cut;
  }
  return s.substr(0, cut) + "…";
}

std::string evidence_json(const std::vector<Evidence>& evidence) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < evidence.size() && i < max_evidence; ++i) {
    const auto& e = evidence[i];
    out.push_back({{"sentence", truncate_utf8(e.sentence, max_sentence_bytes)},
                   {"document", e.document},
                   {"title", e.title},
                   {"url", e.url},
                   {"date", e.date}});
  }
  return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string join(const std::vector<std::string>& items, const char* sep) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    out += (i == 0 ? "" : sep) + items[i];
  }
  return out;
}

std::int64_t as_int(std::size_t n) {
  return static_cast<std::int64_t>(n);
}

} // namespace

std::vector<std::vector<LonLat>> great_circle(LonLat from, LonLat to, double step_km) {
  const Vec3 a = to_vec(from);
  const Vec3 b = to_vec(to);
  const Vec3 cross{a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x};
  const double sin_d = std::sqrt(cross.x * cross.x + cross.y * cross.y + cross.z * cross.z);
  const double d = std::atan2(sin_d, a.x * b.x + a.y * b.y + a.z * b.z);
  std::vector<LonLat> points{from};
  if (sin_d > 1e-12) {
    const auto n = static_cast<int>(std::max(1.0, std::ceil(d * earth_radius_km / std::max(step_km, 1.0))));
    for (int i = 1; i < n; ++i) {
      const double f = static_cast<double>(i) / n;
      const double wa = std::sin((1.0 - f) * d) / sin_d;
      const double wb = std::sin(f * d) / sin_d;
      points.push_back(to_lonlat({wa * a.x + wb * b.x, wa * a.y + wb * b.y, wa * a.z + wb * b.z}));
    }
  }
  points.push_back(to);
  // Split where a step jumps across the antimeridian.
  std::vector<std::vector<LonLat>> parts(1);
  parts.back().push_back(points.front());
  for (std::size_t i = 1; i < points.size(); ++i) {
    const LonLat& p = points[i - 1];
    const LonLat& q = points[i];
    if (std::abs(q.first - p.first) > 180.0) {
      const double side = p.first > 0 ? 180.0 : -180.0;
      const double q_lon = q.first + (p.first > 0 ? 360.0 : -360.0);
      const double f = (side - p.first) / (q_lon - p.first);
      const double lat = p.second + (q.second - p.second) * f;
      parts.back().push_back({side, lat});
      parts.emplace_back().push_back({-side, lat});
    }
    parts.back().push_back(q);
  }
  return parts;
}

std::string jurisdiction_color(std::string_view jurisdiction_id) {
  static constexpr std::array<const char*, 12> palette{"#e6194b", "#3cb44b", "#4363d8", "#f58231",
                                                       "#911eb4", "#42d4f4", "#f032e6", "#9a6324",
                                                       "#469990", "#808000", "#000075", "#bfef45"};
  std::uint64_t h = 1469598103934665603ULL; // FNV-1a
  for (const char c : jurisdiction_id) {
    h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  }
  return palette[h % palette.size()];
}

std::vector<TileFeature> features_from_claims(const ClaimSet& claims, const LinkGeometries* link_geometry) {
  std::vector<TileFeature> out;
  std::map<std::string, const Jurisdiction*> jurisdictions;
  for (const auto& j : claims.jurisdictions) {
    jurisdictions[j.jurisdiction_id] = &j;
  }
  std::map<std::string, const Station*> stations;
  for (const auto& s : claims.stations) {
    stations[s.station_id] = &s;
  }

  for (const auto& s : claims.stations) {
    TileFeature f;
    f.layer = "stations";
    f.key = s.station_id;
    f.parts = {{{s.place.lon, s.place.lat}}};
    std::vector<std::string> names;
    for (const auto& id : s.jurisdiction_ids) {
      auto it = jurisdictions.find(id);
      names.push_back(it != jurisdictions.end() ? it->second->place.name : id);
    }
    auto& p = f.properties;
    p["station_id"] = s.station_id;
    p["name"] = s.place.name;
    p["country"] = s.place.country;
    p["precision"] = s.precision;
    p["status"] = std::string(status_name(s.status));
    if (!s.status_date.empty()) {
      p["status_date"] = s.status_date;
    }
    if (!s.address.empty()) {
      p["address"] = s.address;
    }
    p["station_count"] = std::int64_t{s.station_count};
    p["jurisdictions"] = join(names, "; ");
    p["jurisdiction_ids"] = join(s.jurisdiction_ids, ",");
    p["documents"] = as_int(s.documents.size());
    p["evidence"] = evidence_json(s.evidence);
    p["evidence_count"] = as_int(s.evidence.size());
    p["confidence"] = s.confidence;
    out.push_back(std::move(f));
  }

  for (const auto& j : claims.jurisdictions) {
    TileFeature f;
    f.layer = "jurisdictions";
    f.key = j.jurisdiction_id;
    f.parts = {{{j.place.lon, j.place.lat}}};
    auto& p = f.properties;
    p["jurisdiction_id"] = j.jurisdiction_id;
    p["name"] = j.place.name;
    p["admin_level"] = j.admin_level;
    p["province"] = j.province;
    p["stations"] = as_int(j.station_ids.size());
    p["station_ids"] = join(j.station_ids, ",");
    p["documents"] = as_int(j.documents.size());
    p["evidence"] = evidence_json(j.evidence);
    p["color"] = jurisdiction_color(j.jurisdiction_id);
    out.push_back(std::move(f));
  }

  for (const auto& l : claims.links) {
    auto s = stations.find(l.station_id);
    auto j = jurisdictions.find(l.jurisdiction_id);
    TileFeature f;
    f.layer = "links";
    f.key = l.link_id;
    f.type = GeomType::LineString;
    if (link_geometry != nullptr) {
      if (auto g = link_geometry->find(l.link_id); g != link_geometry->end()) {
        f.parts = g->second;
      }
    }
    if (f.parts.empty()) {
      if (s == stations.end() || j == jurisdictions.end()) {
        continue; // a link to an unknown end has no geometry; the layers stage reports it
      }
      f.parts =
          great_circle({j->second->place.lon, j->second->place.lat}, {s->second->place.lon, s->second->place.lat});
    }
    auto& p = f.properties;
    p["link_id"] = l.link_id;
    p["station_id"] = l.station_id;
    p["jurisdiction_id"] = l.jurisdiction_id;
    p["station"] = s != stations.end() ? s->second->place.name : l.station_id;
    p["jurisdiction"] = j != jurisdictions.end() ? j->second->place.name : l.jurisdiction_id;
    p["evidence"] = evidence_json(l.evidence);
    p["color"] = jurisdiction_color(l.jurisdiction_id);
    out.push_back(std::move(f));
  }

  // Places: one per distinct resolved place id, whatever its role (station wins over jurisdiction).
  struct PlaceAgg {
    const Place* place = nullptr;
    int role_rank = 2;
    std::int64_t mentions = 0;
    std::set<std::string> documents;
  };
  std::map<std::string, PlaceAgg> places;
  for (const auto& m : claims.mentions) {
    if (!m.resolved || m.place_id.empty()) {
      continue;
    }
    auto& agg = places[m.place_id];
    agg.place = &m.place;
    agg.role_rank = std::min(agg.role_rank, static_cast<int>(m.role));
    ++agg.mentions;
    agg.documents.insert(m.document);
  }
  static constexpr std::array<const char*, 3> roles{"station", "jurisdiction", "other"};
  for (const auto& [id, agg] : places) {
    TileFeature f;
    f.layer = "places";
    f.key = id;
    f.parts = {{{agg.place->lon, agg.place->lat}}};
    auto& p = f.properties;
    p["place_id"] = id;
    p["name"] = agg.place->name;
    p["country"] = agg.place->country;
    p["feature_code"] = agg.place->feature_code;
    p["role"] = std::string(roles[static_cast<std::size_t>(agg.role_rank)]);
    p["mentions"] = agg.mentions;
    p["documents"] = as_int(agg.documents.size());
    out.push_back(std::move(f));
  }
  return out;
}

} // namespace stationmap::tiles
