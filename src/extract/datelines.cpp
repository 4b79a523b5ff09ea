#include "datelines.hpp"

#include <array>

namespace stationmap::datelines {

namespace {

bool is_upper_ascii(char c) {
  return c >= 'A' && c <= 'Z';
}
bool is_lower_ascii(char c) {
  return c >= 'a' && c <= 'z';
}

/// Bytes of the upper-case head: "NEW YORK", "CANBERRA/AUCKLAND", "SÃO PAULO" (non-ASCII letters count as
/// part of a word; a lower-case ASCII letter ends the head).
std::size_t upper_head(std::string_view s) {
  std::size_t i = 0;
  std::size_t letters = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (is_lower_ascii(c)) {
      return 0; // "Dublin, Oct 27": not upper case
    }
    if (is_upper_ascii(c) || (static_cast<unsigned char>(c) >= 0x80)) {
      ++letters;
    } else if (c != ' ' && c != '/' && c != '.' && c != '-' && c != '\'') {
      break;
    }
    ++i;
    if (c == ' ' && (s.substr(i, 1) == "-" || s.substr(i, 3) == "\xE2\x80\x93" || s.substr(i, 3) == "\xE2\x80\x94")) {
      --i; // the space before a dash ends the head
      break;
    }
  }
  return letters >= 3 ? i : 0;
}

/// The position just past the dash that closes a dateline, or 0.
std::size_t closing_dash(std::string_view s, std::size_t from) {
  static const std::array<std::string_view, 4> dashes = {" - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " -- "};
  std::size_t best = std::string_view::npos;
  for (const auto d : dashes) {
    const std::size_t at = s.find(d, from);
    if (at != std::string_view::npos && at < best) {
      best = at + d.size();
    }
  }
  return best == std::string_view::npos || best > kMaxLength ? 0 : best;
}

} // namespace

std::size_t length(std::string_view sentence) {
  const std::size_t head = upper_head(sentence);
  if (head == 0) {
    return 0;
  }
  // the head ends at a comma (then the date, the agency) or at the dash itself
  std::size_t after = head;
  while (after < sentence.size() && sentence[after] == ' ') {
    ++after;
  }
  if (after >= sentence.size() ||
      (sentence[after] != ',' && sentence[after] != '-' && sentence.substr(after, 3) != "\xE2\x80\x93" &&
       sentence.substr(after, 3) != "\xE2\x80\x94")) {
    return 0;
  }
  return closing_dash(sentence, head > 0 ? head - 1 : 0);
}

} // namespace stationmap::datelines
