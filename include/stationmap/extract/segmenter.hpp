#pragma once
/// @file
/// Splits a Document into the units the extractor reasons about: paragraphs, sentences and table rows, each
/// with its structural kind (body, title, caption, byline, navigation, table). Structure comes from the
/// ingest stage's TextBlocks and, for plain text, from the conventions of news pages (bracketed photo
/// captions, credit lines, "About the writer" boxes, "Related:" lines, markdown and pipe tables).

#include "stationmap/ingest/document.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace stationmap {

/// One sentence (or table row) of a document.
struct Sentence {
  std::uint32_t start = 0; ///< code points into Document::text
  std::uint32_t end = 0;
  std::uint32_t paragraph = 0; ///< index of the paragraph it belongs to
  BlockKind kind = BlockKind::Body;
  std::string text; ///< the sentence as written
};

/// Splits @p doc into sentences, in text order.
std::vector<Sentence> segment(const Document& doc);

} // namespace stationmap
