// Range headers, request targets, ETags and log escaping (see http_text.hpp).

#include "stationmap/serve/http_text.hpp"

#include <charconv>
#include <cstdio>

namespace stationmap::serve {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) {
    s.remove_prefix(1);
  }
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) {
    s.remove_suffix(1);
  }
  return s;
}

/// A non-empty run of decimal digits that fits in 64 bits.
std::optional<std::uint64_t> parse_decimal(std::string_view s) {
  std::uint64_t value = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) {
    return std::nullopt;
  }
  return value;
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') {
    return c - '0';
  }
  if (c >= 'a' && c <= 'f') {
    return c - 'a' + 10;
  }
  if (c >= 'A' && c <= 'F') {
    return c - 'A' + 10;
  }
  return -1;
}

} // namespace

RangeRequest parse_range(std::string_view header, std::uint64_t size) {
  using Kind = RangeRequest::Kind;
  constexpr std::string_view unit = "bytes=";
  header = trim(header);
  if (header.substr(0, unit.size()) != unit) {
    return {};
  }
  const std::string_view spec = trim(header.substr(unit.size()));
  if (spec.find(',') != std::string_view::npos) {
    return {Kind::unsatisfiable, {}};
  }
  const auto dash = spec.find('-');
  if (dash == std::string_view::npos) {
    return {};
  }
  const std::string_view first_text = trim(spec.substr(0, dash));
  const std::string_view last_text = trim(spec.substr(dash + 1));
  if (first_text.empty()) { // suffix: the last N bytes
    const auto suffix = parse_decimal(last_text);
    if (!suffix) {
      return {};
    }
    if (*suffix == 0 || size == 0) {
      return {Kind::unsatisfiable, {}};
    }
    return {Kind::one_range, {size - std::min(*suffix, size), size - 1}};
  }
  const auto first = parse_decimal(first_text);
  const auto last = last_text.empty() ? std::optional<std::uint64_t>(UINT64_MAX) : parse_decimal(last_text);
  if (!first || !last || *last < *first) {
    return {};
  }
  if (*first >= size) {
    return {Kind::unsatisfiable, {}};
  }
  return {Kind::one_range, {*first, std::min(*last, size - 1)}};
}

std::optional<std::string> decode_target_path(std::string_view target) {
  target = target.substr(0, target.find('?'));
  if (target.empty() || target.front() != '/') {
    return std::nullopt;
  }
  std::string path;
  path.reserve(target.size());
  for (std::size_t i = 0; i < target.size(); ++i) {
    if (target[i] != '%') {
      path += target[i];
      continue;
    }
    if (i + 2 >= target.size()) {
      return std::nullopt;
    }
    const int high = hex_digit(target[i + 1]);
    const int low = hex_digit(target[i + 2]);
    if (high < 0 || low < 0) {
      return std::nullopt;
    }
    path += static_cast<char>(high * 16 + low);
    i += 2;
  }
  return path;
}

std::string content_etag(std::string_view bytes) {
  std::uint64_t h = 1469598103934665603ULL; // FNV-1a 64: offset basis and prime
  for (const char c : bytes) {
    h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  }
  char buf[24];
  std::snprintf(buf, sizeof buf, "\"%016llx\"", static_cast<unsigned long long>(h));
  return buf;
}

bool etag_listed(std::string_view if_none_match, std::string_view etag) {
  while (!if_none_match.empty()) {
    const auto comma = if_none_match.find(',');
    std::string_view tag = trim(if_none_match.substr(0, comma));
    if_none_match = comma == std::string_view::npos ? std::string_view{} : if_none_match.substr(comma + 1);
    if (tag.substr(0, 2) == "W/") {
      tag.remove_prefix(2);
    }
    if (tag == etag || tag == "*") {
      return true;
    }
  }
  return false;
}

std::string escape_for_log(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte > 0x7e || c == '"' || c == '\\') {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", byte);
      out += buf;
    } else {
      out += c;
    }
  }
  return out;
}

} // namespace stationmap::serve
