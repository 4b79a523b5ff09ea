// Plain text and Markdown.

#include "stationmap/ingest/markdown.hpp"

#include "document_builder.hpp"

#include <string>
#include <vector>

namespace stationmap::ingest {

namespace {

using detail::is_space;

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front()))
    s.remove_prefix(1);
  while (!s.empty() && is_space(s.back()))
    s.remove_suffix(1);
  return s;
}

bool starts_with(std::string_view s, std::string_view p) {
  return s.substr(0, p.size()) == p;
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos)
      end = text.size();
    lines.push_back(text.substr(pos, end - pos));
    pos = end + 1;
  }
  return lines;
}

bool is_word_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || (static_cast<unsigned char>(c) >= 0x80);
}

/// The next occurrence of one character at or after a position, for positions that only grow: the last
/// answer is remembered, so a line with many unmatched `[`, `](` or `<` is scanned once, not once per opener.
class NextOf {
public:
  NextOf(std::string_view text, char c) : m_text(text), m_char(c) {}
  std::size_t from(std::size_t pos) {
    if (!m_known || (m_found != std::string_view::npos && m_found < pos)) {
      m_found = m_text.find(m_char, pos);
      m_known = true;
    }
    return m_found;
  }

private:
  std::string_view m_text;
  char m_char;
  std::size_t m_found = std::string_view::npos;
  bool m_known = false;
};

/// Strips inline Markdown: links and images keep their text, emphasis and code markers go, inline HTML tags go.
/// Linear in the length of @p s.
std::string strip_inline(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  NextOf next_bracket(s, ']');
  NextOf next_paren(s, ')');
  NextOf next_angle(s, '>');
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '\\' && i + 1 < s.size() && std::ispunct(static_cast<unsigned char>(s[i + 1])) != 0) {
      out += s[++i];
      continue;
    }
    if (c == '!' && i + 1 < s.size() && s[i + 1] == '[')
      continue; // image: keep alt text
    if (c == '[') {
      const std::size_t close = next_bracket.from(i + 1);
      if (close != std::string_view::npos) {
        out += strip_inline(s.substr(i + 1, close - i - 1)); // holds no ']': no deeper recursion
        std::size_t after = close + 1;
        if (after < s.size() && (s[after] == '(' || s[after] == '[')) {
          const std::size_t end = s[after] == '(' ? next_paren.from(after + 1) : next_bracket.from(after + 1);
          if (end != std::string_view::npos)
            after = end + 1;
        }
        i = after - 1;
        continue;
      }
    }
    if (c == '<') {
      const std::size_t close = next_angle.from(i + 1);
      if (close != std::string_view::npos && i + 1 < s.size() &&
          (std::isalpha(static_cast<unsigned char>(s[i + 1])) != 0 || s[i + 1] == '/')) {
        const std::string_view inner = s.substr(i + 1, close - i - 1);
        if (starts_with(inner, "http://") || starts_with(inner, "https://"))
          out.append(inner); // autolink
        i = close;
        continue;
      }
    }
    if (c == '`' || c == '~') {
      continue;
    }
    if (c == '*' || c == '_') {
      const bool prev_word = i > 0 && is_word_char(s[i - 1]);
      const bool next_word = i + 1 < s.size() && is_word_char(s[i + 1]);
      if (c == '_' && prev_word && next_word) {
        out += c; // snake_case
        continue;
      }
      const bool prev_space = i == 0 || is_space(s[i - 1]);
      const bool next_space = i + 1 >= s.size() || is_space(s[i + 1]);
      if (prev_space && next_space)
        out += c; // "5 * 3"
      continue;
    }
    out += c;
  }
  return out;
}

bool is_table_separator(std::string_view line) {
  line = trim(line);
  if (line.find('-') == std::string_view::npos || line.find('|') == std::string_view::npos)
    return false;
  return line.find_first_not_of("|-: \t") == std::string_view::npos;
}

bool is_table_row(std::string_view line) {
  line = trim(line);
  return line.size() > 1 && line.find('|') != std::string_view::npos;
}

std::string table_row(std::string_view line) {
  line = trim(line);
  if (starts_with(line, "|"))
    line.remove_prefix(1);
  if (!line.empty() && line.back() == '|')
    line.remove_suffix(1);
  std::string out;
  std::size_t pos = 0;
  bool first = true;
  while (pos <= line.size()) {
    std::size_t end = line.find('|', pos);
    if (end == std::string_view::npos)
      end = line.size();
    if (!first)
      out += '\t';
    out += strip_inline(trim(line.substr(pos, end - pos)));
    first = false;
    pos = end + 1;
  }
  return out;
}

bool is_rule(std::string_view line) {
  line = trim(line);
  if (line.size() < 3)
    return false;
  const char c = line[0];
  if (c != '-' && c != '*' && c != '_')
    return false;
  return line.find_first_not_of(std::string(1, c) + " ") == std::string_view::npos;
}

/// Length of a list marker ("- ", "* ", "+ ", "12. ", "3) ") at the start of @p line, or 0.
std::size_t list_marker(std::string_view line) {
  if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ')
    return 2;
  std::size_t i = 0;
  while (i < line.size() && i < 9 && std::isdigit(static_cast<unsigned char>(line[i])) != 0)
    ++i;
  if (i > 0 && i + 1 < line.size() && (line[i] == '.' || line[i] == ')') && line[i + 1] == ' ')
    return i + 2;
  return 0;
}

std::string unquote(std::string_view v) {
  v = trim(v);
  if (v.size() >= 2 && (v.front() == '"' || v.front() == '\'') && v.back() == v.front())
    v = v.substr(1, v.size() - 2);
  return std::string(v);
}

} // namespace

void extract_plain_text(std::string_view text, Document& doc) {
  std::string normalized(text);
  detail::normalize_newlines(normalized);
  if (doc.title.empty()) {
    const std::string_view all(normalized);
    const std::size_t start = all.find_first_not_of(" \t\n");
    if (start != std::string_view::npos) {
      const std::size_t end = all.find('\n', start);
      const std::string_view first = trim(all.substr(start, end == std::string_view::npos ? end : end - start));
      const bool alone = end == std::string_view::npos ||
                         all.substr(end + 1).find_first_not_of(" \t") == all.substr(end + 1).find('\n');
      if (first.size() <= 200 && alone)
        doc.title = std::string(first);
    }
  }
  detail::DocumentBuilder(doc).add_plain_text(normalized);
}

void extract_markdown(std::string_view text, Document& doc) {
  std::string normalized(text);
  detail::normalize_newlines(normalized);
  const std::vector<std::string_view> lines = split_lines(normalized);
  detail::DocumentBuilder builder(doc);
  std::string paragraph;
  BlockKind paragraph_kind = BlockKind::Body;
  const auto flush = [&] {
    builder.add_paragraph(paragraph, paragraph_kind);
    paragraph.clear();
    paragraph_kind = BlockKind::Body;
  };
  const auto append_line = [&](std::string_view line, BlockKind kind) {
    if (!paragraph.empty() && paragraph_kind != kind)
      flush();
    paragraph_kind = kind;
    if (!paragraph.empty())
      paragraph += '\n';
    paragraph += line;
  };
  std::size_t i = 0;
  // YAML front matter
  if (!lines.empty() && trim(lines[0]) == "---") {
    std::size_t end = 1;
    while (end < lines.size() && trim(lines[end]) != "---" && trim(lines[end]) != "...")
      ++end;
    if (end < lines.size()) {
      for (std::size_t k = 1; k < end; ++k) {
        const std::size_t colon = lines[k].find(':');
        if (colon == std::string_view::npos)
          continue;
        const std::string_view key = trim(lines[k].substr(0, colon));
        const std::string value = unquote(lines[k].substr(colon + 1));
        if (key == "title" && doc.title.empty())
          doc.title = value;
        if ((key == "date" || key == "published") && doc.date.empty())
          doc.date = detail::iso_date(value);
        if ((key == "url" || key == "link" || key == "source_url") && doc.url.empty())
          doc.url = value;
        if ((key == "outlet" || key == "source" || key == "publisher" || key == "site") && doc.outlet.empty()) {
          doc.outlet = value;
        }
      }
      i = end + 1;
    }
  }
  bool in_fence = false;
  bool in_comment = false;
  bool after_image = false;
  for (; i < lines.size(); ++i) {
    const std::string_view raw = lines[i];
    const std::string_view line = trim(raw);
    if (in_comment) {
      if (line.find("-->") != std::string_view::npos)
        in_comment = false;
      continue;
    }
    if (starts_with(line, "```") || starts_with(line, "~~~")) {
      flush();
      in_fence = !in_fence;
      continue;
    }
    if (in_fence) {
      append_line(raw, BlockKind::Body);
      continue;
    }
    if (starts_with(line, "<!--")) {
      if (line.find("-->") == std::string_view::npos)
        in_comment = true;
      continue;
    }
    if (line.empty()) {
      flush();
      continue;
    }
    const bool was_after_image = after_image;
    after_image = false;
    // Setext heading: this line underlined by === or --- on the next.
    if (i + 1 < lines.size() && paragraph.empty()) {
      const std::string_view next = trim(lines[i + 1]);
      if (!next.empty() &&
          (next.find_first_not_of('=') == std::string_view::npos ||
           (next.find_first_not_of('-') == std::string_view::npos && next.size() >= 2)) &&
          !is_table_row(line) && list_marker(line) == 0) {
        flush();
        builder.add_paragraph(strip_inline(line), BlockKind::Title);
        ++i;
        continue;
      }
    }
    if (line[0] == '#') {
      std::size_t level = line.find_first_not_of('#');
      if (level != std::string_view::npos && level <= 6 && line[level] == ' ') {
        std::string_view heading = trim(line.substr(level));
        while (!heading.empty() && heading.back() == '#')
          heading.remove_suffix(1);
        flush();
        builder.add_paragraph(strip_inline(trim(heading)), BlockKind::Title);
        if (doc.title.empty() && level == 1)
          doc.title = strip_inline(trim(heading));
        continue;
      }
    }
    if (is_rule(line)) {
      flush();
      continue;
    }
    if (line[0] == '[' && line.find("]:") != std::string_view::npos)
      continue; // link definition
    if (is_table_row(line) && i + 1 < lines.size() && is_table_separator(lines[i + 1])) {
      flush();
      std::string table = table_row(line);
      i += 2;
      while (i < lines.size() && is_table_row(lines[i])) {
        table += '\n';
        table += table_row(lines[i]);
        ++i;
      }
      --i;
      builder.add_paragraph(table, BlockKind::Table);
      continue;
    }
    if (starts_with(line, "![")) {
      // an image on its own line: its alt text (and title) is a caption
      const std::size_t close = line.find(']');
      flush();
      if (close != std::string_view::npos) {
        std::string caption = strip_inline(line.substr(2, close - 2));
        const std::size_t quote = line.find('"', close);
        if (quote != std::string_view::npos) {
          const std::size_t end = line.find('"', quote + 1);
          if (end != std::string_view::npos && end > quote + 1) {
            const std::string title(line.substr(quote + 1, end - quote - 1));
            if (title != caption)
              caption += caption.empty() ? title : " " + title;
          }
        }
        builder.add_paragraph(caption, BlockKind::Caption);
      }
      after_image = true;
      continue;
    }
    if (was_after_image && line.size() > 2 && (line[0] == '*' || line[0] == '_') && line.back() == line[0]) {
      flush();
      builder.add_paragraph(strip_inline(line), BlockKind::Caption); // the italic credit under a photo
      continue;
    }
    if (line[0] == '>') {
      std::string_view quoted = line;
      while (!quoted.empty() && (quoted[0] == '>' || quoted[0] == ' '))
        quoted.remove_prefix(1);
      if (quoted.empty()) {
        flush();
      } else {
        append_line(strip_inline(quoted), BlockKind::Quote);
      }
      continue;
    }
    if (const std::size_t marker = list_marker(line); marker > 0) {
      flush(); // each list item its own paragraph
      append_line(strip_inline(line.substr(marker)), BlockKind::Body);
      continue;
    }
    append_line(strip_inline(line), BlockKind::Body);
  }
  flush();
}

} // namespace stationmap::ingest
