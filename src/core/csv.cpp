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

/// Appends @p text with every double quote doubled (RFC 4180), copied whole between the quotes.
void append_quotes_doubled(std::string& out, std::string_view text) {
  for (std::size_t quote = text.find('"'); quote != std::string_view::npos; quote = text.find('"')) {
    out.append(text.substr(0, quote + 1));
    out += '"';
    text.remove_prefix(quote + 1);
  }
  out.append(text);
}

/// Appends @p text as one cell: formula-guarded, quoted when it needs to be, without a string of its own.
void append_text_cell(std::string& out, std::string_view text) {
  const bool guarded = !text.empty() && is_formula_start(text.front());
  const bool quoted = byte_scan::holds_any_of(text, needs_quotes); // the guard itself needs no quotes
  if (!quoted) {
    out.append(guarded ? "'" : "");
    out.append(text);
    return;
  }
  out.append(guarded ? "\"'" : "\"");
  append_quotes_doubled(out, text);
  out += '"';
}

} // namespace

std::string csv_text_cell(std::string_view text) {
  std::string cell;
  append_text_cell(cell, text);
  return cell;
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
  append_text_cell(m_out, cell);
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
