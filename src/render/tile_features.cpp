// ClaimSet -> tile features: the attributes the style and the popups read, and the links' PROJ geodesics.

#include "stationmap/render/web_map.hpp"

#include <algorithm>
#include <array>
#include <nlohmann/json.hpp>
#include <set>

namespace stationmap::tiles {
namespace {

constexpr std::size_t max_evidence = 5;
constexpr std::size_t max_sentence_bytes = 600;

/// A link's parts in tile coordinates' lon/lat pairs.
std::vector<std::vector<LonLat>> tile_parts(const std::vector<render::Polyline>& path) {
  std::vector<std::vector<LonLat>> parts;
  for (const auto& line : path) {
    auto& part = parts.emplace_back();
    for (const auto& p : line) {
      part.emplace_back(p.lon, p.lat);
    }
  }
  return parts;
}

/// The link's line: from the layers stage when given (absent: left out there), else link_path() of its ends.
std::vector<render::Polyline> link_line(const Link& link, const Place* jurisdiction, const Place* station,
                                        const render::LinkPaths* link_paths) {
  if (link_paths != nullptr) {
    const auto it = link_paths->find(link.link_id);
    return it != link_paths->end() ? it->second : std::vector<render::Polyline>{};
  }
  if (jurisdiction == nullptr || station == nullptr) {
    return {}; // a link to an unknown end has no geometry; the layers stage reports it
  }
  return render::link_path({jurisdiction->lon, jurisdiction->lat}, {station->lon, station->lat});
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

std::vector<TileFeature> features_from_claims(const ClaimSet& claims, const render::LinkPaths* link_paths) {
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
    f.parts = tile_parts(link_line(l, j != jurisdictions.end() ? &j->second->place : nullptr,
                                   s != stations.end() ? &s->second->place : nullptr, link_paths));
    if (f.parts.empty()) {
      continue;
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
