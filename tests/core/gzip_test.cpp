#include "stationmap/core/error.hpp"
#include "stationmap/core/gzip.hpp"

#include <gtest/gtest.h>
#include <zlib.h>

namespace stationmap {
namespace {

/// @p text as one gzip member (zlib's own deflate with a gzip header).
std::string gzip(const std::string& text) {
  z_stream zs{};
  EXPECT_EQ(deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&zs, static_cast<uLong>(text.size())) + 32, '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  zs.avail_in = static_cast<uInt>(text.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

TEST(Gunzip, ReadsOneOrSeveralMembers) {
  EXPECT_EQ(gunzip(gzip("Fuzhou public security bureau"), 1024), "Fuzhou public security bureau");
  EXPECT_EQ(gunzip(gzip("first ") + gzip("second"), 1024), "first second");
  const std::string large(300000, 'x'); // several output chunks
  EXPECT_EQ(gunzip(gzip(large), large.size()), large);
}

TEST(Gunzip, StopsAtTheCapInsteadOfExpandingABomb) {
  const std::string bomb = gzip(std::string(64U * 1024U * 1024U, '\0')); // 64 MiB of zeros in about 64 KiB
  EXPECT_LT(bomb.size(), 100U * 1024U);
  try {
    (void)gunzip(bomb, 1024U * 1024U);
    FAIL() << "the bomb was expanded";
  } catch (const FormatError& e) {
    EXPECT_NE(std::string(e.what()).find("more than 1 MiB"), std::string::npos) << e.what();
  }
}

TEST(Gunzip, CorruptAndTruncatedDataAreErrors) {
  const std::string good = gzip("An office in Dublin was named as a station.");
  EXPECT_THROW((void)gunzip(good.substr(0, good.size() / 2), 1024), FormatError);
  std::string corrupt = good;
  corrupt[12] = static_cast<char>(corrupt[12] ^ 0x55);
  EXPECT_THROW((void)gunzip(corrupt, 1024), FormatError);
}

} // namespace
} // namespace stationmap
