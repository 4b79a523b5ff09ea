#include "stationmap/extract/dates.hpp"

#include "stationmap/core/fold.hpp"

#include <array>
#include <charconv>
#include <utility>

namespace stationmap {

namespace {

int month_of(std::string_view w) {
  static const std::array<std::pair<std::string_view, int>, 50> months = {{
      {"january", 1},   {"february", 2}, {"march", 3},      {"april", 4},    {"may", 5},        {"june", 6},
      {"july", 7},      {"august", 8},   {"september", 9},  {"october", 10}, {"november", 11},  {"december", 12},
      {"janvier", 1},   {"fevrier", 2},  {"mars", 3},       {"avril", 4},    {"mai", 5},        {"juin", 6},
      {"juillet", 7},   {"aout", 8},     {"septembre", 9},  {"octobre", 10}, {"novembre", 11},  {"decembre", 12},
      {"enero", 1},     {"febrero", 2},  {"marzo", 3},      {"abril", 4},    {"mayo", 5},       {"junio", 6},
      {"julio", 7},     {"agosto", 8},   {"septiembre", 9}, {"octubre", 10}, {"noviembre", 11}, {"diciembre", 12},
      {"januar", 1},    {"februar", 2},  {"marz", 3},       {"juni", 6},     {"juli", 7},       {"oktober", 10},
      {"dezember", 12}, {"sept", 9},     {"oct", 10},       {"nov", 11},     {"dec", 12},       {"jan", 1},
      {"feb", 2},       {"aug", 8},
  }};
  for (const auto& [name, m] : months) {
    if (w == name) {
      return m;
    }
  }
  return 0;
}

int integer(std::string_view s) {
  int v = 0;
  const auto res = std::from_chars(s.data(), s.data() + s.size(), v);
  return (res.ec == std::errc() && res.ptr == s.data() + s.size()) ? v : -1;
}

std::string two_digits(int v) {
  return (v < 10 ? "0" : "") + std::to_string(v);
}

std::string iso(int y, int m, int d) {
  std::string out = std::to_string(y) + "-" + two_digits(m);
  if (d > 0) {
    out += "-" + two_digits(d);
  }
  return out;
}

bool is_year(int y) {
  return y >= 1900 && y <= 2100;
}
bool is_day(int d) {
  return d >= 1 && d <= 31;
}

} // namespace

std::optional<std::string> find_date(std::string_view sentence) {
  TokenizedText tt;
  tokenize(sentence, tt);
  const auto n = tt.tokens.size();
  auto key = [&](std::size_t i) { return i < n ? tt.key(tt.tokens[i]) : std::string_view{}; };
  for (std::size_t i = 0; i < n; ++i) {
    // 2023年4月17日
    if (key(i + 1) == "年" && is_year(integer(key(i))) && key(i + 3) == "月") {
      const int m = integer(key(i + 2));
      if (m >= 1 && m <= 12) {
        const int d = key(i + 5) == "日" ? integer(key(i + 4)) : 0;
        return iso(integer(key(i)), m, is_day(d) ? d : 0);
      }
    }
    const int m = month_of(key(i));
    if (m == 0) {
      continue;
    }
    // 17 April 2023, 1er décembre 2022, 17 de abril de 2023, 17. April 2023
    if (i >= 1) {
      std::size_t d_at = i - 1;
      if (key(d_at) == "de" && i >= 2) {
        d_at = i - 2;
      }
      std::string_view day = key(d_at);
      if (day == "1er") {
        day = "1";
      }
      const int d = integer(day);
      std::size_t y_at = i + 1;
      if (key(y_at) == "de") {
        ++y_at;
      }
      if (is_day(d) && is_year(integer(key(y_at)))) {
        return iso(integer(key(y_at)), m, d);
      }
    }
    // April 17, 2023
    if (is_day(integer(key(i + 1))) && is_year(integer(key(i + 2)))) {
      return iso(integer(key(i + 2)), m, integer(key(i + 1)));
    }
    // May 2023, décembre 2022
    if (is_year(integer(key(i + 1)))) {
      return iso(integer(key(i + 1)), m, 0);
    }
  }
  return std::nullopt;
}

std::optional<int> number_value(std::string_view w) {
  const int v = integer(w);
  if (v >= 1 && v <= 99) {
    return v;
  }
  static const std::array<std::pair<std::string_view, int>, 44> words = {{
      {"one", 1},  {"two", 2},    {"three", 3},  {"four", 4}, {"five", 5},  {"six", 6},    {"seven", 7}, {"eight", 8},
      {"nine", 9}, {"ten", 10},   {"une", 1},    {"deux", 2}, {"trois", 3}, {"quatre", 4}, {"cinq", 5},  {"dos", 2},
      {"tres", 3}, {"cuatro", 4}, {"cinco", 5},  {"zwei", 2}, {"drei", 3},  {"vier", 4},   {"funf", 5},  {"两", 2},
      {"二", 2},   {"三", 3},     {"四", 4},     {"五", 5},   {"六", 6},    {"七", 7},     {"八", 8},    {"九", 9},
      {"十", 10},  {"sechs", 6},  {"sieben", 7}, {"acht", 8}, {"neun", 9},  {"zehn", 10},  {"seis", 6},  {"siete", 7},
      {"ocho", 8}, {"nueve", 9},  {"diez", 10},  {"sept", 7},
  }};
  for (const auto& [name, value] : words) {
    if (w == name) {
      return value;
    }
  }
  return std::nullopt;
}

} // namespace stationmap
