// Builds a gazetteer index (.smidx) from GeoNames-format files. The embedded gazetteer and a user's
// full GeoNames dump (--gazetteer allCountries.txt) both go through this one builder.

#include "aliases.hpp"
#include "index_format.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/core/file_io.hpp"
#include "stationmap/core/fold.hpp"
#include "stationmap/core/lines.hpp"
#include "stationmap/gazetteer/gazetteer.hpp"
#include "stationmap/gazetteer/name_kind.hpp"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <ostream>
#include <unordered_map>
#include <unordered_set>

namespace stationmap {

namespace fs = std::filesystem;

namespace {

std::vector<std::string_view> split_tabs(std::string_view line) {
  std::vector<std::string_view> cols;
  std::size_t start = 0;
  for (;;) {
    const std::size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      cols.push_back(line.substr(start));
      break;
    }
    cols.push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
  return cols;
}

template <typename T> bool parse_number(std::string_view s, T& out) {
  if (s.empty()) {
    return false;
  }
  const auto* end = s.data() + s.size();
  auto res = std::from_chars(s.data(), end, out);
  return res.ec == std::errc() && res.ptr == end;
}

/// Interns strings into the pool; offset 0 is the empty string.
class StringPool {
public:
  StringPool() { m_data.push_back('\0'); }
  std::uint32_t intern(std::string_view s) {
    if (s.empty()) {
      return 0;
    }
    auto it = m_offsets.find(std::string(s));
    if (it != m_offsets.end()) {
      return it->second;
    }
    if (m_data.size() + s.size() + 1 > UINT32_MAX) {
      throw FormatError("gazetteer: string pool exceeds 4 GB");
    }
    const auto off = static_cast<std::uint32_t>(m_data.size());
    m_data.append(s);
    m_data.push_back('\0');
    m_offsets.emplace(std::string(s), off);
    return off;
  }
  [[nodiscard]] const std::string& data() const { return m_data; }

private:
  std::string m_data;
  std::unordered_map<std::string, std::uint32_t> m_offsets;
};

struct SourceFiles {
  fs::path geonames;
  fs::path admin1;
  fs::path admin2;
  fs::path alternate;
  fs::path aliases;        // geodata/aliases.tsv: curated aliases (gazetteer_source::read_aliases)
  fs::path curated_places; // geodata/curated_places.tsv: the keys "cur:" aliases name
};

fs::path first_existing(const fs::path& dir, std::initializer_list<const char*> names) {
  for (const char* n : names) {
    std::error_code ec;
    if (fs::is_regular_file(dir / n, ec)) {
      return dir / n;
    }
  }
  return {};
}

SourceFiles find_sources(const fs::path& source) {
  SourceFiles files;
  std::error_code ec;
  fs::path dir;
  if (fs::is_directory(source, ec)) {
    dir = source;
    files.geonames = first_existing(dir, {"places.txt.gz", "places.txt", "allCountries.txt", "allCountries.txt.gz",
                                          "cities500.txt", "cities1000.txt", "cities5000.txt", "cities15000.txt"});
    if (files.geonames.empty()) {
      throw IoError(source.string(),
                    "no GeoNames table found (expected places.txt.gz, allCountries.txt or citiesN.txt); download "
                    "one from https://download.geonames.org/export/dump/");
    }
  } else if (fs::is_regular_file(source, ec)) {
    files.geonames = source;
    dir = source.parent_path();
  } else {
    throw IoError(source.string(), "gazetteer source does not exist");
  }
  files.admin1 =
      first_existing(dir, {"admin1CodesASCII.txt", "admin1CodesASCII.txt.gz", "admin1Codes.txt.gz", "admin1Codes.txt"});
  files.admin2 = first_existing(dir, {"admin2Codes.txt", "admin2Codes.txt.gz"});
  files.alternate = first_existing(
      dir, {"alternateNamesV2.txt", "alternateNamesV2.txt.gz", "alternateNames.txt.gz", "alternateNames.txt"});
  files.aliases = first_existing(dir, {"aliases.tsv"});
  files.curated_places = first_existing(dir, {"curated_places.tsv"});
  return files;
}

struct RawName {
  std::string key;
  std::uint32_t entry;
  std::string name;
  std::string language;
  std::uint16_t flags;
};

struct RawEntry {
  index_format::Entry entry{};
  std::string name;
  std::string admin1_code;
  std::string admin2_code;
  std::string admin1_key; // "CC.A1"
  std::string admin2_key; // "CC.A1.A2"
};

void copy_code(char* dst, std::size_t cap, std::string_view src) {
  const std::size_t n = std::min(cap - 1, src.size());
  std::memcpy(dst, src.data(), n);
  dst[n] = '\0';
}

bool skipped_language(std::string_view lang) {
  static const std::unordered_set<std::string_view> skip = {"link",    "wkdt", "post", "iata", "icao", "faac",
                                                            "fr_1793", "unlc", "tcid", "uicn", "phon", "piny"};
  return skip.count(lang) != 0;
}

} // namespace

std::string build_gazetteer_index(const fs::path& source, std::ostream* progress) {
  const SourceFiles files = find_sources(source);
  StringPool pool;
  auto say = [&](const std::string& s) {
    if (progress != nullptr) {
      *progress << s << '\n';
    }
  };

  // Admin names.
  std::unordered_map<std::string, std::string> admin_names;
  gazetteer_source::AliasTargets alias_targets;
  for (const fs::path& p : {files.admin1, files.admin2}) {
    if (p.empty()) {
      continue;
    }
    const std::string data = read_maybe_gzip(p);
    for_each_data_line(data, [&](std::string_view line) {
      const auto cols = split_tabs(line);
      if (cols.size() >= 2) {
        admin_names.emplace(std::string(cols[0]), std::string(cols[1]));
      }
      if (std::int64_t id = 0; cols.size() >= 4 && parse_number(cols[3], id)) {
        alias_targets.admin.emplace(std::string(cols[0]), id);
      }
    });
  }

  // Geoname table.
  std::vector<RawEntry> entries;
  std::vector<std::pair<std::int64_t, std::string>> alt_column; // id, comma-separated alternate names
  {
    const std::string data = read_maybe_gzip(files.geonames);
    std::size_t line_no = 0;
    for_each_data_line(data, [&](std::string_view line) {
      ++line_no;
      const auto cols = split_tabs(line);
      if (cols.size() < 15) {
        throw FormatError(files.geonames.string() + ":" + std::to_string(line_no) +
                          ": not a GeoNames table row (expected 19 tab-separated columns)");
      }
      RawEntry re;
      auto& e = re.entry;
      if (!parse_number(cols[0], e.id) || !parse_number(cols[4], e.lat) || !parse_number(cols[5], e.lon)) {
        throw FormatError(files.geonames.string() + ":" + std::to_string(line_no) + ": bad id or coordinates");
      }
      if (!parse_number(cols[14], e.population)) {
        e.population = 0;
      }
      re.name = std::string(cols[1]);
      e.feature_class = cols[6].empty() ? ' ' : cols[6][0];
      copy_code(e.feature_code, sizeof e.feature_code, cols[7]);
      copy_code(e.country, sizeof e.country, cols[8]);
      re.admin1_code = std::string(cols[10]);
      re.admin2_code = std::string(cols[11]);
      if (!cols[10].empty()) {
        re.admin1_key = std::string(cols[8]) + "." + std::string(cols[10]);
        if (!cols[11].empty()) {
          re.admin2_key = re.admin1_key + "." + std::string(cols[11]);
        }
      }
      entries.push_back(std::move(re));
      alt_column.emplace_back(e.id, std::string(cols[3]));
      if (cols[2] != cols[1] && !cols[2].empty()) {
        alt_column.back().second.append(",").append(cols[2]);
      }
    });
  }
  say("gazetteer: " + std::to_string(entries.size()) + " entries from " + files.geonames.string());

  // Entries sorted by id so that the index is the same whatever the input order.
  std::vector<std::size_t> order(entries.size());
  for (std::size_t i = 0; i < order.size(); ++i) {
    order[i] = i;
  }
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return entries[a].entry.id < entries[b].entry.id; });
  std::vector<index_format::Entry> sorted_entries;
  std::vector<std::string> entry_names;
  sorted_entries.reserve(entries.size());
  std::unordered_map<std::int64_t, std::uint32_t> index_of;
  index_of.reserve(entries.size());
  for (std::size_t i : order) {
    auto& re = entries[i];
    if (!index_of.emplace(re.entry.id, static_cast<std::uint32_t>(sorted_entries.size())).second) {
      continue; // duplicate id: the first row wins
    }
    re.entry.name = pool.intern(re.name);
    re.entry.admin1_code = pool.intern(re.admin1_code);
    re.entry.admin2_code = pool.intern(re.admin2_code);
    if (auto it = admin_names.find(re.admin1_key); it != admin_names.end()) {
      re.entry.admin1_name = pool.intern(it->second);
    }
    if (auto it = admin_names.find(re.admin2_key); it != admin_names.end()) {
      re.entry.admin2_name = pool.intern(it->second);
    }
    sorted_entries.push_back(re.entry);
    entry_names.push_back(std::move(re.name));
  }

  // Names.
  std::vector<RawName> names;
  auto add_name = [&](std::uint32_t entry, std::string_view name, std::string_view lang, std::uint16_t flags) {
    std::string key = fold_key(name);
    if (key.empty()) {
      return;
    }
    names.push_back(RawName{std::move(key), entry, std::string(name), std::string(lang), flags});
  };
  for (std::uint32_t i = 0; i < sorted_entries.size(); ++i) {
    add_name(i, entry_names[i], "", name_kind::primary);
  }
  for (const auto& [id, column] : alt_column) {
    const std::uint32_t entry = index_of.at(id);
    std::string_view rest(column);
    while (!rest.empty()) {
      const std::size_t comma = rest.find(',');
      const std::string_view name = rest.substr(0, comma);
      if (!name.empty()) {
        add_name(entry, name, "", name_kind::alternate);
      }
      if (comma == std::string_view::npos) {
        break;
      }
      rest.remove_prefix(comma + 1);
    }
  }
  alt_column.clear();
  alt_column.shrink_to_fit();
  if (!files.alternate.empty()) {
    const std::string data = read_maybe_gzip(files.alternate);
    std::size_t count = 0;
    for_each_data_line(data, [&](std::string_view line) {
      const auto cols = split_tabs(line);
      if (cols.size() < 4) {
        return;
      }
      std::int64_t id = 0;
      if (!parse_number(cols[1], id) || skipped_language(cols[2])) {
        return;
      }
      const auto it = index_of.find(id);
      if (it == index_of.end()) {
        return; // names of places this table does not hold
      }
      std::uint16_t flags = name_kind::alternate | gazetteer_source::language_flags(cols[2]);
      auto flag_col = [&](std::size_t c, std::uint16_t f) {
        if (cols.size() > c && cols[c] == "1") {
          flags |= f;
        }
      };
      flag_col(4, name_kind::preferred);
      flag_col(5, name_kind::short_name);
      flag_col(6, name_kind::colloquial);
      flag_col(7, name_kind::historic);
      add_name(it->second, cols[3], cols[2], flags);
      ++count;
    });
    say("gazetteer: " + std::to_string(count) + " alternate names from " + files.alternate.string());
  }
  if (!files.aliases.empty()) {
    if (!files.curated_places.empty()) {
      alias_targets.curated = gazetteer_source::read_curated_keys(files.curated_places);
    }
    const auto aliases = gazetteer_source::read_aliases(files.aliases, alias_targets,
                                                        [&](std::int64_t id) { return index_of.contains(id); });
    for (const auto& alias : aliases) {
      if (!skipped_language(alias.language)) {
        add_name(index_of.at(alias.id), alias.name, alias.language, alias.flags);
      }
    }
    say("gazetteer: " + std::to_string(aliases.size()) + " curated aliases from " + files.aliases.string());
  }

  // Merge names per (key, entry), the most telling spelling first.
  std::sort(names.begin(), names.end(), [](const RawName& a, const RawName& b) {
    if (a.key != b.key) {
      return a.key < b.key;
    }
    if (a.entry != b.entry) {
      return a.entry < b.entry;
    }
    if (a.flags != b.flags) {
      return a.flags < b.flags; // primary (1) before alternates
    }
    if (a.name != b.name) {
      return a.name < b.name;
    }
    return a.language < b.language;
  });
  std::vector<index_format::Key> keys;
  std::vector<index_format::Posting> postings;
  std::vector<std::string_view> key_texts;
  for (std::size_t i = 0; i < names.size();) {
    std::size_t j = i;
    index_format::Key key{pool.intern(names[i].key), static_cast<std::uint32_t>(postings.size()), 0, 0};
    while (j < names.size() && names[j].key == names[i].key) {
      std::size_t k = j;
      std::uint16_t flags = 0;
      bool also_a_name = false; // the key is a name of the entry, not only its demonym ("Vatican")
      std::string_view language;
      while (k < names.size() && names[k].key == names[i].key && names[k].entry == names[j].entry) {
        flags = static_cast<std::uint16_t>(flags | names[k].flags);
        also_a_name = also_a_name || (names[k].flags & name_kind::demonym) == 0U;
        if (language.empty()) {
          language = names[k].language;
        }
        ++k;
      }
      // An entry's own primary name beats "demonym"/"abbreviation" classification of the same key.
      if ((flags & name_kind::primary) != 0U) {
        flags = static_cast<std::uint16_t>(flags & ~(name_kind::demonym | name_kind::abbreviation));
      } else if (also_a_name) {
        flags = static_cast<std::uint16_t>(flags & ~name_kind::demonym);
      }
      postings.push_back(
          index_format::Posting{names[j].entry, pool.intern(names[j].name), pool.intern(language), flags, 0});
      j = k;
    }
    key.postings_count = static_cast<std::uint32_t>(postings.size() - key.postings_begin);
    auto begin = postings.begin() + key.postings_begin;
    std::stable_sort(begin, postings.end(), [&](const auto& a, const auto& b) {
      const auto& ea = sorted_entries[a.entry];
      const auto& eb = sorted_entries[b.entry];
      if (ea.population != eb.population) {
        return ea.population > eb.population;
      }
      return ea.id < eb.id;
    });
    keys.push_back(key);
    i = j;
  }
  // Prefix keys: "new york" is a prefix of "new york city".
  {
    std::unordered_set<std::string> existing;
    existing.reserve(keys.size());
    std::vector<std::string> all_keys;
    all_keys.reserve(keys.size());
    for (const auto& k : keys) {
      all_keys.emplace_back(pool.data().c_str() + k.text);
    }
    existing.insert(all_keys.begin(), all_keys.end());
    std::unordered_set<std::string> prefixes;
    for (const auto& k : all_keys) {
      for (std::size_t p = k.find(' '); p != std::string::npos; p = k.find(' ', p + 1)) {
        prefixes.insert(k.substr(0, p));
      }
    }
    for (auto& k : keys) {
      if (prefixes.count(pool.data().c_str() + k.text) != 0) {
        k.flags |= index_format::key_is_prefix;
      }
    }
    std::vector<std::string> only_prefixes;
    for (const auto& p : prefixes) {
      if (existing.count(p) == 0) {
        only_prefixes.push_back(p);
      }
    }
    std::sort(only_prefixes.begin(), only_prefixes.end());
    for (const auto& p : only_prefixes) {
      keys.push_back(index_format::Key{pool.intern(p), 0, 0, index_format::key_is_prefix});
    }
    std::sort(keys.begin(), keys.end(), [&](const auto& a, const auto& b) {
      return std::strcmp(pool.data().c_str() + a.text, pool.data().c_str() + b.text) < 0;
    });
  }
  say("gazetteer: " + std::to_string(keys.size()) + " keys, " + std::to_string(postings.size()) + " postings");

  // Hash table.
  std::uint64_t slot_count = 1;
  while (slot_count < keys.size() * 2 + 16) {
    slot_count <<= 1U;
  }
  std::vector<std::uint32_t> slots(slot_count, 0);
  for (std::uint32_t i = 0; i < keys.size(); ++i) {
    const std::uint64_t h = Gazetteer::hash_key(pool.data().c_str() + keys[i].text);
    for (std::uint64_t s = h & (slot_count - 1);; s = (s + 1) & (slot_count - 1)) {
      if (slots[s] == 0) {
        slots[s] = i + 1;
        break;
      }
    }
  }

  // Serialise.
  auto align8 = [](std::uint64_t x) { return (x + 7) & ~std::uint64_t{7}; };
  index_format::Header header{};
  std::memcpy(header.magic, index_format::magic, sizeof header.magic);
  header.entry_count = sorted_entries.size();
  header.key_count = keys.size();
  header.posting_count = postings.size();
  header.slot_count = slot_count;
  header.entries_offset = align8(sizeof header);
  header.keys_offset = align8(header.entries_offset + sorted_entries.size() * sizeof(index_format::Entry));
  header.postings_offset = align8(header.keys_offset + keys.size() * sizeof(index_format::Key));
  header.slots_offset = align8(header.postings_offset + postings.size() * sizeof(index_format::Posting));
  header.strings_offset = align8(header.slots_offset + slots.size() * sizeof(std::uint32_t));
  header.strings_size = pool.data().size();
  header.file_size = header.strings_offset + header.strings_size;
  std::string out(header.file_size, '\0');
  auto put = [&](std::uint64_t off, const void* p, std::size_t n) {
    if (n > 0) {
      std::memcpy(out.data() + off, p, n);
    }
  };
  put(0, &header, sizeof header);
  put(header.entries_offset, sorted_entries.data(), sorted_entries.size() * sizeof(index_format::Entry));
  put(header.keys_offset, keys.data(), keys.size() * sizeof(index_format::Key));
  put(header.postings_offset, postings.data(), postings.size() * sizeof(index_format::Posting));
  put(header.slots_offset, slots.data(), slots.size() * sizeof(std::uint32_t));
  put(header.strings_offset, pool.data().data(), pool.data().size());
  return out;
}

} // namespace stationmap
