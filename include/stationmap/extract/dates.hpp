#pragma once
/// @file
/// Dates and small numbers as the five languages write them in running text, for statuses ("closed on
/// 17 April 2023", "2023年4月17日", "le 6 décembre 2022") and station counts ("three in Madrid").

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stationmap {

/// The first calendar date in @p sentence as ISO 8601: "YYYY-MM-DD", or "YYYY-MM" when no day is given.
/// Recognises day-month-year and month-day-year with month names in English, French, Spanish and German,
/// and Chinese 年/月/日. Years alone are not dates here.
std::optional<std::string> find_date(std::string_view sentence);

/// As find_date(), over a sentence's folded words (core/fold.hpp) when the caller has already tokenised it.
std::optional<std::string> find_date_in_words(const std::vector<std::string_view>& words);

/// The value of a number written as digits or as a word (two, trois, dos, zwei, 三...), 1..99.
std::optional<int> number_value(std::string_view folded_token);

} // namespace stationmap
