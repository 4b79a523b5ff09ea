// Roles pass: lines not read, and mentions that can be neither site nor jurisdiction.

#include "passes_support.hpp"

namespace stationmap::passes::test {
namespace {

bool excluded(const Annotated& a, const std::string& text) {
  const auto [s, k] = a.local(text);
  return s != nullptr && s->read && s->excluded.at(k);
}

TEST(Roles, ADatelineIsWhereTheReporterFiled) {
  const Annotated a("LISBON, Oct 3 (Wire) - Officers said a station in Madrid was run by Fuzhou police.", Upto::Roles);
  EXPECT_TRUE(excluded(a, "LISBON"));
  EXPECT_EQ(a.role("LISBON").reason, Reason::Dateline);
  EXPECT_FALSE(excluded(a, "Madrid"));
}

TEST(Roles, TheHomeSideIsNoSite) {
  const Annotated a("A service station in Madrid opened for emigrants from Wenzhou.", Upto::Roles);
  EXPECT_TRUE(excluded(a, "Wenzhou"));
  EXPECT_EQ(a.role("Wenzhou").reason, Reason::HomeSide);
  EXPECT_FALSE(excluded(a, "Madrid"));
}

TEST(Roles, ACapitalBeforeASpeechVerbStandsForItsGovernment) {
  const Annotated a("Madrid has denied that a station opened in the city.", Upto::Roles);
  EXPECT_TRUE(excluded(a, "Madrid"));
  EXPECT_EQ(a.role("Madrid").reason, Reason::Metonymy);
}

TEST(Roles, AFacilitysNameIsNoPlace) {
  const Annotated a("Officers met at Frankfurt Airport before opening a station.", Upto::Roles);
  EXPECT_TRUE(excluded(a, "Frankfurt"));
  EXPECT_EQ(a.role("Frankfurt").reason, Reason::FacilityName);
}

TEST(Roles, ABylineIsNotRead) {
  const Annotated a("A police station opened in Madrid.\n\nBy Ana Lopez in Lisbon", Upto::Roles);
  const auto [s, k] = a.local("Lisbon");
  ASSERT_NE(s, nullptr);
  EXPECT_FALSE(s->read);
  EXPECT_EQ(a.role("Lisbon").reason, Reason::Byline);
  EXPECT_TRUE(a.local("Madrid").first->read);
}

TEST(Roles, WhereSomeoneSpeaksIsNoSite) {
  const Annotated a("Prosecutors in Chicago said the police station in Lisbon closed.", Upto::Roles);
  EXPECT_EQ(a.role("Chicago").reason, Reason::SpeakerLocation);
  const Annotated b("An official told reporters in Ottawa that a police station in Lisbon closed.", Upto::Roles);
  EXPECT_EQ(b.role("Ottawa").reason, Reason::SpeakerLocation);
  const Annotated c("An office in Lisbon said to be run by Fuzhou police closed.", Upto::Roles);
  EXPECT_NE(c.role("Lisbon").reason, Reason::SpeakerLocation);
}

TEST(Roles, WhereSomeoneWroteFromOrLivesIsNoSite) {
  const Annotated a("A reader from Lisbon wrote that a police station had opened in Madrid.", Upto::Roles);
  EXPECT_EQ(a.role("Lisbon").reason, Reason::SpeakerLocation);
  EXPECT_FALSE(excluded(a, "Madrid"));
  const Annotated b("Los concejales ofició desde Cusco al ministerio sobre la comisaría de Lima.", Upto::Roles);
  EXPECT_EQ(b.role("Cusco").reason, Reason::SpeakerLocation);
  const Annotated c("Constituents in Manchester asked whether a police station existed in Bath.", Upto::Roles);
  EXPECT_EQ(c.role("Manchester").reason, Reason::SpeakerLocation);
}

} // namespace
} // namespace stationmap::passes::test
