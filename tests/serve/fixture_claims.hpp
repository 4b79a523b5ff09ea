#pragma once
// A small hand-made ClaimSet for the tile, web and serve tests: stations in Europe, North America and the
// Pacific (one near the antimeridian), two of them close enough to cluster at low zooms, three home
// jurisdictions in China, links between them and a few place mentions.

#include "stationmap/extract/claims.hpp"

#include <string>

namespace stationmap::testing {

inline Place fixture_place(std::int64_t id, const std::string& name, double lat, double lon, const std::string& country,
                           const std::string& code = "PPL") {
  Place p;
  p.id = id;
  p.geonameid = id;
  p.name = name;
  p.lat = lat;
  p.lon = lon;
  p.country = country;
  p.feature_code = code;
  return p;
}

inline Evidence fixture_evidence(const std::string& doc, const std::string& sentence) {
  return Evidence::of({doc, "Report " + doc, "https://example.org/" + doc, "2022-09-12"}, sentence, 0,
                      static_cast<std::uint32_t>(sentence.size()));
}

inline ClaimSet fixture_claims() {
  ClaimSet c;
  struct S {
    const char* id;
    Place place;
    Status status;
    const char* jurisdiction;
    int count;
  };
  const S stations[] = {
      {"st-2643743", fixture_place(2643743, "London", 51.50853, -0.12574, "GB", "PPLC"), Status::Alleged, "ju-1810821",
       2},
      {"st-2643744", fixture_place(2643744, "Croydon", 51.37618, -0.09829, "GB"), Status::Closed, "ju-1810821", 1},
      {"st-2988507", fixture_place(2988507, "Paris", 48.85341, 2.3488, "FR", "PPLC"), Status::Alleged, "ju-1797264", 1},
      {"st-3173435", fixture_place(3173435, "Milano", 45.46427, 9.18951, "IT", "PPLA"), Status::Confirmed, "ju-1791388",
       1},
      {"st-3169921", fixture_place(3169921, "Prato", 43.87309, 11.08278, "IT", "PPLA2"), Status::UnderInvestigation,
       "ju-1797264", 2},
      {"st-6167865", fixture_place(6167865, "Toronto", 43.70643, -79.39864, "CA", "PPLA"), Status::OrderedClosed,
       "ju-1810821", 3},
      {"st-5128581", fixture_place(5128581, "New York City", 40.71427, -74.00597, "US"), Status::Closed, "ju-1810821",
       1},
      {"st-2193733", fixture_place(2193733, "Auckland", -36.84853, 174.76349, "NZ"), Status::Denied, "ju-1791388", 1},
      {"st-4032243", fixture_place(4032243, "Nuku'alofa", -21.13938, -175.2018, "TO", "PPLC"), Status::Suspected,
       "ju-1797264", 1},
  };
  for (const auto& s : stations) {
    Station st;
    st.station_id = s.id;
    st.place = s.place;
    st.precision = "city";
    st.status = s.status;
    st.station_count = s.count;
    st.jurisdiction_ids = {s.jurisdiction};
    st.documents = {"doc-1", "doc-2"};
    st.evidence = {fixture_evidence("doc-1", "A service station was reported in " + s.place.name + "."),
                   fixture_evidence("doc-2", "Police said the " + s.place.name + " office was run from China.")};
    st.confidence = 0.8;
    c.stations.push_back(st);
  }
  struct J {
    const char* id;
    Place place;
    const char* province;
  };
  const J jurisdictions[] = {
      {"ju-1791388", fixture_place(1791388, "Wenzhou", 27.99942, 120.66682, "CN", "PPLA2"), "Zhejiang"},
      {"ju-1797264", fixture_place(1797264, "Qingtian", 28.13978, 120.28873, "CN", "ADM3"), "Zhejiang"},
      {"ju-1810821", fixture_place(1810821, "Fuzhou", 26.06139, 119.30611, "CN", "PPLA"), "Fujian"},
  };
  for (const auto& j : jurisdictions) {
    Jurisdiction ju;
    ju.jurisdiction_id = j.id;
    ju.place = j.place;
    ju.admin_level = "prefecture";
    ju.province = j.province;
    ju.documents = {"doc-1"};
    for (const auto& s : stations) {
      if (std::string(s.jurisdiction) == j.id) {
        ju.station_ids.push_back(s.id);
        Link l;
        l.link_id = std::string("li-") + s.id + "-" + j.id;
        l.station_id = s.id;
        l.jurisdiction_id = j.id;
        l.evidence = {fixture_evidence("doc-1", std::string("The ") + j.place.name + " bureau ran the " + s.place.name +
                                                    " station.")};
        c.links.push_back(l);
      }
    }
    c.jurisdictions.push_back(ju);
  }
  auto mention = [&](const std::string& doc, const Place& p, MentionRole role) {
    RoledMention m;
    m.source = share_document({doc, "", "", ""});
    m.text = p.name;
    m.set_place(p);
    m.role = role;
    m.sentence_text = share_sentence("Sentence naming " + p.name + ".");
    c.mentions.push_back(m);
  };
  for (const auto& s : stations) {
    mention("doc-1", s.place, MentionRole::Station);
  }
  for (const auto& j : jurisdictions) {
    mention("doc-1", j.place, MentionRole::Jurisdiction);
  }
  mention("doc-2", fixture_place(1816670, "Beijing", 39.9075, 116.39723, "CN", "PPLC"), MentionRole::Other);
  mention("doc-2", fixture_place(2950159, "Berlin", 52.52437, 13.41053, "DE", "PPLC"), MentionRole::Other);
  return c;
}

} // namespace stationmap::testing
