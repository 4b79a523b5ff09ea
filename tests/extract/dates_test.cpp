#include "stationmap/extract/dates.hpp"

#include <gtest/gtest.h>

using stationmap::find_date;
using stationmap::number_value;

TEST(FindDate, ReadsDayMonthYearInFourLanguages) {
  EXPECT_EQ(find_date("The office was closed on 17 April 2023."), "2023-04-17");
  EXPECT_EQ(find_date("publié le 6 décembre 2022 à 20h15"), "2022-12-06");
  EXPECT_EQ(find_date("cerrada el 1 de marzo de 2023"), "2023-03-01");
  EXPECT_EQ(find_date("am 17. April 2023 geschlossen"), "2023-04-17");
}

TEST(FindDate, ReadsMonthFirstAndMonthOnlyForms) {
  EXPECT_EQ(find_date("Police searched it on April 17, 2023."), "2023-04-17");
  EXPECT_EQ(find_date("Japanese police searched it in May 2023."), "2023-05");
}

TEST(FindDate, ReadsChineseDates) {
  EXPECT_EQ(find_date("美国司法部于2023年4月17日宣布"), "2023-04-17");
  EXPECT_EQ(find_date("2022年10月对这处办公室进行了搜查"), "2022-10");
}

TEST(FindDate, IgnoresYearsAloneAndNumbersThatAreNotDates) {
  EXPECT_FALSE(find_date("In 2019 the bureau had 21 stations.").has_value());
  EXPECT_FALSE(find_date("The report, 110 Overseas, counted 54 stations.").has_value());
}

TEST(FindDate, ADayTheMonthDoesNotHaveIsNoDay) {
  EXPECT_EQ(find_date("It was said to have opened on 31 February 2023."), "2023-02");
  EXPECT_FALSE(find_date("Police searched it on February 30, 2023.").has_value());
  EXPECT_EQ(find_date("Police searched it on February 29, 2024."), "2024-02-29");
  EXPECT_EQ(find_date("美国司法部于2023年2月30日宣布"), "2023-02");
}

TEST(NumberValue, ReadsDigitsAndNumberWords) {
  EXPECT_EQ(number_value("3"), 3);
  EXPECT_EQ(number_value("three"), 3);
  EXPECT_EQ(number_value("trois"), 3);
  EXPECT_EQ(number_value("tres"), 3);
  EXPECT_EQ(number_value("drei"), 3);
  EXPECT_EQ(number_value("三"), 3);
  EXPECT_FALSE(number_value("2023").has_value());
  EXPECT_FALSE(number_value("madrid").has_value());
}
