#pragma once
// Shared helpers of the geoparser tests: the fixture gazetteer (tests/geoparse/data/fixture, GeoNames format,
// written for these tests) and the embedded one, and short ways to ask what a text names.

#include "stationmap/gazetteer/gazetteer.hpp"
#include "stationmap/geoparse/geoparser.hpp"

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace stationmap::test {

inline const Gazetteer& fixture_gazetteer() {
  static const Gazetteer g = Gazetteer::open(std::filesystem::path(STATIONMAP_TEST_DATA) / "fixture");
  return g;
}

inline const Gazetteer& embedded_gazetteer() {
  static const Gazetteer g = Gazetteer::open(STATIONMAP_EMBEDDED_INDEX);
  return g;
}

/// The texts of the places parse() finds.
inline std::vector<std::string> found(const Gazetteer& g, const std::string& text) {
  std::vector<std::string> out;
  for (const Mention& m : Geoparser(g).parse(text)) {
    out.push_back(m.text);
  }
  return out;
}

inline bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

/// The first mention whose text is @p name, or nullptr.
inline const Mention* mention_named(const std::vector<Mention>& ms, const std::string& name) {
  for (const Mention& m : ms) {
    if (m.text == name) {
      return &m;
    }
  }
  return nullptr;
}

} // namespace stationmap::test
