#include "annotated_document.hpp"

#include "../cues.hpp"
#include "place_facts.hpp"
#include "stationmap/extract/ids.hpp"
#include "stationmap/geoparse/geoparser.hpp"

namespace stationmap::passes {

AnnotatedDocument::AnnotatedDocument(const Document& doc, const Gazetteer& gaz, const MentionPins* pins)
    : document(doc), source(share_document({doc.id, doc.title, doc.url, doc.date})), gazetteer(gaz) {
  tokenize(doc.text, tokens);
  mentions = Geoparser(gazetteer).parse(doc.text, tokens);
  // Analysts' pins: the mention resolves to the pinned place, taken as certain (no re-reading, no doubt).
  pinned.assign(mentions.size(), nullptr);
  for (std::size_t i = 0; pins != nullptr && !pins->empty() && i < mentions.size(); ++i) {
    if ((pinned[i] = pins->find(doc.id, mentions[i].text)) != nullptr) {
      mentions[i].place = pinned[i]->place;
      mentions[i].confidence = 1.0;
    }
  }
  claims.document = doc.id;
  claims.mentions.resize(mentions.size());
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    RoledMention& r = claims.mentions[i];
    r.source = source;
    r.start = mentions[i].start;
    r.end = mentions[i].end;
    r.text = mentions[i].text;
    r.confidence = mentions[i].confidence;
    if (pinned[i] != nullptr) {
      r.add_correction(pinned[i]->ref);
    }
    if (mentions[i].place) {
      r.set_place(*mentions[i].place);
    }
    r.reason = r.resolved() ? Reason::NoCue : Reason::Unresolved;
  }
}

Evidence evidence_of(const AnnotatedDocument& doc, const Sentence& s) {
  return {doc.source, share_sentence(s.text), s.start, s.end};
}

std::size_t clause_of_token(const AnnotatedSentence& s, std::size_t i) {
  std::size_t n = clause_at(s.sentence.text, s.tokens.token(i).byte_start);
  for (std::size_t j = 0; j < i; ++j) {
    n += s.tokens.any_at(j, cues::clause_boundary()) > 0 ? 1U : 0U;
  }
  return n;
}

std::size_t clause_of_mention(const AnnotatedSentence& s, std::size_t mi) {
  for (const Local& l : s.locals) {
    if (l.mention == mi) {
      return clause_of_token(s, l.first);
    }
  }
  return 0;
}

DocumentClaims::SiteClaim site_claim(const Place& place, const AnnotatedSentence& s, int count, const Evidence& ev) {
  return {place, precision_of(place), s.status, s.date, count, ev};
}

} // namespace stationmap::passes
