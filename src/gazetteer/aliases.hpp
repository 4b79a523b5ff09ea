#pragma once
// The curated aliases of geodata/aliases.tsv (format in its header) read straight into the index, so that an
// alias added there reaches the gazetteer at the next build without regenerating alternateNames.txt.gz
// (tools/fetch_geodata.py merges the same file into it; a name found in both merges into one posting).

#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace stationmap::gazetteer_source {

/// The name-kind flags (stationmap/gazetteer/name_kind.hpp) an alternate name takes from its GeoNames
/// isolanguage: "abbr" an abbreviation, "x-abbr-context" one that needs its country, "x-demonym" a demonym.
[[nodiscard]] std::uint16_t language_flags(std::string_view language);

/// A line of aliases.tsv with its target resolved to a row id of the geoname table.
struct CuratedAlias {
  std::int64_t id = 0;
  std::string name;
  std::string language;
  std::uint16_t flags = 0; ///< name_kind flags, as the same alias has in alternateNames
};

/// The row ids an alias target may name besides "gn:<geonameid>": admin codes ("CC.A1", "CC.A1.A2") -> the
/// geonameid column of the admin codes tables, curated_places.tsv keys -> their row ids.
struct AliasTargets {
  std::unordered_map<std::string, std::int64_t> admin;
  std::unordered_map<std::string, std::int64_t> curated;
};

/// The curated_places.tsv keys and their row ids (the builder of geodata/ numbers them from a base id).
[[nodiscard]] std::unordered_map<std::string, std::int64_t> read_curated_keys(const std::filesystem::path& file);

/// Every alias of @p file, resolved with @p targets; @p is_row says whether an id is a row of the table.
/// Throws FormatError naming the file and line of a malformed line or a target that names no row.
[[nodiscard]] std::vector<CuratedAlias> read_aliases(const std::filesystem::path& file, const AliasTargets& targets,
                                                     const std::function<bool(std::int64_t)>& is_row);

} // namespace stationmap::gazetteer_source
