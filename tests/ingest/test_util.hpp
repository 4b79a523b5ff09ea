#pragma once
// Helpers shared by the ingest tests.

#include "stationmap/core/file_io.hpp"
#include "stationmap/ingest/document.hpp"

#include <filesystem>
#include <random>
#include <string>
#include <vector>

namespace stationmap::ingest::test {

inline std::filesystem::path data_path(const std::string& name) {
  return std::filesystem::path(STATIONMAP_TEST_DATA) / name;
}

inline std::string fixture(const std::string& name) {
  return stationmap::read_file(data_path(name));
}

/// A fresh temporary folder, removed with its contents at the end of the test.
class TempDir {
public:
  TempDir() {
    std::random_device rd;
    m_path =
        std::filesystem::temp_directory_path() / ("stationmap-ingest-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(m_path);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::permissions(m_path, std::filesystem::perms::owner_all, ec);
    std::filesystem::remove_all(m_path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path write(const std::string& relative, const std::string& contents) const {
    const auto p = m_path / relative;
    std::filesystem::create_directories(p.parent_path());
    stationmap::write_file_atomic(p, contents);
    return p;
  }

private:
  std::filesystem::path m_path;
};

/// The text of a [start, end) code point range of a document's text.
inline std::string slice(const Document& doc, std::uint32_t start, std::uint32_t end) {
  std::string out;
  std::uint32_t cp = 0;
  for (std::size_t i = 0; i < doc.text.size(); ++i) {
    const bool lead = (static_cast<unsigned char>(doc.text[i]) & 0xC0U) != 0x80U;
    if (lead && i > 0)
      ++cp;
    if (cp >= start && cp < end)
      out += doc.text[i];
  }
  return out;
}

/// The texts of a document's blocks of one kind.
inline std::vector<std::string> blocks_of(const Document& doc, BlockKind kind) {
  std::vector<std::string> out;
  for (const auto& b : doc.blocks) {
    if (b.kind == kind)
      out.push_back(slice(doc, b.start, b.end));
  }
  return out;
}

} // namespace stationmap::ingest::test
