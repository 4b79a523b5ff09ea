#pragma once
// The one annotated document the extraction passes share (passes.hpp). It holds the text tokenised and
// folded once, the geoparser's mentions over those tokens, and, once segmentation has run, the sentences as
// token ranges with their mentions. Each later pass reads what earlier passes wrote and adds its own
// annotations; the roles of the mentions and the claims are in `claims`.

#include "sentence_tokens.hpp"
#include "stationmap/core/fold.hpp"
#include "stationmap/extract/corrections.hpp"
#include "stationmap/extract/extractor.hpp"
#include "stationmap/extract/segmenter.hpp"
#include "stationmap/geoparse/mention.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace stationmap::passes {

/// A mention within one sentence.
struct Local {
  std::size_t mention = 0; ///< index into the document's mentions
  std::size_t first = 0;   ///< token range in the sentence, inclusive
  std::size_t last = 0;
};

/// One sentence (or table row) and what the passes found in it. Per-mention vectors are indexed like `locals`.
struct AnnotatedSentence {
  // segmentation
  Sentence sentence;
  SentenceTokens tokens;
  std::vector<Local> locals;
  // roles: whether the later passes read the sentence (it names a place and is no byline or navigation line)
  bool read = false;
  std::vector<bool> excluded; ///< the mention can be neither site nor jurisdiction (its reason says why)
  // status: what the sentence states
  bool negated = false;
  bool not_found = false;                  ///< officials found no station ("found no such office")
  std::set<std::size_t> not_found_clauses; ///< the clauses (clause_of_token) that say so
  bool tie = false;                        ///< a tie verb (run by, opened by...) or a table row
  bool network = false;                    ///< speaks of a bureau's network
  bool station_cue = false;
  std::optional<Status> status;
  std::string date;
  // enumerations
  std::vector<std::size_t> list_id; ///< members of one list share an id
  std::vector<bool> qualifier;      ///< qualifies the previous member ("Madrid, Spain")
  // jurisdictions
  std::vector<bool> jurisdiction;
  std::vector<std::size_t> jurisdictions; ///< mention indices, nested districts dropped
  // sites
  std::vector<bool> site;
  std::vector<std::size_t> sites;    ///< mention indices
  std::map<std::size_t, int> counts; ///< mention index -> number of stations the sentence gives there
};

class AnnotatedDocument {
public:
  /// Tokenises and folds @p document's text once, finds and resolves its place mentions over those tokens,
  /// applies analysts' @p pins, and gives every mention its default role: other, for want of a cue (or
  /// unresolved).
  AnnotatedDocument(const Document& document, const Gazetteer& gazetteer, const MentionPins* pins);
  AnnotatedDocument(const AnnotatedDocument&) = delete;
  AnnotatedDocument& operator=(const AnnotatedDocument&) = delete;

  const Document& document;
  DocumentRef source; ///< the document's fields, shared by its evidence and mentions
  const Gazetteer& gazetteer;
  TokenizedText tokens;
  std::vector<Mention> mentions;
  std::vector<const MentionPins::Pin*> pinned; ///< per mention: its analyst's pin, or nullptr
  // segmentation
  std::vector<AnnotatedSentence> sentences;
  bool about_stations = false; ///< some sentence has a station word
  /// Countries the document names, with the places named in each (by gazetteer index), before normalisation.
  std::map<std::string, std::set<std::size_t>> named_countries;
  /// Every mention's role and reason, and the claims (written by the last pass).
  DocumentClaims claims;

  /// The mention's role entry.
  RoledMention& role(std::size_t mention) { return claims.mentions[mention]; }

  /// Calls @p fn with each sentence the roles pass marked as read (it names a place and is no byline or navigation
  /// line): the ones every later pass looks at.
  template <typename Fn> void for_each_read_sentence(Fn&& fn) {
    for (AnnotatedSentence& s : sentences) {
      if (s.read) {
        fn(s);
      }
    }
  }
};

/// The clause of token @p i of sentence @p s: how many semicolons (clause_at) and words opening a contrasting
/// clause (while, mentre: cues::clause_boundary) come before it.
std::size_t clause_of_token(const AnnotatedSentence& s, std::size_t i);

/// The clause (clause_of_token) of mention @p mi in sentence @p s (0 when the sentence does not name it).
std::size_t clause_of_mention(const AnnotatedSentence& s, std::size_t mi);

/// The evidence sentence @p s of @p doc gives.
Evidence evidence_of(const AnnotatedDocument& doc, const Sentence& s);

/// The site claim sentence @p s makes for @p place: its status and date, @p count stations (0: not given).
DocumentClaims::SiteClaim site_claim(const Place& place, const AnnotatedSentence& s, int count, const Evidence& ev);

} // namespace stationmap::passes
