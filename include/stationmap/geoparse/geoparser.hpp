#pragma once
/// @file
/// The geoparser: finds the place names a text mentions (recognition) and chooses, among the gazetteer's
/// homonyms, the place each one means (resolution).
///
/// Recognition is gazetteer-driven: the text is tokenised and folded (core/fold.hpp) and the longest sequence
/// of tokens that is a gazetteer key is taken at each position, then filtered against the classic false
/// positives (people, organisations, common words that are also towns, sentence-initial capitals).
/// Demonyms ("Chinese", "français") are not places named: parse() does not report them, but they count as
/// evidence for their country when resolving the other names. A span given to resolve_spans() that is a
/// demonym resolves to its country (flagged Mention::demonym), since the caller says it is a toponym.
/// Resolution (src/geoparse/resolver.hpp) treats each distinct name of a document as one sense (one sense per
/// discourse) and scores its candidates in log-odds: a prior (population, feature type: a country's name is the
/// country; how the name belongs to the entry: main, alternate or short name) plus evidence from the rest of
/// the document, recomputed over a few rounds from the other names' current beliefs: the countries and first-
/// and second-level divisions they probably lie in (the document's home region; a country's evidence is
/// weighed by its share of the document), proximity, the same entry named another way, and qualifiers
/// ("Paris, Texas", "Fuzhou, Fujian": containment in both directions). Mention::confidence is the softmax
/// probability that the place lies where the chosen candidate is (homonyms at the same spot pooled); on the
/// development corpora, mentions above 0.9 are right about 0.97 of the time, those under 0.4 under 0.4.

#include "stationmap/core/fold.hpp"
#include "stationmap/gazetteer/gazetteer.hpp"
#include "stationmap/geoparse/mention.hpp"

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace stationmap {

/// A span of text given by the caller, [start, end) in code points.
using Span = std::pair<std::uint32_t, std::uint32_t>;

/// Stateless apart from its gazetteer reference: safe to use from many threads at once.
class Geoparser {
public:
  explicit Geoparser(const Gazetteer& gazetteer) : m_gazetteer(gazetteer) {}

  /// Finds and resolves every place the text names, in text order.
  [[nodiscard]] std::vector<Mention> parse(std::string_view text) const;

  /// As parse(), over @p tokens: @p text already tokenised and folded (core/fold.hpp) by the caller, which
  /// keeps the tokens for its own reading of the text.
  [[nodiscard]] std::vector<Mention> parse(std::string_view text, const TokenizedText& tokens) const;

  /// Resolves exactly the given spans (gold-span mode): one Mention per span, in order; Mention::place is
  /// empty where no candidate fits.
  [[nodiscard]] std::vector<Mention> resolve_spans(std::string_view text, const std::vector<Span>& spans) const;

private:
  const Gazetteer& m_gazetteer;
};

} // namespace stationmap
