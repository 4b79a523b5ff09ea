#pragma once
/// @file
/// Mention: one place name found in a document, resolved (or not) to a gazetteer Place.

#include "stationmap/gazetteer/place.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace stationmap {

/// A place name in a document's text. Offsets are Unicode code points, end exclusive.
struct Mention {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  std::string text;           ///< the span as written
  std::optional<Place> place; ///< resolved entry, or nothing when no candidate fits
  double confidence = 0.0;    ///< 0..1: how sure the resolution is
  bool demonym = false;       ///< matched as a demonym ("Chinese" -> China)
};

} // namespace stationmap
