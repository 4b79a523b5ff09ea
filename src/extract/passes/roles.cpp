// Roles pass: the lines the later passes do not read, and the mentions that can be neither a site nor a
// jurisdiction whatever the sentence says.

#include "../cues.hpp"
#include "../datelines.hpp"
#include "passes.hpp"

namespace stationmap::passes {

namespace {

/// Why a mention in a read sentence can be neither site nor jurisdiction, or nothing when it can be either.
std::optional<Reason> exclusion_of(const AnnotatedSentence& s, const Mention& m, const Local& l,
                                   std::size_t dateline_bytes) {
  const SentenceTokens& st = s.tokens;
  const std::size_t a = l.first;
  const std::size_t b = l.last;
  if (st.token(b).byte_end <= dateline_bytes) {
    return Reason::Dateline;
  }
  if (st.before(a, cues::home_side(), 3) ||
      (b + 1 < st.size() &&
       (st.any_at(b + 1, cues::home_side()) > 0 || (b + 2 < st.size() && st.any_at(b + 2, cues::home_side()) > 0)))) {
    return Reason::HomeSide;
  }
  // "Beijing has denied...": a capital before a speech verb stands for its government.
  if (m.place->feature_code == "PPLC" && b + 1 < st.size() && st.any_at(b + 1, cues::metonymy_verb()) > 0 &&
      gap_between(s.sentence.text, st.token(b), st.token(b + 1)) == " ") {
    return Reason::Metonymy;
  }
  // "Prosecutors in Brooklyn said", "told reporters in Ottawa": where someone speaks, not a station's site.
  if (a > 0 && st.before(a, cues::speaker_place(), 0)) {
    return Reason::SpeakerLocation;
  }
  if (a > 0 && (st.key(a - 1) == "in" || st.key(a - 1) == "a" || st.key(a - 1) == "en") && b + 1 < st.size() &&
      st.any_at(b + 1, cues::speech_verb()) > 0 && gap_between(s.sentence.text, st.token(b), st.token(b + 1)) == " " &&
      !(b + 2 < st.size() && st.key(b + 2) == "to")) {
    return Reason::SpeakerLocation; // but "an office in Dublin said to be run by..." is a site
  }
  // "Beijing Station", "Narita Airport".
  if (b + 1 < st.size() && !st.token(b + 1).ideograph && st.token(b + 1).capitalized &&
      (st.key(b + 1) == "station" || st.key(b + 1) == "airport" || st.key(b + 1) == "university")) {
    return Reason::FacilityName;
  }
  return std::nullopt;
}

} // namespace

void exclude_non_claims(AnnotatedDocument& doc) {
  for (AnnotatedSentence& s : doc.sentences) {
    const BlockKind kind = s.sentence.kind;
    if (kind == BlockKind::Byline || kind == BlockKind::Navigation) {
      for (const Local& l : s.locals) {
        doc.role(l.mention).reason = kind == BlockKind::Byline ? Reason::Byline : Reason::Navigation;
      }
      continue;
    }
    s.read = !s.locals.empty();
    s.excluded.assign(s.locals.size(), false);
    const std::size_t dateline_bytes = datelines::length(s.sentence.text);
    for (std::size_t k = 0; k < s.locals.size(); ++k) {
      const Mention& m = doc.mentions[s.locals[k].mention];
      if (!m.place) {
        s.excluded[k] = true;
        continue;
      }
      if (const auto reason = exclusion_of(s, m, s.locals[k], dateline_bytes)) {
        doc.role(s.locals[k].mention).reason = *reason;
        s.excluded[k] = true;
      }
    }
  }
}

} // namespace stationmap::passes
