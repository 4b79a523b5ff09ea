// Integration tests on the embedded gazetteer (the index the build makes from geodata/).

#include "test_support.hpp"

#include <gtest/gtest.h>

using stationmap::Geoparser;
using stationmap::test::contains;
using stationmap::test::embedded_gazetteer;
using stationmap::test::found;
using stationmap::test::mention_named;

TEST(EmbeddedGeoparser, OverseasStationStory) {
  const std::string text =
      "Safeguard Defenders says police in Fuzhou and Qingtian run service stations abroad. FBI director "
      "Christopher Wray said one operated in New York City; Wray called it an affront.";
  const auto ms = Geoparser(embedded_gazetteer()).parse(text);
  const auto* fuzhou = mention_named(ms, "Fuzhou");
  ASSERT_NE(fuzhou, nullptr);
  ASSERT_TRUE(fuzhou->place);
  EXPECT_EQ(fuzhou->place->country, "CN");
  EXPECT_EQ(fuzhou->place->admin1_name, "Fujian");
  ASSERT_NE(mention_named(ms, "Qingtian"), nullptr);
  ASSERT_NE(mention_named(ms, "New York City"), nullptr);
  EXPECT_EQ(mention_named(ms, "Wray"), nullptr);
  EXPECT_EQ(mention_named(ms, "Safeguard"), nullptr);
  EXPECT_EQ(mention_named(ms, "FBI"), nullptr);
}

TEST(EmbeddedGeoparser, FuzhouJiangxi) {
  const auto ms = Geoparser(embedded_gazetteer()).parse("Fuzhou, Jiangxi is not Fuzhou in Fujian.");
  ASSERT_GE(ms.size(), 1U);
  ASSERT_TRUE(ms[0].place);
  EXPECT_EQ(ms[0].place->admin1_name, "Jiangxi");
}

TEST(EmbeddedGeoparser, QualifiedUsTowns) {
  const auto ms = Geoparser(embedded_gazetteer()).parse("The team travelled from Paris, Texas to Long Beach, Calif.");
  ASSERT_NE(mention_named(ms, "Paris"), nullptr);
  EXPECT_EQ(mention_named(ms, "Paris")->place->admin1_name, "Texas");
  ASSERT_NE(mention_named(ms, "Long Beach"), nullptr);
  EXPECT_EQ(mention_named(ms, "Long Beach")->place->admin1_name, "California");
}

TEST(EmbeddedGeoparser, CommonWordsStayWords) {
  const auto names = found(embedded_gazetteer(),
                           "In March the Police Station moved. Most found it Nice; Reading the Mobile app was easy.");
  for (const char* word : {"March", "Police", "Station", "Most", "Nice", "Reading", "Mobile"}) {
    EXPECT_FALSE(contains(names, word)) << word;
  }
}
