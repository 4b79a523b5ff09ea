// The point-in-country check of resolved places (see country_check.hpp).

#include "stationmap/extract/country_check.hpp"

#include <map>
#include <set>
#include <string_view>

namespace stationmap {

namespace {

std::string place_label(const Place& p) {
  return p.name + " (" + p.feature_code + ", " + std::to_string(p.lat) + ", " + std::to_string(p.lon) + ")";
}

/// The first document naming each place, by place id: where a reader goes to see the name in context. The
/// places and documents are those of @p claims (which must outlive the map).
std::map<std::int64_t, std::pair<const Place*, std::string_view>> places_with_documents(const ClaimSet& claims) {
  std::map<std::int64_t, std::pair<const Place*, std::string_view>> places;
  auto add = [&](const Place& p, std::string_view document) {
    auto [it, fresh] = places.try_emplace(p.id, &p, document);
    if (!fresh && document < it->second.second) {
      it->second.second = document;
    }
  };
  const auto first_document = [](const std::vector<std::string>& documents) {
    return documents.empty() ? std::string_view() : std::string_view(documents.front());
  };
  for (const Station& s : claims.stations) {
    add(s.place, first_document(s.documents));
  }
  for (const Jurisdiction& j : claims.jurisdictions) {
    add(j.place, first_document(j.documents));
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
    const Place& place = *entry.first;
    const std::string_view document = entry.second;
    if (place.country.empty() || place.is_country()) {
      continue; // a country's own reference point says nothing about its code
    }
    const geography::CountryCheck check = countries.check({place.lon, place.lat}, place.country, country_tolerance_km);
    if (check.fit != geography::CountryFit::Elsewhere) {
      continue;
    }
    misplaced.insert(id);
    problems.add({std::string(document), "country-mismatch",
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
