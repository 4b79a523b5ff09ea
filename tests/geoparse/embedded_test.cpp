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

TEST(EmbeddedGeoparser, EverydayWordsOfOtherLanguagesStayWords) {
  const auto& g = embedded_gazetteer();
  EXPECT_FALSE(contains(found(g, "Die Stelle liegt am Hauptbahnhof von Leipzig."), "Stelle"));
  EXPECT_FALSE(contains(found(g, "Die Stelle liegt am Hauptbahnhof von Leipzig."), "Hauptbahnhof"));
  EXPECT_FALSE(contains(found(g, "Il Paese ha molti uffici a Bologna."), "Paese"));
  EXPECT_FALSE(contains(found(g, "A loja fica no Centro de Recife."), "Centro"));
  EXPECT_FALSE(contains(found(g, "Same office, same owners, says the mayor of Leeds."), "Same"));
  EXPECT_FALSE(contains(found(g, "事務所は新型コロナウイルスの流行中に開いた。"), "コロナ"));
  EXPECT_TRUE(contains(found(g, "Die Stelle liegt am Hauptbahnhof von Leipzig."), "Leipzig"));
}

TEST(EmbeddedGeoparser, ATownNameBeforeRiverNamesTheRiver) {
  const auto names = found(embedded_gazetteer(), "A boat sailed down the Han River past Busan.");
  EXPECT_FALSE(contains(names, "Han"));
  EXPECT_TRUE(contains(names, "Busan"));
}

TEST(EmbeddedGeoparser, PossessiveInsideACountryName) {
  const auto ms = Geoparser(embedded_gazetteer()).parse("Envoys of the People's Republic of China met in Oslo.");
  const auto* china = mention_named(ms, "People's Republic of China");
  ASSERT_NE(china, nullptr);
  ASSERT_TRUE(china->place);
  EXPECT_EQ(china->place->country, "CN");
  EXPECT_EQ(mention_named(ms, "Republic of China"), nullptr);
}

TEST(EmbeddedGeoparser, RegionalCapitalsByTheirOwnLanguagesNames) {
  const auto ms = Geoparser(embedded_gazetteer()).parse("Il treno da Firenze arriva a Venezia alle nove.");
  const auto* florence = mention_named(ms, "Firenze");
  const auto* venice = mention_named(ms, "Venezia");
  ASSERT_NE(florence, nullptr);
  ASSERT_NE(venice, nullptr);
  ASSERT_TRUE(florence->place && venice->place);
  EXPECT_EQ(florence->place->name, "Florence");
  EXPECT_EQ(venice->place->admin1_name, "Veneto");
}

TEST(EmbeddedGeoparser, ShortAlternateNamesOfSeatsAreNotTrusted) {
  // GeoNames lists "Die" among the alternate names of a regional capital; in Dutch it is a pronoun.
  const auto names = found(embedded_gazetteer(), "Die valt onder de gemeente Utrecht.");
  EXPECT_FALSE(contains(names, "Die"));
  EXPECT_TRUE(contains(names, "Utrecht"));
}

TEST(EmbeddedGeoparser, ABureauAbbreviatedPsbKeepsItsPlace) {
  // "PSB" (public security bureau) after a county-level city is the city's own police, not a surname's context.
  const auto names = found(embedded_gazetteer(), "The office in Lima answers to the Fuqing PSB, the tracker says.");
  EXPECT_TRUE(contains(names, "Fuqing"));
}
