#pragma once
/// @file
/// The lines of a data file (a word list, a GeoNames table): split at LF, a CR before it dropped, blank lines and
/// comment lines (starting with '#') skipped.

#include <string_view>

namespace stationmap {

/// Calls @p fn with each content line of @p text, in order, without its line end.
template <typename Fn> void for_each_data_line(std::string_view text, Fn&& fn) {
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) {
      end = text.size();
    }
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') {
      line.remove_suffix(1);
    }
    if (!line.empty() && line.front() != '#') {
      fn(line);
    }
    start = end + 1;
  }
}

} // namespace stationmap
