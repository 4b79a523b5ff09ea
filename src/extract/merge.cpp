// Merging per-document claims: one station per site place, one jurisdiction per place, every source kept.

#include "stationmap/extract/extractor.hpp"
#include "stationmap/extract/ids.hpp"
#include "stationmap/geography/point_index.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <tuple>

namespace stationmap {

namespace {

/// Jurisdiction entries closer than this are one bureau (a county and its seat, a prefecture and its city).
constexpr double one_bureau_km = 20.0;

void add_evidence(std::vector<Evidence>& list, const Evidence& e) {
  list.push_back(e);
}

void add_unique(std::vector<std::string>& list, const std::string& s) {
  if (list.empty() || list.back() != s) { // documents arrive in order: duplicates are adjacent
    list.push_back(s);
  }
}

/// Sorted by document and offset, one entry per sentence (a sentence supporting a claim twice counts once).
void sort_evidence(std::vector<Evidence>& list) {
  std::sort(list.begin(), list.end(), [](const Evidence& a, const Evidence& b) {
    return std::tie(a.document, a.start, a.end) < std::tie(b.document, b.start, b.end);
  });
  list.erase(std::unique(list.begin(), list.end(),
                         [](const Evidence& a, const Evidence& b) {
                           return a.document == b.document && a.start == b.start && a.end == b.end;
                         }),
             list.end());
}

void sort_unique(std::vector<std::string>& list) {
  std::sort(list.begin(), list.end());
  list.erase(std::unique(list.begin(), list.end()), list.end());
}

std::string admin_level_of(const Place& p) {
  const std::string& c = p.feature_code;
  if (c == "PPLA" || c == "PPLA2" || c == "ADM2") {
    return "prefecture";
  }
  if (c == "PPLA3" || c == "ADM3") {
    return "county";
  }
  if (c == "PPLA4" || c == "ADM4" || c == "PPLX") {
    return "district";
  }
  return "city";
}

Station& station_of(Station& s) {
  return s;
}
Station& station_of(SiteCandidate& c) {
  return c.site;
}

/// Adds a document's site claim to the site (a Station, or a SiteCandidate's) at its place, created on first use.
template <typename Site>
Site& add_site_claim(std::map<std::string, Site>& sites, const DocumentClaims::SiteClaim& s,
                     const std::string& document) {
  const std::string id = station_id_of(s.place);
  auto [it, fresh] = sites.try_emplace(id);
  Station& st = station_of(it->second);
  if (fresh) {
    st.station_id = id;
    st.place = s.place;
    st.precision = s.precision;
    st.status = Status::Alleged;
  }
  if (s.status && (stronger(*s.status, st.status) || (*s.status == st.status && s.status_date > st.status_date))) {
    st.status = *s.status;
    st.status_date = s.status_date;
  }
  st.station_count = std::max(st.station_count, s.count);
  add_unique(st.documents, document);
  add_evidence(st.evidence, s.evidence);
  return it->second;
}

/// Sorted lists and the site's confidence: more for each supporting document and for a stated tie.
void finish_site(Station& st) {
  sort_unique(st.jurisdiction_ids);
  sort_unique(st.documents);
  sort_evidence(st.evidence);
  st.confidence =
      std::min(1.0, 0.5 + 0.2 * static_cast<double>(st.documents.size()) + (st.jurisdiction_ids.empty() ? 0.0 : 0.2));
}

} // namespace

void drop_candidates_at_stations(ClaimSet& claims) {
  std::set<std::string> station_ids;
  for (const Station& s : claims.stations) {
    station_ids.insert(s.station_id);
  }
  std::erase_if(claims.candidates, [&](const SiteCandidate& c) { return station_ids.count(c.site.station_id) != 0; });
}

ClaimSet merge_claims(std::vector<DocumentClaims> documents, ProblemReport& problems) {
  std::sort(documents.begin(), documents.end(),
            [](const DocumentClaims& a, const DocumentClaims& b) { return a.document < b.document; });
  // One jurisdiction per bureau: entries less than one_bureau_km apart (found with the geography PointIndex)
  // are one jurisdiction, named after the populated place with the most people.
  {
    std::map<std::uint32_t, Place> distinct; // by gazetteer index: a handful of bureaus, however many claims
    for (const auto& d : documents) {
      for (const auto& j : d.jurisdictions) {
        distinct.emplace(j.place.index, j.place);
      }
    }
    std::vector<const Place*> places;
    std::vector<geography::Position> positions;
    for (const auto& [index, p] : distinct) {
      places.push_back(&p);
      positions.push_back({p.lon, p.lat});
    }
    const geography::PointIndex near(positions);
    std::map<std::uint32_t, Place> canonical_of;
    for (const auto& [index, p] : distinct) {
      const Place* best = &p;
      for (const std::size_t other : near.closer_than_km({p.lon, p.lat}, one_bureau_km)) {
        const Place& q = *places[other];
        const bool q_city = q.feature_class == 'P';
        const bool b_city = best->feature_class == 'P';
        if ((q_city && !b_city) || (q_city == b_city && (q.population > best->population ||
                                                         (q.population == best->population && q.id < best->id)))) {
          best = &q;
        }
      }
      canonical_of.emplace(index, *best);
    }
    auto canonical = [&](const Place& p) {
      const auto it = canonical_of.find(p.index);
      return it == canonical_of.end() ? p : it->second;
    };
    for (auto& d : documents) {
      for (auto& j : d.jurisdictions) {
        j.place = canonical(j.place);
      }
      for (auto& l : d.links) {
        l.jurisdiction = canonical(l.jurisdiction);
      }
      for (auto& m : d.mentions) {
        if (m.role == MentionRole::Jurisdiction) {
          m.place = canonical(m.place);
          m.place_id = place_id_of(m.place);
        }
      }
    }
  }
  std::map<std::string, Station> stations;
  std::map<std::string, SiteCandidate> candidates;
  std::map<std::string, Jurisdiction> jurisdictions;
  std::map<std::string, Link> links;
  ClaimSet out;
  // The mentions move over one document at a time: room for all of them first, so the list never holds two
  // copies of itself while it grows (the build's peak memory, with every document's claims still alive).
  std::size_t mention_count = 0;
  for (const DocumentClaims& d : documents) {
    mention_count += d.mentions.size();
  }
  out.mentions.reserve(mention_count);
  for (DocumentClaims& d : documents) {
    for (const auto& s : d.sites) {
      add_site_claim(stations, s, d.document);
    }
    for (const auto& c : d.candidates) {
      SiteCandidate& candidate = add_site_claim(candidates, c.site, d.document);
      candidate.reasons.push_back(c.reason);
    }
    for (const auto& j : d.jurisdictions) {
      const std::string id = jurisdiction_id_of(j.place);
      auto [it, fresh] = jurisdictions.try_emplace(id);
      Jurisdiction& ju = it->second;
      if (fresh) {
        ju.jurisdiction_id = id;
        ju.place = j.place;
        ju.admin_level = admin_level_of(j.place);
        ju.province = j.place.admin1_name;
      }
      add_unique(ju.documents, d.document);
      add_evidence(ju.evidence, j.evidence);
    }
    for (const auto& l : d.links) {
      const std::string sid = station_id_of(l.site);
      const std::string jid = jurisdiction_id_of(l.jurisdiction);
      if (stations.count(sid) == 0 || jurisdictions.count(jid) == 0) {
        continue;
      }
      const std::string id = link_id_of(sid, jid);
      Link& link = links[id];
      link.link_id = id;
      link.station_id = sid;
      link.jurisdiction_id = jid;
      add_evidence(link.evidence, l.evidence);
    }
    for (auto& m : d.mentions) {
      out.mentions.push_back(std::move(m));
    }
    for (auto& c : d.counts) {
      out.counts.push_back(std::move(c));
    }
    d = DocumentClaims{}; // merged: its memory goes back before the next document's claims are copied
  }
  for (auto& [id, link] : links) {
    add_unique(stations[link.station_id].jurisdiction_ids, link.jurisdiction_id);
    add_unique(jurisdictions[link.jurisdiction_id].station_ids, link.station_id);
    sort_evidence(link.evidence);
    out.links.push_back(std::move(link));
  }
  for (auto& [id, st] : stations) {
    finish_site(st);
    if (st.jurisdiction_ids.empty()) {
      problems.add({st.documents.front(), "station-without-jurisdiction",
                    st.place.name + ": no document ties this site to a home jurisdiction"});
    }
    out.stations.push_back(std::move(st));
  }
  for (auto& [id, candidate] : candidates) {
    if (stations.count(id) == 0) {
      finish_site(candidate.site);
      std::sort(candidate.reasons.begin(), candidate.reasons.end());
      candidate.reasons.erase(std::unique(candidate.reasons.begin(), candidate.reasons.end()), candidate.reasons.end());
      out.candidates.push_back(std::move(candidate));
    }
  }
  // A jurisdiction is named as the documents name it ("Qingtian County", not its seat "Hecheng"): the most
  // frequent Latin-script mention text, else the gazetteer name.
  {
    std::map<std::string, std::map<std::string, int>> texts;
    for (const RoledMention& m : out.mentions) {
      if (m.role == MentionRole::Jurisdiction && !m.text.empty() && static_cast<unsigned char>(m.text[0]) < 0x80) {
        ++texts[jurisdiction_id_of(m.place)][m.text];
      }
    }
    for (auto& [id, ju] : jurisdictions) {
      const auto it = texts.find(id);
      if (it == texts.end()) {
        continue;
      }
      std::string best;
      int count = 0;
      for (const auto& [text, n] : it->second) {
        if (n > count || (n == count && text.size() > best.size())) {
          best = text;
          count = n;
        }
      }
      ju.place.name = best;
    }
  }
  for (auto& [id, ju] : jurisdictions) {
    sort_unique(ju.station_ids);
    sort_unique(ju.documents);
    sort_evidence(ju.evidence);
    out.jurisdictions.push_back(std::move(ju));
  }
  for (const RoledMention& m : out.mentions) {
    if (!m.resolved) {
      problems.add({m.document, "unresolved-name", "'" + m.text + "' has no gazetteer candidate"});
    }
  }
  std::sort(out.mentions.begin(), out.mentions.end(), [](const RoledMention& a, const RoledMention& b) {
    return std::tie(a.document, a.start, a.end) < std::tie(b.document, b.start, b.end);
  });
  return out;
}

} // namespace stationmap
