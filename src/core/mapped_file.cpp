#include "stationmap/core/mapped_file.hpp"

#include "stationmap/core/error.hpp"
#include "stationmap/core/file_io.hpp"

#include <cerrno>
#include <cstring>
#include <sys/mman.h>

namespace stationmap {

MappedFile::MappedFile(const std::filesystem::path& path) {
  const PositionalFile file(path); // opened read-only, a regular file; closed once mapped
  m_size = static_cast<std::size_t>(file.size());
  if (m_size > 0) {
    void* p = ::mmap(nullptr, m_size, PROT_READ, MAP_PRIVATE, file.descriptor(), 0);
    if (p == MAP_FAILED) {
      throw IoError(path.string(), std::string("cannot map: ") + std::strerror(errno));
    }
    m_data = static_cast<const char*>(p);
    m_mapped = true;
  }
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

void MappedFile::let_go_of_pages() const noexcept {
  if (m_mapped && m_data != nullptr) {
    ::madvise(const_cast<char*>(m_data), m_size, MADV_DONTNEED); // read-only, private: nothing is lost
  }
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
