#pragma once
/// @file
/// Place: one gazetteer entry as a plain value (no handles into the index), as it crosses stage boundaries.

#include <cstdint>
#include <optional>
#include <string>

namespace stationmap {

/// A gazetteer entry. Feature classes and codes follow GeoNames (https://www.geonames.org/export/codes.html):
/// class A (country, ADM1, ADM2...), P (populated place), etc.
struct Place {
  std::uint32_t index = 0;               ///< position in the loaded gazetteer (stable for one gazetteer)
  std::int64_t id = 0;                   ///< geonameid, or a synthetic id >= 1,000,000,000
  std::optional<std::int64_t> geonameid; ///< the GeoNames id when the entry has one
  std::string name;                      ///< preferred name
  double lat = 0.0;
  double lon = 0.0;
  char feature_class = 'P';
  std::string feature_code; ///< "PCLI", "ADM1", "PPLC"...
  std::string country;      ///< ISO 3166-1 alpha-2
  std::string admin1_code;
  std::string admin1_name;
  std::string admin2_code;
  std::string admin2_name;
  std::int64_t population = 0;

  [[nodiscard]] bool is_country() const {
    return feature_class == 'A' && feature_code.size() >= 3 && feature_code.compare(0, 3, "PCL") == 0;
  }
  [[nodiscard]] bool is_admin1() const { return feature_class == 'A' && feature_code == "ADM1"; }
  [[nodiscard]] bool is_admin2() const { return feature_class == 'A' && feature_code == "ADM2"; }

  friend bool operator==(const Place&, const Place&) = default;
};

} // namespace stationmap
