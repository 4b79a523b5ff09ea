#pragma once
// Internal to the pipeline: one document record (pipeline/claims_io.hpp) as compact bytes, the form the claims
// cache keeps (claims_cache.hpp). Reading it back costs a fraction of parsing the JSON line: the cache is read
// whole on every rebuild. Layout, all integers little-endian:
//
//   u32 string count, then each string as u32 length + bytes   (every string of the record, each once)
//   u32 place count, then each place                           (every place of the record, each once)
//   the record: strings and places as u32 positions in those tables, numbers as they are, lists as u32 count
//
// The field order is written once (the fields() templates in claims_binary.cpp) for writing and reading.

#include "stationmap/core/error.hpp"
#include "stationmap/extract/shared_values.hpp"
#include "stationmap/pipeline/claims_io.hpp"

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

namespace stationmap::detail {

/// A number or enumeration, stored as its bytes.
template <class T>
concept Plain = std::is_arithmetic_v<T> || std::is_enum_v<T>;

/// The value whose bytes (sizeof(T) of them) @p bytes starts with.
template <Plain T> T plain_of(std::string_view bytes) {
  T value;
  std::memcpy(&value, bytes.data(), sizeof(T));
  return value;
}

/// Appends the bytes of @p value to @p out.
template <Plain T> void append_plain(std::string& out, T value) {
  char bytes[sizeof(T)];
  std::memcpy(bytes, &value, sizeof(T));
  out.append(bytes, sizeof(T));
}

/// Appends @p s as u32 length and bytes.
inline void append_string(std::string& out, std::string_view s) {
  append_plain(out, static_cast<std::uint32_t>(s.size()));
  out += s;
}

/// Reads bytes front to back; throws FormatError when fewer are left than asked for.
class ByteCursor {
public:
  explicit ByteCursor(std::string_view bytes) : m_rest(bytes) {}

  std::string_view take(std::size_t size) {
    if (size > m_rest.size()) [[unlikely]] {
      cut_short(size);
    }
    const std::string_view out(m_rest.data(), size);
    m_rest.remove_prefix(size);
    return out;
  }
  template <Plain T> T take_plain() { return plain_of<T>(take(sizeof(T))); }
  /// A string written as u32 length and bytes.
  std::string_view take_string() { return take(take_plain<std::uint32_t>()); }

  [[nodiscard]] std::size_t left() const { return m_rest.size(); }
  /// The bytes not taken yet.
  [[nodiscard]] std::string_view rest() const { return m_rest; }

private:
  /// Throws FormatError: @p size bytes wanted, fewer left. Apart from take(), which stays small enough to inline.
  [[noreturn]] void cut_short(std::size_t size) const;

  std::string_view m_rest;
};

/// The record as bytes. Deterministic: the same record gives the same bytes.
std::string encode_record(const DocumentRecord& record);

/// Reads bytes encode_record() wrote. Throws FormatError when they are cut short, point outside their tables or
/// hold a value no record has (an unknown status, role or reason).
DocumentRecord decode_record(std::string_view bytes);
/// Reads bytes encode_record() wrote as decode_record() does, its places, document fields and sentences being
/// those of @p values (made there when new).
DocumentRecord decode_record(std::string_view bytes, SharedValues& values);

} // namespace stationmap::detail
