#pragma once
// Checks shared by the fuzz targets: a Document must be well-formed whatever the input.

#include "stationmap/core/utf8.hpp"
#include "stationmap/ingest/document.hpp"

#include <cstdlib>

namespace stationmap::fuzz {

inline void check(bool condition) {
  if (!condition) std::abort();
}

/// Blocks sorted, non-overlapping, inside the text; text valid UTF-8 when the input was.
inline void check_document(const Document& doc, bool input_valid_utf8) {
  if (input_valid_utf8) check(utf8::is_valid(doc.text));
  const std::size_t length = utf8::length(doc.text);
  std::uint32_t previous_end = 0;
  for (const auto& block : doc.blocks) {
    check(block.start < block.end);
    check(block.start >= previous_end);
    check(block.end <= length);
    previous_end = block.end;
  }
}

}  // namespace stationmap::fuzz
