// Candidates pass: places named where a site could be, which the sites pass doubted. They are kept for an
// analyst's review with the sentence and the reason, and never become stations.

#include "passes.hpp"

namespace stationmap::passes {

void collect_candidates(AnnotatedDocument& doc) {
  doc.for_each_read_sentence([&](const AnnotatedSentence& s) {
    for (std::size_t k = 0; k < s.locals.size(); ++k) {
      const std::size_t mi = s.locals[k].mention;
      const RoledMention& role = doc.role(mi);
      const bool qualifier = k < s.qualifier.size() && s.qualifier[k];
      if (role.role != MentionRole::Other || !is_uncertain_site(role.reason) || qualifier || !doc.mentions[mi].place) {
        continue;
      }
      const Evidence ev = evidence_of(doc, s.sentence);
      doc.claims.candidates.push_back({site_claim(*doc.mentions[mi].place, s, 0, ev), role.reason});
    }
  });
}

} // namespace stationmap::passes
