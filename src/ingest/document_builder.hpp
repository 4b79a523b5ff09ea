#pragma once
// Internal: appends paragraphs to a Document, keeping Document::text and its blocks in step.

#include "stationmap/core/calendar.hpp"
#include "stationmap/ingest/document.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace stationmap::ingest::detail {

/// Number of code points in valid UTF-8.
inline std::uint32_t count_code_points(std::string_view s) noexcept {
  std::uint32_t n = 0;
  for (const char c : s) {
    n += (static_cast<unsigned char>(c) & 0xC0U) != 0x80U ? 1U : 0U;
  }
  return n;
}

/// True for ASCII white space and U+00A0 (given as its first byte pair).
inline bool is_space(char c) noexcept {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/// Appends paragraphs to a document: blank line between paragraphs, a block for each non-body paragraph.
class DocumentBuilder {
public:
  explicit DocumentBuilder(Document& doc) : m_doc(doc) { m_length = count_code_points(doc.text); }

  /// Appends one paragraph (trimmed; ignored when empty). Lines inside it stay separated by single newlines.
  void add_paragraph(std::string_view text, BlockKind kind) {
    while (!text.empty() && is_space(text.front()))
      text.remove_prefix(1);
    while (!text.empty() && is_space(text.back()))
      text.remove_suffix(1);
    if (text.empty())
      return;
    if (!m_doc.text.empty()) {
      m_doc.text += "\n\n";
      m_length += 2;
    }
    const std::uint32_t start = m_length;
    m_doc.text.append(text);
    m_length += count_code_points(text);
    if (kind != BlockKind::Body) {
      if (!m_doc.blocks.empty() && m_doc.blocks.back().kind == kind && m_doc.blocks.back().end + 2 == start) {
        m_doc.blocks.back().end = m_length; // consecutive paragraphs of one kind share a block
      } else {
        m_doc.blocks.push_back({start, m_length, kind});
      }
    }
  }

  /// Appends plain text: paragraphs are separated by blank lines (or form feeds), lines inside one kept.
  void add_plain_text(std::string_view text, BlockKind kind = BlockKind::Body) {
    std::string paragraph;
    std::size_t pos = 0;
    while (pos <= text.size()) {
      std::size_t end = text.find('\n', pos);
      if (end == std::string_view::npos)
        end = text.size();
      std::string_view line = text.substr(pos, end - pos);
      while (!line.empty() && is_space(line.back()))
        line.remove_suffix(1);
      const bool blank = line.find_first_not_of(" \t\f\v") == std::string_view::npos;
      if (blank || line.find('\f') != std::string_view::npos) {
        add_paragraph(paragraph, kind);
        paragraph.clear();
      }
      if (!blank) {
        if (!paragraph.empty())
          paragraph += '\n';
        for (const char c : line)
          paragraph += c == '\f' ? ' ' : c;
      }
      pos = end + 1;
    }
    add_paragraph(paragraph, kind);
  }

private:
  Document& m_doc;
  std::uint32_t m_length = 0;
};

/// Normalises line ends (CRLF and CR to LF) in place.
inline void normalize_newlines(std::string& text) {
  if (text.find('\r') == std::string::npos)
    return;
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n')
        ++i;
    } else {
      out += text[i];
    }
  }
  text.swap(out);
}

/// The leading YYYY-MM-DD of an ISO 8601 date or timestamp, or empty when @p value does not start with one
/// or it is no calendar date (2023-02-31).
inline std::string iso_date(std::string_view value) {
  while (!value.empty() && is_space(value.front()))
    value.remove_prefix(1);
  if (value.size() < 10)
    return {};
  for (std::size_t i = 0; i < 10; ++i) {
    const char c = value[i];
    const bool ok = (i == 4 || i == 7) ? (c == '-' || c == '/') : (c >= '0' && c <= '9');
    if (!ok)
      return {};
  }
  const auto number = [&](std::size_t at, std::size_t digits) {
    int n = 0;
    for (std::size_t i = at; i < at + digits; ++i)
      n = n * 10 + (value[i] - '0');
    return n;
  };
  if (!is_calendar_date(number(0, 4), number(5, 2), number(8, 2)))
    return {};
  std::string out(value.substr(0, 10));
  out[4] = '-';
  out[7] = '-';
  return out;
}

} // namespace stationmap::ingest::detail
