#include "stationmap/lexicon/lexicon.hpp"

#include "stationmap/core/fold.hpp"
#include "stationmap/core/lines.hpp"

#include <algorithm>
#include <deque>
#include <map>
#include <set>

namespace stationmap::lexicon {

namespace {

/// The lines of @p text without comments (from '#') and trailing blanks.
std::vector<std::string_view> content_lines(std::string_view text) {
  std::vector<std::string_view> out;
  for_each_data_line(text, [&](std::string_view line) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) {
      line.remove_suffix(1);
    }
    if (!line.empty()) {
      out.push_back(line);
    }
  });
  return out;
}

struct Stem {
  std::string language;
  std::string name;
  bool table = false;
};

/// "en/station.txt" -> {"en", "station", false}.
Stem stem_of(std::string_view path) {
  const std::size_t slash = path.find('/');
  const std::size_t dot = path.rfind('.');
  Stem s;
  s.language = std::string(path.substr(0, slash));
  s.name = std::string(path.substr(slash + 1, dot - slash - 1));
  s.table = path.substr(dot) == ".tsv";
  return s;
}

struct Store {
  std::deque<std::string> strings; // stable storage for the views of `lists`
  std::map<std::string, std::vector<std::string_view>, std::less<>> lists;
  std::map<std::string, std::vector<std::pair<std::string, std::string>>, std::less<>> tables;
  std::set<std::string> languages;
};

const Store& store() {
  static const Store s = [] {
    Store out;
    std::map<std::string, std::set<std::string>> lists;
    for (std::size_t i = 0; i < detail::embedded_lexicon_count; ++i) {
      const auto& file = detail::embedded_lexicons[i];
      const Stem stem = stem_of(file.path);
      out.languages.insert(stem.language);
      if (stem.table) {
        auto& rows = out.tables[stem.name];
        for (auto& row : parse_table(file.text)) {
          rows.push_back(std::move(row));
        }
      } else {
        for (auto& phrase : parse_list(file.text)) {
          lists[stem.name].insert(std::move(phrase));
        }
      }
    }
    for (const auto& [name, phrases] : lists) {
      auto& views = out.lists[name];
      for (const auto& p : phrases) {
        views.emplace_back(out.strings.emplace_back(p));
      }
    }
    return out;
  }();
  return s;
}

} // namespace

std::vector<std::string> parse_list(std::string_view text) {
  std::vector<std::string> out;
  for (const std::string_view line : content_lines(text)) {
    std::string key = fold_key(line);
    if (!key.empty()) {
      out.push_back(std::move(key));
    }
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> parse_table(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const std::string_view line : content_lines(text)) {
    const std::size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0) {
      continue;
    }
    std::string key = fold_key(line.substr(tab + 1));
    if (!key.empty()) {
      out.emplace_back(std::string(line.substr(0, tab)), std::move(key));
    }
  }
  return out;
}

const std::vector<std::string_view>& phrases(std::string_view name) {
  static const std::vector<std::string_view> none;
  const auto& lists = store().lists;
  const auto it = lists.find(name);
  return it == lists.end() ? none : it->second;
}

const std::vector<std::pair<std::string, std::string>>& table(std::string_view name) {
  static const std::vector<std::pair<std::string, std::string>> none;
  const auto& tables = store().tables;
  const auto it = tables.find(name);
  return it == tables.end() ? none : it->second;
}

std::vector<std::string> languages() {
  const auto& l = store().languages;
  return {l.begin(), l.end()};
}

} // namespace stationmap::lexicon
