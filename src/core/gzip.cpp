#include "stationmap/core/gzip.hpp"

#include "stationmap/core/error.hpp"

#include <memory>
#include <zlib.h>

namespace stationmap {

namespace {

/// zlib window bits: 15 (the largest window) + 32 (detect a gzip or a zlib header).
constexpr int any_header_window = 15 + 32;
/// Output is produced in chunks of this size, so that memory follows what the data really holds.
constexpr std::size_t chunk_bytes = 1 << 16;

std::string mib(std::size_t bytes) {
  return std::to_string(bytes / (1024 * 1024)) + " MiB";
}

} // namespace

std::string gunzip(std::string_view data, std::size_t max_bytes) {
  z_stream zs{};
  if (inflateInit2(&zs, any_header_window) != Z_OK) {
    throw LibraryError("zlib: inflateInit2 failed");
  }
  const std::unique_ptr<z_stream, int (*)(z_stream*)> guard(&zs, inflateEnd);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data())); // NOLINT: zlib's API is not const
  zs.avail_in = static_cast<uInt>(data.size());
  std::string out;
  char chunk[chunk_bytes];
  for (;;) {
    zs.next_out = reinterpret_cast<Bytef*>(chunk);
    zs.avail_out = static_cast<uInt>(sizeof chunk);
    const int rc = inflate(&zs, Z_NO_FLUSH);
    const std::size_t produced = sizeof chunk - zs.avail_out;
    if (out.size() + produced > max_bytes) {
      throw FormatError("gzip data expands to more than " + mib(max_bytes) + "; not read further");
    }
    out.append(chunk, produced);
    if (rc == Z_STREAM_END) {
      if (zs.avail_in == 0) {
        return out;
      }
      inflateReset(&zs); // concatenated gzip members: go on with the next one
      continue;
    }
    if (rc != Z_OK && rc != Z_BUF_ERROR) {
      throw FormatError(std::string("corrupt gzip data: ") + (zs.msg != nullptr ? zs.msg : "?"));
    }
    if (zs.avail_in == 0 && produced == 0) {
      throw FormatError("truncated gzip data");
    }
  }
}

} // namespace stationmap
