#pragma once
// Files of OUTDIR mapped once and kept with their ETags; mapped again only when a file changes (size or mtime).

#include "stationmap/core/mapped_file.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>

namespace stationmap::serve {

struct ServedFile {
  MappedFile bytes;
  std::string etag;
  std::filesystem::file_time_type mtime;
  std::uintmax_t size = 0;
};

class FileCache {
public:
  /// The mapped file at the canonical path @p file, or nullptr when it cannot be read. Thread-safe.
  [[nodiscard]] std::shared_ptr<const ServedFile> get(const std::filesystem::path& file);

private:
  std::mutex m_mutex;
  std::map<std::filesystem::path, std::shared_ptr<const ServedFile>> m_files;
};

} // namespace stationmap::serve
