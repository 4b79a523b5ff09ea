#include "stationmap/extract/segmenter.hpp"

#include "stationmap/core/fold.hpp"
#include "stationmap/core/utf8.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace stationmap {

namespace {

struct Line {
  std::uint32_t start = 0; // code points
  std::uint32_t end = 0;
  std::string text;
};

bool starts_with_any(const std::string& folded, std::initializer_list<const char*> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(), [&](const char* p) { return folded.rfind(p, 0) == 0; });
}

bool contains_any(const std::string& folded, std::initializer_list<const char*> needles) {
  const std::string padded = " " + folded + " ";
  return std::any_of(needles.begin(), needles.end(),
                     [&](const char* n) { return padded.find(std::string(" ") + n + " ") != std::string::npos; });
}

/// The structural kind of a plain-text line, from news-page conventions.
BlockKind classify_line(const std::string& text, BlockKind current_section) {
  const std::string folded = fold_key(text);
  std::string trimmed = text;
  trimmed.erase(0, trimmed.find_first_not_of(" \t*_>"));
  if (starts_with_any(folded, {"photo caption", "caption", "legende photo", "legende", "photo", "photograph", "image",
                               "pie de foto", "foto", "bildunterschrift", "图 片 说 明", "图 片", "资 料 图 片"}) &&
      (trimmed.rfind('[', 0) == 0 || trimmed.rfind("\xEF\xBC\xBB", 0) == 0 || trimmed.rfind('(', 0) == 0 ||
       text.find(':') != std::string::npos || text.find("\xEF\xBC\x9A") != std::string::npos)) {
    return BlockKind::Caption;
  }
  if (trimmed.rfind('[', 0) == 0 && (contains_any(folded, {"photo", "photograph", "getty", "afp", "reuters"}))) {
    return BlockKind::Caption;
  }
  if (starts_with_any(folded,
                      {"about the writer", "about the author", "about us", "a propos de l auteur", "sobre el autor",
                       "uber den autor", "uber uns", "qui sommes nous", "作 者", "关 于 我 们"})) {
    return BlockKind::Byline;
  }
  if (starts_with_any(folded, {"related", "read also", "read more", "see also", "tags", "share", "lire aussi",
                               "voir aussi", "leer tambien", "lesen sie auch", "相 关", "更 多"})) {
    return BlockKind::Navigation;
  }
  if (starts_with_any(folded, {"by ", "par ", "por ", "von ", "记 者"}) && folded.size() < 80) {
    return BlockKind::Byline;
  }
  if (trimmed.rfind("\xE2\x80\xA2", 0) == 0 || trimmed.rfind("|", 0) == 0) {
    return trimmed.rfind('|', 0) == 0 ? BlockKind::Table : BlockKind::Navigation;
  }
  return current_section;
}

/// The longest citation mark an encyclopedia puts after a full stop: "[12]", "[a]".
constexpr std::size_t kMaxCitationMark = 4;

/// Position @p p moved past citation marks ("Tbilisi.[1][3] Of the two..."): they belong to the sentence before.
std::size_t after_citation_marks(const std::string& text, std::size_t p) {
  while (p < text.size() && text[p] == '[') {
    const std::size_t close = text.find(']', p);
    if (close == std::string::npos || close == p + 1 || close - p > kMaxCitationMark + 1 ||
        !std::all_of(text.begin() + static_cast<std::ptrdiff_t>(p) + 1,
                     text.begin() + static_cast<std::ptrdiff_t>(close),
                     [](char ch) { return std::isalnum(static_cast<unsigned char>(ch)) != 0; })) {
      break;
    }
    p = close + 1;
  }
  return p;
}

/// Sentence ends: . ! ? followed by space/quote/end, and the CJK full stops.
bool is_sentence_end(const std::string& text, std::size_t pos, std::size_t& next) {
  const char c = text[pos];
  if (c == '.' || c == '!' || c == '?') {
    std::size_t p = pos + 1;
    while (p < text.size() && (text[p] == '"' || text[p] == '\'' || text[p] == ')' || text[p] == '*')) {
      ++p;
    }
    p = after_citation_marks(text, p);
    if (p >= text.size() || text[p] == ' ' || text[p] == '\n') {
      // Not after a short abbreviation: "U.S. ", "St. ", "Mr. ", "N.Y. ".
      std::size_t w = pos;
      while (w > 0 && std::isalpha(static_cast<unsigned char>(text[w - 1])) != 0) {
        --w;
      }
      const std::size_t len = pos - w;
      if (c == '.' && len > 0 && len <= 2 && std::isupper(static_cast<unsigned char>(text[w])) != 0) {
        return false;
      }
      if (c == '.' && len > 0 && len <= 3) {
        const std::string word = text.substr(w, len);
        static const std::array<const char*, 8> abbreviations = {"Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Rev"};
        if (std::find_if(abbreviations.begin(), abbreviations.end(), [&](const char* a) { return word == a; }) !=
            abbreviations.end()) {
          return false;
        }
      }
      next = p;
      return true;
    }
    return false;
  }
  // 。！？ (E3 80 82, EF BC 81, EF BC 9F)
  if (text.compare(pos, 3, "\xE3\x80\x82") == 0 || text.compare(pos, 3, "\xEF\xBC\x81") == 0 ||
      text.compare(pos, 3, "\xEF\xBC\x9F") == 0) {
    next = pos + 3;
    return true;
  }
  return false;
}

} // namespace

std::vector<Sentence> segment(const Document& doc) {
  const std::string& text = doc.text;
  // Lines with code point offsets.
  std::vector<Line> lines;
  {
    Line cur;
    std::uint32_t cp = 0;
    for (std::size_t pos = 0; pos < text.size();) {
      const std::size_t before = pos;
      const char32_t c = utf8::decode(text, pos);
      if (c == '\n') {
        cur.end = cp;
        lines.push_back(cur);
        cur = Line{};
        cur.start = cp + 1;
      } else {
        cur.text.append(text, before, pos - before);
      }
      ++cp;
    }
    cur.end = cp;
    lines.push_back(cur);
  }
  auto block_kind_at = [&](std::uint32_t cp) {
    for (const TextBlock& b : doc.blocks) {
      if (cp >= b.start && cp < b.end) {
        return b.kind;
      }
    }
    return BlockKind::Body;
  };

  // Classify lines; join consecutive prose lines of one paragraph (PDF and e-mail text wrap mid-sentence).
  struct Unit {
    Line line;
    BlockKind kind;
    std::uint32_t paragraph;
  };
  std::vector<Unit> units;
  std::uint32_t paragraph = 0;
  bool blank_before = true;
  BlockKind section = BlockKind::Body; // "About the writer" turns the rest into a byline section
  for (const Line& line : lines) {
    if (line.text.find_first_not_of(" \t\r") == std::string::npos) {
      blank_before = true;
      continue;
    }
    if (blank_before) {
      ++paragraph;
    }
    BlockKind kind = block_kind_at(line.start);
    if (kind == BlockKind::Body) {
      kind = classify_line(line.text, section);
      if (kind == BlockKind::Byline && fold_key(line.text).rfind("about", 0) == 0) {
        section = BlockKind::Byline;
      }
    }
    const bool table_row = kind == BlockKind::Table || line.text.find('\t') != std::string::npos ||
                           std::count(line.text.begin(), line.text.end(), '|') >= 2;
    if (table_row) {
      kind = BlockKind::Table;
    }
    if (!blank_before && !units.empty() && units.back().paragraph == paragraph && kind == units.back().kind &&
        kind != BlockKind::Table && kind != BlockKind::Navigation && units.back().line.end + 1 == line.start) {
      units.back().line.text += ' '; // the newline, one code point, becomes a space
      units.back().line.text += line.text;
      units.back().line.end = line.end;
    } else {
      units.push_back(Unit{line, kind, paragraph});
    }
    blank_before = false;
  }

  std::vector<Sentence> out;
  for (const Unit& unit : units) {
    const Line& line = unit.line;
    const BlockKind kind = unit.kind;
    const std::uint32_t paragraph_index = unit.paragraph;
    if (kind == BlockKind::Table) {
      // A table row is one unit: its cells belong together, and rows do not share a discourse.
      if (fold_key(line.text).empty()) {
        continue; // separator row |---|---|
      }
      out.push_back(Sentence{line.start, line.end, paragraph_index * 1000U + static_cast<std::uint32_t>(out.size()),
                             BlockKind::Table, line.text});
      continue;
    }
    // Sentences within the line.
    std::size_t byte_start = 0;
    std::uint32_t cp_start = line.start;
    std::uint32_t cp = line.start;
    const std::string& t = line.text;
    for (std::size_t pos = 0; pos < t.size();) {
      std::size_t next = 0;
      if (is_sentence_end(t, pos, next)) {
        const std::uint32_t cp_end =
            cp + static_cast<std::uint32_t>(utf8::length(std::string_view(t).substr(pos, next - pos)));
        out.push_back(Sentence{cp_start, cp_end, paragraph_index, kind, t.substr(byte_start, next - byte_start)});
        while (next < t.size() && t[next] == ' ') {
          ++next;
        }
        cp = line.start + static_cast<std::uint32_t>(utf8::length(std::string_view(t).substr(0, next)));
        cp_start = cp;
        byte_start = next;
        pos = next;
        continue;
      }
      utf8::decode(t, pos);
      ++cp;
    }
    if (byte_start < t.size() && t.find_first_not_of(" \t\r", byte_start) != std::string::npos) {
      out.push_back(Sentence{cp_start, line.end, paragraph_index, kind, t.substr(byte_start)});
    }
  }
  return out;
}

} // namespace stationmap
