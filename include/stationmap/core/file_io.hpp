#pragma once
/// @file
/// File helpers: whole-file reads with a size limit, and atomic writes (temporary file, then rename) so that
/// a failed run never leaves a half-written output behind.

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>

namespace stationmap {

/// Reads a whole file. Throws IoError naming the file when it cannot be read or exceeds @p max_bytes.
std::string read_file(const std::filesystem::path& path, std::uintmax_t max_bytes = UINTMAX_MAX);

/// Writes @p contents to @p path atomically: to `path.tmp-<pid>` first, then renamed over @p path.
void write_file_atomic(const std::filesystem::path& path, std::string_view contents);

/// A file written piece by piece that appears at its path whole or not at all: the bytes go to
/// `path.tmp-<pid>`, which commit() renames over the path; destroyed without commit(), the temporary is removed.
class AtomicFile {
public:
  /// Throws IoError when the temporary file cannot be created.
  explicit AtomicFile(std::filesystem::path path);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  AtomicFile(AtomicFile&&) = delete;
  AtomicFile& operator=(AtomicFile&&) = delete;

  /// Appends @p bytes. Throws IoError when the write fails.
  void write(std::string_view bytes);
  /// Writes what was appended so far into the temporary file (readable at temporary()). Throws IoError.
  void flush();
  [[nodiscard]] const std::filesystem::path& temporary() const { return m_tmp; }
  /// Flushes and renames the temporary over the path. Throws IoError.
  void commit();

private:
  std::filesystem::path m_path;
  std::filesystem::path m_tmp;
  std::FILE* m_file = nullptr;
};

/// A file read piece by piece at given offsets (pread): the process holds only the pieces asked for, never the
/// file (as a memory map would once its pages are touched). Reads are thread-safe. Move-only.
class PositionalFile {
public:
  /// Opens @p path read-only. Throws IoError naming the file.
  explicit PositionalFile(const std::filesystem::path& path);
  ~PositionalFile();
  PositionalFile(PositionalFile&& other) noexcept;
  PositionalFile& operator=(PositionalFile&& other) noexcept;
  PositionalFile(const PositionalFile&) = delete;
  PositionalFile& operator=(const PositionalFile&) = delete;

  [[nodiscard]] std::uint64_t size() const noexcept { return m_size; }
  /// The open descriptor (for mmap), valid while this object lives.
  [[nodiscard]] int descriptor() const noexcept { return m_fd; }
  /// Up to @p size bytes from @p offset: fewer when the file ends first. Throws IoError when the read fails.
  [[nodiscard]] std::string read(std::uint64_t offset, std::size_t size) const;
  /// The same into @p out, whose memory is reused (a reader that goes through a file window by window).
  void read_into(std::uint64_t offset, std::size_t size, std::string& out) const;

private:
  std::filesystem::path m_path;
  int m_fd = -1;
  std::uint64_t m_size = 0;
};

/// Reads a file that may be gzip-compressed (detected by its magic bytes), expanding to at most @p max_bytes
/// (a full GeoNames dump is 1.6 GB). Throws IoError.
std::string read_maybe_gzip(const std::filesystem::path& path, std::size_t max_bytes = 4ULL * 1024 * 1024 * 1024);

} // namespace stationmap
