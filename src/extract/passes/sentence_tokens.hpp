#pragma once
// A sentence's tokens: a range of the annotated document's tokens (the text is tokenised and folded once),
// with offsets relative to the sentence as the segmenter wrote it, and phrase search over the folded forms.

#include "stationmap/core/fold.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace stationmap::passes {

class SentenceTokens {
public:
  SentenceTokens() = default;
  /// Tokens [@p first, @p end) of @p text; the sentence starts at code point @p cp_base and byte @p byte_base.
  SentenceTokens(const TokenizedText& text, std::size_t first, std::size_t end, std::uint32_t cp_base,
                 std::uint32_t byte_base)
      : m_text(&text), m_first(first), m_end(end), m_cp_base(cp_base), m_byte_base(byte_base) {}

  [[nodiscard]] std::size_t size() const { return m_end - m_first; }
  /// Token @p i with code point and byte offsets into the sentence.
  [[nodiscard]] Token token(std::size_t i) const;
  [[nodiscard]] std::string_view key(std::size_t i) const { return m_text->key(m_text->tokens[m_first + i]); }

  /// Length in tokens of @p phrase (folded words separated by spaces) at token @p i, or 0.
  [[nodiscard]] std::size_t phrase_at(std::size_t i, std::string_view phrase) const;
  /// Longest phrase of @p phrases starting at @p i (0 when none).
  [[nodiscard]] std::size_t any_at(std::size_t i, const std::vector<std::string_view>& phrases) const;
  [[nodiscard]] bool contains(const std::vector<std::string_view>& phrases) const;
  /// Whether a phrase of @p phrases ends within @p window tokens before token @p i.
  [[nodiscard]] bool before(std::size_t i, const std::vector<std::string_view>& phrases, std::size_t window) const;
  /// The folded words strictly between tokens @p a and @p b, joined by spaces (the gap's folded key).
  [[nodiscard]] std::string keys_between(std::size_t a, std::size_t b) const;

private:
  const TokenizedText* m_text = nullptr;
  std::size_t m_first = 0;
  std::size_t m_end = 0;
  std::uint32_t m_cp_base = 0;
  std::uint32_t m_byte_base = 0;
};

/// Whether a station word (police station, 服务站...) starts at token @p i; its length in tokens goes to @p len.
/// A capitalised "Station" after a name is a facility's name; a lone 站 is a railway station unless the
/// sentence speaks of police (警).
bool is_station_word_at(const SentenceTokens& st, std::size_t i, std::size_t& len);

/// Whether the sentence has a station word.
bool has_station_cue(const SentenceTokens& st);

/// The text between tokens @p a and @p b of @p sentence (empty when they touch).
std::string gap_between(const std::string& sentence, const Token& a, const Token& b);

/// Whether the gap between two list members coordinates them: a comma, semicolon or 、, or a coordination
/// word (and, et, y, und, 和...). @p folded is the gap's folded words (SentenceTokens::keys_between).
bool is_coordination(const std::string& gap, const std::string& folded);

/// The clause of byte @p byte of @p sentence: how many semicolons (; or the full-width ；) come before it.
/// Clauses of one sentence are read apart: "Sydney - under review; Perth - police found no such office".
std::size_t clause_at(const std::string& sentence, std::size_t byte);

/// Whether the gap only chains a place to its qualifier: spaces, commas, brackets ("Madrid, Spain", "Epsom
/// (Auckland)").
bool is_chain_gap(const std::string& gap, const std::string& folded);

} // namespace stationmap::passes
