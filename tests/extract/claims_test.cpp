// The one status order and its names (claims.hpp).

#include "stationmap/extract/claims.hpp"

#include <gtest/gtest.h>
#include <set>

namespace stationmap {
namespace {

TEST(Status, NamesRoundTrip) {
  for (Status s : all_statuses) {
    EXPECT_EQ(parse_status(status_name(s)), s) << status_name(s);
  }
  EXPECT_EQ(parse_status("ordered closed"), Status::OrderedClosed);
  EXPECT_FALSE(parse_status("mixed").has_value());
  EXPECT_FALSE(parse_status("").has_value());
}

TEST(Status, AllStatusesListedStrongestFirst) {
  for (std::size_t i = 1; i < all_statuses.size(); ++i) {
    EXPECT_TRUE(stronger(all_statuses[i - 1], all_statuses[i])) << status_name(all_statuses[i]);
  }
  EXPECT_EQ(all_statuses.back(), Status::Alleged) << "the default is the weakest statement";
}

TEST(Status, ADenialOutranksASuspicionAndAClosureOutranksBoth) {
  EXPECT_TRUE(stronger(Status::Denied, Status::Suspected));
  EXPECT_TRUE(stronger(Status::Closed, Status::Denied));
  EXPECT_FALSE(stronger(Status::Alleged, Status::Alleged));
}

TEST(Reason, CodesRoundTripAndAreDistinct) {
  std::set<std::string_view> codes;
  for (std::size_t i = 0; i < all_reasons.size(); ++i) {
    const Reason r = all_reasons[i];
    EXPECT_EQ(static_cast<std::size_t>(r), i) << "all_reasons lists every reason once, in order";
    EXPECT_EQ(parse_reason(reason_code(r)), r) << reason_code(r);
    EXPECT_TRUE(codes.insert(reason_code(r)).second) << reason_code(r);
    EXPECT_FALSE(reason_description(r).empty());
  }
  EXPECT_FALSE(parse_reason("no station or police cue").has_value()) << "descriptions are no codes";
}

TEST(Reason, TextIsTheAnalystsNoteOrTheDescriptionWithWhatItRefersTo) {
  RoledMention m;
  m.reason = Reason::RejectedByAnalyst;
  EXPECT_EQ(reason_text(m), "rejected by an analyst");
  m.set_note("a travel agency");
  EXPECT_EQ(reason_text(m), "a travel agency");
  m.reason = Reason::DistrictOfCity;
  m.set_note("Auckland");
  EXPECT_EQ(reason_text(m), "district of its city: Auckland");
}

TEST(Reason, EachReasonBelongsToTheRoleItIsListedUnder) {
  EXPECT_EQ(role_of_reason(Reason::StationCue), MentionRole::Station);
  EXPECT_EQ(role_of_reason(Reason::DistrictOfCity), MentionRole::Station);
  EXPECT_EQ(role_of_reason(Reason::PoliceCue), MentionRole::Jurisdiction);
  EXPECT_EQ(role_of_reason(Reason::EnumerationMember), MentionRole::Jurisdiction);
  EXPECT_EQ(role_of_reason(Reason::NoCue), MentionRole::Other);
  EXPECT_EQ(role_of_reason(Reason::FinerSite), MentionRole::Other);
  EXPECT_EQ(role_of_reason(Reason::RejectedByAnalyst), MentionRole::Rejected);
}

TEST(Reason, OnlyDoubtsMakeCandidatesNeverAFirmNo) {
  std::set<std::string_view> uncertain;
  for (const Reason r : all_reasons) {
    if (is_uncertain_site(r)) {
      uncertain.insert(reason_code(r));
      EXPECT_EQ(role_of_reason(r), MentionRole::Other) << reason_code(r);
    }
  }
  EXPECT_EQ(uncertain, (std::set<std::string_view>{"question", "namesake", "uncertain_name"}));
}

} // namespace
} // namespace stationmap
