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

/// The first byte looked for, at every position of texts of every length up to three words, behind bytes that
/// are not (neighbours included) and before ones that are: its index, or the size when there is none.
TEST(ByteScan, FindsTheFirstListedOrLowByteAtEveryPosition) {
  for (std::size_t size = 0; size <= 24; ++size) {
    std::string plain(size, 'a');
    for (std::size_t i = 0; i < size; ++i) {
      plain[i] = " ![]~#\xc3"[i % 7]; // next to a quote, a backslash, a control character; UTF-8
    }
    EXPECT_EQ(first_of_or_below(plain, "\"\\", 0x20), size) << size;
    for (std::size_t at = 0; at < size; ++at) {
      for (const char looked_for : {'"', '\\', '\x1f', '\n', '\0'}) {
        std::string text = plain;
        text[at] = looked_for;
        for (std::size_t after = at + 1; after < size; after += 3) {
          text[after] = '"';
        }
        EXPECT_EQ(first_of_or_below(text, "\"\\", 0x20), at) << size << " " << at << " " << int(looked_for);
      }
    }
  }
  EXPECT_EQ(first_of_or_below("\x7f\xc3\xa9 \x21\x5b\x5d", "\"\\", 0x20), 7U);
}

/// Where plain ASCII ends (a byte of 0x80 or above, or a NUL), at every position of texts up to three words long.
TEST(ByteScan, FindsTheEndOfPlainAsciiAtEveryPosition) {
  for (std::size_t size = 0; size <= 24; ++size) {
    std::string plain(size, 'a');
    for (std::size_t i = 0; i < size; ++i) {
      plain[i] = "\x01\x7f ~Za"[i % 6]; // the lowest and highest bytes that are ASCII and not NUL
    }
    EXPECT_EQ(first_non_ascii_or_nul(plain), size) << size;
    for (std::size_t at = 0; at < size; ++at) {
      for (const char stop : {'\0', '\x80', '\xc3', '\xff'}) {
        std::string text = plain;
        text[at] = stop;
        if (at + 1 < size) {
          text[size - 1] = '\xe8';
        }
        EXPECT_EQ(first_non_ascii_or_nul(text), at) << size << " " << at << " " << int(stop);
      }
    }
  }
}

/// A listed, low or non-ASCII byte at every position of texts of every length up to three words, behind and before
/// bytes that are none of these (their neighbours included).
TEST(ByteScan, FindsAListedLowOrNonAsciiByteAtEveryPosition) {
  for (std::size_t size = 0; size <= 24; ++size) {
    std::string plain(size, 'a');
    for (std::size_t i = 0; i < size; ++i) {
      plain[i] = " ![]~#\x7f"[i % 7]; // next to a quote, a backslash, a control character and 0x80
    }
    EXPECT_FALSE(holds_any_of_below_or_non_ascii(plain, "\"\\", 0x20)) << size;
    for (std::size_t at = 0; at < size; ++at) {
      for (const char looked_for : {'"', '\\', '\x1f', '\0', '\x80', '\xc3', '\xff'}) {
        std::string text = plain;
        text[at] = looked_for;
        EXPECT_TRUE(holds_any_of_below_or_non_ascii(text, "\"\\", 0x20)) << size << " " << at << " " << int(looked_for);
      }
    }
  }
}

} // namespace
