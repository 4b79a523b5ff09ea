#pragma once
/// @file
/// A position on WGS 84, the one lon/lat type of every stage (render, tiles, geography...).

namespace stationmap {

/// A position in degrees: longitude first, as in GeoJSON.
struct LonLat {
  double lon = 0.0;
  double lat = 0.0;
  bool operator==(const LonLat&) const = default;
};

} // namespace stationmap
