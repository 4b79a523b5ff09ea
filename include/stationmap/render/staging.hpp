#pragma once
/// @file
/// OutputStaging: the whole OUTDIR is written into a temporary folder beside it and swapped in at the end, so a
/// failed or killed run leaves the previous map intact. Every stage that writes into OUTDIR (layers, tiles, web
/// map) writes into dir(); the build calls commit() once everything succeeded. The OUTDIR rules of
/// stationmap/core/outdir.hpp are checked before anything is created and again just before the swap.

#include <filesystem>
#include <vector>

namespace stationmap::render {

class OutputStaging {
public:
  /// Checks @p outdir against the OUTDIR rules (throws OutdirRefused, nothing touched), then creates an empty
  /// staging folder `.<name>.staging-<pid>` beside it (its parent is created when missing) holding the
  /// OUTDIR marker. Throws IoError.
  explicit OutputStaging(std::filesystem::path outdir, const std::vector<std::filesystem::path>& inputs = {});
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

  /// Puts the staging folder in place of OUTDIR in one atomic exchange (the previous map stays whole until
  /// the new one is in place), then deletes the previous map. Throws OutdirRefused when OUTDIR has meanwhile
  /// become a folder stationmap may not replace, IoError when the swap fails (OUTDIR is then unchanged).
  void commit();

private:
  std::filesystem::path m_outdir;
  std::filesystem::path m_staging;
  bool m_committed = false;
};

} // namespace stationmap::render
