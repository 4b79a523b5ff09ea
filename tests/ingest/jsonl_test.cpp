#include "stationmap/ingest/jsonl.hpp"
#include "test_util.hpp"

#include <gtest/gtest.h>

namespace stationmap::ingest {
namespace {

using test::fixture;

struct Collected {
  std::vector<Document> docs;
  std::vector<std::pair<std::size_t, std::string>> bad;
};

Collected run_jsonl(const std::string& bytes) {
  Collected c;
  parse_jsonl(
      bytes, {"corpus.jsonl", "in/corpus.jsonl"}, 1 << 20, [&](Document&& d) { c.docs.push_back(std::move(d)); },
      [&](std::size_t n, const std::string& reason) { c.bad.emplace_back(n, reason); });
  return c;
}

TEST(JsonlReader, KeepsGoodLinesAndReportsBadOnes) {
  const Collected c = run_jsonl(fixture("corpus.jsonl"));
  ASSERT_EQ(c.docs.size(), 4U);
  EXPECT_EQ(c.docs[0].id, "corpus.jsonl#a1");
  EXPECT_EQ(c.docs[0].url, "https://wire.example/a1");
  EXPECT_EQ(c.docs[0].date, "2023-01-05");
  EXPECT_EQ(c.docs[0].title, "Office in Westhaven");
  EXPECT_EQ(c.docs[0].outlet, "Example Wire");
  EXPECT_EQ(c.docs[0].text, "Officials said an office in Westhaven was closed.\n\nA second paragraph.");
  EXPECT_EQ(c.docs[0].path, "in/corpus.jsonl");
  EXPECT_EQ(c.docs[1].id, "corpus.jsonl#42");
  EXPECT_EQ(c.docs[2].id, "corpus.jsonl#7"); // no id: the line number
  EXPECT_EQ(c.docs[2].outlet, "Example Times");
  EXPECT_EQ(c.docs[3].format, "html");
  EXPECT_EQ(c.docs[3].text, "The office in Eastport closed.");
  ASSERT_EQ(c.bad.size(), 3U);
  EXPECT_EQ(c.bad[0].first, 3U);
  EXPECT_EQ(c.bad[0].second, "invalid JSON at byte 2");
  EXPECT_EQ(c.bad[1].first, 4U);
  EXPECT_EQ(c.bad[1].second, "id \"no-text\": no \"text\" field (or it is empty)");
  EXPECT_EQ(c.bad[2].first, 6U);
  EXPECT_EQ(c.bad[2].second, "not a JSON object");
}

// Flat objects of strings are read without a JSON tree; everything else by the full parser: both must agree.
TEST(JsonlReader, EscapesRepeatedKeysAndOtherValuesReadAsTheFullParserReadsThem) {
  const Collected c = run_jsonl(R"({"id": "e", "title": "A \"quoted\" \\ \/ title", "text": "one\ntwo\tthree"}
{"id":"u","text":"caf\u00e9 \ud83d\ude00"}
{"id": "r", "text": "first", "text": "second"}
{"id": 7, "text": "a number id", "extra": [1, {"x": null}]}
{"text": "", "body": "the body when text is empty"}
  { "id" : "s" , "text" : "spaces around" }  
{"id": "t", "text": "trailing comma",}
{"id": "g", "text": "garbage after"} x
{"id": "c", "text": "a control)"
                                "\x01"
                                R"( character"}
{}
)");
  ASSERT_EQ(c.docs.size(), 6U);
  EXPECT_EQ(c.docs[0].title, "A \"quoted\" \\ / title");
  EXPECT_EQ(c.docs[0].text, "one\ntwo\tthree");
  EXPECT_EQ(c.docs[1].text, "caf\u00e9 \U0001F600");
  EXPECT_EQ(c.docs[2].text, "second") << "the last of a repeated key, as the full parser keeps it";
  EXPECT_EQ(c.docs[3].id, "corpus.jsonl#7");
  EXPECT_EQ(c.docs[4].text, "the body when text is empty");
  EXPECT_EQ(c.docs[4].id, "corpus.jsonl#5");
  EXPECT_EQ(c.docs[5].id, "corpus.jsonl#s");
  EXPECT_EQ(c.docs[5].text, "spaces around");
  ASSERT_EQ(c.bad.size(), 4U);
  EXPECT_EQ(c.bad[0].first, 7U);
  EXPECT_EQ(c.bad[1].first, 8U);
  EXPECT_EQ(c.bad[2].first, 9U) << "a control character inside a string is not JSON";
  EXPECT_EQ(c.bad[3].first, 10U);
  EXPECT_EQ(c.bad[3].second, "no \"text\" field (or it is empty)");
}

TEST(JsonlReader, InvalidUtf8IsReplacedNotFatal) {
  const Collected c = run_jsonl("{\"id\":\"u\",\"text\":\"Caf\xE9 in Lakeview\"}\n");
  ASSERT_EQ(c.docs.size(), 1U);
  EXPECT_EQ(c.docs[0].text, "Caf\uFFFD in Lakeview");
}

// Regression (fuzz_jsonl): a number too large for a double threw json::out_of_range past the reader.
TEST(JsonlReader, HugeNumbersAreBadLinesNotCrashes) {
  const Collected c =
      run_jsonl("{\"id\": \"n\", \"text\": \"x\", \"n\": 22222222E2222222}\n{\"id\":\"ok\",\"text\":\"fine\"}\n");
  ASSERT_EQ(c.docs.size(), 1U);
  EXPECT_EQ(c.docs[0].id, "corpus.jsonl#ok");
  ASSERT_EQ(c.bad.size(), 1U);
  EXPECT_EQ(c.bad[0].second, "invalid JSON: number out of range");
}

TEST(JsonlReader, OverlongLinesAreReported) {
  Collected c;
  const std::string big =
      "{\"id\":\"big\",\"text\":\"" + std::string(5000, 'a') + "\"}\n{\"id\":\"ok\",\"text\":\"fine\"}";
  parse_jsonl(
      big, {"f", "f"}, 1000, [&](Document&& d) { c.docs.push_back(std::move(d)); },
      [&](std::size_t n, const std::string& reason) { c.bad.emplace_back(n, reason); });
  ASSERT_EQ(c.docs.size(), 1U);
  EXPECT_EQ(c.docs[0].id, "f#ok");
  ASSERT_EQ(c.bad.size(), 1U);
  EXPECT_NE(c.bad[0].second.find("over the limit"), std::string::npos);
}

TEST(JsonFile, SingleObjectAndArrays) {
  std::vector<Document> docs;
  std::vector<std::string> bad;
  const auto sink = [&](Document&& d) { docs.push_back(std::move(d)); };
  const auto on_bad = [&](std::size_t, const std::string& r) { bad.push_back(r); };
  parse_json_file(fixture("single.json"), {"single.json", "single.json"}, 1 << 20, sink, on_bad);
  ASSERT_EQ(docs.size(), 1U);
  EXPECT_EQ(docs[0].id, "single.json");
  EXPECT_EQ(docs[0].date, "2022-07-01");
  docs.clear();
  parse_json_file(fixture("array.json"), {"array.json", "array.json"}, 1 << 20, sink, on_bad);
  ASSERT_EQ(docs.size(), 2U);
  EXPECT_EQ(docs[0].id, "array.json#x");
  EXPECT_EQ(docs[1].id, "array.json#z");
  ASSERT_EQ(bad.size(), 1U);
  EXPECT_NE(bad[0].find("element 2"), std::string::npos) << bad[0];
}

Collected run_json_file(const std::string& bytes, std::size_t max_document_bytes = 1 << 20) {
  Collected c;
  parse_json_file(
      bytes, {"f.json", "f.json"}, max_document_bytes, [&](Document&& d) { c.docs.push_back(std::move(d)); },
      [&](std::size_t n, const std::string& reason) { c.bad.emplace_back(n, reason); });
  return c;
}

TEST(JsonFile, DeepNestingStopsTheReaderAfterTheDocumentsBeforeIt) {
  const Collected c = run_json_file("[{\"id\":\"a\",\"text\":\"kept\"}," + std::string(100000, '[') + "]");
  ASSERT_EQ(c.docs.size(), 1U);
  EXPECT_EQ(c.docs[0].text, "kept");
  ASSERT_EQ(c.bad.size(), 1U) << "one problem for the deep element and the rest of the file";
  EXPECT_EQ(c.bad[0].first, 2U);
  EXPECT_NE(c.bad[0].second.find("nested deeper than 64 levels"), std::string::npos) << c.bad[0].second;
}

TEST(JsonFile, ADocumentOverTheSizeLimitIsSkippedAndTheNextOnesRead) {
  const std::string big = "{\"id\":\"big\",\"text\":\"" + std::string(5000, 'a') + "\"}";
  const Collected c = run_json_file("{\"documents\": [" + big + ", {\"id\":\"ok\",\"text\":\"fine\"}]}", 1000);
  ASSERT_EQ(c.docs.size(), 1U);
  EXPECT_EQ(c.docs[0].id, "f.json#ok");
  ASSERT_EQ(c.bad.size(), 1U);
  EXPECT_NE(c.bad[0].second.find("element 1: over the size limit"), std::string::npos) << c.bad[0].second;
}

TEST(JsonFile, ListUnderAKeyAfterOtherMembersAndJsonLinesNamedJson) {
  Collected c =
      run_json_file("{\"source\": {\"name\": \"x\"}, \"articles\": [{\"text\": \"one\"}, {\"text\": \"two\"}]}");
  ASSERT_EQ(c.docs.size(), 2U);
  EXPECT_EQ(c.docs[1].id, "f.json#2");
  c = run_json_file("{\"id\":\"a\",\"text\":\"first\"}\n{\"id\":\"b\",\"text\":\"second\"}\n");
  ASSERT_EQ(c.docs.size(), 2U) << "read as JSON Lines";
  EXPECT_EQ(c.docs[1].id, "f.json#b");
}

TEST(JsonFile, ATruncatedListKeepsWhatCameBeforeTheBreak) {
  const Collected c = run_json_file("[{\"id\":\"a\",\"text\":\"kept\"}, {\"id\":\"b\",\"te");
  ASSERT_EQ(c.docs.size(), 1U);
  ASSERT_EQ(c.bad.size(), 1U);
  EXPECT_NE(c.bad[0].second.find("invalid JSON"), std::string::npos) << c.bad[0].second;
}

TEST(JsonlReader, DeepLinesAreBadLines) {
  const Collected c = run_jsonl(std::string(200000, '[') + "\n{\"id\":\"ok\",\"text\":\"fine\"}\n");
  ASSERT_EQ(c.docs.size(), 1U);
  ASSERT_EQ(c.bad.size(), 1U);
  EXPECT_NE(c.bad[0].second.find("nested deeper"), std::string::npos) << c.bad[0].second;
}

TEST(JsonDates, ADateThatIsNotOnTheCalendarIsDropped) {
  Collected c = run_jsonl("{\"text\":\"x\",\"date\":\"2023-02-31\"}\n{\"text\":\"y\",\"date\":\"2024-02-29T10:00\"}\n");
  ASSERT_EQ(c.docs.size(), 2U);
  EXPECT_EQ(c.docs[0].date, "");
  EXPECT_EQ(c.docs[1].date, "2024-02-29");
}

} // namespace
} // namespace stationmap::ingest

namespace stationmap::ingest {
namespace {

// Every input a fuzzer crashed on stays here and must be read without crashing.
TEST(FuzzRegressions, JsonlInputsDoNotCrash) {
  for (const auto& entry : std::filesystem::directory_iterator(test::data_path("fuzz_regressions"))) {
    if (entry.path().filename().string().rfind("jsonl_", 0) != 0)
      continue;
    const std::string bytes = stationmap::read_file(entry.path());
    std::size_t docs = 0;
    std::size_t bad = 0;
    parse_jsonl(
        bytes, {"f", "f"}, 1 << 16, [&](Document&&) { ++docs; }, [&](std::size_t, const std::string&) { ++bad; });
    parse_json_file(
        bytes, {"f", "f"}, 1 << 16, [&](Document&&) { ++docs; }, [&](std::size_t, const std::string&) { ++bad; });
    EXPECT_GT(docs + bad, 0U) << entry.path();
  }
}

} // namespace
} // namespace stationmap::ingest
