#pragma once
// Helpers the tests of every stage share: a scratch folder of their own (two worktrees run the same tests at the
// same time, so never a fixed /tmp name), reading and writing whole files, and running a command (the
// stationmap executable end to end) for its exit status.

#include <filesystem>
#include <string>
#include <string_view>

namespace stationmap::test_support {

/// A folder made by mkdtemp under the system's temporary folder (its name starts with @p prefix), removed with
/// everything in it when the object goes.
class ScratchDir {
public:
  explicit ScratchDir(std::string_view prefix = "stationmap-test");
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  ScratchDir(ScratchDir&&) = delete;
  ScratchDir& operator=(ScratchDir&&) = delete;

  [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
  std::filesystem::path m_path;
};

/// The whole file, as bytes; empty when it cannot be read.
[[nodiscard]] std::string read_text(const std::filesystem::path& path);

/// Writes @p bytes as the whole file (its folder must exist).
void write_text(const std::filesystem::path& path, std::string_view bytes);

/// @p path quoted for sh: 'like this', with any ' inside escaped.
[[nodiscard]] std::string quoted(const std::filesystem::path& path);

/// Runs @p command with sh; returns its exit status, or -1 when it did not exit (a signal).
int run_command(const std::string& command);

} // namespace stationmap::test_support
