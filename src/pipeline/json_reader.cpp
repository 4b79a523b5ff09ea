// A small JSON reader for claims lines (json_reader.hpp).

#include "json_reader.hpp"

#include "stationmap/core/error.hpp"
#include "stationmap/core/utf8.hpp"

#include <charconv>

namespace stationmap::detail {

namespace {

[[noreturn]] void wrong_kind(const char* wanted) {
  throw FormatError(std::string("expected ") + wanted);
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

} // namespace

class JsonParser {
public:
  JsonParser(std::string_view text, std::deque<std::string>& unescaped) : m_text(text), m_unescaped(unescaped) {}

  void parse(JsonValue& root) {
    value(root, 0);
    skip_space();
    if (m_pos != m_text.size()) {
      fail("text after the JSON value");
    }
  }

private:
  [[noreturn]] void fail(const std::string& what) const {
    throw FormatError("not JSON: " + what + " at byte " + std::to_string(m_pos + 1));
  }

  void skip_space() {
    while (m_pos < m_text.size() &&
           (m_text[m_pos] == ' ' || m_text[m_pos] == '\t' || m_text[m_pos] == '\n' || m_text[m_pos] == '\r')) {
      ++m_pos;
    }
  }

  /// The next character after white space (0 at the end).
  char peek() {
    skip_space();
    return m_pos < m_text.size() ? m_text[m_pos] : '\0';
  }

  void expect(char c) {
    if (peek() != c) {
      fail(std::string("expected '") + c + "'");
    }
    ++m_pos;
  }

  void value(JsonValue& out, int depth) {
    switch (peek()) {
    case '{':
      object(out, depth + 1);
      return;
    case '[':
      array(out, depth + 1);
      return;
    case '"':
      out.m_kind = JsonValue::Kind::String;
      out.m_text = string();
      return;
    case 't':
      literal("true", out, JsonValue::Kind::Boolean, true);
      return;
    case 'f':
      literal("false", out, JsonValue::Kind::Boolean, false);
      return;
    case 'n':
      literal("null", out, JsonValue::Kind::Null, false);
      return;
    default:
      number(out);
    }
  }

  void literal(std::string_view word, JsonValue& out, JsonValue::Kind kind, bool boolean) {
    if (m_text.substr(m_pos, word.size()) != word) {
      fail("unexpected character");
    }
    m_pos += word.size();
    out.m_kind = kind;
    out.m_boolean = boolean;
  }

  void check_depth(int depth) const {
    if (depth > max_json_depth) {
      fail("nested deeper than " + std::to_string(max_json_depth));
    }
  }

  void object(JsonValue& out, int depth) {
    check_depth(depth);
    out.m_kind = JsonValue::Kind::Object;
    ++m_pos; // {
    if (peek() == '}') {
      ++m_pos;
      return;
    }
    do {
      if (peek() != '"') {
        fail("expected a member name");
      }
      const std::string_view key = string();
      expect(':');
      value(out.m_members.emplace_back(key, JsonValue{}).second, depth);
    } while (more('}'));
  }

  void array(JsonValue& out, int depth) {
    check_depth(depth);
    out.m_kind = JsonValue::Kind::Array;
    ++m_pos; // [
    if (peek() == ']') {
      ++m_pos;
      return;
    }
    do {
      value(out.m_items.emplace_back(), depth);
    } while (more(']'));
  }

  /// After an element: true at a comma (another follows), false at @p close.
  bool more(char close) {
    const char c = peek();
    if (c != ',' && c != close) {
      fail(std::string("expected ',' or '") + close + "'");
    }
    ++m_pos;
    return c == ',';
  }

  /// -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?, kept as written.
  void number(JsonValue& out) {
    const std::size_t start = m_pos;
    accept('-');
    if (!accept('0')) {
      digits();
    }
    if (accept('.')) {
      digits();
    }
    if (accept('e') || accept('E')) {
      if (!accept('+')) {
        accept('-');
      }
      digits();
    }
    out.m_kind = JsonValue::Kind::Number;
    out.m_text = m_text.substr(start, m_pos - start);
  }

  bool accept(char c) {
    if (m_pos < m_text.size() && m_text[m_pos] == c) {
      ++m_pos;
      return true;
    }
    return false;
  }

  void digits() {
    const std::size_t start = m_pos;
    while (m_pos < m_text.size() && is_digit(m_text[m_pos])) {
      ++m_pos;
    }
    if (m_pos == start) {
      fail("expected a value");
    }
  }

  /// A string at m_pos (its opening quote): a view into the text, or into an unescaped copy.
  std::string_view string() {
    ++m_pos; // "
    const std::size_t start = m_pos;
    std::string* copy = nullptr;
    std::size_t plain_from = start; // the run of characters since the last escape
    while (true) {
      if (m_pos >= m_text.size()) {
        fail("a string without its closing quote");
      }
      const char c = m_text[m_pos];
      if (c == '"') {
        break;
      }
      if (static_cast<unsigned char>(c) < 0x20) {
        fail("a control character in a string");
      }
      if (c != '\\') {
        ++m_pos;
        continue;
      }
      if (copy == nullptr) {
        copy = &m_unescaped.emplace_back();
      }
      copy->append(m_text.substr(plain_from, m_pos - plain_from));
      escape(*copy);
      plain_from = m_pos;
    }
    const std::string_view raw = m_text.substr(start, m_pos - start);
    ++m_pos; // "
    if (copy != nullptr) {
      copy->append(m_text.substr(plain_from, m_pos - 1 - plain_from));
    }
    const std::string_view out = copy != nullptr ? std::string_view(*copy) : raw;
    if (!utf8::is_valid(out)) {
      fail("malformed UTF-8 in a string");
    }
    return out;
  }

  /// The escape at m_pos (its backslash), appended to @p out.
  void escape(std::string& out) {
    ++m_pos; // backslash
    if (m_pos >= m_text.size()) {
      fail("a string without its closing quote");
    }
    const char c = m_text[m_pos++];
    switch (c) {
    case '"':
    case '\\':
    case '/':
      out += c;
      return;
    case 'b':
      out += '\b';
      return;
    case 'f':
      out += '\f';
      return;
    case 'n':
      out += '\n';
      return;
    case 'r':
      out += '\r';
      return;
    case 't':
      out += '\t';
      return;
    case 'u':
      utf8::append(out, code_point());
      return;
    default:
      fail("an unknown escape");
    }
  }

  /// The code point of a \u escape (m_pos after the u), a surrogate pair taken whole.
  char32_t code_point() {
    const char32_t first = hex4();
    if (first >= 0xDC00 && first <= 0xDFFF) {
      fail("a lone low surrogate");
    }
    if (first < 0xD800 || first > 0xDBFF) {
      return first;
    }
    if (m_text.substr(m_pos, 2) != "\\u") {
      fail("a high surrogate without its low surrogate");
    }
    m_pos += 2;
    const char32_t second = hex4();
    if (second < 0xDC00 || second > 0xDFFF) {
      fail("a high surrogate without its low surrogate");
    }
    return 0x10000 + ((first - 0xD800) << 10U) + (second - 0xDC00);
  }

  char32_t hex4() {
    const std::string_view digits = m_text.substr(m_pos, 4);
    std::uint32_t value = 0;
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value, 16);
    if (digits.size() != 4 || ec != std::errc() || end != digits.data() + digits.size()) {
      fail("a \\u escape without four hex digits");
    }
    m_pos += 4;
    return value;
  }

  std::string_view m_text;
  std::size_t m_pos = 0;
  std::deque<std::string>& m_unescaped;
};

const JsonValue& JsonValue::at(std::string_view key) const {
  if (const JsonValue* v = find(key)) {
    return *v;
  }
  throw FormatError("no member '" + std::string(key) + "'");
}

const JsonValue* JsonValue::find(std::string_view key) const {
  if (m_kind != Kind::Object) {
    wrong_kind("an object");
  }
  for (const auto& [name, value] : m_members) {
    if (name == key) {
      return &value;
    }
  }
  return nullptr;
}

const std::vector<JsonValue>& JsonValue::items() const {
  if (m_kind != Kind::Array) {
    wrong_kind("an array");
  }
  return m_items;
}

const JsonValue& JsonValue::at(std::size_t index) const {
  const std::vector<JsonValue>& all = items();
  if (index >= all.size()) {
    throw FormatError("element " + std::to_string(index) + " of an array of " + std::to_string(all.size()));
  }
  return all[index];
}

std::string_view JsonValue::string() const {
  if (m_kind != Kind::String) {
    wrong_kind("a string");
  }
  return m_text;
}

bool JsonValue::boolean() const {
  if (m_kind != Kind::Boolean) {
    wrong_kind("true or false");
  }
  return m_boolean;
}

template <class T> T JsonValue::number() const {
  if (m_kind != Kind::Number) {
    wrong_kind("a number");
  }
  T value{};
  const char* end = m_text.data() + m_text.size();
  const auto [stop, ec] = std::from_chars(m_text.data(), end, value);
  if (ec != std::errc() || stop != end) {
    throw FormatError("the number " + std::string(m_text) + " is out of range here");
  }
  return value;
}

template std::uint32_t JsonValue::number<std::uint32_t>() const;
template std::int64_t JsonValue::number<std::int64_t>() const;
template std::size_t JsonValue::number<std::size_t>() const;
template int JsonValue::number<int>() const;
template double JsonValue::number<double>() const;

JsonDocument::JsonDocument(std::string_view text) {
  JsonParser(text, m_unescaped).parse(m_root);
}

} // namespace stationmap::detail
