// Resolution cues on the fixture gazetteer: prominence and feature type, qualifiers and containment, the
// document's countries and divisions, proximity, one sense per discourse, and what confidence means.

#include "test_support.hpp"

#include <gtest/gtest.h>

using stationmap::Geoparser;
using stationmap::Mention;
using stationmap::test::fixture_gazetteer;
using stationmap::test::mention_named;

namespace {

std::vector<Mention> parse(const std::string& text) {
  return Geoparser(fixture_gazetteer()).parse(text);
}

std::string where(const Mention* m) {
  if (m == nullptr || !m->place) {
    return "(none)";
  }
  return m->place->country + "/" + m->place->admin1_name;
}

} // namespace

TEST(Resolver, ProminenceWithoutContext) {
  EXPECT_EQ(where(mention_named(parse("He lives in Paris."), "Paris")), "FR/Île-de-France");
  EXPECT_EQ(where(mention_named(parse("She flew to London."), "London")), "GB/England");
}

TEST(Resolver, CountryNameIsTheCountry) {
  const auto ms = parse("Talks between Georgia and Egypt resumed.");
  const Mention* georgia = mention_named(ms, "Georgia");
  ASSERT_NE(georgia, nullptr);
  ASSERT_TRUE(georgia->place);
  EXPECT_EQ(georgia->place->feature_code, "PCLI");
}

TEST(Resolver, FuzhouBesideFujianOrQingtianIsFujian) {
  EXPECT_EQ(where(mention_named(parse("Stations run by Fuzhou and Qingtian police."), "Fuzhou")), "CN/Fujian");
  EXPECT_EQ(where(mention_named(parse("The Fuzhou bureau in Fujian province."), "Fuzhou")), "CN/Fujian");
}

TEST(Resolver, FuzhouBesideJiangxiIsJiangxi) {
  EXPECT_EQ(where(mention_named(parse("Fuzhou, Jiangxi opened a station."), "Fuzhou")), "CN/Jiangxi");
  EXPECT_EQ(where(mention_named(parse("Officials from Nanchang and Fuzhou in Jiangxi province met."), "Fuzhou")),
            "CN/Jiangxi");
}

TEST(Resolver, QualifierContainment) {
  EXPECT_EQ(where(mention_named(parse("She grew up in Paris, Texas."), "Paris")), "US/Texas");
  EXPECT_EQ(where(mention_named(parse("A port in Long Beach, N.Y. flooded."), "Long Beach")), "US/New York");
  EXPECT_EQ(where(mention_named(parse("A port in Long Beach, Calif. flooded."), "Long Beach")), "US/California");
  // The qualifier is resolved by the name it qualifies too: Georgia the state, not the country.
  const auto ms = parse("He studied in Athens, Georgia.");
  EXPECT_EQ(where(mention_named(ms, "Athens")), "US/Georgia");
  ASSERT_NE(mention_named(ms, "Georgia"), nullptr);
  EXPECT_EQ(mention_named(ms, "Georgia")->place->feature_code, "ADM1");
}

TEST(Resolver, DivisionInContext) {
  // A county of the document says which Paris: the one in Henry County, Tennessee.
  EXPECT_EQ(where(mention_named(parse("Residents of Paris and Henry County will receive letters."), "Paris")),
            "US/Tennessee");
  // The state named elsewhere in the document.
  EXPECT_EQ(where(mention_named(parse("The Paris fire chief said Texas crews helped. Texas rain fell."), "Paris")),
            "US/Texas");
}

TEST(Resolver, ProximityToOtherPlaces) {
  EXPECT_EQ(where(mention_named(parse("Dublin is a suburb of Columbus."), "Dublin")), "US/Ohio");
  EXPECT_EQ(where(mention_named(parse("Dublin is Ireland's capital."), "Dublin")), "IE/");
}

TEST(Resolver, OneSensePerDiscourse) {
  // The qualified first mention decides the later bare ones.
  const auto ms = parse("Paris, Texas is small. Paris has a tower too. In Paris the fair opens.");
  int count = 0;
  for (const Mention& m : ms) {
    if (m.text == "Paris") {
      ++count;
      EXPECT_EQ(where(&m), "US/Texas");
    }
  }
  EXPECT_EQ(count, 3);
}

TEST(Resolver, DemonymsLendTheirCountry) {
  // "Chinese" is not a place, but it is evidence that Fuzhou is in China: no mention of it, and Fuzhou found.
  const auto ms = parse("Chinese police opened an office for Fuzhou residents.");
  EXPECT_EQ(mention_named(ms, "Chinese"), nullptr);
  EXPECT_EQ(where(mention_named(ms, "Fuzhou")), "CN/Fujian");
}

TEST(Resolver, ConfidenceIsAProbability) {
  const auto sure = parse("Talks in France.");
  ASSERT_EQ(sure.size(), 1U);
  EXPECT_GT(sure[0].confidence, 0.95);
  EXPECT_LE(sure[0].confidence, 1.0);
  // Two towns of similar size: the choice is a near coin toss, and the confidence says so.
  const auto unsure = parse("A fair was held in Glasgow.");
  ASSERT_EQ(unsure.size(), 1U);
  const auto vague = parse("He said Long Beach was his home.");
  ASSERT_EQ(vague.size(), 1U);
  EXPECT_LT(vague[0].confidence, sure[0].confidence);
  EXPECT_GT(vague[0].confidence, 0.0);
  // Context makes it surer.
  const auto qualified = parse("He said Long Beach, Calif. was his home.");
  EXPECT_GT(mention_named(qualified, "Long Beach")->confidence, vague[0].confidence);
}

TEST(Resolver, CapitalNamedLikeAStateIsTheCapital) {
  // News names the state "Washington state"; "Washington" alone is the capital.
  const auto ms = parse("Lawmakers in Washington passed the bill.");
  const Mention* m = mention_named(ms, "Washington");
  ASSERT_NE(m, nullptr);
  ASSERT_TRUE(m->place);
  EXPECT_EQ(m->place->feature_code, "PPLC");
}

TEST(Resolver, WorldRegionsAndOceansOutweighSmallTowns) {
  // A supranational union's abbreviation and an ocean's short name, not the towns of those names.
  const auto ms = parse("Ships crossed the Pacific while the EU debated tariffs.");
  const Mention* pacific = mention_named(ms, "Pacific");
  ASSERT_NE(pacific, nullptr);
  ASSERT_TRUE(pacific->place);
  EXPECT_EQ(pacific->place->feature_code, "OCN");
  const Mention* eu = mention_named(ms, "EU");
  ASSERT_NE(eu, nullptr);
  ASSERT_TRUE(eu->place);
  EXPECT_EQ(eu->place->name, "European Union");
}
