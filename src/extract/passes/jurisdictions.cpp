// Jurisdictions pass: Chinese places a sentence names as a police bureau's seat.

#include "../cues.hpp"
#include "passes.hpp"
#include "place_facts.hpp"

#include <algorithm>

namespace stationmap::passes {

namespace {

/// Words between a place name and the police word after it: "Fuzhou city police", "福州市公安局".
bool is_name_suffix(std::string_view w) {
  return w == "city" || w == "county" || w == "municipal" || w == "s" || w == "province" || w == "district" ||
         w == "市" || w == "县" || w == "区" || w == "的" || w == "prefecture";
}

/// Whether the sentence names the place at @p l as a police bureau's seat.
bool cued_as_jurisdiction(const SentenceTokens& st, const Local& l) {
  const std::size_t a = l.first;
  const std::size_t b = l.last;
  // After the name: "Fuzhou police", "Fuzhou public security bureau", "福州市公安局", "Fuzhou-linked".
  std::size_t p = b + 1;
  while (p < st.size() && p <= b + 3 && is_name_suffix(st.key(p))) {
    ++p;
  }
  std::size_t len = 0;
  if (p < st.size() && (st.any_at(p, cues::police()) > 0 || st.key(p) == "linked" ||
                        (is_station_word_at(st, p, len) && !st.token(p).capitalized))) {
    return true;
  }
  // Before the name: "police of Qingtian County", "bureau de la sécurité publique de Fuzhou",
  // "attributed to Qingtian County", "the cities of Nantong".
  if (a > 0) {
    const std::string_view prev = st.key(a - 1);
    const auto& preps = cues::police_preposition();
    const bool prep = std::find(preps.begin(), preps.end(), prev) != preps.end();
    if (prep && st.before(a, cues::police(), 4)) {
      return true;
    }
    if (st.before(a, cues::tie(), 3)) {
      return true;
    }
  }
  return false;
}

/// Whether jurisdiction @p i of @p js (at @p places, indexed by @p near) lies in another one named in the same clause
/// of @p s: a more populous seat (PPLA, PPLA2) or second-level division (ADM2) within inner_jurisdiction_km.
bool inside_another(const AnnotatedSentence& s, const std::vector<std::size_t>& js,
                    const std::vector<const Place*>& places, const geography::PointIndex& near, std::size_t i) {
  const Place& px = *places[i];
  for (std::size_t j : near.closer_than_km({px.lon, px.lat}, inner_jurisdiction_km)) {
    const Place& py = *places[j];
    if (js[i] != js[j] && px.index != py.index && clause_of_mention(s, js[i]) == clause_of_mention(s, js[j]) &&
        py.population > px.population &&
        (py.feature_code == "PPLA2" || py.feature_code == "PPLA" || py.feature_code == "ADM2")) {
      return true;
    }
  }
  return false;
}

/// Nested jurisdictions in one clause: the district goes with its city ("Wenzhou ... its district Ruian"); a
/// district with a bureau of its own in another clause stays ("the Fuzhou bureau ...; the Fuqing bureau ...").
std::vector<std::size_t> without_inner(const std::vector<Mention>& mentions, const AnnotatedSentence& s,
                                       const std::vector<std::size_t>& js) {
  std::vector<const Place*> places;
  for (std::size_t x : js) {
    places.push_back(&*mentions[x].place);
  }
  const geography::PointIndex near = point_index_of(places);
  std::vector<std::size_t> kept;
  for (std::size_t i = 0; i < js.size(); ++i) {
    if (!inside_another(s, js, places, near, i)) {
      kept.push_back(js[i]);
    }
  }
  return kept;
}

} // namespace

void find_jurisdictions(AnnotatedDocument& doc) {
  doc.for_each_read_sentence([&](AnnotatedSentence& s) {
    const auto& locals = s.locals;
    auto& juris = s.jurisdiction;
    juris.assign(locals.size(), false);
    for (std::size_t k = 0; k < locals.size(); ++k) {
      const Mention& m = doc.mentions[locals[k].mention];
      juris[k] = !s.excluded[k] && is_jurisdiction_level(*m.place) && cued_as_jurisdiction(s.tokens, locals[k]);
      if (juris[k]) {
        doc.role(locals[k].mention).reason = Reason::PoliceCue;
      }
    }
    // A cued member makes its list-mates jurisdictions too: "the cities of Nantong, Wenzhou and Fuzhou".
    for (std::size_t k = 0; k < locals.size(); ++k) {
      if (juris[k]) {
        for (std::size_t j = 0; j < locals.size(); ++j) {
          const Mention& m = doc.mentions[locals[j].mention];
          if (!juris[j] && s.list_id[j] == s.list_id[k] && !s.excluded[j] && m.place &&
              is_jurisdiction_level(*m.place)) {
            juris[j] = true;
            doc.role(locals[j].mention).reason = Reason::EnumerationMember;
          }
        }
      }
    }
    for (std::size_t k = 0; k < locals.size(); ++k) {
      if (juris[k]) {
        s.jurisdictions.push_back(locals[k].mention);
      }
    }
    const std::vector<std::size_t> outer = without_inner(doc.mentions, s, s.jurisdictions);
    for (std::size_t mi : s.jurisdictions) {
      if (std::find(outer.begin(), outer.end(), mi) == outer.end()) {
        doc.role(mi).reason = Reason::NestedJurisdiction;
      }
    }
    s.jurisdictions = outer;
  });
}

} // namespace stationmap::passes
