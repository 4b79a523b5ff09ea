#pragma once
/// @file
/// Which country a point lies in: an R-tree (Boost.Geometry) over the polygons of the embedded Natural Earth
/// admin-0 countries, and the check of a place's gazetteer country against it.

#include "stationmap/geography/topojson.hpp"

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace stationmap::geography {

/// A country of the basemap.
struct Country {
  std::string code;                  ///< ISO 3166-1 alpha-2; empty for unnamed territories
  std::string name;                  ///< Natural Earth's short name
  std::vector<std::string> includes; ///< codes of territories drawn inside this country (GF in FR...)

  /// Whether a place coded @p gazetteer_code belongs in this country's polygon.
  [[nodiscard]] bool covers(std::string_view gazetteer_code) const;
};

/// How a point relates to the country its gazetteer entry names.
enum class CountryFit : unsigned char {
  Inside,     ///< inside a polygon of that country
  NearBorder, ///< inside another country, but within the tolerance of its own
  AtSea,      ///< in no polygon (coast generalised away, small islands): nothing to say
  Unchecked,  ///< the basemap has no polygon for that code, or the point is in an unnamed territory
  Elsewhere,  ///< inside another country and farther than the tolerance from its own: a mismatch
};

struct CountryCheck {
  CountryFit fit = CountryFit::Unchecked;
  const Country* found = nullptr; ///< the country the point lies in, when any
};

class CountryIndex {
public:
  /// Indexes the Polygon/MultiPolygon features of @p object (properties iso_a2, name, includes).
  explicit CountryIndex(const Topology& topology, const std::string& object = "countries");
  ~CountryIndex();
  CountryIndex(CountryIndex&&) noexcept;
  CountryIndex& operator=(CountryIndex&&) noexcept;

  /// The 1:50m countries of geodata/naturalearth, loaded once. Throws IoError when the file is missing.
  static const CountryIndex& embedded();

  /// The country whose polygon contains the point, or nullptr (sea).
  [[nodiscard]] const Country* country_at(Position p) const;
  /// Whether a polygon of the country @p code comes within @p km of the point.
  [[nodiscard]] bool near(Position p, std::string_view code, double km) const;
  /// Checks @p gazetteer_code against the polygon the point lies in, allowing @p tolerance_km across borders.
  [[nodiscard]] CountryCheck check(Position p, std::string_view gazetteer_code, double tolerance_km) const;

  [[nodiscard]] const std::vector<Country>& countries() const;

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

/// geodata/naturalearth/countries-<scale>.json ("110m", "50m") from the source tree or the installed share
/// folder. Throws IoError when neither has it.
std::filesystem::path naturalearth_file(std::string_view scale);

/// The countries of naturalearth_file(@p scale), parsed once per process (the country check, the basemap layers
/// and the basemap tiles of a build all draw on the 1:50m ones; about 5 MB). Thread-safe. Throws as
/// naturalearth_file() and parse_topojson().
const Topology& embedded_topology(std::string_view scale);

} // namespace stationmap::geography
