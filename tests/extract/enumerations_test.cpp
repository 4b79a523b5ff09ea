// Enumerations pass: lists and chains between consecutive mentions.

#include "passes_support.hpp"

namespace stationmap::passes::test {
namespace {

TEST(Enumerations, ListedPlacesShareAList) {
  const Annotated a("Police from Nantong, Wenzhou and Fuzhou opened offices.", Upto::Enumerations);
  const AnnotatedSentence& s = a.doc.sentences.at(0);
  ASSERT_EQ(s.locals.size(), 3U);
  EXPECT_EQ(s.list_id[1], s.list_id[0]);
  EXPECT_EQ(s.list_id[2], s.list_id[0]) << "'and' coordinates";
  EXPECT_FALSE(s.qualifier[1]) << "Wenzhou is no qualifier of Nantong";
}

TEST(Enumerations, ACountryAfterItsCityQualifiesIt) {
  const Annotated a("An office opened in Madrid, Spain with help from Fuzhou.", Upto::Enumerations);
  const AnnotatedSentence& s = a.doc.sentences.at(0);
  ASSERT_EQ(s.locals.size(), 3U);
  EXPECT_TRUE(s.qualifier[1]);
  EXPECT_FALSE(s.qualifier[2]);
  EXPECT_NE(s.list_id[2], s.list_id[0]) << "'with help from' neither lists nor chains";
}

TEST(Enumerations, PlacesInOtherCountriesChainNoQualifier) {
  const Annotated a("Offices opened in Madrid, Lisbon.", Upto::Enumerations);
  const AnnotatedSentence& s = a.doc.sentences.at(0);
  ASSERT_EQ(s.locals.size(), 2U);
  EXPECT_FALSE(s.qualifier[1]);
  EXPECT_EQ(s.list_id[1], s.list_id[0]) << "a comma lists them";
}

} // namespace
} // namespace stationmap::passes::test
