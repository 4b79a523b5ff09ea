#pragma once
// What the passes ask of a resolved place: its level, whether it contains another, whether it can be a home
// jurisdiction.

#include "stationmap/gazetteer/place.hpp"
#include "stationmap/geography/point_index.hpp"

#include <vector>

namespace stationmap::passes {

enum class Level { Country, Region, City, Other };

/// Country, first- or second-level division (region), populated place (city) or anything else.
Level level_of(const Place& p);

/// How precise a site at @p p is: "country", "region", "city" or "district" (a section of a city).
const char* precision_of(const Place& p);

/// Whether @p outer (a country or an administrative division) contains @p inner.
bool contains_place(const Place& outer, const Place& inner);

/// A district (or a place named beside a city) lies within this many km of its city's gazetteer point: wide
/// enough for the districts of a large city (Tokyo's wards, Auckland's suburbs), narrow enough to keep
/// neighbouring cities apart.
inline constexpr double district_of_city_km = 30.0;

/// A county-level seat lies within this many km of the prefecture-level city that contains it ("Wenzhou ...
/// its district Ruian").
inline constexpr double inner_jurisdiction_km = 60.0;

/// The positions of @p places in the geography PointIndex (the one index for "within N km" questions).
geography::PointIndex point_index_of(const std::vector<const Place*>& places);

/// Whether @p p can be a home jurisdiction: a Chinese city, county or district (not the country, a province
/// or the capital).
bool is_jurisdiction_level(const Place& p);

} // namespace stationmap::passes
