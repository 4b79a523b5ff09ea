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
/// Resolution scores each candidate with population and prominence, feature type, qualifiers ("Paris, Texas"),
/// the document's other places (country and first-level division in context) and one sense per discourse.

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

  /// Resolves exactly the given spans (gold-span mode): one Mention per span, in order; Mention::place is
  /// empty where no candidate fits.
  [[nodiscard]] std::vector<Mention> resolve_spans(std::string_view text, const std::vector<Span>& spans) const;

private:
  const Gazetteer& m_gazetteer;
};

}  // namespace stationmap
