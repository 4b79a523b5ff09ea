// Jurisdictions pass: Chinese places named as a police bureau's seat.

#include "passes_support.hpp"

#include <algorithm>

namespace stationmap::passes::test {
namespace {

bool is_jurisdiction(const Annotated& a, const std::string& text) {
  const auto [s, k] = a.local(text);
  return s != nullptr && s->read && s->jurisdiction.at(k);
}

TEST(Jurisdictions, APlaceBeforeAPoliceWord) {
  const Annotated a("Fuzhou police opened a station in Madrid.", Upto::Jurisdictions);
  EXPECT_TRUE(is_jurisdiction(a, "Fuzhou"));
  EXPECT_FALSE(is_jurisdiction(a, "Madrid")) << "not in China";
}

TEST(Jurisdictions, APlaceAfterAPoliceWordAndAPreposition) {
  const Annotated a("The station in Madrid answers to the police of Wenzhou.", Upto::Jurisdictions);
  EXPECT_TRUE(is_jurisdiction(a, "Wenzhou"));
}

TEST(Jurisdictions, ListMatesOfACuedPlace) {
  const Annotated a("Stations were opened by the police of Nantong, Wenzhou and Fuzhou.", Upto::Jurisdictions);
  EXPECT_TRUE(is_jurisdiction(a, "Nantong"));
  EXPECT_TRUE(is_jurisdiction(a, "Wenzhou"));
  EXPECT_TRUE(is_jurisdiction(a, "Fuzhou"));
}

TEST(Jurisdictions, TheReasonSaysWhichMemberWasCued) {
  const Annotated a("Stations were opened by the police of Nantong, Wenzhou and Fuzhou.", Upto::Jurisdictions);
  EXPECT_EQ(a.role("Nantong").reason, Reason::PoliceCue);
  EXPECT_EQ(a.role("Wenzhou").reason, Reason::EnumerationMember);
  EXPECT_EQ(a.role("Fuzhou").reason, Reason::EnumerationMember);
}

TEST(Jurisdictions, ACountySeatNearItsCityGoesWithTheCity) {
  // Fuqing lies about 37 km from Fuzhou (within inner_jurisdiction_km), a prefecture-level city of more people.
  const Annotated a("The Fuzhou police and the Fuqing police run stations in Madrid.", Upto::Jurisdictions);
  const auto [s, k] = a.local("Fuzhou");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->jurisdictions, std::vector<std::size_t>{a.mention("Fuzhou")});
  EXPECT_EQ(a.role("Fuqing").reason, Reason::NestedJurisdiction);
}

TEST(Jurisdictions, DistantCitiesAreEachAJurisdiction) {
  const Annotated a("The Fuzhou police and the Nantong police run stations in Madrid.", Upto::Jurisdictions);
  const auto [s, k] = a.local("Fuzhou");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->jurisdictions.size(), 2U);
  EXPECT_NE(a.role("Nantong").reason, Reason::NestedJurisdiction);
}

TEST(Jurisdictions, AChinesePlaceWithoutACueIsNone) {
  const Annotated a("Tourists from Fuzhou visited a station in Madrid.", Upto::Jurisdictions);
  EXPECT_FALSE(is_jurisdiction(a, "Fuzhou"));
  EXPECT_TRUE(a.doc.sentences.at(0).jurisdictions.empty());
}

} // namespace
} // namespace stationmap::passes::test
