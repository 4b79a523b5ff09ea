#pragma once
/// @file
/// Minimal UTF-8 decoding and encoding (RFC 3629). Invalid sequences decode to U+FFFD, one byte at a time,
/// so that offsets always advance and never throw.

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace stationmap::utf8 {

inline constexpr char32_t replacement_character = 0xFFFD;

/// Decodes the code point at @p pos and advances @p pos past it.
char32_t decode(std::string_view text, std::size_t& pos) noexcept;

/// Appends the UTF-8 encoding of @p cp to @p out.
void append(std::string& out, char32_t cp);

/// Number of code points in @p text (Unicode code point offsets are what the interfaces use).
std::size_t length(std::string_view text) noexcept;

/// True when @p text is well-formed UTF-8.
bool is_valid(std::string_view text) noexcept;

/// @p text cut to at most @p max_bytes on a character boundary, ending with "…" when cut (one "…", even when
/// the text already ended with one). Empty when @p max_bytes cannot hold the "…".
std::string truncate(std::string_view text, std::size_t max_bytes);

} // namespace stationmap::utf8
