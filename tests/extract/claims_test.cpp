// The one status order and its names (claims.hpp).

#include "stationmap/extract/claims.hpp"

#include <gtest/gtest.h>

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

} // namespace
} // namespace stationmap
