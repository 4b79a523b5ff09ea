#pragma once
// The word lists of lexicons/<language>/, compiled into the binary (lexicons/EmbedLexicons.cmake): a library
// under the geoparse and extract stages, so that a list both read (month names) is defined once. Every phrase is folded
// once (core/fold.hpp) into space-separated tokens.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace stationmap::lexicon {

namespace detail {
/// One embedded file: its path under lexicons/ ("en/station.txt") and its bytes.
struct EmbeddedLexicon {
  std::string_view path;
  std::string_view text;
};
extern const EmbeddedLexicon embedded_lexicons[];
extern const std::size_t embedded_lexicon_count;
} // namespace detail

/// The folded phrases of list @p name (a file stem: "station", "tie"...) over every language, sorted and
/// without duplicates. An unknown list is empty.
const std::vector<std::string_view>& phrases(std::string_view name);

/// The rows of table @p name (a .tsv stem: "status", "months", "numbers") over every language: the first
/// column as written, the second folded. In language order, then file order.
const std::vector<std::pair<std::string, std::string>>& table(std::string_view name);

/// The languages that have a lexicon folder, sorted ("de", "en"...).
std::vector<std::string> languages();

/// Parses one list file: its non-comment lines, folded; lines that fold to nothing are dropped.
std::vector<std::string> parse_list(std::string_view text);

/// Parses one table file: rows of two tab-separated columns, the second folded; other lines are dropped.
std::vector<std::pair<std::string, std::string>> parse_table(std::string_view text);

} // namespace stationmap::lexicon
