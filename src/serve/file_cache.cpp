// Files mapped once (see file_cache.hpp).

#include "file_cache.hpp"

#include "stationmap/core/error.hpp"
#include "stationmap/serve/http_text.hpp"

#include <chrono>

namespace stationmap::serve {
namespace {

namespace fs = std::filesystem;

/// Files up to this size get an ETag hashed from their bytes (identical rebuilds keep their tags); larger
/// ones (a big tile archive) one from size and modification time, so that no request reads a whole archive.
constexpr std::uintmax_t max_hashed_file = 64U << 20U;

std::string stat_etag(std::uintmax_t size, fs::file_time_type mtime) {
  const auto ns = std::chrono::duration_cast<std::chrono::nanoseconds>(mtime.time_since_epoch()).count();
  return "\"s" + std::to_string(size) + "-" + std::to_string(ns) + "\"";
}

} // namespace

std::shared_ptr<const ServedFile> FileCache::get(const fs::path& file) {
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  if (ec) {
    return nullptr;
  }
  const auto mtime = fs::last_write_time(file, ec);
  if (ec) {
    return nullptr;
  }
  {
    std::lock_guard lock(m_mutex);
    const auto it = m_files.find(file);
    if (it != m_files.end() && it->second->size == size && it->second->mtime == mtime) {
      return it->second;
    }
  }
  auto served = std::make_shared<ServedFile>();
  try {
    served->bytes = MappedFile(file);
  } catch (const IoError&) {
    return nullptr;
  }
  served->size = served->bytes.bytes().size();
  served->mtime = mtime;
  served->etag = served->size <= max_hashed_file ? content_etag(served->bytes.bytes()) : stat_etag(size, mtime);
  std::lock_guard lock(m_mutex);
  m_files[file] = served;
  return served;
}

} // namespace stationmap::serve
