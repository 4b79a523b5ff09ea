// Places pass: a mention's place re-read in its sentence.

#include "passes_support.hpp"

namespace stationmap::passes::test {
namespace {

/// Resolves mention @p text to its homonym in @p country, as if the geoparser had chosen it.
void force_country(Annotated& a, const std::string& text, const std::string& country) {
  for (const Candidate& c : gazetteer().lookup(text)) {
    if (c.place.country == country && c.place.feature_class == 'P') {
      a.doc.mentions[a.mention(text)].place = c.place;
      return;
    }
  }
  FAIL() << "no " << text << " in " << country;
}

TEST(Places, ACountryNamedInTheClausePicksTheHomonymInsideIt) {
  Annotated a("The office moved from London, Toronto, Canada.", Upto::Segmentation);
  force_country(a, "London", "GB");
  a.run(Upto::Places, Upto::Places);
  EXPECT_EQ(a.doc.mentions[a.mention("London")].place->country, "CA");
  EXPECT_EQ(a.role("London").place.country, "CA") << "the role follows the place";
}

TEST(Places, ACountryQualifiesOnlyItsOwnClause) {
  Annotated a("The office moved from London; Toronto, Canada.", Upto::Segmentation);
  force_country(a, "London", "GB");
  a.run(Upto::Places, Upto::Places);
  EXPECT_EQ(a.doc.mentions[a.mention("London")].place->country, "GB");
}

} // namespace
} // namespace stationmap::passes::test
