#pragma once
/// @file
/// The one CSV writer: every CSV stationmap writes (mentions.csv, problems.csv, counts.csv...) goes through it.
/// Fields are quoted per RFC 4180 when they hold a comma, a double quote, CR or LF (quotes doubled); rows end
/// with LF. Text from documents is untrusted: a text cell beginning with `=`, `+`, `-`, `@`, tab or CR would
/// open as a formula in a spreadsheet, so it is written with a leading `'` (the OWASP rule for CSV
/// injection). Numbers stationmap formats itself are written as they are.

#include "stationmap/core/file_io.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace stationmap {

/// One text cell, formula-guarded and quoted as needed.
std::string csv_text_cell(std::string_view text);

/// The inverse of the formula guard, for reading back a CSV cell (unquoted): @p cell without the leading `'`
/// that csv_text_cell() put before `=`, `+`, `-`, `@`, tab or CR. Other cells come back unchanged.
std::string_view csv_unguarded(std::string_view cell);

/// Builds a CSV table row by row.
class CsvWriter {
public:
  /// Starts the table with its header row.
  explicit CsvWriter(const std::vector<std::string_view>& header);

  /// A cell of text (from a document, a file name, a message): guarded and quoted.
  CsvWriter& text(std::string_view cell);
  /// A number stationmap formatted itself (never document text), written as it is.
  CsvWriter& number(std::string_view formatted);
  CsvWriter& number(std::int64_t value);
  /// Ends the current row.
  CsvWriter& end_row();

  /// The table written so far (since the last clear()).
  [[nodiscard]] const std::string& str() const noexcept { return m_out; }
  /// Forgets the text written so far (handed on elsewhere), keeping its room.
  void clear() noexcept { m_out.clear(); }

private:
  void separate();

  std::string m_out;
  bool m_row_started = false;
};

/// A CSV table streamed into a file: rows go to an AtomicFile in blocks, so a table of any size never sits
/// whole in memory, and the file appears whole (commit()) or not at all.
class CsvFile {
public:
  /// Throws IoError when the file cannot be created.
  CsvFile(std::filesystem::path path, const std::vector<std::string_view>& header);

  /// The writer to add the next row with (end it with end_row()).
  CsvWriter& row();
  /// Writes what is left and puts the file in place. Throws IoError.
  void commit();

private:
  void flush();

  AtomicFile m_file;
  CsvWriter m_csv;
};

} // namespace stationmap
