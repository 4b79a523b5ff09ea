#include "stationmap/core/file_io.hpp"

#include "stationmap/core/error.hpp"
#include "stationmap/core/gzip.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <fstream>
#include <memory>
#include <sys/stat.h>
#include <unistd.h>
#include <utility>

namespace stationmap {

namespace fs = std::filesystem;

std::string read_file(const fs::path& path, std::uintmax_t max_bytes) {
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    throw IoError(path.string(), "is a folder, not a file");
  }
  const auto size = fs::file_size(path, ec);
  if (ec) {
    throw IoError(path.string(), "cannot read: " + ec.message());
  }
  if (size > max_bytes) {
    throw IoError(path.string(), "file is " + std::to_string(size) + " bytes, over the limit of " +
                                     std::to_string(max_bytes) + " bytes");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw IoError(path.string(), std::string("cannot open: ") + std::strerror(errno));
  }
  std::string data(static_cast<std::size_t>(size), '\0');
  in.read(data.data(), static_cast<std::streamsize>(size));
  if (in.gcount() != static_cast<std::streamsize>(size)) {
    throw IoError(path.string(), "short read");
  }
  return data;
}

void write_file_atomic(const fs::path& path, std::string_view contents) {
  const fs::path tmp = path.string() + ".tmp-" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) {
      throw IoError(tmp.string(), std::string("cannot create: ") + std::strerror(errno));
    }
    out.write(contents.data(), static_cast<std::streamsize>(contents.size()));
    out.flush();
    if (!out) {
      std::error_code ignored;
      fs::remove(tmp, ignored);
      throw IoError(tmp.string(), "write failed (disk full?)");
    }
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(tmp, ignored);
    throw IoError(path.string(), "cannot replace: " + ec.message());
  }
}

PositionalFile::PositionalFile(const fs::path& path) : m_path(path), m_fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
  if (m_fd < 0) {
    throw IoError(path.string(), std::string("cannot open: ") + std::strerror(errno));
  }
  struct stat st {};
  if (::fstat(m_fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(m_fd);
    throw IoError(path.string(), "not a regular file");
  }
  m_size = static_cast<std::uint64_t>(st.st_size);
}

PositionalFile::~PositionalFile() {
  if (m_fd >= 0) {
    ::close(m_fd);
  }
}

PositionalFile::PositionalFile(PositionalFile&& other) noexcept
    : m_path(std::move(other.m_path)), m_fd(std::exchange(other.m_fd, -1)), m_size(std::exchange(other.m_size, 0)) {}

PositionalFile& PositionalFile::operator=(PositionalFile&& other) noexcept {
  if (this != &other) {
    if (m_fd >= 0) {
      ::close(m_fd);
    }
    m_path = std::move(other.m_path);
    m_fd = std::exchange(other.m_fd, -1);
    m_size = std::exchange(other.m_size, 0);
  }
  return *this;
}

std::string PositionalFile::read(std::uint64_t offset, std::size_t size) const {
  std::string out;
  read_into(offset, size, out);
  return out;
}

void PositionalFile::read_into(std::uint64_t offset, std::size_t size, std::string& out) const {
  out.resize(offset >= m_size ? 0 : static_cast<std::size_t>(std::min<std::uint64_t>(size, m_size - offset)));
  std::size_t done = 0;
  while (done < out.size()) {
    const ssize_t n = ::pread(m_fd, out.data() + done, out.size() - done, static_cast<off_t>(offset + done));
    if (n < 0 && errno == EINTR) {
      continue;
    }
    if (n < 0) {
      throw IoError(m_path.string(), std::string("cannot read: ") + std::strerror(errno));
    }
    if (n == 0) {
      break; // the file was cut since it was opened
    }
    done += static_cast<std::size_t>(n);
  }
  out.resize(done);
}

AtomicFile::AtomicFile(fs::path path)
    : m_path(std::move(path)), m_tmp(m_path.string() + ".tmp-" + std::to_string(::getpid())),
      m_file(std::fopen(m_tmp.c_str(), "wb")) {
  if (m_file == nullptr) {
    throw IoError(m_tmp.string(), std::string("cannot create: ") + std::strerror(errno));
  }
}

AtomicFile::~AtomicFile() {
  if (m_file != nullptr) {
    std::fclose(m_file);
    std::error_code ignored;
    fs::remove(m_tmp, ignored);
  }
}

void AtomicFile::write(std::string_view bytes) {
  if (m_file == nullptr) {
    throw IoError(m_path.string(), "written after commit");
  }
  if (std::fwrite(bytes.data(), 1, bytes.size(), m_file) != bytes.size()) {
    throw IoError(m_tmp.string(), "write failed (disk full?)");
  }
}

void AtomicFile::flush() {
  if (m_file == nullptr || std::fflush(m_file) != 0) {
    throw IoError(m_tmp.string(), "write failed (disk full?)");
  }
}

void AtomicFile::commit() {
  std::FILE* file = std::exchange(m_file, nullptr);
  const bool flushed = std::fflush(file) == 0;
  const bool closed = std::fclose(file) == 0;
  std::error_code ec;
  if (!flushed || !closed) {
    fs::remove(m_tmp, ec);
    throw IoError(m_tmp.string(), "write failed (disk full?)");
  }
  fs::rename(m_tmp, m_path, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(m_tmp, ignored);
    throw IoError(m_path.string(), "cannot replace: " + ec.message());
  }
}

std::string read_maybe_gzip(const fs::path& path, std::size_t max_bytes) {
  std::string raw = read_file(path);
  if (raw.size() < 2 || static_cast<unsigned char>(raw[0]) != 0x1F || static_cast<unsigned char>(raw[1]) != 0x8B) {
    return raw;
  }
  try {
    return gunzip(raw, max_bytes);
  } catch (const FormatError& e) {
    throw IoError(path.string(), e.what());
  }
}

} // namespace stationmap
