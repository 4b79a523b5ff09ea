// Sites pass: places named as a station's site, and the document-level review.

#include "passes_support.hpp"

#include <algorithm>

namespace stationmap::passes::test {
namespace {

bool is_site(const Annotated& a, const std::string& text) {
  const std::size_t mi = a.mention(text);
  return std::any_of(a.doc.sentences.begin(), a.doc.sentences.end(), [&](const AnnotatedSentence& s) {
    return std::find(s.sites.begin(), s.sites.end(), mi) != s.sites.end();
  });
}

TEST(Sites, APlaceNamedWithAStationWord) {
  const Annotated a("Fuzhou police opened a service station in Madrid.", Upto::Sites);
  EXPECT_TRUE(is_site(a, "Madrid"));
  EXPECT_FALSE(is_site(a, "Fuzhou"));
}

TEST(Sites, NoStationWordNoSite) {
  const Annotated a("Tourists from Lisbon visited Madrid.", Upto::Sites);
  EXPECT_FALSE(is_site(a, "Madrid"));
  EXPECT_EQ(a.role("Madrid").reason, Reason::NoCue);
}

TEST(Sites, AnOrganisationsBaseIsNoSite) {
  const Annotated a("A group based in Lisbon reported a police station in Madrid.", Upto::Sites);
  EXPECT_FALSE(is_site(a, "Lisbon"));
  EXPECT_EQ(a.role("Lisbon").reason, Reason::OrganisationBase);
  EXPECT_TRUE(is_site(a, "Madrid"));
}

TEST(Sites, OneSitePerChainTheCity) {
  const Annotated a("A police station opened in Madrid, Spain.", Upto::Sites);
  EXPECT_TRUE(is_site(a, "Madrid"));
  EXPECT_FALSE(is_site(a, "Spain"));
  EXPECT_EQ(a.role("Spain").reason, Reason::QualifierOfSite);
}

TEST(SiteReview, ADistrictNamedBesideItsCityIsTheCitysSite) {
  const Annotated a("Police stations were found in Auckland and in Epsom.", Upto::Review);
  EXPECT_TRUE(is_site(a, "Epsom"));
  EXPECT_EQ(a.role("Epsom").reason, Reason::DistrictOfCity);
  EXPECT_EQ(a.doc.mentions.at(a.mention("Epsom")).place->name, a.doc.mentions.at(a.mention("Auckland")).place->name);
}

TEST(SiteReview, ADistrictFarFromTheNamedCityKeepsItsPlace) {
  // Epsom (a suburb of Auckland) lies some 760 km from Christchurch: beyond district_of_city_km.
  const Annotated a("Police stations were found in Christchurch, New Zealand, and in Epsom.", Upto::Review);
  EXPECT_TRUE(is_site(a, "Epsom"));
  EXPECT_NE(a.role("Epsom").reason, Reason::DistrictOfCity);
  EXPECT_EQ(a.doc.mentions.at(a.mention("Epsom")).place->name, "Epsom");
}

TEST(Sites, ANumberBeforeTheSite) {
  const Annotated a("The police stations are three in Madrid.", Upto::Sites);
  const auto [s, k] = a.local("Madrid");
  ASSERT_NE(s, nullptr);
  ASSERT_EQ(s->counts.count(s->locals[k].mention), 1U);
  EXPECT_EQ(s->counts.at(s->locals[k].mention), 3);
}

TEST(Sites, ThePlaceOfAPhotoIsACaption) {
  const Annotated a("A police station opened in Madrid.\n\n[Photo caption: Commuters at a station in Lisbon.]",
                    Upto::Sites);
  EXPECT_FALSE(is_site(a, "Lisbon"));
  EXPECT_EQ(a.role("Lisbon").reason, Reason::Caption);
  EXPECT_EQ(a.role("Madrid").reason, Reason::StationCue);
}

TEST(Sites, InADocumentAboutStationsABureauNamesTheSite) {
  const Annotated a("Police stations were reported abroad.\n\nFuzhou police rented a flat in Madrid.", Upto::Sites);
  EXPECT_TRUE(is_site(a, "Madrid"));
  EXPECT_EQ(a.role("Madrid").reason, Reason::WithJurisdiction);
}

TEST(Sites, AChinesePlaceWithoutACueIsNoSiteAndSaysWhy) {
  const Annotated a("A police station opened in Madrid for tourists from Fuzhou.", Upto::Sites);
  EXPECT_EQ(a.role("Fuzhou").reason, Reason::ChinaWithoutPoliceCue);
}

TEST(SiteReview, ACountryWithAFinerSiteIsNoSite) {
  const Annotated a("A police station opened in Spain. Another police station is in Madrid.", Upto::Review);
  EXPECT_FALSE(is_site(a, "Spain"));
  EXPECT_EQ(a.role("Spain").reason, Reason::FinerSite);
  EXPECT_TRUE(is_site(a, "Madrid"));
}

TEST(SiteReview, APlaceWhereOfficialsFoundNothingIsNoSite) {
  const Annotated a("A police station was reported in Perth. Police in Perth found no such office.", Upto::Review);
  EXPECT_FALSE(is_site(a, "Perth"));
  EXPECT_EQ(a.role("Perth").reason, Reason::FoundNoStation);
}

TEST(Sites, AnAdministrativeSeatWithoutPopulationIsASite) {
  // GeoNames gives Hendon, a former borough seat, no population; it is still a town, not a hamlet.
  const Annotated a("A police station was found in Hendon, London.", Upto::Sites);
  EXPECT_TRUE(is_site(a, "Hendon") || is_site(a, "London"));
  EXPECT_NE(a.role("Hendon").reason, Reason::UncertainName);
}

TEST(Sites, ARegionalCapitalByItsOwnLanguagesName) {
  const Annotated a("Un presidio di polizia è stato segnalato a Venezia, un altro a Milano.", Upto::Sites);
  EXPECT_TRUE(is_site(a, "Venezia"));
}

} // namespace
} // namespace stationmap::passes::test
