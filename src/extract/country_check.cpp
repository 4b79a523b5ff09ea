// The point-in-country check of resolved places (see country_check.hpp).

#include "stationmap/extract/country_check.hpp"

#include <map>
#include <set>

namespace stationmap {

namespace {

std::string place_label(const Place& p) {
  return p.name + " (" + p.feature_code + ", " + std::to_string(p.lat) + ", " + std::to_string(p.lon) + ")";
}

/// The first document naming each place, by place id: where a reader goes to see the name in context.
std::map<std::int64_t, std::pair<Place, std::string>> places_with_documents(const ClaimSet& claims) {
  std::map<std::int64_t, std::pair<Place, std::string>> places;
  auto add = [&](const Place& p, const std::string& document) {
    auto [it, fresh] = places.try_emplace(p.id, p, document);
    if (!fresh && document < it->second.second) {
      it->second.second = document;
    }
  };
  for (const Station& s : claims.stations) {
    add(s.place, s.documents.empty() ? std::string() : s.documents.front());
  }
  for (const Jurisdiction& j : claims.jurisdictions) {
    add(j.place, j.documents.empty() ? std::string() : j.documents.front());
  }
  for (const RoledMention& m : claims.mentions) {
    if (m.resolved()) {
      add(m.place(), m.document());
    }
  }
  return places;
}

} // namespace

void check_countries(ClaimSet& claims, const geography::CountryIndex& countries, ProblemReport& problems) {
  std::set<std::int64_t> misplaced;
  for (const auto& [id, entry] : places_with_documents(claims)) {
    const auto& [place, document] = entry;
    if (place.country.empty() || place.is_country()) {
      continue; // a country's own reference point says nothing about its code
    }
    const geography::CountryCheck check = countries.check({place.lon, place.lat}, place.country, country_tolerance_km);
    if (check.fit != geography::CountryFit::Elsewhere) {
      continue;
    }
    misplaced.insert(id);
    problems.add({document, "country-mismatch",
                  place_label(place) + ": the gazetteer says " + place.country + " but the point lies in " +
                      check.found->name + " (" + check.found->code + "), more than " +
                      std::to_string(static_cast<int>(country_tolerance_km)) + " km from " + place.country +
                      "; check the resolution"});
  }
  for (Station& s : claims.stations) {
    if (misplaced.count(s.place.id) != 0) {
      s.confidence *= misplaced_confidence_factor;
    }
  }
}

} // namespace stationmap
