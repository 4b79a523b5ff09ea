#pragma once
// A small ClaimSet of its own for the render tests: four home jurisdictions (one with a Chinese name), six
// station sites on four continents (New York and Toronto are reached across the antimeridian from Fujian),
// their links and the mentions behind them.

#include "stationmap/extract/claims.hpp"

#include <filesystem>
#include <random>
#include <string>

namespace stationmap::render::test {

inline Place make_place(std::int64_t id, std::string name, double lat, double lon, std::string country,
                        std::string feature_code, std::string admin1 = {}) {
  Place p;
  p.id = id;
  p.geonameid = id;
  p.name = std::move(name);
  p.lat = lat;
  p.lon = lon;
  p.country = std::move(country);
  p.feature_class = feature_code.starts_with("ADM") ? 'A' : 'P';
  p.feature_code = std::move(feature_code);
  p.admin1_name = std::move(admin1);
  return p;
}

inline Evidence make_evidence(std::string doc, std::string date, std::string sentence) {
  const auto end = static_cast<std::uint32_t>(sentence.size());
  return Evidence::of({doc, "Report " + doc, "https://example.org/" + doc, std::move(date)}, std::move(sentence), 0,
                      end);
}

inline ClaimSet fixture_claims() {
  ClaimSet c;
  const Place fuqing = make_place(1810821, "福清", 25.72, 119.38, "CN", "PPLA3", "Fujian");
  const Place fuzhou = make_place(1810821 + 1, "Fuzhou", 26.0614, 119.3061, "CN", "PPLA", "Fujian");
  const Place lishui = make_place(1803331, "Lishui", 28.4517, 119.9217, "CN", "PPLA2", "Zhejiang");
  const Place nantong = make_place(1799629, "Nantong", 32.0303, 120.8747, "CN", "PPLA2", "Jiangsu");
  const Place new_york = make_place(5128581, "New York City", 40.7128, -74.0060, "US", "PPL", "New York");
  const Place toronto = make_place(6167865, "Toronto", 43.6532, -79.3832, "CA", "PPLA", "Ontario");
  const Place london = make_place(2643743, "London", 51.5074, -0.1278, "GB", "PPLC", "England");
  const Place rotterdam = make_place(2747891, "Rotterdam", 51.9225, 4.4792, "NL", "PPL", "South Holland");
  const Place tokyo = make_place(1850147, "Tokyo", 35.6762, 139.6503, "JP", "PPLC", "Tokyo");
  const Place suva = make_place(2198148, "Suva", -18.1416, 178.4419, "FJ", "PPLC", "Central");

  const Evidence e1 = make_evidence("doc-a", "2022-09-12",
                                    "The Fuzhou police run a service station in New York City, the report says.");
  const Evidence e2 = make_evidence("doc-b", "2022-12-04", "福清公安局在多伦多设立了海外服务站。");
  const Evidence e3 = make_evidence("doc-a", "2022-09-12", "Another Fuzhou station operates in London.");
  const Evidence e4 =
      make_evidence("doc-c", "2022-11-02", "Rotterdam ordered the Lishui station closed, \"effective immediately\".");
  const Evidence e5 = make_evidence("doc-d", "2023-04-18", "Nantong police deny running two stations in Tokyo.");
  const Evidence e6 = make_evidence("doc-d", "2023-04-18", "A Nantong station was suspected in Suva, Fiji.");

  auto station = [](std::string id, const Place& p, Status status, std::vector<std::string> jurisdictions,
                    std::vector<Evidence> evidence, int count = 1) {
    Station s;
    s.station_id = std::move(id);
    s.place = p;
    s.precision = "city";
    s.status = status;
    s.station_count = count;
    s.jurisdiction_ids = std::move(jurisdictions);
    for (const auto& e : evidence)
      s.documents.push_back(e.document());
    s.evidence = std::move(evidence);
    s.confidence = 0.85;
    return s;
  };
  c.stations = {station("s-london", london, Status::Alleged, {"j-fuzhou"}, {e3}),
                station("s-new-york", new_york, Status::Confirmed, {"j-fuzhou"}, {e1}),
                station("s-rotterdam", rotterdam, Status::OrderedClosed, {"j-lishui"}, {e4}),
                station("s-suva", suva, Status::Suspected, {"j-nantong"}, {e6}),
                station("s-tokyo", tokyo, Status::Denied, {"j-nantong"}, {e5}, 2),
                station("s-toronto", toronto, Status::Closed, {"j-fuqing"}, {e2})};
  c.stations[1].address = "107 East Broadway";

  auto jurisdiction = [](std::string id, const Place& p, std::string province, std::vector<std::string> stations,
                         std::vector<Evidence> evidence) {
    Jurisdiction j;
    j.jurisdiction_id = std::move(id);
    j.place = p;
    j.admin_level = "prefecture";
    j.province = std::move(province);
    j.station_ids = std::move(stations);
    for (const auto& e : evidence)
      j.documents.push_back(e.document());
    j.evidence = std::move(evidence);
    return j;
  };
  c.jurisdictions = {jurisdiction("j-fuqing", fuqing, "Fujian", {"s-toronto"}, {e2}),
                     jurisdiction("j-fuzhou", fuzhou, "Fujian", {"s-london", "s-new-york"}, {e1, e3}),
                     jurisdiction("j-lishui", lishui, "Zhejiang", {"s-rotterdam"}, {e4}),
                     jurisdiction("j-nantong", nantong, "Jiangsu", {"s-suva", "s-tokyo"}, {e5, e6})};
  c.jurisdictions[0].admin_level = "county";

  auto link = [](std::string id, std::string s, std::string j, Evidence e) {
    return Link{std::move(id), std::move(s), std::move(j), {std::move(e)}, {}};
  };
  c.links = {link("l-fuqing-toronto", "s-toronto", "j-fuqing", e2),
             link("l-fuzhou-london", "s-london", "j-fuzhou", e3),
             link("l-fuzhou-new-york", "s-new-york", "j-fuzhou", e1),
             link("l-lishui-rotterdam", "s-rotterdam", "j-lishui", e4),
             link("l-nantong-suva", "s-suva", "j-nantong", e6),
             link("l-nantong-tokyo", "s-tokyo", "j-nantong", e5)};

  auto mention = [](std::string doc, std::uint32_t start, std::string text, const Place* p, MentionRole role,
                    std::string sentence) {
    RoledMention m;
    m.source = share_document({std::move(doc), "", "", ""});
    m.start = start;
    m.end = start + static_cast<std::uint32_t>(text.size());
    m.text = std::move(text);
    if (p != nullptr) {
      m.set_place(*p);
    }
    m.role = role;
    m.sentence_text = share_sentence(std::move(sentence));
    return m;
  };
  c.mentions = {mention("doc-a", 4, "Fuzhou", &fuzhou, MentionRole::Jurisdiction, e1.sentence()),
                mention("doc-a", 42, "New York City", &new_york, MentionRole::Station, e1.sentence()),
                mention("doc-a", 90, "London", &london, MentionRole::Station, e3.sentence()),
                mention("doc-a", 120, "Washington", nullptr, MentionRole::Other, "Washington, \"they\" said."),
                mention("doc-b", 0, "福清", &fuqing, MentionRole::Jurisdiction, e2.sentence()),
                mention("doc-b", 7, "多伦多", &toronto, MentionRole::Station, e2.sentence()),
                mention("doc-c", 0, "Rotterdam", &rotterdam, MentionRole::Station, e4.sentence()),
                mention("doc-c", 30, "Lishui", &lishui, MentionRole::Jurisdiction, e4.sentence()),
                mention("doc-c", 70, "The Hague", nullptr, MentionRole::Other, "In The Hague, MPs asked."),
                mention("doc-d", 0, "Nantong", &nantong, MentionRole::Jurisdiction, e5.sentence()),
                mention("doc-d", 40, "Tokyo", &tokyo, MentionRole::Station, e5.sentence()),
                mention("doc-d", 80, "Suva", &suva, MentionRole::Station, e6.sentence()),
                mention("doc-d", 95, "Fiji", nullptr, MentionRole::Other, e6.sentence())};
  c.mentions[3].reason = Reason::Unresolved;

  // A site in doubt: only asked about. It must never be drawn as a station.
  const Place utrecht = make_place(2745912, "Utrecht", 52.0908, 5.1222, "NL", "PPLA", "Utrecht");
  SiteCandidate candidate;
  candidate.site = station("station-gn2745912", utrecht, Status::Alleged, {},
                           {make_evidence("doc-c", "2022-11-02", "MPs asked whether a station also ran in Utrecht.")});
  candidate.site.confidence = 0.7;
  candidate.reasons = {Reason::Question, Reason::Namesake};
  c.candidates = {candidate};
  return c;
}

/// A fresh temporary folder, removed with this object.
class TempDir {
public:
  TempDir() {
    std::random_device rd;
    m_path = std::filesystem::temp_directory_path() / ("stationmap-render-" + std::to_string(rd()));
    std::filesystem::create_directories(m_path);
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(m_path, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  TempDir(TempDir&&) = delete;
  TempDir& operator=(TempDir&&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return m_path; }

private:
  std::filesystem::path m_path;
};

} // namespace stationmap::render::test
