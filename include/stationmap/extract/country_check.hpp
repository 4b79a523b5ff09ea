#pragma once
/// @file
/// Every resolved place's gazetteer country, checked against the country polygon its point lies in. A place
/// inside another country, farther than a coastal/border tolerance from its own, is a problems.csv line
/// ("country-mismatch"), and a station at such a place loses confidence.

#include "stationmap/core/problem_report.hpp"
#include "stationmap/extract/claims.hpp"
#include "stationmap/geography/country_index.hpp"

namespace stationmap {

/// How far (km) a point may lie outside its gazetteer country before it counts as misplaced: covers the
/// generalisation of Natural Earth 1:50m borders and coasts (a few km) and cities on a border river.
inline constexpr double country_tolerance_km = 25.0;

/// Factor applied to the confidence of a station whose place is misplaced.
inline constexpr double misplaced_confidence_factor = 0.5;

/// Checks the places of stations, jurisdictions and mentions (each distinct place once, in place-id order).
void check_countries(ClaimSet& claims, const geography::CountryIndex& countries, ProblemReport& problems);

} // namespace stationmap
