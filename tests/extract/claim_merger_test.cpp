// The streaming merge (ClaimMerger): documents fold in one at a time, in any order, into one ClaimSet whose
// mentions and evidence share places, document fields and sentences instead of copying them.

#include "stationmap/extract/extractor.hpp"
#include "stationmap/extract/ids.hpp"
#include "stationmap/extract/shared_values.hpp"

#include <algorithm>
#include <chrono>
#include <future>
#include <gtest/gtest.h>
#include <sstream>

namespace stationmap {
namespace {

Place place(std::uint32_t index, const std::string& name, double lat, double lon, char feature_class,
            const std::string& country, std::int64_t population) {
  Place p;
  p.index = index;
  p.id = 5000 + index;
  p.geonameid = p.id;
  p.name = name;
  p.lat = lat;
  p.lon = lon;
  p.feature_class = feature_class;
  p.feature_code = feature_class == 'P' ? "PPL" : "ADM3";
  p.country = country;
  p.population = population;
  return p;
}

// Invented places: two sites abroad; a county and its seat 5 km apart (one bureau), and a bureau far away.
const Place harbourton = place(1, "Harbourton", 48.0, 2.0, 'P', "XA", 90000);
const Place millbrook = place(2, "Millbrook", 40.0, -3.0, 'P', "XB", 50000);
const Place stonecounty = place(3, "Stone County", 26.00, 119.00, 'A', "CN", 0);
const Place stoneseat = place(4, "Stoneseat", 26.03, 119.03, 'P', "CN", 300000);
const Place rivertown = place(5, "Rivertown", 30.0, 120.0, 'P', "CN", 200000);

struct Doc {
  DocumentClaims claims;
  DocumentRef source;

  explicit Doc(const std::string& id)
      : source(share_document({id, "Title of " + id, "https://example.org/" + id, ""})) {
    claims.document = id;
  }
  Evidence evidence(const std::string& sentence, std::uint32_t start) const {
    return {source, share_sentence(sentence), start, start + static_cast<std::uint32_t>(sentence.size())};
  }
  void mention(const std::string& text, const Place* p, MentionRole role, const std::string& sentence,
               std::uint32_t start) {
    RoledMention m;
    m.source = source;
    m.start = start;
    m.end = start + static_cast<std::uint32_t>(text.size());
    m.text = text;
    if (p != nullptr) {
      m.set_place(*p);
    }
    m.role = role;
    m.reason = p == nullptr ? Reason::Unresolved : Reason::NoCue;
    m.sentence_text = share_sentence(sentence);
    claims.mentions.push_back(std::move(m));
  }
  void site(const Place& p, const std::string& precision, std::optional<Status> status, const std::string& sentence,
            std::uint32_t start) {
    claims.sites.push_back({p, precision, status, "", 0, evidence(sentence, start)});
  }
  void bureau(const Place& p, const std::string& sentence, std::uint32_t start) {
    claims.jurisdictions.push_back({p, evidence(sentence, start)});
  }
  void link(const Place& site, const Place& bureau, const std::string& sentence, std::uint32_t start) {
    claims.links.push_back({site, bureau, evidence(sentence, start)});
  }
};

/// Three documents that overlap: the same sites, one bureau named by its county and by its seat, a link whose
/// site only a later document (by id) claims, a count and an unresolved name.
std::vector<DocumentClaims> corpus() {
  Doc a("a.txt");
  const std::string a1 = "Stone County police run a station in Harbourton.";
  a.mention("Stone County", &stonecounty, MentionRole::Jurisdiction, a1, 0);
  a.mention("Harbourton", &harbourton, MentionRole::Station, a1, 38);
  a.site(harbourton, "city", Status::Alleged, a1, 0);
  a.bureau(stonecounty, a1, 0);
  a.link(harbourton, stonecounty, a1, 0);
  const std::string a2 = "The Stone County bureau also works from Millbrook.";
  a.mention("Millbrook", &millbrook, MentionRole::Station, a2, 90);
  a.link(millbrook, stonecounty, a2, 50);
  Doc b("b.txt");
  const std::string b1 = "Stoneseat police closed their Harbourton station.";
  b.mention("Stoneseat", &stoneseat, MentionRole::Jurisdiction, b1, 0);
  b.mention("Harbourton", &harbourton, MentionRole::Station, b1, 30);
  b.site(harbourton, "district", Status::Closed, b1, 0);
  b.bureau(stoneseat, b1, 0);
  b.link(harbourton, stoneseat, b1, 0);
  b.claims.counts.push_back(b.evidence("Researchers counted 54 stations.", 60));
  b.mention("Qwertyville", nullptr, MentionRole::Other, "Qwertyville was quiet.", 100);
  Doc c("c.txt");
  const std::string c1 = "Rivertown police opened a station in Millbrook.";
  c.mention("Rivertown", &rivertown, MentionRole::Jurisdiction, c1, 0);
  c.mention("Millbrook", &millbrook, MentionRole::Station, c1, 37);
  c.site(millbrook, "city", std::nullopt, c1, 0);
  c.bureau(rivertown, c1, 0);
  c.link(millbrook, rivertown, c1, 0);
  return {std::move(a.claims), std::move(b.claims), std::move(c.claims)};
}

ClaimSet merge_in_order(const std::vector<std::size_t>& order, ProblemReport& problems) {
  std::vector<DocumentClaims> documents = corpus();
  ClaimMerger merger;
  for (const std::size_t i : order) {
    merger.add(std::move(documents[i]));
  }
  EXPECT_EQ(merger.documents(), order.size());
  return merger.finish(problems);
}

void describe(std::ostream& out, const Evidence& e) {
  out << "  evidence " << e.document() << '|' << e.title() << '|' << e.url() << '|' << e.date() << '|' << e.sentence()
      << '|' << e.start << '-' << e.end << '\n';
}

void describe(std::ostream& out, const Station& s) {
  out << s.station_id << ' ' << s.place.name << ' ' << s.precision << ' ' << status_name(s.status) << ' '
      << s.station_count << ' ' << s.confidence;
  for (const auto& j : s.jurisdiction_ids) {
    out << " j:" << j;
  }
  for (const auto& d : s.documents) {
    out << " d:" << d;
  }
  out << '\n';
  for (const Evidence& e : s.evidence) {
    describe(out, e);
  }
}

/// Every field of @p claims, as text: two ClaimSets are identical when their descriptions are.
std::string describe(const ClaimSet& claims) {
  std::ostringstream out;
  for (const Station& s : claims.stations) {
    describe(out, s);
  }
  for (const SiteCandidate& c : claims.candidates) {
    describe(out, c.site);
  }
  for (const Jurisdiction& j : claims.jurisdictions) {
    out << j.jurisdiction_id << ' ' << j.place.name << ' ' << j.admin_level << ' ' << j.province;
    for (const auto& s : j.station_ids) {
      out << " s:" << s;
    }
    for (const auto& d : j.documents) {
      out << " d:" << d;
    }
    out << '\n';
    for (const Evidence& e : j.evidence) {
      describe(out, e);
    }
  }
  for (const Link& l : claims.links) {
    out << l.link_id << ' ' << l.station_id << ' ' << l.jurisdiction_id << '\n';
    for (const Evidence& e : l.evidence) {
      describe(out, e);
    }
  }
  for (const RoledMention& m : claims.mentions) {
    out << "mention " << m.document() << ' ' << m.start << '-' << m.end << ' ' << m.text << ' ' << m.place_id() << ' '
        << m.place().name << ' ' << mention_role_name(m.role) << ' ' << reason_code(m.reason) << ' ' << m.sentence()
        << '\n';
  }
  for (const Evidence& e : claims.counts) {
    describe(out, e);
  }
  return out.str();
}

TEST(ClaimMerger, TheSameDocumentsInAnyOrderGiveTheSameClaims) {
  ProblemReport first_problems;
  const std::string first = describe(merge_in_order({0, 1, 2}, first_problems));
  for (const std::vector<std::size_t>& order :
       {std::vector<std::size_t>{2, 1, 0}, {1, 2, 0}, {2, 0, 1}, {1, 0, 2}, {0, 2, 1}}) {
    ProblemReport problems;
    EXPECT_EQ(describe(merge_in_order(order, problems)), first);
    EXPECT_EQ(problems.sorted().size(), first_problems.sorted().size());
  }
  EXPECT_EQ(first_problems.count("unresolved-name"), 1U);
}

TEST(ClaimMerger, OneJurisdictionPerBureauAndTheFirstDocumentsReadingOfASite) {
  ProblemReport problems;
  const ClaimSet claims = merge_in_order({2, 1, 0}, problems);
  ASSERT_EQ(claims.jurisdictions.size(), 2U) << describe(claims);
  // Stone County and its seat 5 km away are one bureau, named after the populated place...
  const Jurisdiction& stone =
      claims.jurisdictions[jurisdiction_id_of(stoneseat) < jurisdiction_id_of(rivertown) ? 0 : 1];
  EXPECT_EQ(stone.jurisdiction_id, jurisdiction_id_of(stoneseat));
  EXPECT_EQ(stone.documents, (std::vector<std::string>{"a.txt", "b.txt"}));
  // ... and every mention of either place now names the bureau's place.
  for (const RoledMention& m : claims.mentions) {
    if (m.text == "Stone County") {
      EXPECT_EQ(m.place().name, "Stoneseat");
      EXPECT_EQ(m.place_id(), place_id_of(stoneseat));
    }
  }
  // Harbourton: the strongest status; precision as the first document by id (a.txt) reads it.
  const Station& harbour = claims.stations[station_id_of(harbourton) < station_id_of(millbrook) ? 0 : 1];
  EXPECT_EQ(harbour.station_id, station_id_of(harbourton));
  EXPECT_EQ(harbour.status, Status::Closed);
  EXPECT_EQ(harbour.precision, "city");
  EXPECT_EQ(harbour.evidence.size(), 2U);
}

TEST(ClaimMerger, ALinkHoldsWhenItsSiteIsClaimedByAnyDocument) {
  // a.txt ties Millbrook to Stone County but only c.txt (later by id) claims Millbrook as a site.
  ProblemReport problems;
  const ClaimSet claims = merge_in_order({0, 1, 2}, problems);
  const std::string id = link_id_of(station_id_of(millbrook), jurisdiction_id_of(stoneseat));
  EXPECT_TRUE(std::any_of(claims.links.begin(), claims.links.end(), [&](const Link& l) { return l.link_id == id; }))
      << describe(claims);
  EXPECT_EQ(claims.links.size(), 3U);
}

TEST(ClaimMerger, MentionsAndEvidenceSharePlacesDocumentsAndSentences) {
  ProblemReport problems;
  const ClaimSet claims = merge_in_order({1, 0, 2}, problems);
  std::map<std::string, const RoledMention*> first_by_text;
  for (const RoledMention& m : claims.mentions) {
    auto [it, fresh] = first_by_text.emplace(m.text, &m);
    if (!fresh && m.resolved()) {
      EXPECT_EQ(m.resolved_place.get(), it->second->resolved_place.get()) << "one Place for " << m.text;
    }
  }
  ASSERT_EQ(first_by_text.count("Harbourton"), 1U);
  // The station's evidence from a.txt shares the document fields and sentence with a.txt's mentions.
  const RoledMention& harbour_a = claims.mentions[1];
  ASSERT_EQ(harbour_a.document(), "a.txt");
  ASSERT_EQ(harbour_a.text, "Harbourton");
  const Station& harbour = claims.stations[station_id_of(harbourton) < station_id_of(millbrook) ? 0 : 1];
  const Evidence& e = harbour.evidence.front();
  EXPECT_EQ(e.document(), "a.txt");
  EXPECT_EQ(e.title(), "Title of a.txt");
  EXPECT_EQ(e.url(), "https://example.org/a.txt");
  EXPECT_EQ(e.sentence(), "Stone County police run a station in Harbourton.");
  EXPECT_EQ(e.source.get(), harbour_a.source.get());
  EXPECT_EQ(e.text.get(), harbour_a.sentence_text.get());
  // The values read back as the documents gave them.
  EXPECT_EQ(harbour_a.place(), harbourton);
  EXPECT_EQ(harbour_a.sentence(), e.sentence());
  EXPECT_EQ(harbour_a.start, 38U);
}

TEST(ClaimMerger, ADocumentIdSeenAgainSharesItsFirstFieldsWhateverTheOrder) {
  ClaimMerger merger;
  for (const std::string id : {"b.txt", "c.txt", "a.txt", "b.txt", "a.txt", "c.txt"}) { // in id order, then not
    Doc d(id); // fields of their own, equal to the first's
    d.mention("Harbourton", &harbourton, MentionRole::Station, "A station in Harbourton.", 13);
    merger.add(std::move(d.claims));
  }
  ProblemReport problems;
  const ClaimSet claims = merger.finish(problems);
  ASSERT_EQ(claims.mentions.size(), 6U);
  std::map<std::string, const DocumentInfo*> first;
  for (const RoledMention& m : claims.mentions) {
    const auto [it, fresh] = first.emplace(m.document(), m.source.get());
    EXPECT_EQ(m.source.get(), it->second) << m.document() << ": one DocumentInfo per id";
  }
  EXPECT_EQ(first.size(), 3U);
}

TEST(ClaimMerger, SitesAndLinksComeInTheOrderOfTheirIdsWhateverTheirPlacesNumbers) {
  // Ids of 4 and 5 digits: "station-gn10400" sorts before "station-gn5100" as text, not as numbers.
  ClaimMerger merger;
  for (std::uint32_t i = 40; i-- > 0;) {
    Doc d("d" + std::to_string(i) + ".txt");
    const Place site = place(i * 300, "Site " + std::to_string(i), -60.0 + 3.0 * i, 20.0, 'P', "XA", 1000);
    const std::string sentence = "Rivertown police run a station in " + site.name + ".";
    if (i % 4 != 3) {
      d.site(site, "city", std::nullopt, sentence, 0);
      d.link(site, rivertown, sentence, 0);
    }
    if (i % 2 == 1) { // doubted: at a station's place (dropped) or at a place no document claims as a site
      d.claims.candidates.push_back({{site, "city", std::nullopt, "", 0, d.evidence(sentence, 0)}, Reason::Question});
    }
    d.bureau(rivertown, sentence, 0);
    merger.add(std::move(d.claims));
  }
  ProblemReport problems;
  const ClaimSet claims = merger.finish(problems);
  ASSERT_EQ(claims.stations.size(), 30U);
  ASSERT_EQ(claims.links.size(), 30U);
  ASSERT_EQ(claims.candidates.size(), 10U);
  EXPECT_TRUE(std::is_sorted(claims.stations.begin(), claims.stations.end(),
                             [](const Station& a, const Station& b) { return a.station_id < b.station_id; }));
  EXPECT_TRUE(std::is_sorted(
      claims.candidates.begin(), claims.candidates.end(),
      [](const SiteCandidate& a, const SiteCandidate& b) { return a.site.station_id < b.site.station_id; }));
  EXPECT_TRUE(std::is_sorted(claims.links.begin(), claims.links.end(),
                             [](const Link& a, const Link& b) { return a.link_id < b.link_id; }));
  for (const Station& s : claims.stations) {
    EXPECT_EQ(s.station_id, station_id_of(s.place));
    EXPECT_EQ(s.jurisdiction_ids, std::vector<std::string>{jurisdiction_id_of(rivertown)}) << s.station_id;
  }
  for (const Link& l : claims.links) {
    EXPECT_EQ(l.link_id, link_id_of(l.station_id, jurisdiction_id_of(rivertown)));
  }
  ASSERT_EQ(claims.jurisdictions.size(), 1U);
  EXPECT_EQ(claims.jurisdictions[0].station_ids.size(), 30U);
}

TEST(ClaimMerger, NothingAddedIsAnEmptyClaimSet) {
  ClaimMerger merger;
  ProblemReport problems;
  const ClaimSet claims = merger.finish(problems);
  EXPECT_TRUE(claims.stations.empty());
  EXPECT_TRUE(claims.mentions.empty());
  EXPECT_EQ(problems.size(), 0U);
}

TEST(ClaimMerger, ClaimsAreFoldedInWhileOthersAreBuiltFromTheSharedValues) {
  ClaimMerger merger; // a claims cache reads records into the shared values while earlier ones are folded in
  merger.with_shared_values([&](SharedValues&) {
    auto folded = std::async(std::launch::async, [&] {
      DocumentClaims document;
      document.document = "a";
      merger.add_shared(std::move(document));
    });
    EXPECT_EQ(folded.wait_for(std::chrono::seconds(20)), std::future_status::ready) << "add_shared() waited";
  });
  EXPECT_EQ(merger.documents(), 1U);
}

} // namespace
} // namespace stationmap
