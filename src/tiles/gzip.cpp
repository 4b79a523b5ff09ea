// gzip for tiles and PMTiles directories: zlib with a gzip wrapper, no name and mtime 0, so the bytes
// depend on the input only.

#include "stationmap/core/gzip.hpp"

#include "stationmap/core/error.hpp"
#include "stationmap/tiles/tiles.hpp"

#include <zlib.h>

namespace stationmap::tiles {

namespace {

/// The most a tile or a PMTiles directory may expand to: ours stay under a few MiB; more is a bomb.
constexpr std::size_t max_tile_bytes = 64ULL * 1024 * 1024;

/// zlib's default level and memory: level 9 took two thirds of a 10,000-document build (tiles whose evidence
/// repeats compress slowly at the highest level) for a few percent smaller tiles.
constexpr int compression_level = Z_DEFAULT_COMPRESSION;

} // namespace

std::string gzip_compress(std::string_view data) {
  z_stream zs{};
  if (deflateInit2(&zs, compression_level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw LibraryError("zlib: deflateInit2 failed");
  }
  std::string out(deflateBound(&zs, static_cast<uLong>(data.size())) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&zs, Z_FINISH);
  const auto written = zs.total_out;
  deflateEnd(&zs);
  if (rc != Z_STREAM_END) {
    throw LibraryError("zlib: deflate failed");
  }
  out.resize(written);
  return out;
}

std::string gzip_decompress(std::string_view data) {
  return gunzip(data, max_tile_bytes);
}

void gzip_tiles(TileSet& set) {
  if (set.gzipped) {
    return;
  }
  for (auto& [key, bytes] : set.tiles) {
    bytes = gzip_compress(bytes);
  }
  set.gzipped = true;
}

std::string stored_tile(const TileSet& set, const std::string& bytes) {
  return set.gzipped ? bytes : gzip_compress(bytes);
}

} // namespace stationmap::tiles
