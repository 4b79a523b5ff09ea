// Counts pass: sentences that count stations without naming a site.

#include "passes_support.hpp"

namespace stationmap::passes::test {
namespace {

TEST(Counts, ANumberOfStationsWithoutASite) {
  const Annotated a("Researchers counted 102 police stations worldwide. One police station is in Madrid.",
                    Upto::Counts);
  ASSERT_EQ(a.doc.claims.counts.size(), 1U);
  EXPECT_EQ(a.doc.claims.counts[0].sentence(), "Researchers counted 102 police stations worldwide.");
}

TEST(Counts, AYearIsNoCount) {
  const Annotated a("In 2019 police stations were reported.", Upto::Counts);
  EXPECT_TRUE(a.doc.claims.counts.empty());
}

TEST(Counts, ACountWithASiteIsTheSitesCount) {
  const Annotated a("There are three police stations in Madrid.", Upto::Counts);
  EXPECT_TRUE(a.doc.claims.counts.empty());
}

} // namespace
} // namespace stationmap::passes::test
