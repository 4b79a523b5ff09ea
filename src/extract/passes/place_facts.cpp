#include "place_facts.hpp"

#include "stationmap/core/great_circle.hpp"

namespace stationmap::passes {

Level level_of(const Place& p) {
  if (p.is_country()) {
    return Level::Country;
  }
  if (p.feature_class == 'A') {
    return Level::Region;
  }
  if (p.feature_class == 'P') {
    return Level::City;
  }
  return Level::Other;
}

const char* precision_of(const Place& p) {
  switch (level_of(p)) {
  case Level::Country:
    return "country";
  case Level::Region:
    return "region";
  case Level::City:
    return p.feature_code == "PPLX" ? "district" : "city";
  case Level::Other:
    return "region";
  }
  return "city";
}

bool contains_place(const Place& outer, const Place& inner) {
  if (outer.country != inner.country || outer.index == inner.index) {
    return false;
  }
  if (outer.is_country()) {
    return true;
  }
  if (outer.is_admin1()) {
    return outer.admin1_code == inner.admin1_code;
  }
  if (outer.is_admin2()) {
    return outer.admin1_code == inner.admin1_code && outer.admin2_code == inner.admin2_code;
  }
  return false;
}

geography::PointIndex point_index_of(const std::vector<const Place*>& places) {
  std::vector<geography::Position> positions;
  positions.reserve(places.size());
  for (const Place* p : places) {
    positions.push_back({p->lon, p->lat});
  }
  return geography::PointIndex(positions);
}

bool is_jurisdiction_level(const Place& p) {
  return p.country == "CN" && !p.is_country() && !p.is_admin1() && p.feature_code != "PPLC" &&
         (p.feature_class == 'P' || p.feature_class == 'A');
}

} // namespace stationmap::passes
