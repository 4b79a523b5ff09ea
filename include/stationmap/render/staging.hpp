#pragma once
/// @file
/// OutputStaging: the whole OUTDIR is written into a temporary folder beside it and swapped in at the end, so a
/// failed run leaves the previous map intact. Every stage that writes into OUTDIR (layers, tiles, web map)
/// writes into dir(); the build command calls commit() once everything succeeded.

#include <filesystem>

namespace stationmap::render {

class OutputStaging {
public:
  /// Creates an empty staging folder `.<name>.staging-<pid>` beside @p outdir (its parent must exist or is
  /// created). Throws IoError.
  explicit OutputStaging(std::filesystem::path outdir);
  OutputStaging(const OutputStaging&) = delete;
  OutputStaging& operator=(const OutputStaging&) = delete;
  OutputStaging(OutputStaging&&) = delete;
  OutputStaging& operator=(OutputStaging&&) = delete;
  /// Removes the staging folder unless commit() succeeded: an abandoned run leaves OUTDIR untouched.
  ~OutputStaging();

  /// The folder to write into.
  [[nodiscard]] const std::filesystem::path& dir() const noexcept { return m_staging; }
  /// The final OUTDIR.
  [[nodiscard]] const std::filesystem::path& outdir() const noexcept { return m_outdir; }

  /// Moves the previous OUTDIR away (if any), renames the staging folder to OUTDIR, then deletes the previous
  /// one. If the second rename fails the previous OUTDIR is put back. Throws IoError.
  void commit();

private:
  std::filesystem::path m_outdir;
  std::filesystem::path m_staging;
  bool m_committed = false;
};

} // namespace stationmap::render
