#include "stationmap/core/fold.hpp"

#include <gtest/gtest.h>

using stationmap::fold_key;

TEST(FoldKey, RemovesCaseDiacriticsWidthAndPunctuation) {
  EXPECT_EQ(fold_key("Île-de-France"), "ile de france");
  EXPECT_EQ(fold_key("ÎLE  DE   FRANCE"), "ile de france");
  EXPECT_EQ(fold_key("ｉｌｅ－ｄｅ－ｆｒａｎｃｅ"), "ile de france");
  EXPECT_EQ(fold_key("São Paulo"), "sao paulo");
  EXPECT_EQ(fold_key("Straße"), "strasse");
  EXPECT_EQ(fold_key("U.S."), "u s");
}

TEST(FoldKey, SplitsIdeographsIntoSingleTokens) {
  EXPECT_EQ(fold_key("青田县"), "青 田 县");
  EXPECT_EQ(fold_key("Fuzhou福州"), "fuzhou 福 州");
}

TEST(Tokenize, ReportsCodePointOffsetsAndCase) {
  stationmap::TokenizedText tt;
  stationmap::tokenize("Le 福州, NEW york", tt);
  ASSERT_EQ(tt.tokens.size(), 5U);
  EXPECT_EQ(tt.tokens[1].start, 3U);
  EXPECT_EQ(tt.tokens[1].end, 4U);
  EXPECT_TRUE(tt.tokens[1].ideograph);
  EXPECT_EQ(tt.tokens[3].start, 7U);
  EXPECT_TRUE(tt.tokens[3].all_upper);
  EXPECT_TRUE(tt.tokens[0].capitalized);
  EXPECT_FALSE(tt.tokens[4].capitalized);
  EXPECT_EQ(tt.key(tt.tokens[4]), "york");
}

TEST(Tokenize, TreatsInvalidUtf8AsSeparator) {
  stationmap::TokenizedText tt;
  stationmap::tokenize("Paris\xFF\xFELyon", tt);
  ASSERT_EQ(tt.tokens.size(), 2U);
  EXPECT_EQ(tt.key(tt.tokens[1]), "lyon");
  EXPECT_EQ(tt.tokens[1].start, 7U);
}
