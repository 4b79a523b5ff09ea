#include "cjk_words.hpp"

#include <memory>
#include <stdexcept>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace stationmap::detail {

namespace {

/// One word BreakIterator per thread, created on first use (loading ICU's dictionaries costs a few ms, and only
/// texts with Han or kana need it).
icu::BreakIterator& word_iterator() {
  thread_local std::unique_ptr<icu::BreakIterator> it = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::BreakIterator> made(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !made) {
      throw std::runtime_error(std::string("ICU word break iterator: ") + u_errorName(status));
    }
    return made;
  }();
  return *it;
}

/// Marks the word boundaries of the run of adjacent ideograph tokens [first, last] in @p starts.
void segment_run(std::string_view text, const TokenizedText& tt, std::size_t first, std::size_t last,
                 std::vector<bool>& starts) {
  const auto& toks = tt.tokens;
  const std::uint32_t b0 = toks[first].byte_start;
  const icu::UnicodeString run = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data() + b0, static_cast<std::int32_t>(toks[last].byte_end - b0)));
  icu::BreakIterator& it = word_iterator();
  it.setText(run);
  // UTF-16 offset of each token of the run (one code point per token).
  std::vector<std::int32_t> offset_of;
  offset_of.reserve(last - first + 2);
  std::int32_t u16 = 0;
  for (std::size_t i = first; i <= last; ++i) {
    offset_of.push_back(u16);
    u16 += run.char32At(u16) > 0xFFFF ? 2 : 1;
  }
  offset_of.push_back(u16);
  std::size_t k = 0;
  for (std::int32_t b = it.first(); b != icu::BreakIterator::DONE; b = it.next()) {
    while (k < offset_of.size() && offset_of[k] < b) {
      ++k;
    }
    if (k < offset_of.size() && offset_of[k] == b && first + k < starts.size()) {
      starts[first + k] = true;
    }
  }
}

} // namespace

std::vector<bool> cjk_word_starts(std::string_view text, const TokenizedText& tt) {
  const auto& toks = tt.tokens;
  std::vector<bool> starts(toks.size() + 1, true);
  for (std::size_t i = 0; i < toks.size();) {
    if (!toks[i].ideograph) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j + 1 < toks.size() && toks[j + 1].ideograph && toks[j + 1].byte_start == toks[j].byte_end) {
      ++j;
    }
    if (j > i) {
      for (std::size_t k = i + 1; k <= j; ++k) {
        starts[k] = false; // inside the run, only the segmenter's boundaries count
      }
      segment_run(text, tt, i, j, starts);
    }
    i = j + 1;
  }
  return starts;
}

} // namespace stationmap::detail
