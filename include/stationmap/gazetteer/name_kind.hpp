#pragma once
/// @file
/// Flags describing how a name belongs to a gazetteer entry (after GeoNames' alternateNamesV2 columns).

#include <cstdint>

namespace stationmap::name_kind {

inline constexpr std::uint16_t primary = 1U << 0U;      ///< the entry's main name (GeoNames "name")
inline constexpr std::uint16_t ascii = 1U << 1U;        ///< GeoNames "asciiname"
inline constexpr std::uint16_t alternate = 1U << 2U;    ///< an alternate name
inline constexpr std::uint16_t abbreviation = 1U << 3U; ///< "abbr" pseudo-language: USA, U.K., Calif.
inline constexpr std::uint16_t demonym = 1U << 4U;      ///< "x-demonym" pseudo-language: Chinese, français
inline constexpr std::uint16_t short_name = 1U << 5U;   ///< isShortName: "Rapides" for "Rapides Parish"
inline constexpr std::uint16_t preferred = 1U << 6U;    ///< isPreferredName
inline constexpr std::uint16_t colloquial = 1U << 7U;   ///< isColloquial
inline constexpr std::uint16_t historic = 1U << 8U;     ///< isHistoric
// 1U << 9U is free. The curated aliases of geodata/aliases.tsv take the flags above as the same name has in
// alternateNames (gazetteer_source::read_aliases): preferred unless marked short, colloquial or historic.
/// "x-abbr-context" pseudo-language: an abbreviation that names its place only when the document also names the
/// place's country ("BC" beside Vancouver, "SA" beside Adelaide); also flagged as an abbreviation.
inline constexpr std::uint16_t needs_context = 1U << 10U;

} // namespace stationmap::name_kind
