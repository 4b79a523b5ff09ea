#include "stationmap/core/csv.hpp"

#include "stationmap/core/byte_scan.hpp"

namespace stationmap {

namespace {

/// First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection").
constexpr std::string_view formula_starts = "=+-@\t\r";

/// Whether a cell beginning with @p c would open as a formula (a loop the compiler unrolls: it runs for every
/// cell written, millions in mentions.csv, where a library search call per cell showed in profiles).
constexpr bool is_formula_start(char c) {
  bool found = false;
  for (const char f : formula_starts) {
    found = found || c == f;
  }
  return found;
}
/// Characters that make a field need RFC 4180 quotes.
constexpr std::string_view needs_quotes = ",\"\r\n";
/// How much of a streamed table is held before it goes to the file, bytes.
constexpr std::size_t csv_block_bytes = std::size_t{1} << 20U;

} // namespace

std::string csv_text_cell(std::string_view text) {
  std::string cell;
  if (!text.empty() && is_formula_start(text.front())) {
    cell += '\'';
  }
  cell += text;
  if (cell.find_first_of(needs_quotes) == std::string::npos) {
    return cell;
  }
  std::string quoted = "\"";
  for (const char c : cell) {
    if (c == '"') {
      quoted += '"';
    }
    quoted += c;
  }
  return quoted + '"';
}

std::string_view csv_unguarded(std::string_view cell) {
  if (cell.size() >= 2 && cell.front() == '\'' && is_formula_start(cell[1])) {
    cell.remove_prefix(1);
  }
  return cell;
}

CsvWriter::CsvWriter(const std::vector<std::string_view>& header) {
  for (const std::string_view name : header) {
    text(name);
  }
  end_row();
}

void CsvWriter::separate() {
  if (m_row_started) {
    m_out += ',';
  }
  m_row_started = true;
}

CsvWriter& CsvWriter::text(std::string_view cell) {
  separate();
  const bool plain = (cell.empty() || !is_formula_start(cell.front())) && !byte_scan::holds_any_of(cell, needs_quotes);
  if (plain) { // most cells: appended as they are, without a string of their own
    m_out += cell;
  } else {
    m_out += csv_text_cell(cell);
  }
  return *this;
}

CsvWriter& CsvWriter::number(std::string_view formatted) {
  separate();
  m_out += formatted;
  return *this;
}

CsvWriter& CsvWriter::number(std::int64_t value) {
  return number(std::to_string(value));
}

CsvWriter& CsvWriter::end_row() {
  m_out += '\n';
  m_row_started = false;
  return *this;
}

CsvFile::CsvFile(std::filesystem::path path, const std::vector<std::string_view>& header)
    : m_file(std::move(path)), m_csv(header) {}

CsvWriter& CsvFile::row() {
  if (m_csv.str().size() >= csv_block_bytes) {
    flush();
  }
  return m_csv;
}

void CsvFile::flush() {
  m_file.write(m_csv.str());
  m_csv.clear();
}

void CsvFile::commit() {
  flush();
  m_file.commit();
}

} // namespace stationmap
