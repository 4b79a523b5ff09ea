// Sites pass: places named as a station's site, and the document-level review.

#include "passes_support.hpp"

#include <algorithm>
#include <vector>

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

TEST(Sites, TheSeatOfAGovernmentNamedAsActorIsNoSite) {
  const Annotated a("Officials asked the regional government in Barcelona to close a police station in Malaga.",
                    Upto::Sites);
  EXPECT_EQ(a.role("Barcelona").reason, Reason::OrganisationBase);
  EXPECT_TRUE(is_site(a, "Malaga"));
  const Annotated b("MEPs asked the EU's foreign service in Brussels to list every police station.", Upto::Sites);
  EXPECT_FALSE(is_site(b, "Brussels"));
}

/// The mentions written @p text, in order.
std::vector<std::size_t> mentions_of(const Annotated& a, const std::string& text) {
  std::vector<std::size_t> out;
  for (std::size_t i = 0; i < a.doc.mentions.size(); ++i) {
    if (a.doc.mentions[i].text == text) {
      out.push_back(i);
    }
  }
  return out;
}

TEST(Sites, ABareNameTheDocumentQualifiesAsANamesakeIsUncertain) {
  const Annotated a("A woman from Paris, Texas, called the paper.\n\nShe asked about the police station in Paris.",
                    Upto::Sites);
  const auto paris = mentions_of(a, "Paris");
  ASSERT_EQ(paris.size(), 2U);
  const Mention& bare = a.doc.mentions[paris[1]];
  ASSERT_TRUE(bare.place.has_value());
  ASSERT_EQ(bare.place->country, "US") << "the geoparser reads the bare name as the qualified namesake";
  EXPECT_EQ(a.doc.claims.mentions[paris[1]].reason, Reason::UncertainName) << "the reader cannot tell which Paris";
  const Annotated b("A police station opened in Paris, Texas. Another police station is in Paris, Texas.", Upto::Sites);
  EXPECT_TRUE(is_site(b, "Paris")) << "a qualified namesake is a site";
}

TEST(Sites, ACityWrittenAfterACountryLiesInIt) {
  const Annotated a("南通市公安局在新西兰奥克兰设立警侨服务站。", Upto::Sites);
  const Mention& m = a.doc.mentions[a.mention("奥克兰")];
  ASSERT_TRUE(m.place.has_value());
  EXPECT_TRUE(m.place->country == "NZ" || !is_site(a, "奥克兰")) << m.place->name;
}

TEST(Sites, ASupposedPlaceIsNoSite) {
  const Annotated a("If you trust the software, you get a police station in the middle of Dallas County.", Upto::Sites);
  EXPECT_FALSE(is_site(a, "Dallas County"));
  EXPECT_EQ(a.role("Dallas County").reason, Reason::Question);
}

TEST(Sites, ADisclaimerNamesNoSite) {
  const Annotated a("Not to be confused with police stations in Singapore.", Upto::Sites);
  EXPECT_FALSE(is_site(a, "Singapore"));
}

TEST(SiteReview, ACountryWhoseOnlyCaseWasFoundEmptyIsNoSite) {
  const Annotated a("Police in Bergen found no such office. The police station case in Norway began online.",
                    Upto::Review);
  EXPECT_FALSE(is_site(a, "Norway"));
  EXPECT_EQ(a.role("Norway").reason, Reason::FoundNoStation);
}

TEST(SiteReview, ADistrictBelongsToTheCityTheSentenceNames) {
  const Annotated a("In Sydney, a police station sits above a shop in the city's Chinatown, in Haymarket.",
                    Upto::Review);
  EXPECT_EQ(a.role("Haymarket").reason, Reason::DistrictOfCity);
  EXPECT_EQ(a.role("Haymarket").note(), "Sydney");
  const Annotated b("A police station is reported in Valencia in Spain, in the old Chinatown.", Upto::Review);
  if (b.role("Chinatown").reason == Reason::DistrictOfCity) {
    EXPECT_EQ(b.doc.mentions[b.mention("Chinatown")].place->country, "ES");
  } else {
    EXPECT_FALSE(is_site(b, "Chinatown"));
  }
}

} // namespace
} // namespace stationmap::passes::test
