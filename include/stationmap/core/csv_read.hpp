#pragma once
/// @file
/// Reading CSV (RFC 4180): comma-separated fields, double-quoted fields may hold commas, line breaks and
/// doubled quotes; lines end with LF or CRLF. Each record keeps the line it starts on, so that a report can
/// name it. A field's leading `'` before `=`, `+`, `-`, `@`, tab or CR (the formula guard of the CSV writer,
/// stationmap/core/csv.hpp, and of spreadsheets) is dropped.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace stationmap {

/// One record of a CSV text.
struct CsvRecord {
  std::size_t line = 0;            ///< line of the text the record starts on (1-based)
  std::vector<std::string> fields; ///< unquoted values
  std::string error;               ///< why the record is malformed (a stray or unclosed quote), else empty
};

/// Splits @p text into records. Blank lines are skipped; a UTF-8 byte-order mark at the start is ignored.
/// Malformed records are returned with CsvRecord::error set, never thrown, so that one bad line spoils nothing
/// else.
std::vector<CsvRecord> read_csv(std::string_view text);

} // namespace stationmap
