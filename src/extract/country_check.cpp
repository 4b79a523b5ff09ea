// The point-in-country check of resolved places (see country_check.hpp).

#include "stationmap/extract/country_check.hpp"

#include <map>
#include <string_view>

namespace stationmap {

namespace {

std::string place_label(const Place& p) {
  return p.name + " (" + p.feature_code + ", " + std::to_string(p.lat) + ", " + std::to_string(p.lon) + ")";
}

/// Calls @p visit(place, document) for the place of each station and jurisdiction (with its first document, empty
/// when it has none) and of each resolved mention (with its document).
template <class Visit> void for_each_named_place(const ClaimSet& claims, Visit visit) {
  const auto first_document = [](const std::vector<std::string>& documents) {
    return documents.empty() ? std::string_view() : std::string_view(documents.front());
  };
  for (const Station& s : claims.stations) {
    visit(s.place, first_document(s.documents));
  }
  for (const Jurisdiction& j : claims.jurisdictions) {
    visit(j.place, first_document(j.documents));
  }
  for (const RoledMention& m : claims.mentions) {
    if (m.resolved()) {
      visit(m.place(), std::string_view(m.document()));
    }
  }
}

/// Each distinct place that the claims name, by place id (the first one seen of an id).
std::map<std::int64_t, const Place*> distinct_places(const ClaimSet& claims) {
  std::map<std::int64_t, const Place*> places;
  const Place* last = nullptr; // mentions in a row often share their place
  for_each_named_place(claims, [&](const Place& p, std::string_view /*document*/) {
    if (&p != last) {
      places.try_emplace(p.id, &p);
      last = &p;
    }
  });
  return places;
}

/// The first document (in id order) that names each place of @p ids: where a reader goes to see the name in
/// context. The views are of @p claims.
template <class Ids> std::map<std::int64_t, std::string_view> first_documents(const ClaimSet& claims, const Ids& ids) {
  std::map<std::int64_t, std::string_view> documents;
  for_each_named_place(claims, [&](const Place& p, std::string_view document) {
    if (ids.count(p.id) == 0) {
      return;
    }
    auto [it, fresh] = documents.try_emplace(p.id, document);
    if (!fresh && document < it->second) {
      it->second = document;
    }
  });
  return documents;
}

} // namespace

void check_countries(ClaimSet& claims, const geography::CountryIndex& countries, ProblemReport& problems) {
  std::map<std::int64_t, std::pair<const Place*, const geography::Country*>> misplaced; // the country it lies in
  for (const auto& [id, place] : distinct_places(claims)) {
    if (place->country.empty() || place->is_country()) {
      continue; // a country's own reference point says nothing about its code
    }
    const geography::CountryCheck check =
        countries.check({place->lon, place->lat}, place->country, country_tolerance_km);
    if (check.fit == geography::CountryFit::Elsewhere) {
      misplaced.emplace(id, std::pair(place, check.found));
    }
  }
  if (misplaced.empty()) {
    return;
  }
  const std::map<std::int64_t, std::string_view> documents = first_documents(claims, misplaced);
  for (const auto& [id, entry] : misplaced) {
    const auto& [place, found] = entry;
    problems.add({std::string(documents.at(id)), "country-mismatch",
                  place_label(*place) + ": the gazetteer says " + place->country + " but the point lies in " +
                      found->name + " (" + found->code + "), more than " +
                      std::to_string(static_cast<int>(country_tolerance_km)) + " km from " + place->country +
                      "; check the resolution"});
  }
  for (Station& s : claims.stations) {
    if (misplaced.count(s.place.id) != 0) {
      s.confidence *= misplaced_confidence_factor;
    }
  }
}

} // namespace stationmap
