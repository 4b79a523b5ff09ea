#pragma once
// Word boundaries in unspaced scripts. Chinese and Japanese write no spaces, so a gazetteer key can match across
// words ("中心" inside "该中心位于", "ラン" inside "ランキング"). ICU's word BreakIterator segments Han and kana runs
// with its dictionary; a name is accepted only where it starts and ends on such a boundary.

#include "stationmap/core/fold.hpp"

#include <string_view>
#include <vector>

namespace stationmap::detail {

/// For each token index i of @p tt, whether a word boundary lies before token i; element tokens.size() is true.
/// Only ideograph tokens (one Han or kana character each) are segmented: every other token starts a word.
std::vector<bool> cjk_word_starts(std::string_view text, const TokenizedText& tt);

} // namespace stationmap::detail
