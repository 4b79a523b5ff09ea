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

#include <string>

namespace stationmap {

/// The key of a place, as above.
std::string place_key(const Place& place);
std::string station_id_of(const Place& site);
std::string jurisdiction_id_of(const Place& jurisdiction);
/// The link between a station and a jurisdiction, from their ids.
std::string link_id_of(const std::string& station_id, const std::string& jurisdiction_id);
/// The place id of mentions.csv and places.geojson.
std::string place_id_of(const Place& place);

} // namespace stationmap
