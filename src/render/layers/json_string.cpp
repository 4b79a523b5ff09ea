#include "layers/json_string.hpp"

#include "stationmap/core/byte_scan.hpp"

namespace stationmap::render::detail {

namespace {

/// Bytes a JSON string escapes besides the control characters (below 0x20).
constexpr std::string_view escaped_bytes = "\"\\";
constexpr unsigned char first_printable = 0x20;

/// The escape of @p c: a quote, a backslash or a control character.
void append_escape(std::string& out, char c) {
  static constexpr char hex[] = "0123456789abcdef";
  switch (c) {
  case '"':
    out += "\\\"";
    return;
  case '\\':
    out += "\\\\";
    return;
  case '\b':
    out += "\\b";
    return;
  case '\f':
    out += "\\f";
    return;
  case '\n':
    out += "\\n";
    return;
  case '\r':
    out += "\\r";
    return;
  case '\t':
    out += "\\t";
    return;
  default:
    out += "\\u00";
    out += hex[static_cast<unsigned char>(c) >> 4U];
    out += hex[static_cast<unsigned char>(c) & 0xFU];
  }
}

} // namespace

void append_json_escaped(std::string& out, std::string_view text) {
  while (!text.empty()) {
    const std::size_t stop = byte_scan::first_of_or_below(text, escaped_bytes, first_printable);
    out.append(text.substr(0, stop));
    if (stop == text.size()) {
      return;
    }
    append_escape(out, text[stop]);
    text.remove_prefix(stop + 1);
  }
}

bool append_plain_json_quoted(std::string& out, std::string_view text) {
  if (byte_scan::holds_any_of_below_or_non_ascii(text, escaped_bytes, first_printable)) {
    return false;
  }
  out += '"';
  out += text;
  out += '"';
  return true;
}

void append_json_quoted(std::string& out, std::string_view text) {
  out += '"';
  append_json_escaped(out, text);
  out += '"';
}

} // namespace stationmap::render::detail
