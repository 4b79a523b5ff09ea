#include "stationmap/core/fold.hpp"
#include "stationmap/extract/dates.hpp"
#include "stationmap/lexicon/lexicon.hpp"

#include <algorithm>
#include <gtest/gtest.h>

namespace stationmap::lexicon {
namespace {

bool listed(std::string_view list, std::string_view folded) {
  const auto& p = phrases(list);
  return std::find(p.begin(), p.end(), folded) != p.end();
}

TEST(Lexicon, ParsesListsFoldedWithoutComments) {
  const auto words = parse_list("# a comment\nPolice Station\n\n服務站  \n  \n");
  ASSERT_EQ(words.size(), 2U);
  EXPECT_EQ(words[0], "police station");
  EXPECT_EQ(words[1], "服 务 站"); // traditional folds to simplified, one token per ideograph
}

TEST(Lexicon, ParsesTablesAndDropsRowsWithoutTab) {
  const auto rows = parse_table("# months\n3\tMärz\nno tab here\n\tempty key\n");
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows[0].first, "3");
  EXPECT_EQ(rows[0].second, "marz");
}

TEST(Lexicon, EveryLanguageHasStationPoliceAndTieWords) {
  for (const std::string lang : {"de", "en", "es", "fr", "it", "ja", "ko", "nl", "pt", "zh"}) {
    const auto langs = languages();
    EXPECT_NE(std::find(langs.begin(), langs.end(), lang), langs.end()) << lang;
  }
  EXPECT_TRUE(listed("station", "politiepost"));
  EXPECT_TRUE(listed("station", "esquadra"));
  EXPECT_TRUE(listed("station", fold_key("거점"))); // Hangul folds to its jamo (NFKD)
  EXPECT_TRUE(listed("police", "pubblica sicurezza"));
  EXPECT_TRUE(listed("tie", "beheerd door"));
  EXPECT_FALSE(listed("station", "no such list entry"));
  EXPECT_TRUE(phrases("no such list").empty());
}

TEST(Lexicon, NumbersAndMonthsComeFromTheTables) {
  EXPECT_EQ(number_value("due"), 2);  // Italian
  EXPECT_EQ(number_value("drie"), 3); // Dutch
  EXPECT_EQ(number_value("tres"), 3); // Spanish
  EXPECT_FALSE(number_value("parecchie").has_value());
  EXPECT_EQ(find_date("La sede è stata chiusa il 3 marzo 2023."), "2023-03-03");
  EXPECT_EQ(find_date("Het kantoor ging op 12 januari 2023 dicht."), "2023-01-12");
  EXPECT_EQ(find_date("O escritório fechou em 5 de setembro de 2022."), "2022-09-05");
}

} // namespace
} // namespace stationmap::lexicon
