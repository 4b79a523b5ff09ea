// Counts pass: sentences that count stations without naming a site.

#include "passes.hpp"
#include "stationmap/extract/dates.hpp"

namespace stationmap::passes {

namespace {

/// "102 stations in 53 countries", "more than 50 such stations": a number of stations, whatever the places.
/// A number is digits (not a year: four digits starting 1 or 2) or a number word, at most three words before
/// a station word.
bool states_a_count(const SentenceTokens& st) {
  for (std::size_t i = 0; i < st.size(); ++i) {
    const std::string_view w = st.key(i);
    const bool digits = !w.empty() && w.find_first_not_of("0123456789") == std::string_view::npos && w.size() <= 4 &&
                        !(w.size() == 4 && (w[0] == '1' || w[0] == '2'));
    if (!digits && !number_value(w)) {
      continue;
    }
    for (std::size_t j = i + 1; j < st.size() && j <= i + 3; ++j) {
      std::size_t len = 0;
      if (is_station_word_at(st, j, len) && st.key(j) != "110") {
        return true;
      }
    }
  }
  return false;
}

} // namespace

void find_counts(AnnotatedDocument& doc) {
  for (const AnnotatedSentence& s : doc.sentences) {
    const BlockKind kind = s.sentence.kind;
    if (kind == BlockKind::Navigation || kind == BlockKind::Byline || !s.sites.empty() || !states_a_count(s.tokens)) {
      continue;
    }
    doc.claims.counts.push_back(evidence_of(doc, s.sentence));
  }
}

} // namespace stationmap::passes
