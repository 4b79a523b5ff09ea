// HTML character references: the named ones news pages use, numeric ones in decimal and hex.

#include "stationmap/core/utf8.hpp"
#include "stationmap/ingest/html.hpp"

#include <algorithm>
#include <array>
#include <cstdint>

namespace stationmap::ingest {

namespace {

struct NamedEntity {
  std::string_view name;
  char32_t code_point;
};

// Latin-1 entities, in code point order from U+00A0.
constexpr std::array<std::string_view, 96> latin1_names{
    "nbsp",   "iexcl",  "cent",   "pound",  "curren", "yen",    "brvbar", "sect",   "uml",    "copy",   "ordf",
    "laquo",  "not",    "shy",    "reg",    "macr",   "deg",    "plusmn", "sup2",   "sup3",   "acute",  "micro",
    "para",   "middot", "cedil",  "sup1",   "ordm",   "raquo",  "frac14", "frac12", "frac34", "iquest", "Agrave",
    "Aacute", "Acirc",  "Atilde", "Auml",   "Aring",  "AElig",  "Ccedil", "Egrave", "Eacute", "Ecirc",  "Euml",
    "Igrave", "Iacute", "Icirc",  "Iuml",   "ETH",    "Ntilde", "Ograve", "Oacute", "Ocirc",  "Otilde", "Ouml",
    "times",  "Oslash", "Ugrave", "Uacute", "Ucirc",  "Uuml",   "Yacute", "THORN",  "szlig",  "agrave", "aacute",
    "acirc",  "atilde", "auml",   "aring",  "aelig",  "ccedil", "egrave", "eacute", "ecirc",  "euml",   "igrave",
    "iacute", "icirc",  "iuml",   "eth",    "ntilde", "ograve", "oacute", "ocirc",  "otilde", "ouml",   "divide",
    "oslash", "ugrave", "uacute", "ucirc",  "uuml",   "yacute", "thorn",  "yuml"};

constexpr std::array<NamedEntity, 44> other_entities{{
    {"amp", '&'},       {"lt", '<'},        {"gt", '>'},        {"quot", '"'},      {"apos", '\''},
    {"ndash", 0x2013},  {"mdash", 0x2014},  {"lsquo", 0x2018},  {"rsquo", 0x2019},  {"sbquo", 0x201A},
    {"ldquo", 0x201C},  {"rdquo", 0x201D},  {"bdquo", 0x201E},  {"hellip", 0x2026}, {"bull", 0x2022},
    {"trade", 0x2122},  {"euro", 0x20AC},   {"dagger", 0x2020}, {"Dagger", 0x2021}, {"permil", 0x2030},
    {"lsaquo", 0x2039}, {"rsaquo", 0x203A}, {"thinsp", 0x2009}, {"ensp", 0x2002},   {"emsp", 0x2003},
    {"zwj", 0x200D},    {"zwnj", 0x200C},   {"lrm", 0x200E},    {"rlm", 0x200F},    {"OElig", 0x152},
    {"oelig", 0x153},   {"Scaron", 0x160},  {"scaron", 0x161},  {"Yuml", 0x178},    {"fnof", 0x192},
    {"circ", 0x2C6},    {"tilde", 0x2DC},   {"prime", 0x2032},  {"Prime", 0x2033},  {"larr", 0x2190},
    {"rarr", 0x2192},   {"minus", 0x2212},  {"nbhy", 0x2011},   {"NewLine", '\n'},
}};

// Windows-1252 meanings of numeric references &#128;..&#159; (as browsers read them).
constexpr std::array<char32_t, 32> cp1252_c1{0x20AC, 0x81,   0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                             0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D,   0x017D, 0x8F,
                                             0x90,   0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                             0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D,   0x017E, 0x0178};

char32_t lookup_named(std::string_view name) {
  for (std::size_t i = 0; i < latin1_names.size(); ++i) {
    if (latin1_names[i] == name)
      return static_cast<char32_t>(0xA0 + i);
  }
  for (const auto& e : other_entities) {
    if (e.name == name)
      return e.code_point;
  }
  return 0;
}

bool is_alnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

} // namespace

void decode_entities(std::string_view text, std::string& out) {
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t amp = text.find('&', i);
    if (amp == std::string_view::npos) {
      out.append(text.substr(i));
      return;
    }
    out.append(text.substr(i, amp - i));
    i = amp + 1;
    if (i < text.size() && text[i] == '#') {
      std::size_t j = i + 1;
      const bool hex = j < text.size() && (text[j] == 'x' || text[j] == 'X');
      if (hex)
        ++j;
      std::uint32_t value = 0;
      const std::size_t digits_start = j;
      while (j < text.size() && j - digits_start < 8) {
        const char c = text[j];
        std::uint32_t d = 0;
        if (c >= '0' && c <= '9') {
          d = static_cast<std::uint32_t>(c - '0');
        } else if (hex && c >= 'a' && c <= 'f') {
          d = static_cast<std::uint32_t>(c - 'a' + 10);
        } else if (hex && c >= 'A' && c <= 'F') {
          d = static_cast<std::uint32_t>(c - 'A' + 10);
        } else {
          break;
        }
        value = value * (hex ? 16U : 10U) + d;
        ++j;
      }
      if (j == digits_start) {
        out += '&';
        continue;
      }
      while (j < text.size() && (text[j] >= '0' && text[j] <= '9'))
        ++j; // absurdly long numbers
      if (j < text.size() && text[j] == ';')
        ++j;
      char32_t cp = value;
      if (cp >= 0x80 && cp <= 0x9F)
        cp = cp1252_c1[cp - 0x80];
      if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        cp = utf8::replacement_character;
      utf8::append(out, cp == 0xA0 ? ' ' : cp);
      i = j;
      continue;
    }
    std::size_t j = i;
    while (j < text.size() && j - i < 12 && is_alnum(text[j]))
      ++j;
    const std::string_view name = text.substr(i, j - i);
    const char32_t cp = name.empty() ? 0 : lookup_named(name);
    if (cp == 0) {
      out += '&';
      continue;
    }
    utf8::append(out, cp == 0xA0 ? ' ' : cp);
    i = j < text.size() && text[j] == ';' ? j + 1 : j;
  }
}

} // namespace stationmap::ingest
