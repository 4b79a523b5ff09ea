#pragma once
/// @file
/// Which points lie near a point: an R-tree (Boost.Geometry) over lon/lat positions, queried by great-circle
/// distance (core/great_circle.hpp). The one index for "within N km of each other" questions (the merge's
/// jurisdictions of one bureau, ...), like CountryIndex is the one for "in which country".

#include "stationmap/geography/topojson.hpp"

#include <cstddef>
#include <memory>
#include <vector>

namespace stationmap::geography {

class PointIndex {
public:
  explicit PointIndex(const std::vector<Position>& points);
  ~PointIndex();
  PointIndex(PointIndex&&) noexcept;
  PointIndex& operator=(PointIndex&&) noexcept;

  /// Indexes (into the constructor's points) of the points less than @p km from @p p on the great circle,
  /// ascending; @p p itself when it is one of them. Correct across the antimeridian and near the poles.
  [[nodiscard]] std::vector<std::size_t> closer_than_km(Position p, double km) const;

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

} // namespace stationmap::geography
