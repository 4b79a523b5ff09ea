#pragma once
/// @file
/// Tests over every byte of a text, eight bytes at a time (one 64-bit word: "SIMD within a register"). The
/// writers ask them of every cell and string they write (mentions.csv, the layers' JSON arrays: hundreds of MB
/// for a large corpus), and nearly every text needs no quoting or escaping: the answer is "none", and finding it
/// must cost well under a nanosecond per byte.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace stationmap::byte_scan {

namespace detail {

inline constexpr std::uint64_t ones = 0x0101010101010101ULL;  ///< 0x01 in every byte
inline constexpr std::uint64_t highs = 0x8080808080808080ULL; ///< the high bit of every byte

/// Nonzero when a byte of @p word is below @p limit (at most 0x80): the classic "has less" test, exact as a
/// yes/no answer for the whole word.
constexpr std::uint64_t has_below(std::uint64_t word, unsigned char limit) noexcept {
  return (word - ones * limit) & ~word & highs;
}

/// Nonzero when a byte of @p word is @p byte.
constexpr std::uint64_t has_byte(std::uint64_t word, unsigned char byte) noexcept {
  return has_below(word ^ (ones * byte), 1);
}

/// Whether @p word_test is nonzero for a word of @p text. The last word is padded with copies of the text's first
/// byte: they match only when that byte, which is looked at anyway, does.
template <typename WordTest> bool any(std::string_view text, WordTest word_test) noexcept {
  if (text.empty()) {
    return false;
  }
  std::size_t i = 0;
  std::uint64_t found = 0;
  for (; i + sizeof(std::uint64_t) <= text.size(); i += sizeof(std::uint64_t)) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + i, sizeof word);
    found |= word_test(word);
  }
  if (i < text.size()) {
    std::uint64_t word = ones * static_cast<unsigned char>(text.front());
    std::memcpy(&word, text.data() + i, text.size() - i);
    found |= word_test(word);
  }
  return found != 0;
}

/// The index of the first byte of @p text that @p word_test flags, text.size() when none: the words are tested
/// whole (the last one padded as in any()); in the first word flagged, each byte on its own (as a word of eight
/// copies of it: an exact yes/no).
template <typename WordTest> std::size_t first(std::string_view text, WordTest word_test) noexcept {
  const auto first_in_word = [&](std::size_t i) {
    const std::size_t end = std::min(i + sizeof(std::uint64_t), text.size());
    for (; i < end && word_test(ones * static_cast<unsigned char>(text[i])) == 0; ++i) {
    }
    return i;
  };
  std::size_t i = 0;
  for (; i + sizeof(std::uint64_t) <= text.size(); i += sizeof(std::uint64_t)) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + i, sizeof word);
    if (word_test(word) != 0) {
      return first_in_word(i);
    }
  }
  if (i < text.size()) {
    std::uint64_t word = ones * static_cast<unsigned char>(text[i]);
    std::memcpy(&word, text.data() + i, text.size() - i);
    if (word_test(word) != 0) {
      return first_in_word(i);
    }
  }
  return text.size();
}

} // namespace detail

/// Whether a byte of @p text is one of @p bytes (a few: each costs a test per word).
inline bool holds_any_of(std::string_view text, std::string_view bytes) noexcept {
  return detail::any(text, [bytes](std::uint64_t word) {
    std::uint64_t found = 0;
    for (const char b : bytes) {
      found |= detail::has_byte(word, static_cast<unsigned char>(b));
    }
    return found;
  });
}

/// Whether a byte of @p text is below @p limit (at most 0x80; 0x20: a control character).
inline bool holds_byte_below(std::string_view text, unsigned char limit) noexcept {
  return detail::any(text, [limit](std::uint64_t word) { return detail::has_below(word, limit); });
}

/// Whether @p text holds a byte of 0x80 or above (is not plain ASCII).
inline bool holds_non_ascii(std::string_view text) noexcept {
  return detail::any(text, [](std::uint64_t word) { return word & detail::highs; });
}

/// The index of the first byte of @p text that is 0x80 or above or is NUL, text.size() when there is none: where a
/// run of plain ASCII text ends.
inline std::size_t first_non_ascii_or_nul(std::string_view text) noexcept {
  return detail::first(text, [](std::uint64_t word) { return (word & detail::highs) | detail::has_below(word, 1); });
}

/// Whether a byte of @p text is one of @p bytes, below @p limit (at most 0x80) or of 0x80 and above: whether a
/// writer has to look closer at a text it would otherwise copy as it is.
inline bool holds_any_of_below_or_non_ascii(std::string_view text, std::string_view bytes,
                                            unsigned char limit) noexcept {
  return detail::any(text, [bytes, limit](std::uint64_t word) {
    std::uint64_t found = detail::has_below(word, limit) | (word & detail::highs);
    for (const char b : bytes) {
      found |= detail::has_byte(word, static_cast<unsigned char>(b));
    }
    return found;
  });
}

/// The index of the first byte of @p text that is one of @p bytes or below @p limit (at most 0x80), text.size()
/// when there is none: where a writer must stop copying a text as it is to escape a byte.
inline std::size_t first_of_or_below(std::string_view text, std::string_view bytes, unsigned char limit) noexcept {
  return detail::first(text, [bytes, limit](std::uint64_t word) {
    std::uint64_t found = detail::has_below(word, limit);
    for (const char b : bytes) {
      found |= detail::has_byte(word, static_cast<unsigned char>(b));
    }
    return found;
  });
}

} // namespace stationmap::byte_scan
