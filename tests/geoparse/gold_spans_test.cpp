// Gold-span mode (Geoparser::resolve_spans): exactly the given spans, one mention per span in order.

#include "test_support.hpp"

#include <gtest/gtest.h>

using stationmap::Geoparser;
using stationmap::Span;
using stationmap::test::fixture_gazetteer;

TEST(GoldSpans, OneMentionPerSpanInOrder) {
  const std::string text = "Paris, Texas and Fuzhou.";
  const auto ms = Geoparser(fixture_gazetteer()).resolve_spans(text, {{17, 23}, {0, 5}, {7, 12}});
  ASSERT_EQ(ms.size(), 3U);
  EXPECT_EQ(ms[0].text, "Fuzhou");
  EXPECT_EQ(ms[1].text, "Paris");
  EXPECT_EQ(ms[2].text, "Texas");
  ASSERT_TRUE(ms[1].place);
  EXPECT_EQ(ms[1].place->country, "US");
}

TEST(GoldSpans, DemonymSpanResolvesToItsCountry) {
  const std::string text = "Chinese and French officials met.";
  const auto ms = Geoparser(fixture_gazetteer()).resolve_spans(text, {{0, 7}, {12, 18}});
  ASSERT_EQ(ms.size(), 2U);
  ASSERT_TRUE(ms[0].place);
  EXPECT_EQ(ms[0].place->country, "CN");
  EXPECT_TRUE(ms[0].demonym);
  ASSERT_TRUE(ms[1].place);
  EXPECT_EQ(ms[1].place->country, "FR");
}

TEST(GoldSpans, UnknownSpanHasNoPlace) {
  const std::string text = "We met in Zzyzxville yesterday.";
  const auto ms = Geoparser(fixture_gazetteer()).resolve_spans(text, {{10, 20}, {5, 5}, {100, 120}});
  ASSERT_EQ(ms.size(), 3U);
  EXPECT_FALSE(ms[0].place);
  EXPECT_FALSE(ms[1].place);
  EXPECT_FALSE(ms[2].place);
}

TEST(GoldSpans, PeoplesNamesFallBackToTheirRegion) {
  const std::string text = "Ontarians voted.";
  const auto ms = Geoparser(fixture_gazetteer()).resolve_spans(text, {{0, 9}});
  ASSERT_TRUE(ms[0].place);
  EXPECT_EQ(ms[0].place->name, "Ontario");
}

TEST(GoldSpans, ContinentDemonymResolvesToTheContinent) {
  const std::string text = "European ministers met.";
  const auto ms = Geoparser(fixture_gazetteer()).resolve_spans(text, {{0, 8}});
  ASSERT_EQ(ms.size(), 1U);
  ASSERT_TRUE(ms[0].place);
  EXPECT_EQ(ms[0].place->feature_code, "CONT");
  EXPECT_TRUE(ms[0].demonym);
}
