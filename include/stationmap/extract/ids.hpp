#pragma once
/// @file
/// Stable feature ids. Every id is derived from the place it stands for, never from the order in which
/// documents or claims arrive, so adding or removing documents changes no existing id and analysts'
/// corrections keep their target:
///   place key    `gn<geonameid>` for GeoNames entries, `sm<id>` for the gazetteer's own entries, and for a
///                point given by coordinates only (a correction's `LAT LON`) `at<lat>_<lon>_<hash>`: the
///                coordinates rounded to 5 decimals (about 1 m) and a hash of the folded name;
///   station      `station-<place key>`
///   jurisdiction `jurisdiction-<place key>`
///   link         `link-<station place key>-<jurisdiction place key>`
///   place        `p<place key>` for a gazetteer entry's id, as in mentions.csv

#include "stationmap/gazetteer/place.hpp"

#include <cstddef>
#include <cstdint>
#include <string>

namespace stationmap {

/// A place key (above) as a value that is cheap to make, compare and hash: the number of a `gn` or `sm` key, the
/// text only of an `at` key. Two keys are equal exactly when their texts are: a merge can look sites up by it
/// and spell the ids once per site rather than once per claim.
struct PlaceKey {
  enum class Kind : std::uint8_t { GeoNames, Gazetteer, At };
  Kind kind = Kind::At;
  std::int64_t number = 0; ///< the geonameid (GeoNames) or the gazetteer id (Gazetteer)
  std::string at;          ///< the whole key text (At only)

  [[nodiscard]] static PlaceKey of(const Place& place);
  /// The key as text: `gn<geonameid>`, `sm<id>` or `at<lat>_<lon>_<hash>`.
  [[nodiscard]] std::string text() const;

  friend bool operator==(const PlaceKey&, const PlaceKey&) = default;
  struct Hash {
    std::size_t operator()(const PlaceKey& key) const;
  };
};

/// The key of a place, as above.
std::string place_key(const Place& place);
std::string station_id_of(const Place& site);
std::string jurisdiction_id_of(const Place& jurisdiction);
/// The link between a station and a jurisdiction, from their ids.
std::string link_id_of(const std::string& station_id, const std::string& jurisdiction_id);
/// The place id of mentions.csv and places.geojson.
std::string place_id_of(const Place& place);

} // namespace stationmap
