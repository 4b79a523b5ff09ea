// Merging per-document claims: one station per site place, one jurisdiction per bureau, every source kept.
// Documents fold in one at a time (ClaimMerger::add) and are freed; what needs them all (one jurisdiction per
// bureau, which links hold, sorted lists, problems) happens once, in ClaimMerger::finish.

#include "stationmap/extract/extractor.hpp"
#include "stationmap/extract/ids.hpp"
#include "stationmap/extract/shared_values.hpp"
#include "stationmap/geography/point_index.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>

namespace stationmap {

namespace {

/// Jurisdiction entries closer than this are one bureau (a county and its seat, a prefecture and its city).
constexpr double one_bureau_km = 20.0;

void add_unique(std::vector<std::string>& list, const std::string& s) {
  if (list.empty() || list.back() != s) { // a document's claims arrive together: duplicates are adjacent
    list.push_back(s);
  }
}

/// The order of evidence and mentions: by document id, then offsets. Items of one shared document compare their
/// offsets only (a corpus's lists hold hundreds of thousands of them, mostly from the same few documents in turn).
template <typename Item> bool by_document(const Item& a, const Item& b) {
  if (a.source != b.source) {
    if (const int c = a.document().compare(b.document()); c != 0) {
      return c < 0;
    }
  }
  return std::tie(a.start, a.end) < std::tie(b.start, b.end);
}

/// Sorts @p list by @p before unless it is in that order already (as when documents come in id order).
template <typename List, typename Before> void sort_unless_sorted(List& list, Before before) {
  if (!std::is_sorted(list.begin(), list.end(), before)) {
    std::sort(list.begin(), list.end(), before);
  }
}

/// Most sorted runs an evidence list is merged from rather than sorted whole (merging costs a pass per run).
constexpr std::size_t most_runs_merged = 8;

/// Sorts @p list by @p before. Evidence lists come in that order already (documents in id order) or as a few
/// sorted runs (the lists of a bureau's places, one after another): those are merged run by run.
template <typename Before> void sort_runs(std::vector<Evidence>& list, Before before) {
  std::vector<std::vector<Evidence>::iterator> run_ends;
  for (auto at = list.begin(); at != list.end() && run_ends.size() <= most_runs_merged;) {
    at = std::is_sorted_until(at, list.end(), before);
    run_ends.push_back(at);
  }
  if (run_ends.size() > most_runs_merged) {
    std::sort(list.begin(), list.end(), before);
    return;
  }
  for (std::size_t i = 1; i < run_ends.size(); ++i) {
    std::inplace_merge(list.begin(), run_ends[i - 1], run_ends[i], before);
  }
}

/// Sorted by document and offset, one entry per sentence (a sentence supporting a claim twice counts once).
void sort_evidence(std::vector<Evidence>& list) {
  sort_runs(list, by_document<Evidence>);
  list.erase(std::unique(list.begin(), list.end(),
                         [](const Evidence& a, const Evidence& b) {
                           return a.start == b.start && a.end == b.end &&
                                  (a.source == b.source || a.document() == b.document());
                         }),
             list.end());
}

/// Frees @p list's memory (clear() keeps it).
template <typename T> void release(std::vector<T>& list) {
  std::vector<T>().swap(list);
}

void sort_unique(std::vector<std::string>& list) {
  sort_unless_sorted(list, std::less<>());
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

/// A site being merged, and the first document (by id) that claims it: that document's reading of the place
/// is the site's, whatever order documents arrive in.
template <typename Site> struct SiteEntry {
  Site site;
  std::string first_document;
};

/// Sites being merged, by the key of their place (one station id per key): looked up once per claim, ordered by
/// station id once, in finish (in_id_order).
template <typename Site> using SitesByKey = std::unordered_map<PlaceKey, SiteEntry<Site>, PlaceKey::Hash>;

/// Adds a document's site claim to the site (a Station, or a SiteCandidate's) at its place, created on first use.
template <typename Site>
Site& add_site_claim(SitesByKey<Site>& sites, DocumentClaims::SiteClaim&& s, const std::string& document) {
  auto [it, fresh] = sites.try_emplace(PlaceKey::of(s.place));
  Station& st = station_of(it->second.site);
  if (fresh) {
    st.station_id = station_id_of(s.place);
    st.status = Status::Alleged;
  }
  if (s.status && (stronger(*s.status, st.status) || (*s.status == st.status && s.status_date > st.status_date))) {
    st.status = *s.status;
    st.status_date = s.status_date;
  }
  if (fresh || document < it->second.first_document) {
    it->second.first_document = document;
    st.place = std::move(s.place);
    st.precision = std::move(s.precision);
  }
  st.station_count = std::max(st.station_count, s.count);
  add_unique(st.documents, document);
  st.evidence.push_back(std::move(s.evidence));
  return it->second.site;
}

/// The sites of @p sites, sorted by station id.
template <typename Site> std::vector<typename SitesByKey<Site>::value_type*> in_id_order(SitesByKey<Site>& sites) {
  std::vector<typename SitesByKey<Site>::value_type*> out;
  out.reserve(sites.size());
  for (auto& entry : sites) {
    out.push_back(&entry);
  }
  std::sort(out.begin(), out.end(), [](auto* a, auto* b) {
    return station_of(a->second.site).station_id < station_of(b->second.site).station_id;
  });
  return out;
}

/// Sorted lists and the site's confidence: more for each supporting document and for a stated tie.
void finish_site(Station& st) {
  sort_unique(st.jurisdiction_ids);
  sort_unique(st.documents);
  sort_evidence(st.evidence);
  st.confidence =
      std::min(1.0, 0.5 + 0.2 * static_cast<double>(st.documents.size()) + (st.jurisdiction_ids.empty() ? 0.0 : 0.2));
}

/// A jurisdiction claim's place as the documents name it, before places of one bureau become one jurisdiction.
struct NamedJurisdiction {
  Place place;
  std::vector<std::string> documents;
  std::vector<Evidence> evidence;
};

/// A stated tie to a site, before the site and the bureau are known to be on the map.
struct StatedLink {
  Place jurisdiction;
  std::vector<Evidence> evidence;
};

/// What a stated tie is merged by: its site's place key and its jurisdiction's gazetteer index.
struct LinkKey {
  PlaceKey site;
  std::uint32_t jurisdiction = 0;

  friend bool operator==(const LinkKey&, const LinkKey&) = default;
  struct Hash {
    std::size_t operator()(const LinkKey& key) const { return PlaceKey::Hash()(key.site) * 31U + key.jurisdiction; }
  };
};

/// A stated tie whose site is a station, with that station.
struct TieToStation {
  Station* station;
  std::uint32_t jurisdiction; ///< the stated jurisdiction's gazetteer index
  StatedLink* stated;
};

/// A held link and the station it ties.
struct HeldLink {
  Link link;
  Station* station = nullptr;
};

/// One jurisdiction per bureau: jurisdiction places less than one_bureau_km apart (found with the geography
/// PointIndex) are one, named after the populated place with the most people. Keyed by gazetteer index.
std::map<std::uint32_t, Place> canonical_bureaus(const std::map<std::uint32_t, NamedJurisdiction>& named) {
  std::vector<const Place*> places;
  std::vector<geography::Position> positions;
  for (const auto& [index, j] : named) {
    places.push_back(&j.place);
    positions.push_back({j.place.lon, j.place.lat});
  }
  const geography::PointIndex near(positions);
  std::map<std::uint32_t, Place> canonical_of;
  for (const Place* p : places) {
    const Place* best = p;
    for (const std::size_t other : near.closer_than_km({p->lon, p->lat}, one_bureau_km)) {
      const Place& q = *places[other];
      const bool q_city = q.feature_class == 'P';
      const bool b_city = best->feature_class == 'P';
      if ((q_city && !b_city) || (q_city == b_city && (q.population > best->population ||
                                                       (q.population == best->population && q.id < best->id)))) {
        best = &q;
      }
    }
    canonical_of.emplace(p->index, *best);
  }
  return canonical_of;
}

/// A jurisdiction is named as the documents name it ("Qingtian County", not its seat "Hecheng"): the most
/// frequent Latin-script mention text, else the gazetteer name.
void name_jurisdictions(std::map<std::string, Jurisdiction>& jurisdictions, const std::deque<RoledMention>& mentions) {
  std::unordered_map<const Place*, std::map<std::string_view, int>> by_place; // places are shared: a corpus has few
  for (const RoledMention& m : mentions) {
    if (m.role == MentionRole::Jurisdiction && !m.text.empty() && static_cast<unsigned char>(m.text[0]) < 0x80) {
      ++by_place[&m.place()][m.text];
    }
  }
  std::map<std::string, std::map<std::string_view, int>> texts;
  for (const auto& [place, counts] : by_place) {
    std::map<std::string_view, int>& of_id = texts[jurisdiction_id_of(*place)];
    for (const auto& [text, n] : counts) {
      of_id[text] += n;
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

} // namespace

struct ClaimMerger::State {
  std::mutex lock; ///< held by add() and add_shared(): they may come from several threads
  /// Held by add() and with_shared_values(): claims are built from the shared values while others are folded in.
  std::mutex values_lock;
  SharedValues shared;
  std::size_t documents = 0;
  SitesByKey<Station> stations;
  SitesByKey<SiteCandidate> candidates;
  std::map<std::uint32_t, NamedJurisdiction> jurisdictions; ///< by gazetteer index
  std::unordered_map<LinkKey, StatedLink, LinkKey::Hash> links;
  std::deque<RoledMention> mentions; ///< a deque: growing never holds two copies of the list (ClaimSet::mentions)
  std::vector<Evidence> counts;

  /// The merged jurisdictions, one per bureau; @p canonical_of gives each place's bureau.
  std::map<std::string, Jurisdiction> bureaus(const std::map<std::uint32_t, Place>& canonical_of);
  /// The stated links whose site is a station, in the order of their station id and jurisdiction index.
  std::vector<TieToStation> ties_to_stations();
  /// The stated links whose site is a station and whose bureau is a jurisdiction, by link id.
  std::map<std::string, HeldLink> held_links(const std::map<std::uint32_t, Place>& canonical_of,
                                             const std::map<std::string, Jurisdiction>& merged);
};

ClaimMerger::ClaimMerger() : m_state(std::make_unique<State>()) {}
ClaimMerger::~ClaimMerger() = default;
ClaimMerger::ClaimMerger(ClaimMerger&&) noexcept = default;
ClaimMerger& ClaimMerger::operator=(ClaimMerger&&) noexcept = default;

std::size_t ClaimMerger::documents() const {
  return m_state->documents;
}

void ClaimMerger::add(DocumentClaims&& document) {
  const std::scoped_lock hold(m_state->values_lock, m_state->lock);
  fold_in(std::move(document), Values::ToShare);
}

void ClaimMerger::add_shared(DocumentClaims&& document) {
  const std::lock_guard hold(m_state->lock);
  fold_in(std::move(document), Values::Shared);
}

void ClaimMerger::with_shared_values(const std::function<void(SharedValues&)>& build) {
  const std::lock_guard hold(m_state->values_lock);
  build(m_state->shared);
}

void ClaimMerger::fold_in(DocumentClaims&& d, Values values) {
  State& s = *m_state;
  const auto share = [&](auto& value) {
    if (values == Values::ToShare) {
      s.shared.share(value);
    }
  };
  ++s.documents;
  for (auto& site : d.sites) {
    share(site.evidence);
    add_site_claim(s.stations, std::move(site), d.document);
  }
  for (auto& c : d.candidates) {
    share(c.site.evidence);
    add_site_claim(s.candidates, std::move(c.site), d.document).reasons.push_back(c.reason);
  }
  for (auto& j : d.jurisdictions) {
    share(j.evidence);
    NamedJurisdiction& named = s.jurisdictions[j.place.index];
    if (named.documents.empty()) {
      named.place = std::move(j.place);
    }
    add_unique(named.documents, d.document);
    named.evidence.push_back(std::move(j.evidence));
  }
  for (auto& l : d.links) {
    share(l.evidence);
    StatedLink& link = s.links[{PlaceKey::of(l.site), l.jurisdiction.index}];
    if (link.evidence.empty()) {
      link.jurisdiction = std::move(l.jurisdiction);
    }
    link.evidence.push_back(std::move(l.evidence));
  }
  for (auto& m : d.mentions) {
    share(m);
    s.mentions.push_back(std::move(m));
  }
  for (auto& c : d.counts) {
    share(c);
    s.counts.push_back(std::move(c));
  }
}

std::map<std::string, Jurisdiction> ClaimMerger::State::bureaus(const std::map<std::uint32_t, Place>& canonical_of) {
  std::map<std::string, Jurisdiction> merged;
  for (auto& [index, named] : jurisdictions) {
    const Place& place = canonical_of.at(index);
    const std::string id = jurisdiction_id_of(place);
    auto [it, fresh] = merged.try_emplace(id);
    Jurisdiction& ju = it->second;
    if (fresh) {
      ju.jurisdiction_id = id;
      ju.place = place;
      ju.admin_level = admin_level_of(place);
      ju.province = place.admin1_name;
    }
    std::move(named.documents.begin(), named.documents.end(), std::back_inserter(ju.documents));
    std::move(named.evidence.begin(), named.evidence.end(), std::back_inserter(ju.evidence));
    release(named.documents); // moved over: the lists' memory goes back before the next bureau's lists grow
    release(named.evidence);
  }
  jurisdictions.clear();
  return merged;
}

std::vector<TieToStation> ClaimMerger::State::ties_to_stations() {
  std::vector<TieToStation> ties;
  for (auto& [key, stated] : links) {
    const auto station = stations.find(key.site);
    if (station != stations.end()) {
      ties.push_back({&station->second.site, key.jurisdiction, &stated});
    }
  }
  std::sort(ties.begin(), ties.end(), [](const TieToStation& a, const TieToStation& b) {
    if (a.station != b.station) {
      return a.station->station_id < b.station->station_id;
    }
    return a.jurisdiction < b.jurisdiction;
  });
  return ties;
}

std::map<std::string, HeldLink> ClaimMerger::State::held_links(const std::map<std::uint32_t, Place>& canonical_of,
                                                               const std::map<std::string, Jurisdiction>& merged) {
  std::map<std::string, HeldLink> held;
  for (const TieToStation& tie : ties_to_stations()) {
    StatedLink& stated = *tie.stated;
    const auto canonical = canonical_of.find(stated.jurisdiction.index);
    const std::string jid =
        jurisdiction_id_of(canonical == canonical_of.end() ? stated.jurisdiction : canonical->second);
    const std::string& sid = tie.station->station_id;
    if (merged.count(jid) == 0) {
      continue;
    }
    const std::string id = link_id_of(sid, jid);
    HeldLink& h = held[id];
    h.station = tie.station;
    Link& link = h.link;
    link.link_id = id;
    link.station_id = sid;
    link.jurisdiction_id = jid;
    std::move(stated.evidence.begin(), stated.evidence.end(), std::back_inserter(link.evidence));
  }
  links.clear();
  return held;
}

ClaimSet ClaimMerger::finish(ProblemReport& problems) {
  const std::unique_ptr<State> taken = std::exchange(m_state, std::make_unique<State>());
  State& s = *taken;
  const std::map<std::uint32_t, Place> canonical_of = canonical_bureaus(s.jurisdictions);
  std::unordered_map<std::uint32_t, std::shared_ptr<const Place>> bureau_places; // shared once per place
  for (const auto& [index, place] : canonical_of) {
    bureau_places.emplace(index, s.shared.place(place));
  }
  for (RoledMention& m : s.mentions) {
    if (m.role == MentionRole::Jurisdiction && m.resolved()) {
      const auto it = bureau_places.find(m.place().index);
      if (it != bureau_places.end() && m.resolved_place != it->second) { // mostly the bureau's place already
        m.resolved_place = it->second;
      }
    }
  }
  std::map<std::string, Jurisdiction> jurisdictions = s.bureaus(canonical_of);
  std::map<std::string, HeldLink> links = s.held_links(canonical_of, jurisdictions);
  ClaimSet out;
  for (auto& [id, held] : links) {
    Link& link = held.link;
    add_unique(held.station->jurisdiction_ids, link.jurisdiction_id);
    add_unique(jurisdictions[link.jurisdiction_id].station_ids, link.station_id);
    sort_evidence(link.evidence);
    out.links.push_back(std::move(link));
  }
  for (auto* entry : in_id_order(s.stations)) {
    Station& st = entry->second.site;
    finish_site(st);
    if (st.jurisdiction_ids.empty()) {
      problems.add({st.documents.front(), "station-without-jurisdiction",
                    st.place.name + ": no document ties this site to a home jurisdiction"});
    }
    out.stations.push_back(std::move(st));
  }
  for (auto* entry : in_id_order(s.candidates)) {
    SiteCandidate& candidate = entry->second.site;
    if (s.stations.count(entry->first) == 0) {
      finish_site(candidate.site);
      std::sort(candidate.reasons.begin(), candidate.reasons.end());
      candidate.reasons.erase(std::unique(candidate.reasons.begin(), candidate.reasons.end()), candidate.reasons.end());
      out.candidates.push_back(std::move(candidate));
    }
  }
  name_jurisdictions(jurisdictions, s.mentions);
  for (auto& [id, ju] : jurisdictions) {
    sort_unique(ju.station_ids);
    sort_unique(ju.documents);
    sort_evidence(ju.evidence);
    out.jurisdictions.push_back(std::move(ju));
  }
  out.mentions = std::move(s.mentions); // the list itself, never a copy: it is most of the claims' memory
  sort_unless_sorted(out.mentions, by_document<RoledMention>);
  for (const RoledMention& m : out.mentions) {
    if (!m.resolved()) {
      problems.add({m.document(), "unresolved-name", "'" + m.text + "' has no gazetteer candidate"});
    }
  }
  std::stable_sort(s.counts.begin(), s.counts.end(),
                   [](const Evidence& a, const Evidence& b) { return a.document() < b.document(); });
  out.counts = std::move(s.counts);
  return out;
}

void drop_candidates_at_stations(ClaimSet& claims) {
  std::set<std::string> station_ids;
  for (const Station& s : claims.stations) {
    station_ids.insert(s.station_id);
  }
  std::erase_if(claims.candidates, [&](const SiteCandidate& c) { return station_ids.count(c.site.station_id) != 0; });
}

ClaimSet merge_claims(std::vector<DocumentClaims> documents, ProblemReport& problems) {
  ClaimMerger merger;
  for (DocumentClaims& d : documents) {
    merger.add(std::move(d));
    d = DocumentClaims{}; // merged: its memory goes back before the next document's claims are copied
  }
  return merger.finish(problems);
}

} // namespace stationmap
