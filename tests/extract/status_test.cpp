// Status pass: what a read sentence states.

#include "passes_support.hpp"

#include <set>

namespace stationmap::passes::test {
namespace {

TEST(StatusPass, TheStrongestStatusAndItsDate) {
  const Annotated a("The station in Madrid was investigated and closed on 17 April 2023.", Upto::Status);
  const AnnotatedSentence& s = a.doc.sentences.at(0);
  ASSERT_TRUE(s.status.has_value());
  EXPECT_EQ(*s.status, Status::Closed);
  EXPECT_EQ(s.date, "2023-04-17");
  EXPECT_TRUE(s.station_cue);
  EXPECT_FALSE(s.negated);
}

TEST(StatusPass, DenialsAndFindingsOfNothing) {
  const Annotated a("Officials in Madrid denied any link. Police in Lisbon found no such office.", Upto::Status);
  EXPECT_TRUE(a.doc.sentences.at(0).negated);
  EXPECT_FALSE(a.doc.sentences.at(0).not_found);
  EXPECT_TRUE(a.doc.sentences.at(1).not_found);
  EXPECT_TRUE(a.doc.sentences.at(1).negated) << "finding nothing negates the sentence";
}

TEST(StatusPass, AFindingOfNothingHoldsForItsOwnClause) {
  const Annotated a("Police stations: Lyon - under review; Lille - police found no such office.", Upto::Status);
  const AnnotatedSentence& s = a.doc.sentences.at(0);
  EXPECT_TRUE(s.not_found);
  EXPECT_EQ(s.not_found_clauses, std::set<std::size_t>{1});
  const Annotated b("Poland: the agency checks whether a police station operates; none has been identified.",
                    Upto::Status);
  EXPECT_EQ(b.doc.sentences.at(0).not_found_clauses, std::set<std::size_t>{0}) << "a clause without a place";
}

TEST(StatusPass, ASentenceThatNamesNoPlaceIsNotRead) {
  const Annotated a("A police station opened in Madrid. It was closed on 17 April 2023.", Upto::Status);
  EXPECT_FALSE(a.doc.sentences.at(1).read);
  EXPECT_FALSE(a.doc.sentences.at(1).status.has_value());
}

TEST(StatusPass, TiesAndNetworks) {
  const Annotated a("The office in Madrid is run by Fuzhou police. Wenzhou police run a network in Lisbon.",
                    Upto::Status);
  EXPECT_TRUE(a.doc.sentences.at(0).tie);
  EXPECT_FALSE(a.doc.sentences.at(0).network);
  EXPECT_TRUE(a.doc.sentences.at(1).network);
}

TEST(StatusPass, AnOrdinalOpeningPicksOutAListedStation) {
  const Annotated a("Two police stations were reported. The second is above a shop in Leeds.", Upto::Status);
  const auto [s, k] = a.local("Leeds");
  ASSERT_NE(s, nullptr);
  EXPECT_TRUE(s->station_cue);
  const Annotated b("The second report came from Leeds.", Upto::Status);
  const auto [t, j] = b.local("Leeds");
  ASSERT_NE(t, nullptr);
  EXPECT_FALSE(t->station_cue) << "a document that never speaks of stations";
}

TEST(StatusPass, AStationWordInsideABasePhraseIsNoCue) {
  const Annotated a("Il gruppo, che ha sede a Bologna, scrive.", Upto::Status);
  const auto [s, k] = a.local("Bologna");
  ASSERT_NE(s, nullptr);
  EXPECT_FALSE(s->station_cue);
}

} // namespace
} // namespace stationmap::passes::test
