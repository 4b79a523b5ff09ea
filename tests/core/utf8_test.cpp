#include "stationmap/core/utf8.hpp"

#include <gtest/gtest.h>

namespace {

using stationmap::utf8::truncate;

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
