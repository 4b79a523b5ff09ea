// Claims files (claims_io.hpp): every field survives a write and a read, lines are deterministic, bad lines are
// refused with a reason, and only claims files are replaced.

#include "invented_record.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/core/outdir.hpp"
#include "stationmap/pipeline/claims_io.hpp"
#include "stationmap/pipeline/extract_claims.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <unistd.h>
#include <variant>

namespace stationmap {
namespace {

namespace fs = std::filesystem;
using test_fixture::invented_record;

DocumentRecord round_trip(const DocumentRecord& r) {
  ClaimsRecord back = parse_claims_line(claims_line(r));
  EXPECT_TRUE(std::holds_alternative<DocumentRecord>(back));
  return std::get<DocumentRecord>(back);
}

void expect_same_place(const Place& a, const Place& b) {
  EXPECT_EQ(a.index, b.index);
  EXPECT_EQ(a.id, b.id);
  EXPECT_EQ(a.geonameid, b.geonameid);
  EXPECT_EQ(a.name, b.name);
  EXPECT_EQ(a.lat, b.lat); // exactly: the map is byte-identical to a one-command build
  EXPECT_EQ(a.lon, b.lon);
  EXPECT_EQ(a.feature_class, b.feature_class);
  EXPECT_EQ(a.feature_code, b.feature_code);
  EXPECT_EQ(a.country, b.country);
  EXPECT_EQ(a.admin1_code, b.admin1_code);
  EXPECT_EQ(a.admin1_name, b.admin1_name);
  EXPECT_EQ(a.admin2_code, b.admin2_code);
  EXPECT_EQ(a.admin2_name, b.admin2_name);
  EXPECT_EQ(a.population, b.population);
}

void expect_same_evidence(const Evidence& a, const Evidence& b) {
  EXPECT_EQ(a.document(), b.document());
  EXPECT_EQ(a.title(), b.title());
  EXPECT_EQ(a.url(), b.url());
  EXPECT_EQ(a.date(), b.date());
  EXPECT_EQ(a.sentence(), b.sentence());
  EXPECT_EQ(a.start, b.start);
  EXPECT_EQ(a.end, b.end);
}

TEST(ClaimsLine, EveryFieldOfADocumentRecordSurvivesARoundTrip) {
  const DocumentRecord r = invented_record();
  const DocumentRecord back = round_trip(r);
  EXPECT_EQ(back.content_hash, r.content_hash);
  EXPECT_EQ(back.pipeline, r.pipeline);
  const DocumentClaims& a = r.claims;
  const DocumentClaims& b = back.claims;
  EXPECT_EQ(b.document, a.document);
  ASSERT_EQ(b.mentions.size(), a.mentions.size());
  for (std::size_t i = 0; i < a.mentions.size(); ++i) {
    const RoledMention& x = a.mentions[i];
    const RoledMention& y = b.mentions[i];
    EXPECT_EQ(y.document(), x.document());
    EXPECT_EQ(y.start, x.start);
    EXPECT_EQ(y.end, x.end);
    EXPECT_EQ(y.text, x.text);
    EXPECT_EQ(y.place_id(), x.place_id());
    expect_same_place(y.place(), x.place());
    EXPECT_EQ(y.resolved(), x.resolved());
    EXPECT_EQ(y.role, x.role);
    EXPECT_EQ(y.reason, x.reason);
    EXPECT_EQ(y.note(), x.note());
    EXPECT_EQ(y.sentence(), x.sentence());
    EXPECT_EQ(y.confidence, x.confidence);
    ASSERT_EQ(y.corrections().size(), x.corrections().size());
    for (std::size_t k = 0; k < x.corrections().size(); ++k) {
      EXPECT_EQ(y.corrections()[k].row, x.corrections()[k].row);
      EXPECT_EQ(y.corrections()[k].action, x.corrections()[k].action);
      EXPECT_EQ(y.corrections()[k].note, x.corrections()[k].note);
    }
  }
  ASSERT_EQ(b.sites.size(), a.sites.size());
  for (std::size_t i = 0; i < a.sites.size(); ++i) {
    expect_same_place(b.sites[i].place, a.sites[i].place);
    EXPECT_EQ(b.sites[i].precision, a.sites[i].precision);
    EXPECT_EQ(b.sites[i].status, a.sites[i].status);
    EXPECT_EQ(b.sites[i].status_date, a.sites[i].status_date);
    EXPECT_EQ(b.sites[i].count, a.sites[i].count);
    expect_same_evidence(b.sites[i].evidence, a.sites[i].evidence);
  }
  ASSERT_EQ(b.jurisdictions.size(), 1U);
  expect_same_place(b.jurisdictions[0].place, a.jurisdictions[0].place);
  expect_same_evidence(b.jurisdictions[0].evidence, a.jurisdictions[0].evidence);
  ASSERT_EQ(b.links.size(), 1U);
  expect_same_place(b.links[0].site, a.links[0].site);
  expect_same_place(b.links[0].jurisdiction, a.links[0].jurisdiction);
  expect_same_evidence(b.links[0].evidence, a.links[0].evidence);
  ASSERT_EQ(b.counts.size(), 1U);
  expect_same_evidence(b.counts[0], a.counts[0]);
  EXPECT_EQ(claims_line(back), claims_line(r)) << "a read record is written as the same bytes";
}

TEST(ClaimsLine, IsOneLineWithPlacesAndSentencesWrittenOnce) {
  const std::string line = claims_line(invented_record());
  EXPECT_EQ(line.find('\n'), line.size() - 1);
  const auto count = [&](const std::string& s) {
    std::size_t n = 0;
    for (auto at = line.find(s); at != std::string::npos; at = line.find(s, at + 1)) {
      ++n;
    }
    return n;
  };
  EXPECT_EQ(count("\"Upper County\""), 2U) << "two distinct places (site and bureau)";
  EXPECT_EQ(count("An office in Northtown"), 1U);
  EXPECT_EQ(claims_line_pipeline(line), "stationmap test");
}

TEST(ClaimsLine, AProblemRecordRoundTrips) {
  const ProblemRecord p{"stationmap test", Problem{"docs/bad.bin", "skipped-file", "binary, not a document"}};
  const ClaimsRecord back = parse_claims_line(claims_line(p));
  ASSERT_TRUE(std::holds_alternative<ProblemRecord>(back));
  const ProblemRecord& q = std::get<ProblemRecord>(back);
  EXPECT_EQ(q.pipeline, p.pipeline);
  EXPECT_EQ(q.problem.file, p.problem.file);
  EXPECT_EQ(q.problem.kind, p.problem.kind);
  EXPECT_EQ(q.problem.detail, p.problem.detail);
}

TEST(ClaimsLine, BadLinesAreRefusedWithAReason) {
  EXPECT_THROW(parse_claims_line("not json"), FormatError);
  EXPECT_THROW(parse_claims_line("[1, 2]"), FormatError);
  EXPECT_THROW(parse_claims_line(R"({"document": "a"})"), FormatError);
  std::string other_format = claims_line(invented_record());
  const std::string this_format = "\"format\":" + std::to_string(claims_format_version);
  other_format.replace(other_format.find(this_format), this_format.size(), "\"format\":99");
  try {
    parse_claims_line(other_format);
    ADD_FAILURE() << "another format was read";
  } catch (const FormatError& e) {
    EXPECT_NE(std::string(e.what()).find("format 99"), std::string::npos) << e.what();
  }
  std::string bad_index = claims_line(invented_record());
  bad_index.replace(bad_index.find("\"place\":0"), 9, "\"place\":7");
  EXPECT_THROW(parse_claims_line(bad_index), FormatError);
}

TEST(ContentHash, ChangesWithWhatTheExtractorReadsOnly) {
  Document d;
  d.id = "a.txt";
  d.path = "/somewhere/a.txt";
  d.text = "An office in Northtown.";
  const std::string h = document_content_hash(d);
  EXPECT_EQ(h.rfind("sha256:", 0), 0U);
  EXPECT_EQ(h.size(), 7U + 64U);
  Document moved = d;
  moved.path = "/elsewhere/a.txt";
  EXPECT_EQ(document_content_hash(moved), h) << "the file's location is not content";
  Document edited = d;
  edited.text += " More.";
  EXPECT_NE(document_content_hash(edited), h);
  Document retitled = d;
  retitled.title = "T";
  EXPECT_NE(document_content_hash(retitled), h);
  Document reblocked = d;
  reblocked.blocks.push_back({0, 5, BlockKind::Caption});
  EXPECT_NE(document_content_hash(reblocked), h);
}

TEST(Shard, ParsesKOfNAndRefusesTheRest) {
  const Shard s = parse_shard("2/4");
  EXPECT_EQ(s.index, 2U);
  EXPECT_EQ(s.count, 4U);
  for (const char* bad : {"0/4", "5/4", "4", "a/b", "1/0", "1/4x", "/4", "-1/4"}) {
    EXPECT_THROW(parse_shard(bad), UsageError) << bad;
  }
}

TEST(Shard, EveryDocumentFallsInExactlyOneShardAndShardsAreBalanced) {
  const unsigned n = 4;
  std::vector<std::size_t> sizes(n);
  for (int i = 0; i < 4000; ++i) {
    const std::string id = "archive.jsonl#doc-" + std::to_string(i);
    unsigned hits = 0;
    for (unsigned k = 1; k <= n; ++k) {
      if (in_shard(id, {k, n})) {
        ++hits;
        ++sizes[k - 1];
      }
    }
    EXPECT_EQ(hits, 1U) << id;
  }
  for (const std::size_t size : sizes) {
    EXPECT_GT(size, 900U);
    EXPECT_LT(size, 1100U);
  }
  EXPECT_TRUE(in_shard("anything", {1, 1}));
}

class ClaimsFileTest : public ::testing::Test {
protected:
  void SetUp() override {
    dir = fs::temp_directory_path() / ("stationmap-claims-io-" + std::to_string(::getpid()) + "-" +
                                       std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    fs::remove_all(dir);
    fs::create_directories(dir);
  }
  void TearDown() override { fs::remove_all(dir); }
  fs::path dir;
};

TEST_F(ClaimsFileTest, ReadsEveryRecordAndNamesTheBadLine) {
  const fs::path file = dir / "claims.jsonl";
  std::ofstream(file) << claims_line(ProblemRecord{"p", {"f", "skipped-file", "d"}}) << claims_line(invented_record())
                      << "\n";
  std::vector<ClaimsRecord> records;
  read_claims_file(file, [&](ClaimsRecord&& r) { records.push_back(std::move(r)); });
  ASSERT_EQ(records.size(), 2U);
  EXPECT_TRUE(std::holds_alternative<ProblemRecord>(records[0]));
  EXPECT_TRUE(is_claims_file(file));

  std::ofstream(file, std::ios::app) << "{broken\n";
  try {
    read_claims_file(file, [](ClaimsRecord&&) {});
    ADD_FAILURE() << "a broken line was read";
  } catch (const FormatError& e) {
    EXPECT_NE(std::string(e.what()).find("claims.jsonl:4:"), std::string::npos) << e.what();
  }
}

TEST_F(ClaimsFileTest, OnlyANewFileAnEmptyFileOrAClaimsFileMayBeWritten) {
  EXPECT_NO_THROW(check_claims_output(dir / "new.jsonl", {}));
  std::ofstream(dir / "empty.jsonl").close();
  EXPECT_NO_THROW(check_claims_output(dir / "empty.jsonl", {}));
  std::ofstream(dir / "old.jsonl") << claims_line(invented_record());
  EXPECT_NO_THROW(check_claims_output(dir / "old.jsonl", {}));
  std::ofstream(dir / "notes.txt") << "my notes\n";
  EXPECT_THROW(check_claims_output(dir / "notes.txt", {}), OutdirRefused);
  EXPECT_EQ(std::ifstream(dir / "notes.txt").rdbuf()->in_avail() > 0, true);
  fs::create_directories(dir / "folder");
  EXPECT_THROW(check_claims_output(dir / "folder", {}), OutdirRefused);
  fs::create_directories(dir / "docs");
  EXPECT_THROW(check_claims_output(dir / "docs" / "claims.jsonl", {dir / "docs"}), OutdirRefused)
      << "a claims file inside an input would be read as a document next time";
}

} // namespace
} // namespace stationmap
