#pragma once
// Internal to the pipeline: a small JSON reader for claims lines (claims_io.cpp). A claims file of 100,000
// documents is hundreds of megabytes of JSON; this reader keeps strings as views into the line (copying only the
// few with escapes) and objects as short member lists, several times faster than building a general JSON tree.
// Strict RFC 8259: a line that is not one well-formed JSON value (or holds malformed UTF-8, or nests deeper than
// max_json_depth) is refused with FormatError saying what is wrong and at which byte.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace stationmap::detail {

/// Arrays and objects nested deeper than this are refused (a claims record nests four deep).
inline constexpr int max_json_depth = 64;

class JsonValue {
public:
  enum class Kind : std::uint8_t { Null, Boolean, Number, String, Array, Object };

  [[nodiscard]] Kind kind() const { return m_kind; }
  [[nodiscard]] bool is_null() const { return m_kind == Kind::Null; }
  [[nodiscard]] bool is_object() const { return m_kind == Kind::Object; }

  /// The member @p key of an object. Throws FormatError when this is not an object or has no such member.
  [[nodiscard]] const JsonValue& at(std::string_view key) const;
  /// The member @p key of an object, or nullptr when it has none. Throws FormatError when this is not an object.
  [[nodiscard]] const JsonValue* find(std::string_view key) const;
  /// The elements of an array. Throws FormatError when this is not an array.
  [[nodiscard]] const std::vector<JsonValue>& items() const;
  /// Element @p index of an array. Throws FormatError when there is none.
  [[nodiscard]] const JsonValue& at(std::size_t index) const;

  /// A string's value (escapes resolved). Throws FormatError when this is not a string.
  [[nodiscard]] std::string_view string() const;
  [[nodiscard]] std::string text() const { return std::string(string()); }
  /// Throws FormatError when this is not true or false.
  [[nodiscard]] bool boolean() const;
  /// A number as @p T (an integer type or double). Throws FormatError when this is not a number or @p T cannot
  /// hold it exactly (a fraction for an integer, a value out of range).
  template <class T> [[nodiscard]] T number() const;

private:
  friend class JsonParser;
  Kind m_kind = Kind::Null;
  bool m_boolean = false;
  std::string_view m_text; ///< a string's value, or a number as written
  std::vector<JsonValue> m_items;
  std::vector<std::pair<std::string_view, JsonValue>> m_members;
};

/// One parsed JSON text. Its values point into the text (which must outlive the document) and into the
/// unescaped strings the document keeps.
class JsonDocument {
public:
  /// Throws FormatError saying what is wrong and where.
  explicit JsonDocument(std::string_view text);
  JsonDocument(const JsonDocument&) = delete;
  JsonDocument& operator=(const JsonDocument&) = delete;
  JsonDocument(JsonDocument&&) = delete;
  JsonDocument& operator=(JsonDocument&&) = delete;
  ~JsonDocument() = default;

  [[nodiscard]] const JsonValue& root() const { return m_root; }

private:
  std::deque<std::string> m_unescaped;
  JsonValue m_root;
};

extern template std::uint32_t JsonValue::number<std::uint32_t>() const;
extern template std::int64_t JsonValue::number<std::int64_t>() const;
extern template std::size_t JsonValue::number<std::size_t>() const;
extern template int JsonValue::number<int>() const;
extern template double JsonValue::number<double>() const;

} // namespace stationmap::detail
