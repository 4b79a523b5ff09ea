#include "stationmap/geography/country_index.hpp"

#include <gtest/gtest.h>

namespace stationmap::geography {
namespace {

// Invented countries: AA (lon 0..10) and BB (lon 10..20) share a border at lon 10, lat 0..10; BB also covers
// the territory code B2. East of lon 20 is sea.
const Topology& squares() {
  static const Topology t = parse_topojson(R"({"type":"Topology",
    "arcs":[[[10,0],[10,10]], [[10,10],[0,10],[0,0],[10,0]], [[10,0],[20,0],[20,10],[10,10]]],
    "objects":{"countries":{"type":"GeometryCollection","geometries":[
      {"type":"Polygon","arcs":[[0,1]],"properties":{"name":"Aland","iso_a2":"AA"}},
      {"type":"Polygon","arcs":[[2,-1]],"properties":{"name":"Bland","iso_a2":"BB","includes":"B2"}}]}}})");
  return t;
}

TEST(CountryIndex, FindsTheCountryAPointLiesIn) {
  const CountryIndex index(squares());
  ASSERT_NE(index.country_at({5, 5}), nullptr);
  EXPECT_EQ(index.country_at({5, 5})->code, "AA");
  EXPECT_EQ(index.country_at({15, 5})->name, "Bland");
  EXPECT_EQ(index.country_at({25, 5}), nullptr); // sea
  EXPECT_EQ(index.country_at({5, -5}), nullptr);
}

TEST(CountryIndex, NearMeasuresKilometresNotDegrees) {
  const CountryIndex index(squares());
  // 1 degree of longitude east of AA at latitude 5 is about 111 km.
  EXPECT_TRUE(index.near({11, 5}, "AA", 120));
  EXPECT_FALSE(index.near({11, 5}, "AA", 100));
  EXPECT_FALSE(index.near({11, 5}, "ZZ", 5000));
}

TEST(CountryIndex, ChecksAGazetteerCountry) {
  const CountryIndex index(squares());
  EXPECT_EQ(index.check({15, 5}, "BB", 25).fit, CountryFit::Inside);
  EXPECT_EQ(index.check({15, 5}, "B2", 25).fit, CountryFit::Inside); // a territory drawn inside BB
  EXPECT_EQ(index.check({25, 5}, "AA", 25).fit, CountryFit::AtSea);
  EXPECT_EQ(index.check({5, 5}, "ZZ", 25).fit, CountryFit::Unchecked); // no polygon for ZZ
  const CountryCheck wrong = index.check({15, 5}, "AA", 25);
  EXPECT_EQ(wrong.fit, CountryFit::Elsewhere);
  ASSERT_NE(wrong.found, nullptr);
  EXPECT_EQ(wrong.found->code, "BB");
}

TEST(CountryIndex, ToleratesPointsJustAcrossABorderOrCoast) {
  const CountryIndex index(squares());
  // 0.1 degree (11 km) inside BB, coded AA: within a 25 km tolerance, beyond a 5 km one.
  EXPECT_EQ(index.check({10.1, 5}, "AA", 25).fit, CountryFit::NearBorder);
  EXPECT_EQ(index.check({10.1, 5}, "AA", 5).fit, CountryFit::Elsewhere);
  // Just off the coast of BB: at sea, never a mismatch.
  EXPECT_EQ(index.check({20.05, 5}, "BB", 25).fit, CountryFit::AtSea);
}

TEST(CountryIndex, EmbeddedNaturalEarthCountries) {
  const CountryIndex& index = CountryIndex::embedded();
  EXPECT_GT(index.countries().size(), 200u);
  ASSERT_NE(index.country_at({2.35, 48.86}), nullptr); // Paris
  EXPECT_EQ(index.country_at({2.35, 48.86})->code, "FR");
  EXPECT_EQ(index.country_at({-30.0, 30.0}), nullptr);                           // mid-Atlantic
  EXPECT_EQ(index.check({-52.33, 4.93}, "GF", 25).fit, CountryFit::Inside);      // Cayenne, drawn inside France
  EXPECT_EQ(index.check({-122.66, 45.64}, "CA", 25).fit, CountryFit::Elsewhere); // Vancouver WA coded Canada
  EXPECT_EQ(index.check({-83.05, 42.33}, "CA", 25).fit, CountryFit::NearBorder); // Detroit, across from Windsor
}

} // namespace
} // namespace stationmap::geography

namespace stationmap::geography {
namespace {

TEST(CountryIndex, CountriesAcrossTheAntimeridianStayInPlace) {
  const CountryIndex& index = CountryIndex::embedded();
  EXPECT_EQ(index.country_at({-30.0, 68.0}), nullptr);  // the Atlantic at Russia's latitude, not Russia
  ASSERT_NE(index.country_at({-175.0, 66.0}), nullptr); // Chukotka, west of the antimeridian
  EXPECT_EQ(index.country_at({-175.0, 66.0})->code, "RU");
  EXPECT_EQ(index.country_at({0.0, -16.9}), nullptr); // not Fiji
}

} // namespace
} // namespace stationmap::geography
