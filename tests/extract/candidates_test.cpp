// Candidates pass: places a sentence names where a site could be, which the sites pass doubted.

#include "passes_support.hpp"

#include <algorithm>

namespace stationmap::passes::test {
namespace {

const DocumentClaims::CandidateClaim* candidate(const Annotated& a, const std::string& name) {
  const auto& list = a.doc.claims.candidates;
  const auto it = std::find_if(list.begin(), list.end(), [&](const auto& c) { return c.site.place.name == name; });
  return it == list.end() ? nullptr : &*it;
}

TEST(Candidates, APlaceAskedAboutIsACandidateWithItsSentence) {
  const Annotated a("Officials asked whether a police station operated in Utrecht.", Upto::Candidates);
  const auto* c = candidate(a, "Utrecht");
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->reason, Reason::Question);
  EXPECT_EQ(c->site.evidence.sentence(), "Officials asked whether a police station operated in Utrecht.");
  EXPECT_EQ(c->site.precision, "city");
  EXPECT_TRUE(a.doc.claims.sites.empty());
}

TEST(Candidates, TheQualifierOfACandidateIsNoCandidate) {
  const Annotated a("Officials asked whether a police station operated in Utrecht, Netherlands.", Upto::Candidates);
  ASSERT_NE(candidate(a, "Utrecht"), nullptr);
  EXPECT_EQ(a.doc.claims.candidates.size(), 1U);
}

TEST(Candidates, ASiteIsNoCandidate) {
  const Annotated a("Nantong police opened a service station in Utrecht.", Upto::Candidates);
  EXPECT_TRUE(a.doc.claims.candidates.empty());
  EXPECT_EQ(a.doc.claims.sites.size(), 1U);
}

TEST(Candidates, APlaceRuledOutIsNoCandidate) {
  // An organisation's base is a certain "no", not a doubt: it is not for review.
  const Annotated a("A group based in Utrecht reported a police station in Madrid.", Upto::Candidates);
  EXPECT_EQ(a.role("Utrecht").reason, Reason::OrganisationBase);
  EXPECT_TRUE(a.doc.claims.candidates.empty());
}

TEST(Candidates, PartOfAStreetNameIsAnUncertainCandidate) {
  const Annotated a("A police service station opened on avenue de Choisy in Paris.", Upto::Candidates);
  const auto* c = candidate(a, a.role("Choisy").place().name);
  ASSERT_NE(c, nullptr);
  EXPECT_EQ(c->reason, Reason::UncertainName);
  EXPECT_EQ(candidate(a, "Paris"), nullptr);
}

} // namespace
} // namespace stationmap::passes::test
