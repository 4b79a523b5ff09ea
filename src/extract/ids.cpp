// Stable ids derived from places (see ids.hpp).

#include "stationmap/extract/ids.hpp"

#include "stationmap/core/fold.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <functional>

namespace stationmap {

namespace {

constexpr std::string_view station_prefix = "station-";
constexpr std::string_view jurisdiction_prefix = "jurisdiction-";

/// FNV-1a, 32 bits: a short, stable digest of a folded name.
std::uint32_t name_digest(std::string_view text) {
  std::uint32_t h = 2166136261U;
  for (const char c : text) {
    h = (h ^ static_cast<unsigned char>(c)) * 16777619U;
  }
  return h;
}

std::string without_prefix(const std::string& id, std::string_view prefix) {
  return id.compare(0, prefix.size(), prefix) == 0 ? id.substr(prefix.size()) : id;
}

} // namespace

PlaceKey PlaceKey::of(const Place& place) {
  if (place.geonameid) {
    return {Kind::GeoNames, *place.geonameid, {}};
  }
  if (place.id != 0) {
    return {Kind::Gazetteer, place.id, {}};
  }
  char buffer[96];
  std::snprintf(buffer, sizeof buffer, "at%.5f_%.5f_%08x", std::round(place.lat * 1e5) / 1e5 + 0.0,
                std::round(place.lon * 1e5) / 1e5 + 0.0, name_digest(fold_key(place.name)));
  return {Kind::At, 0, buffer};
}

std::string PlaceKey::text() const {
  switch (kind) {
  case Kind::GeoNames:
    return "gn" + std::to_string(number);
  case Kind::Gazetteer:
    return "sm" + std::to_string(number);
  case Kind::At:
    break;
  }
  return at;
}

std::size_t PlaceKey::Hash::operator()(const PlaceKey& key) const {
  return key.kind == Kind::At ? std::hash<std::string>()(key.at)
                              : std::hash<std::int64_t>()(key.number) ^ static_cast<std::size_t>(key.kind);
}

std::string place_key(const Place& place) {
  return PlaceKey::of(place).text();
}

std::string station_id_of(const Place& site) {
  return std::string(station_prefix) + place_key(site);
}

std::string jurisdiction_id_of(const Place& jurisdiction) {
  return std::string(jurisdiction_prefix) + place_key(jurisdiction);
}

std::string link_id_of(const std::string& station_id, const std::string& jurisdiction_id) {
  return "link-" + without_prefix(station_id, station_prefix) + "-" +
         without_prefix(jurisdiction_id, jurisdiction_prefix);
}

std::string place_id_of(const Place& place) {
  return place.id != 0 ? "p" + std::to_string(place.id) : "p" + place_key(place);
}

} // namespace stationmap
