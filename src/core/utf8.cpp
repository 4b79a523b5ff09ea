#include "stationmap/core/utf8.hpp"

namespace stationmap::utf8 {

namespace {
bool is_continuation(unsigned char c) noexcept {
  return (c & 0xC0U) == 0x80U;
}
} // namespace

char32_t decode(std::string_view text, std::size_t& pos) noexcept {
  const auto c0 = static_cast<unsigned char>(text[pos]);
  if (c0 < 0x80U) {
    ++pos;
    return c0;
  }
  std::size_t need = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((c0 & 0xE0U) == 0xC0U) {
    need = 1;
    cp = c0 & 0x1FU;
    min = 0x80;
  } else if ((c0 & 0xF0U) == 0xE0U) {
    need = 2;
    cp = c0 & 0x0FU;
    min = 0x800;
  } else if ((c0 & 0xF8U) == 0xF0U) {
    need = 3;
    cp = c0 & 0x07U;
    min = 0x10000;
  } else {
    ++pos;
    return replacement_character;
  }
  if (pos + need >= text.size()) {
    ++pos;
    return replacement_character;
  }
  for (std::size_t i = 1; i <= need; ++i) {
    const auto c = static_cast<unsigned char>(text[pos + i]);
    if (!is_continuation(c)) {
      ++pos;
      return replacement_character;
    }
    cp = (cp << 6U) | (c & 0x3FU);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
    ++pos;
    return replacement_character;
  }
  pos += need + 1;
  return cp;
}

void append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0U | (cp >> 6U)));
    out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0U | (cp >> 12U)));
    out.push_back(static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
  } else {
    out.push_back(static_cast<char>(0xF0U | (cp >> 18U)));
    out.push_back(static_cast<char>(0x80U | ((cp >> 12U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | ((cp >> 6U) & 0x3FU)));
    out.push_back(static_cast<char>(0x80U | (cp & 0x3FU)));
  }
}

std::size_t length(std::string_view text) noexcept {
  std::size_t n = 0;
  for (std::size_t pos = 0; pos < text.size();) {
    decode(text, pos);
    ++n;
  }
  return n;
}

bool is_valid(std::string_view text) noexcept {
  for (std::size_t pos = 0; pos < text.size();) {
    const std::size_t before = pos;
    const char32_t cp = decode(text, pos);
    if (cp == replacement_character && !(pos - before == 3 && text.substr(before, 3) == "\xEF\xBF\xBD")) {
      return false;
    }
  }
  return true;
}

std::string truncate(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) {
    return std::string(text);
  }
  static constexpr std::string_view ellipsis = "…";
  if (max_bytes < ellipsis.size()) {
    return {};
  }
  const bool already = text.ends_with(ellipsis);
  std::size_t cut = max_bytes - ellipsis.size();
  // Step back to the first byte of a character (continuation bytes are 10xxxxxx).
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0U) == 0x80U) {
    --cut;
  }
  std::string out(text.substr(0, cut));
  while (already && out.ends_with(ellipsis)) {
    out.resize(out.size() - ellipsis.size());
  }
  return out + std::string(ellipsis);
}

} // namespace stationmap::utf8
