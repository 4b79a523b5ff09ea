#include "stationmap/core/utf8.hpp"

#include <gtest/gtest.h>

namespace {

using stationmap::utf8::is_valid;
using stationmap::utf8::truncate;

TEST(Utf8IsValid, AcceptsAsciiAndWellFormedCharactersAnywhere) {
  EXPECT_TRUE(is_valid(""));
  EXPECT_TRUE(is_valid("Fuzhou public security bureau, 2022"));
  EXPECT_TRUE(is_valid("福清市 in Fujian, Zürich \xEF\xBF\xBD and 𝄞")); // U+FFFD written out is valid
}

TEST(Utf8IsValid, RejectsMalformedSequencesAfterAsciiText) {
  EXPECT_FALSE(is_valid("a long run of plain ASCII text, then \xC3")); // cut short at the end
  EXPECT_FALSE(is_valid("plain \x80 text"));                           // a lone continuation byte
  EXPECT_FALSE(is_valid("overlong \xC0\xAF slash"));                   // overlong encoding
  EXPECT_FALSE(is_valid("\xE5\x8C plain"));                            // cut short before ASCII
}

TEST(Utf8Truncate, KeepsTextThatFits) {
  EXPECT_EQ(truncate("Fuzhou", 6), "Fuzhou");
}

TEST(Utf8Truncate, CutsOnACharacterBoundaryAndMarksTheCut) {
  // "福清市" is 9 bytes; 7 bytes leave room for one character (3) and the ellipsis (3).
  EXPECT_EQ(truncate("福清市", 7), "福…");
  EXPECT_EQ(truncate("Aubervilliers", 8), "Auber…");
}

TEST(Utf8Truncate, NeverDoublesAnEllipsis) {
  EXPECT_EQ(truncate("a b c…", 6), "a b…");
}

TEST(Utf8Truncate, TooShortForTheEllipsisGivesNothing) {
  EXPECT_EQ(truncate("Tokyo", 2), "");
}

} // namespace
