#pragma once
/// @file
/// Text folding and tokenisation shared by the gazetteer (to index names) and the geoparser (to match them).
///
/// Folding is case-, width- and diacritic-insensitive: every code point is decomposed with NFKD (Unicode
/// UAX #15), its nonspacing marks dropped and the rest case-folded (Unicode default case folding), so that
/// "Île-de-France", "ILE DE FRANCE" and "ｉｌｅ－ｄｅ－ｆｒａｎｃｅ" share the key "ile de france". Words are
/// runs of letters, marks and digits; every other character separates them. Ideographs (Han, kana) are one
/// token each, so Chinese names match as character sequences without word boundaries; traditional characters
/// fold to simplified ones (ICU Traditional-Simplified, per character), so 紐約 and 纽约 share a key.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace stationmap {

/// One token of a text, with offsets in both code points (the interfaces' unit) and bytes.
struct Token {
  std::uint32_t start = 0;      ///< first code point
  std::uint32_t end = 0;        ///< one past the last code point
  std::uint32_t byte_start = 0; ///< first byte in the original text
  std::uint32_t byte_end = 0;   ///< one past the last byte
  std::uint32_t key_begin = 0;  ///< folded form: [key_begin, key_end) in the folded buffer
  std::uint32_t key_end = 0;
  bool ideograph = false;   ///< a Han or kana character (one character per token)
  bool capitalized = false; ///< first character upper- or titlecase
  bool all_upper = false;   ///< every cased character uppercase (and at least one)
  bool has_digit = false;   ///< contains a decimal digit
};

/// A tokenised text: tokens plus the buffer that holds their folded forms.
struct TokenizedText {
  std::vector<Token> tokens;
  std::string folded;
  [[nodiscard]] std::string_view key(const Token& t) const {
    return std::string_view(folded).substr(t.key_begin, t.key_end - t.key_begin);
  }
};

/// Tokenises @p text (UTF-8; invalid bytes are separators) into @p out, replacing its contents.
void tokenize(std::string_view text, TokenizedText& out);

/// The folded key of a name: its folded tokens joined by single spaces ("Île-de-France" -> "ile de france").
std::string fold_key(std::string_view text);

} // namespace stationmap
