#include "stationmap/core/file_io.hpp"

#include "stationmap/core/error.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <unistd.h>
#include <zlib.h>

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

std::string read_maybe_gzip(const fs::path& path) {
  std::string raw = read_file(path);
  if (raw.size() < 2 || static_cast<unsigned char>(raw[0]) != 0x1F || static_cast<unsigned char>(raw[1]) != 0x8B) {
    return raw;
  }
  z_stream zs{};
  if (inflateInit2(&zs, 15 + 32) != Z_OK) {
    throw LibraryError("zlib: inflateInit2 failed");
  }
  const std::unique_ptr<z_stream, int (*)(z_stream*)> guard(&zs, inflateEnd);
  std::string out;
  out.resize(raw.size() * 4);
  zs.next_in = reinterpret_cast<Bytef*>(raw.data());
  zs.avail_in = static_cast<uInt>(raw.size());
  for (;;) {
    if (zs.total_out == out.size()) {
      out.resize(out.size() * 2);
    }
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + zs.total_out);
    zs.avail_out = static_cast<uInt>(out.size() - zs.total_out);
    const int rc = inflate(&zs, Z_NO_FLUSH);
    if (rc == Z_STREAM_END) {
      // Concatenated gzip members: continue with the next one.
      if (zs.avail_in > 0) {
        const auto done_out = zs.total_out;
        inflateReset(&zs);
        zs.total_out = done_out;
        continue;
      }
      break;
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      throw IoError(path.string(), std::string("corrupt gzip data: ") + (zs.msg != nullptr ? zs.msg : "?"));
    }
    if (rc == Z_BUF_ERROR && zs.avail_in == 0) {
      throw IoError(path.string(), "truncated gzip data");
    }
  }
  out.resize(zs.total_out);
  return out;
}

} // namespace stationmap
