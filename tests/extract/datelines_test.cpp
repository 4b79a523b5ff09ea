#include "datelines.hpp"

#include <gtest/gtest.h>
#include <string>

namespace stationmap::datelines {
namespace {

std::string dateline_of(const std::string& s) {
  return s.substr(0, length(s));
}

TEST(Datelines, WireDatelineWithDateAndAgency) {
  EXPECT_EQ(dateline_of("LISBON, March 3 (Newswire) - Police searched a shop in Porto."),
            "LISBON, March 3 (Newswire) - ");
}

TEST(Datelines, StateAbbreviationAndJoinedPlaces) {
  EXPECT_EQ(dateline_of("PORTLAND, Maine - A reader asked about the office."), "PORTLAND, Maine - ");
  EXPECT_EQ(dateline_of("OSLO/STOCKHOLM - Two agencies said nothing."), "OSLO/STOCKHOLM - ");
  EXPECT_EQ(dateline_of("SAN JOSÉ \xE2\x80\x94 The council met."), "SAN JOSÉ \xE2\x80\x94 ");
}

TEST(Datelines, OrdinarySentencesHaveNone) {
  EXPECT_EQ(length("Lisbon, the capital, hosts an office - or so the report says."), 0U);
  EXPECT_EQ(length("NATO said on Monday that it had no comment on the matter at all - none."), 0U);
  EXPECT_EQ(length("UK - a short note"), 0U); // two letters: an abbreviation
  EXPECT_EQ(length("BERLIN, said the official in a very long statement that goes on and on - "), 0U); // too far
}

} // namespace
} // namespace stationmap::datelines
