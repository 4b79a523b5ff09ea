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
  EXPECT_EQ(a.role("London").place().country, "CA") << "the role follows the place";
}

TEST(Places, ACountryQualifiesOnlyItsOwnClause) {
  Annotated a("The office moved from London; Toronto, Canada.", Upto::Segmentation);
  force_country(a, "London", "GB");
  a.run(Upto::Places, Upto::Places);
  EXPECT_EQ(a.doc.mentions[a.mention("London")].place->country, "GB");
}

TEST(Places, AFrenchRegionArticleKeepsTheProvince) {
  // "au Québec" is the province, "à Québec" the city.
  Annotated a("La communauté établie au Québec grandit. À Québec, le maire a parlé.", Upto::Places);
  const auto& first = a.doc.claims.mentions.at(a.mention("Québec"));
  EXPECT_EQ(first.place().feature_class, 'A');
  EXPECT_EQ(a.doc.claims.mentions.back().place().feature_class, 'P');
}

TEST(Places, AFarSmallerHomonymDoesNotDisplaceAPlaceTheDocumentLocates) {
  // The document places London in Great Britain (Manchester); a sentence naming Canada does not move it to
  // London, Ontario, which is far smaller.
  Annotated a("Police in Manchester and London met. London police visited Canada.", Upto::Segmentation);
  a.run(Upto::Places, Upto::Places);
  for (const RoledMention& r : a.doc.claims.mentions) {
    if (r.text == "London") {
      EXPECT_EQ(r.place().country, "GB");
    }
  }
}

} // namespace
} // namespace stationmap::passes::test
