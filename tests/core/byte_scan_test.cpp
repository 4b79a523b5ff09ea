#include "stationmap/core/byte_scan.hpp"

#include <gtest/gtest.h>
#include <string>

namespace {

using namespace stationmap::byte_scan;

/// Every position of a byte in texts of every length up to three words: the word loop and the tail both look.
TEST(ByteScan, FindsAListedByteAtEveryPositionOfEveryLength) {
  for (std::size_t size = 1; size <= 24; ++size) {
    for (std::size_t at = 0; at < size; ++at) {
      for (const char listed : {',', '"', '\r', '\n'}) {
        std::string text(size, 'a');
        text[at] = listed;
        EXPECT_TRUE(holds_any_of(text, ",\"\r\n")) << size << " " << at;
      }
      std::string text(size, 'a');
      text[at] = '\x1f';
      EXPECT_TRUE(holds_byte_below(text, 0x20)) << size << " " << at;
      text[at] = '\xc3';
      EXPECT_TRUE(holds_non_ascii(text)) << size << " " << at;
    }
  }
}

TEST(ByteScan, PlainTextHoldsNone) {
  const std::string text = "An office in Prague was described as a station (2022-10-01); see https://example.org/a?b=c";
  EXPECT_FALSE(holds_any_of(text, ",\"\r\n"));
  EXPECT_FALSE(holds_any_of("", ","));
  EXPECT_FALSE(holds_byte_below(text, 0x20));
  EXPECT_FALSE(holds_non_ascii(text));
}

/// Bytes next to the ones looked for (and bytes that borrow across a word in the arithmetic) are not taken for
/// them.
TEST(ByteScan, NeighbouringBytesAreNotTakenForTheOnesLookedFor) {
  const std::string near = std::string("+-./!#\x1c\x1d\x21\x0b\x0c\x0e\x7f ", 14) + "\x01\x01\x01\x01\x01\x01\x01\x01";
  EXPECT_FALSE(holds_any_of(near, ",\"\r\n"));
  EXPECT_FALSE(holds_byte_below(" !~\x7f \x20\x20\x20\x20\x20\x20\x20\x20", 0x20));
  EXPECT_TRUE(holds_byte_below(std::string("        \x00       ", 16), 0x20));
  EXPECT_FALSE(holds_non_ascii("\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f"));
}

} // namespace
