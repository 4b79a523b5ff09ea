#pragma once
/// @file
/// A read-only memory-mapped file (POSIX mmap), or an owned in-memory buffer with the same interface.

#include <filesystem>
#include <string>
#include <string_view>

namespace stationmap {

/// Read-only bytes, either mapped from a file or owned. Move-only.
class MappedFile {
public:
  MappedFile() = default;
  /// Maps @p path read-only. Throws IoError naming the file.
  explicit MappedFile(const std::filesystem::path& path);
  /// Takes ownership of bytes built in memory.
  static MappedFile from_buffer(std::string buffer);
  ~MappedFile();
  MappedFile(MappedFile&& other) noexcept;
  MappedFile& operator=(MappedFile&& other) noexcept;
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  [[nodiscard]] std::string_view bytes() const noexcept { return {m_data, m_size}; }

  /// A mapped file's pages leave the process's memory (they stay in the system's file cache): bytes() reads them
  /// again from there when needed. For a stage that is done with a large file for a while. Nothing for owned bytes.
  void let_go_of_pages() const noexcept;

private:
  void release() noexcept;
  const char* m_data = nullptr;
  std::size_t m_size = 0;
  bool m_mapped = false;
  std::string m_owned;
};

} // namespace stationmap
