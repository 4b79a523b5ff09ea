#include "stationmap/core/mapped_file.hpp"

#include "stationmap/core/error.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace stationmap {

MappedFile::MappedFile(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    throw IoError(path.string(), std::string("cannot open: ") + std::strerror(errno));
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    throw IoError(path.string(), "not a regular file");
  }
  m_size = static_cast<std::size_t>(st.st_size);
  if (m_size > 0) {
    void* p = ::mmap(nullptr, m_size, PROT_READ, MAP_PRIVATE, fd, 0);
    if (p == MAP_FAILED) {
      const int err = errno;
      ::close(fd);
      throw IoError(path.string(), std::string("cannot map: ") + std::strerror(err));
    }
    m_data = static_cast<const char*>(p);
    m_mapped = true;
  }
  ::close(fd);
}

MappedFile MappedFile::from_buffer(std::string buffer) {
  MappedFile f;
  f.m_owned = std::move(buffer);
  f.m_data = f.m_owned.data();
  f.m_size = f.m_owned.size();
  return f;
}

MappedFile::~MappedFile() {
  release();
}

MappedFile::MappedFile(MappedFile&& other) noexcept {
  *this = std::move(other);
}

MappedFile& MappedFile::operator=(MappedFile&& other) noexcept {
  if (this != &other) {
    release();
    m_mapped = other.m_mapped;
    m_size = other.m_size;
    if (m_mapped) {
      m_data = other.m_data;
    } else {
      m_owned = std::move(other.m_owned);
      m_data = m_owned.data();
    }
    other.m_data = nullptr;
    other.m_size = 0;
    other.m_mapped = false;
  }
  return *this;
}

void MappedFile::release() noexcept {
  if (m_mapped && m_data != nullptr) {
    ::munmap(const_cast<char*>(m_data), m_size);
  }
  m_data = nullptr;
  m_size = 0;
  m_mapped = false;
  m_owned.clear();
}

} // namespace stationmap
