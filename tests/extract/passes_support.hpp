#pragma once
// Shared helpers of the extraction passes' tests: an invented text run through the passes up to one of them,
// over the embedded gazetteer, and short ways to ask what the passes wrote about a mention.

#include "passes/passes.hpp"
#include "stationmap/gazetteer/gazetteer.hpp"

#include <gtest/gtest.h>
#include <ostream>
#include <string>

namespace stationmap {
/// Reasons print as their codes in failure messages.
inline void PrintTo(Reason reason, std::ostream* os) {
  *os << reason_code(reason);
}
} // namespace stationmap

namespace stationmap::passes::test {

inline const Gazetteer& gazetteer() {
  static const Gazetteer g = Gazetteer::open(STATIONMAP_EMBEDDED_INDEX);
  return g;
}

/// The passes in Extractor::extract's order.
enum class Upto {
  Segmentation,
  Places,
  Roles,
  Status,
  Enumerations,
  Jurisdictions,
  Sites,
  Counts,
  Review,
  Links,
  Candidates
};

inline Document document_of(std::string text) {
  Document d;
  d.id = "test.txt";
  d.text = std::move(text);
  return d;
}

/// @p text annotated by the passes up to and including @p last.
class Annotated {
public:
  Annotated(std::string text, Upto last)
      : m_document(document_of(std::move(text))), doc(m_document, gazetteer(), nullptr) {
    run(Upto::Segmentation, last);
  }

  /// Runs the passes from @p first to @p last (tests that change the document between passes).
  void run(Upto first, Upto last) {
    using Pass = void (*)(AnnotatedDocument&);
    static constexpr Pass passes[] = {segment_sentences, normalise_places,   exclude_non_claims, read_statements,
                                      find_enumerations, find_jurisdictions, find_sites,         find_counts,
                                      review_sites,      write_claims,       collect_candidates};
    for (auto p = static_cast<std::size_t>(first); p <= static_cast<std::size_t>(last); ++p) {
      passes[p](doc);
    }
  }

  /// The index of the first mention written @p text; fails the test when there is none.
  [[nodiscard]] std::size_t mention(const std::string& text) const {
    for (std::size_t i = 0; i < doc.mentions.size(); ++i) {
      if (doc.mentions[i].text == text) {
        return i;
      }
    }
    ADD_FAILURE() << "no mention of " << text;
    return 0;
  }
  [[nodiscard]] const RoledMention& role(const std::string& text) const {
    return doc.claims.mentions.at(mention(text));
  }
  /// Where mention @p text is in its sentence: the sentence and the mention's index among its locals.
  [[nodiscard]] std::pair<const AnnotatedSentence*, std::size_t> local(const std::string& text) const {
    const std::size_t mi = mention(text);
    for (const AnnotatedSentence& s : doc.sentences) {
      for (std::size_t k = 0; k < s.locals.size(); ++k) {
        if (s.locals[k].mention == mi) {
          return {&s, k};
        }
      }
    }
    ADD_FAILURE() << text << " is in no sentence";
    return {nullptr, 0};
  }

private:
  Document m_document;

public:
  AnnotatedDocument doc;
};

} // namespace stationmap::passes::test
