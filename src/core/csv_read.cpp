// Reading CSV (RFC 4180), one record at a time, with the line each record starts on.

#include "stationmap/core/csv_read.hpp"

#include "stationmap/core/csv.hpp"

namespace stationmap {

namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

/// Reads one record starting at @p pos; leaves @p pos after its line end and counts the lines it spans.
CsvRecord read_record(std::string_view text, std::size_t& pos, std::size_t& line) {
  CsvRecord record;
  record.line = line;
  std::string field;
  bool quoted = false;     // inside a quoted field
  bool was_quoted = false; // the current field was quoted (only a comma or line end may follow)
  while (pos < text.size()) {
    const char c = text[pos++];
    if (quoted) {
      if (c == '"' && pos < text.size() && text[pos] == '"') {
        field += '"';
        ++pos;
      } else if (c == '"') {
        quoted = false;
        was_quoted = true;
      } else {
        line += c == '\n' ? 1 : 0;
        field += c;
      }
      continue;
    }
    if (c == ',') {
      record.fields.emplace_back(csv_unguarded(field));
      field.clear();
      was_quoted = false;
    } else if (c == '\n' || (c == '\r' && pos < text.size() && text[pos] == '\n')) {
      pos += c == '\r' ? 1 : 0;
      ++line;
      break;
    } else if (c == '"' && field.empty() && !was_quoted) {
      quoted = true;
    } else if (c == '"' || was_quoted) {
      if (record.error.empty()) {
        record.error = c == '"' ? "a quote inside an unquoted field (double it and quote the field)"
                                : "text after a closing quote";
      }
      field += c;
    } else {
      field += c;
    }
  }
  if (quoted) {
    record.error = "a quoted field is never closed";
  }
  record.fields.emplace_back(csv_unguarded(field));
  return record;
}

bool blank(const CsvRecord& record) {
  return record.error.empty() && record.fields.size() == 1 &&
         record.fields.front().find_first_not_of(" \t\r") == std::string::npos;
}

} // namespace

std::vector<CsvRecord> read_csv(std::string_view text) {
  if (text.starts_with(utf8_bom)) {
    text.remove_prefix(utf8_bom.size());
  }
  std::vector<CsvRecord> records;
  std::size_t pos = 0;
  std::size_t line = 1;
  while (pos < text.size()) {
    CsvRecord record = read_record(text, pos, line);
    if (!blank(record)) {
      records.push_back(std::move(record));
    }
  }
  return records;
}

} // namespace stationmap
