#include "stationmap/core/calendar.hpp"

#include <gtest/gtest.h>

namespace stationmap {
namespace {

TEST(Calendar, MonthsHaveTheirOwnLengths) {
  EXPECT_TRUE(is_calendar_date(2023, 1, 31));
  EXPECT_FALSE(is_calendar_date(2023, 4, 31));
  EXPECT_FALSE(is_calendar_date(2023, 2, 31));
  EXPECT_FALSE(is_calendar_date(2023, 13, 1));
  EXPECT_FALSE(is_calendar_date(2023, 0, 1));
  EXPECT_FALSE(is_calendar_date(2023, 5, 0));
}

TEST(Calendar, FebruaryTheTwentyNinthOnlyInLeapYears) {
  EXPECT_TRUE(is_calendar_date(2024, 2, 29));
  EXPECT_FALSE(is_calendar_date(2023, 2, 29));
  EXPECT_FALSE(is_calendar_date(1900, 2, 29)) << "a century is no leap year";
  EXPECT_TRUE(is_calendar_date(2000, 2, 29)) << "unless it divides by 400";
}

} // namespace
} // namespace stationmap
