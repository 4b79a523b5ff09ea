#pragma once
// What the passes ask of a resolved place: its level, whether it contains another, whether it can be a home
// jurisdiction.

#include "stationmap/gazetteer/place.hpp"

namespace stationmap::passes {

enum class Level { Country, Region, City, Other };

/// Country, first- or second-level division (region), populated place (city) or anything else.
Level level_of(const Place& p);

/// How precise a site at @p p is: "country", "region", "city" or "district" (a section of a city).
const char* precision_of(const Place& p);

/// Whether @p outer (a country or an administrative division) contains @p inner.
bool contains_place(const Place& outer, const Place& inner);

/// Whether @p p can be a home jurisdiction: a Chinese city, county or district (not the country, a province
/// or the capital).
bool is_jurisdiction_level(const Place& p);

} // namespace stationmap::passes
