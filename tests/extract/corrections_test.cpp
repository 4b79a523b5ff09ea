#include "stationmap/core/error.hpp"
#include "stationmap/extract/corrections.hpp"
#include "stationmap/extract/extractor.hpp"
#include "stationmap/extract/ids.hpp"

#include <algorithm>
#include <filesystem>
#include <gtest/gtest.h>

namespace stationmap {
namespace {

const Gazetteer& fixture_gazetteer() {
  static const Gazetteer g = Gazetteer::open(std::filesystem::path(STATIONMAP_TEST_DATA) / "gazetteer");
  return g;
}

Place place_named(const std::string& name) {
  const auto candidates = fixture_gazetteer().lookup(name);
  EXPECT_FALSE(candidates.empty()) << name;
  return candidates.front().place;
}

Evidence evidence_in(const std::string& document, const std::string& sentence) {
  return Evidence::of({document, "", "", ""}, sentence);
}

/// Two documents: Fuzhou runs a station in Prato; Wenzhou one in Budapest. Fuzhou also one in Toronto.
ClaimSet fixture_claims() {
  ClaimSet c;
  auto station = [](const std::string& name, const std::string& document) {
    Station s;
    s.place = place_named(name);
    s.station_id = station_id_of(s.place);
    s.precision = "city";
    s.status = Status::Alleged;
    s.documents = {document};
    s.evidence = {evidence_in(document, "Police of the home city run a station in " + name + ".")};
    return s;
  };
  auto jurisdiction = [](const std::string& name) {
    Jurisdiction j;
    j.place = place_named(name);
    j.jurisdiction_id = jurisdiction_id_of(j.place);
    return j;
  };
  c.stations = {station("Budapest", "b.txt"), station("Prato", "a.txt"), station("Toronto", "a.txt")};
  c.jurisdictions = {jurisdiction("Fuzhou"), jurisdiction("Wenzhou")};
  auto link = [&](std::size_t s, std::size_t j) {
    Link l;
    l.station_id = c.stations[s].station_id;
    l.jurisdiction_id = c.jurisdictions[j].jurisdiction_id;
    l.link_id = link_id_of(l.station_id, l.jurisdiction_id);
    return l;
  };
  c.links = {link(0, 1), link(1, 0), link(2, 0)};
  RoledMention m;
  m.source = share_document({"a.txt", "", "", ""});
  m.text = "Prato";
  m.set_place(place_named("Prato"));
  m.role = MentionRole::Station;
  c.mentions = {m};
  for (Station& s : c.stations) {
    for (const Link& l : c.links) {
      if (l.station_id == s.station_id) {
        s.jurisdiction_ids.push_back(l.jurisdiction_id);
      }
    }
  }
  std::sort(c.stations.begin(), c.stations.end(),
            [](const Station& a, const Station& b) { return a.station_id < b.station_id; });
  std::sort(c.links.begin(), c.links.end(), [](const Link& a, const Link& b) { return a.link_id < b.link_id; });
  return c;
}

struct Applied {
  ClaimSet claims = fixture_claims();
  ProblemReport problems;
  std::vector<StaleCorrection> stale;

  explicit Applied(const std::string& rows) {
    const CorrectionSet set = parse_corrections("action,target,value,note\n" + rows, "corrections.csv", problems);
    const CorrectionPlaces places(set, fixture_gazetteer());
    stale = apply_corrections(claims, set, places, problems);
  }
  const Station* station(const std::string& name) const {
    for (const Station& s : claims.stations) {
      if (s.place.name == name) {
        return &s;
      }
    }
    return nullptr;
  }
};

TEST(CorrectionsParse, RequiresTheHeader) {
  ProblemReport problems;
  EXPECT_THROW((void)parse_corrections("reject,Prato,,\n", "c.csv", problems), FormatError);
  EXPECT_THROW((void)parse_corrections("", "c.csv", problems), FormatError);
}

TEST(CorrectionsParse, ReadsEachActionsValue) {
  ProblemReport problems;
  const CorrectionSet set = parse_corrections("Action,Target,Value,Note\n"
                                              "move,Prato,geonameid:3173435,wrong Prato\n"
                                              "add_station,Somewhere,\"45.5, -73.6\",https://example.org/report\n"
                                              "pin,Prato@a.txt,43.88 11.09,\n"
                                              "set_status,Prato,Closed@2023-04-01,\n"
                                              "set_status,Budapest,denied,\n",
                                              "c.csv", problems);
  ASSERT_EQ(set.rows.size(), 5U);
  EXPECT_EQ(problems.size(), 0U);
  EXPECT_EQ(set.rows[0].row, 2U);
  EXPECT_EQ(set.rows[0].action, CorrectionAction::Move);
  EXPECT_EQ(set.rows[0].place.geonameid, 3173435);
  EXPECT_DOUBLE_EQ(set.rows[1].place.lat, 45.5);
  EXPECT_DOUBLE_EQ(set.rows[1].place.lon, -73.6);
  EXPECT_EQ(set.rows[2].pin_name, "Prato");
  EXPECT_EQ(set.rows[2].pin_document, "a.txt");
  EXPECT_EQ(set.rows[3].status, Status::Closed);
  EXPECT_EQ(set.rows[3].status_date, "2023-04-01");
  EXPECT_EQ(set.rows[4].status, Status::Denied);
  EXPECT_TRUE(set.rows[4].status_date.empty());
}

TEST(CorrectionsParse, RowsWrittenByTheReviewQueueReadBackAsWritten) {
  ProblemReport problems;
  const std::string csv = std::string(corrections_header()) +
                          correction_row_csv("add_station", "Somewhere", "-33.87, 151.2", "=a note, not a formula");
  EXPECT_NE(csv.find("'-33.87"), std::string::npos) << "guarded against spreadsheet formulas: " << csv;
  const CorrectionSet set = parse_corrections(csv, "c.csv", problems);
  ASSERT_EQ(set.rows.size(), 1U);
  EXPECT_EQ(problems.size(), 0U);
  EXPECT_DOUBLE_EQ(set.rows[0].place.lat, -33.87);
  EXPECT_DOUBLE_EQ(set.rows[0].place.lon, 151.2);
  EXPECT_EQ(set.rows[0].note, "=a note, not a formula");
}

TEST(CorrectionsParse, SkipsMalformedRowsNamingTheirLine) {
  ProblemReport problems;
  const CorrectionSet set = parse_corrections("action,target,value,note\n"
                                              "demolish,Prato,,\n"                    // 2: unknown action
                                              "move,Prato,somewhere,\n"               // 3: not a place value
                                              "move,Prato,91 10,\n"                   // 4: latitude out of range
                                              "pin,Prato,geonameid:1,\n"              // 5: no @DOCUMENT
                                              "set_status,Prato,shut,\n"              // 6: unknown status
                                              "set_status,Prato,closed@2023-13-01,\n" // 7: no such month
                                              "reject,,,\n"                           // 8: no target
                                              "reject,Prato,geonameid:5,\n"           // 9: reject takes no value
                                              "confirm,Prato\n"                       // 10: 2 fields
                                              "add_link,Prato,,\n"                    // 11: no jurisdiction
                                              "confirm,Prato,,fine\n",                // 12: good
                                              "c.csv", problems);
  ASSERT_EQ(set.rows.size(), 1U);
  EXPECT_EQ(set.rows[0].row, 12U);
  EXPECT_EQ(problems.count("malformed-correction"), 10U);
  std::vector<std::string> lines;
  for (const Problem& p : problems.sorted()) {
    EXPECT_EQ(p.file, "c.csv");
    lines.push_back(p.detail.substr(0, p.detail.find(':')));
  }
  for (int line = 2; line <= 11; ++line) {
    EXPECT_NE(std::find(lines.begin(), lines.end(), "line " + std::to_string(line)), lines.end()) << line;
  }
}

TEST(CorrectionsApply, RejectDropsTheStationAndItsLinksAndKeepsThePlaceAsRejected) {
  const Applied a("reject,Prato,,a shop that sells phone cards\n");
  EXPECT_EQ(a.station("Prato"), nullptr);
  EXPECT_EQ(a.claims.stations.size(), 2U);
  EXPECT_EQ(a.claims.links.size(), 2U);
  ASSERT_EQ(a.claims.mentions.size(), 1U);
  EXPECT_EQ(a.claims.mentions[0].role, MentionRole::Rejected);
  EXPECT_EQ(a.claims.mentions[0].reason, Reason::RejectedByAnalyst);
  EXPECT_EQ(reason_text(a.claims.mentions[0]), "a shop that sells phone cards");
  ASSERT_EQ(a.claims.mentions[0].corrections().size(), 1U);
  EXPECT_EQ(a.claims.mentions[0].corrections()[0].row, 2U);
  const Jurisdiction& fuzhou = a.claims.jurisdictions[0];
  EXPECT_EQ(fuzhou.station_ids.size(), 1U); // Toronto only
  ASSERT_EQ(fuzhou.corrections.size(), 1U);
  EXPECT_EQ(fuzhou.corrections[0].action, "reject");
  EXPECT_TRUE(a.stale.empty());
}

TEST(CorrectionsApply, ConfirmAndSetStatusMarkTheStation) {
  const Applied a("confirm,Budapest,,seen on site\nset_status,Budapest,closed@2023-04-01,police statement\n");
  const Station* s = a.station("Budapest");
  ASSERT_NE(s, nullptr);
  EXPECT_TRUE(s->verified);
  EXPECT_EQ(s->status, Status::Closed);
  EXPECT_EQ(s->status_date, "2023-04-01");
  ASSERT_EQ(s->corrections.size(), 2U);
  EXPECT_EQ(s->corrections[0].note, "seen on site");
  EXPECT_EQ(s->corrections[1].action, "set_status");
}

TEST(CorrectionsApply, MoveByGeonameidChangesThePointButKeepsIdAndEvidence) {
  const ClaimSet before = fixture_claims();
  const Applied a("move,Prato,geonameid:3173435,the article means Milan\n");
  const Station* s = a.station("Milan");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->station_id, station_id_of(place_named("Prato"))); // later rows still find it
  EXPECT_NEAR(s->place.lat, 45.46427, 1e-6);
  EXPECT_EQ(s->evidence.size(), 1U);
  EXPECT_EQ(s->jurisdiction_ids.size(), 1U);
  EXPECT_EQ(a.claims.stations.size(), before.stations.size());
}

TEST(CorrectionsApply, MoveOntoAnotherStationMergesThem) {
  const Applied a("move,Prato,geonameid:3054643,same site as Budapest\n");
  EXPECT_EQ(a.claims.stations.size(), 2U);
  const Station* s = a.station("Budapest");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->evidence.size(), 2U);
  EXPECT_EQ(s->jurisdiction_ids.size(), 2U); // Wenzhou's and Fuzhou's ties
  EXPECT_EQ(a.claims.links.size(), 3U);
}

TEST(CorrectionsApply, AddStationTakesItsCountryFromAGazetteerEntryNearby) {
  const Applied a("add_station,Markham,43.8561 -79.337,https://example.org/report\n");
  const Station* s = a.station("Markham");
  ASSERT_NE(s, nullptr);
  EXPECT_EQ(s->place.country, "CA");
  EXPECT_TRUE(s->verified);
  EXPECT_EQ(s->station_id.rfind("station-at43.85610_-79.33700_", 0), 0U) << s->station_id;
  ASSERT_EQ(s->corrections.size(), 1U);
  EXPECT_EQ(s->corrections[0].note, "https://example.org/report");
}

TEST(CorrectionsApply, AddAndRemoveLinks) {
  const Applied a("add_link,Budapest,Fuzhou,second bureau\nremove_link,Toronto,jurisdiction-gn1810821,misread\n");
  const Station* budapest = a.station("Budapest");
  ASSERT_NE(budapest, nullptr);
  EXPECT_EQ(budapest->jurisdiction_ids.size(), 2U);
  const Station* toronto = a.station("Toronto");
  ASSERT_NE(toronto, nullptr);
  EXPECT_TRUE(toronto->jurisdiction_ids.empty());
  EXPECT_EQ(a.claims.links.size(), 3U);
  const auto added = std::find_if(a.claims.links.begin(), a.claims.links.end(), [&](const Link& l) {
    return l.station_id == budapest->station_id && l.jurisdiction_id == "jurisdiction-gn1810821";
  });
  ASSERT_NE(added, a.claims.links.end());
  ASSERT_EQ(added->corrections.size(), 1U);
  EXPECT_EQ(added->corrections[0].row, 2U);
}

TEST(CorrectionsApply, StaleRowsAreReportedAndSkipped) {
  const Applied a("reject,Oslo,,\n"
                  "remove_link,Budapest,Fuzhou,\n"             // no such link
                  "move,Prato,geonameid:999999999,\n"          // not in the gazetteer
                  "pin,Prato@nowhere.txt,geonameid:3173435,\n" // no such mention
                  "confirm,Prato,,\n");
  EXPECT_EQ(a.stale.size(), 4U);
  EXPECT_EQ(a.problems.count("stale-correction"), 4U);
  EXPECT_EQ(a.stale[0].row, 2U);
  EXPECT_TRUE(a.station("Prato")->verified); // the good row still applied
}

TEST(CorrectionsApply, AppliesInFileOrder) {
  const Applied a("reject,Prato,,\nconfirm,Prato,,\n");
  EXPECT_EQ(a.station("Prato"), nullptr);
  ASSERT_EQ(a.stale.size(), 1U); // the confirm came after the reject
  EXPECT_EQ(a.stale[0].row, 3U);
}

TEST(CorrectionsPin, APinnedMentionResolvesToThePinBeforeRolesAreDecided) {
  Document doc;
  doc.id = "a.txt";
  doc.text = "Police in Fuzhou run an overseas police station in Prato, Italy.";
  const Extractor plain(fixture_gazetteer());
  const DocumentClaims before = plain.extract(doc);
  ASSERT_EQ(before.sites.size(), 1U);
  EXPECT_EQ(before.sites[0].place.name, "Prato");

  ProblemReport problems;
  const CorrectionSet set = parse_corrections("action,target,value,note\npin,prato@a.txt,geonameid:3173435,\n"
                                              "pin,Prato@other.txt,geonameid:3054643,\n",
                                              "c.csv", problems);
  const CorrectionPlaces places(set, fixture_gazetteer());
  const MentionPins pins(set, places);
  const Extractor pinned(fixture_gazetteer(), &pins);
  const DocumentClaims after = pinned.extract(doc);
  ASSERT_EQ(after.sites.size(), 1U);
  EXPECT_EQ(after.sites[0].place.name, "Milan");
  const auto mention = std::find_if(after.mentions.begin(), after.mentions.end(),
                                    [](const RoledMention& m) { return m.text == "Prato"; });
  ASSERT_NE(mention, after.mentions.end());
  ASSERT_EQ(mention->corrections().size(), 1U);
  EXPECT_EQ(mention->corrections()[0].row, 2U);
}

TEST(StableIds, DerivedFromThePlaceNotFromOrder) {
  const Place prato = place_named("Prato");
  EXPECT_EQ(station_id_of(prato), "station-gn3169921");
  EXPECT_EQ(jurisdiction_id_of(place_named("Fuzhou")), "jurisdiction-gn1810821");
  EXPECT_EQ(link_id_of("station-gn3169921", "jurisdiction-gn1810821"), "link-gn3169921-gn1810821");
  Place point;
  point.name = "Via Pistoiese";
  point.lat = 43.88;
  point.lon = 11.07;
  Place same = point;
  same.name = "via pistoiese";
  EXPECT_EQ(station_id_of(point), station_id_of(same)); // folded name
  same.lat += 0.001;
  EXPECT_NE(station_id_of(point), station_id_of(same));
}

TEST(StableIds, AddingADocumentChangesNoExistingId) {
  const Extractor extractor(fixture_gazetteer());
  auto doc = [](const std::string& id, const std::string& text) {
    Document d;
    d.id = id;
    d.text = text;
    return d;
  };
  const Document a = doc("a.txt", "Police in Fuzhou run an overseas police station in Prato, Italy.");
  const Document b = doc("b.txt", "Wenzhou police opened a service station in Budapest, Hungary.");
  const Document c = doc("0-new.txt", "An overseas police station in Toronto, Canada, is run by Wenzhou police.");
  ProblemReport problems;
  const ClaimSet two = merge_claims({extractor.extract(a), extractor.extract(b)}, problems);
  const ClaimSet three = merge_claims({extractor.extract(c), extractor.extract(a), extractor.extract(b)}, problems);
  ASSERT_EQ(two.stations.size(), 2U);
  ASSERT_EQ(three.stations.size(), 3U);
  for (const Station& s : two.stations) {
    EXPECT_TRUE(std::any_of(three.stations.begin(), three.stations.end(), [&](const Station& t) {
      return t.station_id == s.station_id && t.place.id == s.place.id;
    })) << s.station_id;
  }
  for (const Jurisdiction& j : two.jurisdictions) {
    EXPECT_TRUE(std::any_of(three.jurisdictions.begin(), three.jurisdictions.end(), [&](const Jurisdiction& t) {
      return t.jurisdiction_id == j.jurisdiction_id;
    })) << j.jurisdiction_id;
  }
}

} // namespace
} // namespace stationmap
