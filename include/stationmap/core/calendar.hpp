#pragma once
/// @file
/// Real calendar dates: every date stationmap reads (a document's metadata, a date in a sentence) is checked
/// here, so that "2023-02-31" is no date anywhere.

namespace stationmap {

/// True in the leap years of the Gregorian calendar.
constexpr bool is_leap_year(int year) {
  return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/// Days in @p month (1..12) of @p year; 0 for a month out of range.
constexpr int days_in_month(int year, int month) {
  constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) {
    return 0;
  }
  return month == 2 && is_leap_year(year) ? 29 : days[month - 1];
}

/// True when @p year-@p month-@p day is a day of the Gregorian calendar (2024-02-29 is, 2023-02-29 is not).
constexpr bool is_calendar_date(int year, int month, int day) {
  return year >= 1 && day >= 1 && day <= days_in_month(year, month);
}

} // namespace stationmap
