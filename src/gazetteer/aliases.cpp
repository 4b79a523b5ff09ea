#include "aliases.hpp"

#include "stationmap/core/error.hpp"
#include "stationmap/core/file_io.hpp"
#include "stationmap/gazetteer/name_kind.hpp"

#include <charconv>
#include <optional>
#include <sstream>

namespace stationmap::gazetteer_source {

namespace {

// The ids tools/fetch_geodata.py gives the rows it synthesises (COUNTRY_BASE and CURATED_BASE there):
// a country is country_base + 26 * (first letter - 'A') + (second letter - 'A') of its ISO 3166-1 alpha-2 code,
// a curated place curated_base + the number in the first column of curated_places.tsv.
constexpr std::int64_t country_base = 1'000'000'000;
constexpr std::int64_t curated_base = 1'000'001'000;

/// The file's non-blank, non-comment lines with their line numbers, split at tabs.
std::vector<std::pair<std::size_t, std::vector<std::string>>> tsv_rows(const std::filesystem::path& file) {
  std::vector<std::pair<std::size_t, std::vector<std::string>>> rows;
  std::istringstream in(read_file(file, 64U << 20U));
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    if (line.empty() || line.front() == '#' || line.find_first_not_of(" \t") == std::string::npos) {
      continue;
    }
    std::vector<std::string> cols;
    std::istringstream fields(line);
    for (std::string col; std::getline(fields, col, '\t');) {
      cols.push_back(col);
    }
    rows.emplace_back(number, std::move(cols));
  }
  return rows;
}

/// Leading and trailing whitespace removed, inner runs of it made one space (as the geodata builder cleans names).
std::string clean(std::string_view text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f') {
      space = !out.empty();
      continue;
    }
    if (space) {
      out += ' ';
      space = false;
    }
    out += c;
  }
  return out;
}

std::optional<std::int64_t> number(std::string_view text) {
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size()) {
    return std::nullopt;
  }
  return value;
}

std::optional<std::int64_t> country_id(std::string_view code) {
  if (code.size() != 2 || code[0] < 'A' || code[0] > 'Z' || code[1] < 'A' || code[1] > 'Z') {
    return std::nullopt;
  }
  return country_base + 26 * (code[0] - 'A') + (code[1] - 'A');
}

std::optional<std::int64_t> lookup(const std::unordered_map<std::string, std::int64_t>& ids, std::string_view key) {
  const auto it = ids.find(std::string(key));
  return it == ids.end() ? std::nullopt : std::optional<std::int64_t>(it->second);
}

/// The row id a target names: gn:<geonameid>, country:<CC>, adm1:<CC>.<A1>, adm2:<CC>.<A1>.<A2>, cur:<key>.
std::optional<std::int64_t> target_id(std::string_view target, const AliasTargets& targets) {
  const std::size_t colon = target.find(':');
  if (colon == std::string_view::npos) {
    return std::nullopt;
  }
  const std::string_view kind = target.substr(0, colon);
  const std::string_view value = target.substr(colon + 1);
  if (kind == "gn") {
    return number(value);
  }
  if (kind == "country") {
    return country_id(value);
  }
  if (kind == "adm1" || kind == "adm2") {
    return lookup(targets.admin, value);
  }
  if (kind == "cur") {
    return lookup(targets.curated, value);
  }
  return std::nullopt;
}

/// The flags column (short, colloquial, historic, preferred): curated aliases are vetted spellings, preferred
/// unless marked short, colloquial or historic.
std::uint16_t alias_flags(std::string_view language, std::string_view flags) {
  const auto has = [&](std::string_view word) { return flags.find(word) != std::string_view::npos; };
  std::uint16_t out = name_kind::alternate | language_flags(language);
  if (has("short")) {
    out |= name_kind::short_name;
  }
  if (has("colloquial")) {
    out |= name_kind::colloquial;
  }
  if (has("historic")) {
    out |= name_kind::historic;
  }
  if (has("preferred") || (!has("short") && !has("colloquial") && !has("historic"))) {
    out |= name_kind::preferred;
  }
  return out;
}

} // namespace

std::uint16_t language_flags(std::string_view language) {
  if (language == "abbr") {
    return name_kind::abbreviation;
  }
  if (language == "x-abbr-context") {
    return name_kind::abbreviation | name_kind::needs_context;
  }
  if (language == "x-demonym") {
    return name_kind::demonym;
  }
  return 0;
}

std::unordered_map<std::string, std::int64_t> read_curated_keys(const std::filesystem::path& file) {
  std::unordered_map<std::string, std::int64_t> keys;
  for (const auto& [line, cols] : tsv_rows(file)) {
    const std::optional<std::int64_t> num = cols.size() >= 2 ? number(clean(cols[0])) : std::nullopt;
    if (!num) {
      throw FormatError(file.string() + ":" + std::to_string(line) + ": expected num<TAB>key<TAB>...");
    }
    keys.emplace(clean(cols[1]), curated_base + *num);
  }
  return keys;
}

std::vector<CuratedAlias> read_aliases(const std::filesystem::path& file, const AliasTargets& targets,
                                       const std::function<bool(std::int64_t)>& is_row) {
  std::vector<CuratedAlias> aliases;
  for (const auto& [line, cols] : tsv_rows(file)) {
    const std::string where = file.string() + ":" + std::to_string(line);
    if (cols.size() < 2) {
      throw FormatError(where + ": expected target<TAB>alias[<TAB>isolanguage[<TAB>flags]]");
    }
    const std::string target = clean(cols[0]);
    const std::optional<std::int64_t> id = target_id(target, targets);
    if (!id || !is_row(*id)) {
      throw FormatError(where + ": unknown target " + target);
    }
    CuratedAlias alias;
    alias.id = *id;
    alias.name = clean(cols[1]);
    alias.language = cols.size() > 2 ? clean(cols[2]) : "";
    alias.flags = alias_flags(alias.language, cols.size() > 3 ? clean(cols[3]) : "");
    if (!alias.name.empty()) {
      aliases.push_back(std::move(alias));
    }
  }
  return aliases;
}

} // namespace stationmap::gazetteer_source
