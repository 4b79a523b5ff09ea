#include "stationmap/extract/dates.hpp"

#include "stationmap/core/calendar.hpp"
#include "stationmap/core/fold.hpp"
#include "stationmap/lexicon/lexicon.hpp"

#include <charconv>
#include <map>
#include <string>

namespace stationmap {

namespace {

int integer(std::string_view s);

/// A table of lexicons/<language>/<name>.tsv as folded word -> value (the first language listing a word wins).
std::map<std::string, int, std::less<>> value_table(std::string_view name) {
  std::map<std::string, int, std::less<>> out;
  for (const auto& [value, word] : lexicon::table(name)) {
    out.emplace(word, integer(value));
  }
  return out;
}

int month_of(std::string_view w) {
  static const auto months = value_table("months");
  const auto it = months.find(w);
  return it == months.end() ? 0 : it->second;
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

} // namespace

std::optional<std::string> find_date(std::string_view sentence) {
  TokenizedText tt;
  tokenize(sentence, tt);
  std::vector<std::string_view> words;
  words.reserve(tt.tokens.size());
  for (const Token& t : tt.tokens) {
    words.push_back(tt.key(t));
  }
  return find_date_in_words(words);
}

std::optional<std::string> find_date_in_words(const std::vector<std::string_view>& words) {
  const auto n = words.size();
  auto key = [&](std::size_t i) { return i < n ? words[i] : std::string_view{}; };
  for (std::size_t i = 0; i < n; ++i) {
    // 2023年4月17日
    if (key(i + 1) == "年" && is_year(integer(key(i))) && key(i + 3) == "月") {
      const int m = integer(key(i + 2));
      if (m >= 1 && m <= 12) {
        const int d = key(i + 5) == "日" ? integer(key(i + 4)) : 0;
        return iso(integer(key(i)), m, is_calendar_date(integer(key(i)), m, d) ? d : 0);
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
      if (is_year(integer(key(y_at))) && is_calendar_date(integer(key(y_at)), m, d)) {
        return iso(integer(key(y_at)), m, d);
      }
    }
    // April 17, 2023
    if (is_year(integer(key(i + 2))) && is_calendar_date(integer(key(i + 2)), m, integer(key(i + 1)))) {
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
  static const auto words = value_table("numbers");
  const auto it = words.find(w);
  if (it != words.end()) {
    return it->second;
  }
  return std::nullopt;
}

} // namespace stationmap
