// Enumerations pass: lists and chains between consecutive mentions of a sentence.

#include "passes.hpp"
#include "place_facts.hpp"
#include "stationmap/core/great_circle.hpp"

namespace stationmap::passes {

namespace {

/// Whether one of two places lies in, or within 30 km of, the other: "Epsom, Auckland", "Madrid, Spain".
bool nested(const Mention& a, const Mention& b) {
  return a.place && b.place &&
         (contains_place(*b.place, *a.place) || contains_place(*a.place, *b.place) ||
          (a.place->country == b.place->country && great_circle_km(*a.place, *b.place) < district_of_city_km));
}

} // namespace

void find_enumerations(AnnotatedDocument& doc) {
  doc.for_each_read_sentence([&](AnnotatedSentence& s) {
    const auto& locals = s.locals;
    s.list_id.resize(locals.size());
    s.qualifier.assign(locals.size(), false);
    for (std::size_t k = 0; k < locals.size(); ++k) {
      s.list_id[k] = k;
      if (k == 0) {
        continue;
      }
      const std::size_t a = locals[k - 1].last;
      const std::size_t b = locals[k].first;
      const std::string gap = gap_between(s.sentence.text, s.tokens.token(a), s.tokens.token(b));
      const std::string folded = s.tokens.keys_between(a, b);
      if (is_chain_gap(gap, folded) && nested(doc.mentions[locals[k - 1].mention], doc.mentions[locals[k].mention])) {
        s.qualifier[k] = true;
        s.list_id[k] = s.list_id[k - 1];
      } else if (is_coordination(gap, folded)) {
        s.list_id[k] = s.list_id[k - 1];
      }
    }
  });
}

} // namespace stationmap::passes
