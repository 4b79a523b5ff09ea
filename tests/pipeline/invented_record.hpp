#pragma once
// An invented document record that sets every field to something other than its default: the fixture of the
// claims file and claims cache tests.

#include "stationmap/pipeline/claims_io.hpp"

#include <cstdint>
#include <string>

namespace stationmap::test_fixture {

inline Place place(std::uint32_t index, const std::string& name, double lat, double lon) {
  Place p;
  p.index = index;
  p.id = 1000 + index;
  p.geonameid = 2000 + index;
  p.name = name;
  p.lat = lat;
  p.lon = lon;
  p.feature_class = 'P';
  p.feature_code = "PPLA";
  p.country = "XX";
  p.admin1_code = "01";
  p.admin1_name = "Upper Province";
  p.admin2_code = "0101";
  p.admin2_name = "Upper County";
  p.population = 123456;
  return p;
}

inline Evidence evidence(const std::string& sentence, std::uint32_t start) {
  return Evidence::of({"notes/a.txt", "A title", "https://example.org/a", "2023-01-02"}, sentence, start,
                      start + static_cast<std::uint32_t>(sentence.size()));
}

/// A record that sets every field to something other than its default.
inline DocumentRecord invented_record() {
  DocumentRecord r;
  r.content_hash = "sha256:00ff";
  r.pipeline = "stationmap test";
  DocumentClaims& c = r.claims;
  c.document = "notes/a.txt";
  const Place site = place(7, "Northtown", 51.1234567, -0.1 / 3.0);
  Place bureau = place(9, "Easton", 26.0, 119.3);
  bureau.geonameid.reset();
  bureau.feature_class = 'A';
  bureau.feature_code = "ADM3";
  const std::string s1 = "An office in Northtown is run by the Easton bureau.";
  const std::string s2 = "There are 30 stations.";
  RoledMention m;
  m.source = share_document({c.document, "", "", ""});
  m.start = 12;
  m.end = 21;
  m.text = "Northtown";
  m.set_place(site);
  m.role = MentionRole::Station;
  m.sentence_text = share_sentence(s1);
  m.confidence = 0.8125;
  m.add_correction({4, "pin", "the note"});
  c.mentions.push_back(m);
  RoledMention unresolved;
  unresolved.source = share_document({"elsewhere.txt", "", "", ""});
  unresolved.text = "Nowhereville";
  unresolved.role = MentionRole::Other;
  unresolved.reason = Reason::Caption;
  unresolved.set_note("a photograph");
  unresolved.sentence_text = share_sentence("Nowhereville at dusk.");
  c.mentions.push_back(unresolved);
  c.sites.push_back({site, "city", Status::OrderedClosed, "2023-04-01", 3, evidence(s1, 0)});
  c.sites.push_back({site, "district", std::nullopt, "", 0, evidence(s1, 0)});
  c.candidates.push_back({{site, "city", Status::Suspected, "", 0, evidence(s1, 4)}, Reason::Question});
  c.jurisdictions.push_back({bureau, evidence(s1, 0)});
  Evidence other_title = evidence(s1, 0);
  other_title.source = share_document({"notes/b.txt", "Another title", "https://example.org/a", "2023-01-02"});
  c.links.push_back({site, bureau, other_title});
  c.counts.push_back(evidence(s2, 60));
  return r;
}

} // namespace stationmap::test_fixture
