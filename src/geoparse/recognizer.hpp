#pragma once
// Recognition: the longest gazetteer keys in a tokenised text, filtered against false positives.

#include "stationmap/core/fold.hpp"
#include "stationmap/gazetteer/gazetteer.hpp"

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace stationmap::detail {

/// A run of tokens [first, last] that is a gazetteer key.
struct KeyMatch {
  std::size_t first = 0;
  std::size_t last = 0;
  Gazetteer::KeyRef key;
  bool demonym = false;             ///< every posting of the key is a demonym: context only, not a mention
  std::size_t qualifier = SIZE_MAX; ///< index of the match that qualifies this one ("Paris, Texas"), if any
};

/// Finds the place-name matches of @p tt (tokenised @p text), in text order.
std::vector<KeyMatch> recognize(const Gazetteer& gazetteer, std::string_view text, const TokenizedText& tt);

/// The folded key of tokens [first, last] joined by spaces.
std::string joined_key(const TokenizedText& tt, std::size_t first, std::size_t last);

/// The folded key of tokens [first, last] without separators (Chinese and Japanese names).
std::string unspaced_key(const TokenizedText& tt, std::size_t first, std::size_t last);

/// The region an adjective or plural noun of people names, by English demonym endings ("South Ossetian" ->
/// "south ossetia", "Ontarians" -> "ontario", "Dagestani" -> "dagestan"): the key and its folded text, when the
/// gazetteer knows such a name for a country or division.
std::optional<std::pair<Gazetteer::KeyRef, std::string>> region_of_adjective(const Gazetteer& gazetteer,
                                                                             const std::string& folded);

/// True when the key names the people of a country or first-level division and otherwise only places that are
/// neither regions nor cities of 100,000 ("Canadian": Canada, not Canadian County).
bool demonym_dominates(const Gazetteer& gazetteer, Gazetteer::KeyRef key);

/// GeoNames feature codes of places larger than any town that carry no population: world regions and
/// supranational zones (EU), oceans and seas, large lakes and rivers, islands, peninsulas, deserts, plateaus and
/// mountain ranges (the curated rows of geodata/).
inline constexpr std::array<std::string_view, 17> large_feature_codes = {"CHN", "DSRT", "GULF", "ISL",  "LK",  "LKS",
                                                                         "MTS", "OCN",  "PEN",  "PLAT", "RGN", "SEA",
                                                                         "STM", "STRT", "VAL",  "ZN",   "ZNB"};

/// True for the feature codes of large_feature_codes.
bool is_large_feature(std::string_view feature_code);

/// True when a posting with these flags names its entry only as a demonym ("Chinese").
bool is_demonym_only(std::uint16_t flags);

/// True when the key's postings include a real name (not only demonyms / abbreviations).
/// @p require_known_alternate: alternate names count only when is_well_known_name() (recognition in Latin script).
bool has_real_name(const Gazetteer& gazetteer, Gazetteer::KeyRef key, bool allow_abbreviation,
                   bool require_known_alternate = false);

/// Whether a posting's name is one running text uses for its entry: a main, preferred (curated aliases not marked
/// short, colloquial or historic among them) or abbreviated name, or an alternate name of a country, division or
/// big city.
bool is_well_known_name(const Gazetteer& gazetteer, const Gazetteer::PostingView& posting);

/// Whether a posting is an alternate name of a country's capital or a first-level division's seat (Firenze for
/// Florence): such exonyms and endonyms are common in running text, but so are codes among them.
bool is_seat_alternate_name(const Gazetteer& gazetteer, const Gazetteer::PostingView& posting);

} // namespace stationmap::detail
