#pragma once
/// @file
/// Files a deterministic step derives from fixed inputs (the web map's basemap tiles and glyphs from Natural Earth
/// and a font), kept in a folder stationmap owns (a build's cache folder) under a key: a digest of everything the
/// step reads (its inputs' bytes, the fingerprint of the code that derives them). A later run with the same key
/// copies the kept files instead of deriving them again, and gets the same bytes. A kept file is copied only when
/// its size and SHA-256 match those its listing recorded: a damaged or foreign entry is never used (warning,
/// derived again, kept anew).
///
/// Layout: DIR/NAME/listing ("stationmap kept files 1", the key, then "<sha256> <size> <path>" per file) and
/// DIR/NAME/files/<path>. One key per name is kept: the last one derived.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace stationmap {

class KeptFiles {
public:
  using Warn = std::function<void(const std::string&)>;

  /// The files kept as @p name in @p dir (a folder stationmap owns) for @p key.
  KeptFiles(std::filesystem::path dir, std::string name, std::string key, Warn warn = {});

  /// Writes the kept files into @p outdir (creating folders) when @p dir holds them intact for this key; false
  /// when they must be derived (none kept for this key, or damaged: then with a warning). Nothing is written
  /// into @p outdir unless every kept file checked out. Throws IoError when @p outdir cannot be written.
  bool restore(const std::filesystem::path& outdir) const;

  /// Keeps the files @p paths (relative to @p outdir), which the step just wrote there, in place of what was
  /// kept as this name before. A failure to keep costs a warning, never the build.
  void keep(const std::filesystem::path& outdir, const std::vector<std::filesystem::path>& paths) const;

private:
  [[nodiscard]] std::filesystem::path folder() const { return m_dir / m_name; }
  void warn(const std::string& message) const;

  std::filesystem::path m_dir;
  std::string m_name;
  std::string m_key;
  Warn m_warn;
};

} // namespace stationmap
