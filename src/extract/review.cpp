// The review queue: stale corrections, uncertain sites, conflicting bureaus, weak resolutions, lone sources.

#include "stationmap/extract/review.hpp"

#include "stationmap/extract/ids.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <set>
#include <string_view>
#include <tuple>

namespace stationmap {

namespace {

/// The kinds, most urgent first (the order of review.csv).
constexpr std::array<std::string_view, 5> kinds = {"stale-correction", "candidate", "conflicting-bureaus",
                                                   "low-confidence", "single-document"};

std::size_t urgency(const std::string& kind) {
  return static_cast<std::size_t>(std::find(kinds.begin(), kinds.end(), kind) - kinds.begin());
}

std::string join_names(const std::vector<std::string>& ids, const std::map<std::string, std::string>& names) {
  std::string out;
  for (const std::string& id : ids) {
    const auto it = names.find(id);
    out += (out.empty() ? "" : ", ") + (it == names.end() ? id : it->second);
  }
  return out;
}

void add_stale(const std::vector<StaleCorrection>& stale, std::vector<ReviewItem>& out) {
  for (const StaleCorrection& s : stale) {
    out.push_back(
        {std::string(kinds[0]), "line " + std::to_string(s.row), s.target, {}, s.action + ": " + s.detail, s.row});
  }
}

void add_station_items(const ClaimSet& claims, std::vector<ReviewItem>& out) {
  std::map<std::string, std::string> jurisdiction_names;
  for (const Jurisdiction& j : claims.jurisdictions) {
    jurisdiction_names[j.jurisdiction_id] = j.place.name;
  }
  for (const Station& s : claims.stations) {
    if (s.jurisdiction_ids.size() > 1) {
      out.push_back({"conflicting-bureaus", s.station_id, s.place.name, s.documents,
                     "tied to " + std::to_string(s.jurisdiction_ids.size()) +
                         " home jurisdictions: " + join_names(s.jurisdiction_ids, jurisdiction_names)});
    }
    if (s.documents.size() == 1 && !s.verified) {
      out.push_back(
          {"single-document", s.station_id, s.place.name, s.documents, "only one document supports this site"});
    }
  }
}

/// One row per site in doubt, with its reasons: the analyst reads the sentences and adds it or lets it be.
void add_candidates(const ClaimSet& claims, std::vector<ReviewItem>& out) {
  for (const SiteCandidate& c : claims.candidates) {
    std::string reasons;
    for (const Reason r : c.reasons) {
      reasons += (reasons.empty() ? "" : "; ") + std::string(reason_description(r));
    }
    out.push_back({"candidate", c.site.station_id, c.site.place.name, c.site.documents,
                   "not mapped as a station: " + reasons + "; add_station if the sentences place a station there"});
  }
}

/// One row per resolved place on the map (site or jurisdiction) with a weak resolution, naming its documents.
void add_low_confidence(const ClaimSet& claims, std::vector<ReviewItem>& out) {
  struct Weak {
    const RoledMention* lowest = nullptr;
    std::set<std::string> documents;
  };
  std::map<std::string, Weak> weak;
  for (const RoledMention& m : claims.mentions) {
    const bool on_map = m.role == MentionRole::Station || m.role == MentionRole::Jurisdiction;
    if (!m.resolved() || !on_map || m.confidence >= low_confidence_below || !m.corrections().empty()) {
      continue;
    }
    const std::string id = m.role == MentionRole::Station ? station_id_of(m.place()) : jurisdiction_id_of(m.place());
    Weak& w = weak[id];
    if (w.lowest == nullptr || m.confidence < w.lowest->confidence) {
      w.lowest = &m;
    }
    w.documents.insert(m.document());
  }
  for (const auto& [id, w] : weak) {
    char confidence[16];
    std::snprintf(confidence, sizeof confidence, "%.2f", w.lowest->confidence);
    const Place& p = w.lowest->place();
    out.push_back({"low-confidence",
                   id,
                   w.lowest->text,
                   {w.documents.begin(), w.documents.end()},
                   "'" + w.lowest->text + "' read as " + p.name + (p.country.empty() ? "" : " (" + p.country + ")") +
                       " with confidence " + confidence + "; pin or move it if that is the wrong place"});
  }
}

} // namespace

std::vector<ReviewItem> review_queue(const ClaimSet& claims, const std::vector<StaleCorrection>& stale) {
  std::vector<ReviewItem> out;
  add_stale(stale, out);
  add_candidates(claims, out);
  add_station_items(claims, out);
  add_low_confidence(claims, out);
  std::stable_sort(out.begin(), out.end(), [](const ReviewItem& a, const ReviewItem& b) {
    return std::forward_as_tuple(urgency(a.kind), a.correction_row, a.id) <
           std::forward_as_tuple(urgency(b.kind), b.correction_row, b.id);
  });
  return out;
}

} // namespace stationmap
