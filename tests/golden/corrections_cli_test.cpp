// `stationmap build --corrections FILE` end to end on the project's own documents (tests/serve/data/review_docs):
// the rows apply, stale and malformed rows are problems.csv lines, and the same file gives the same bytes twice.

#include "support/files.hpp"

#include <filesystem>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace fs = std::filesystem;
using stationmap::test_support::quoted;
using stationmap::test_support::read_text;

namespace {

int build(const fs::path& out, const fs::path& corrections) {
  const fs::path docs = fs::path(STATIONMAP_GOLDEN_DIR) / ".." / "serve" / "data" / "review_docs";
  fs::remove_all(out);
  return stationmap::test_support::run_command(std::string(STATIONMAP_BINARY) + " build " + quoted(docs) + " -o " +
                                               quoted(out) + " --corrections " + quoted(corrections) +
                                               " >/dev/null 2>&1");
}

TEST(CorrectionsCli, AppliesRowsReportsStaleAndMalformedOnesAndIsReproducible) {
  const stationmap::test_support::ScratchDir scratch("stationmap-corrections-cli");
  const fs::path& work = scratch.path();
  const fs::path corrections = work / "corrections.csv";
  stationmap::test_support::write_text(corrections, "action,target,value,note\n"
                                                    "reject,Budapest,,a shop\n"
                                                    "set_status,station-gn3067696,closed@2023-04-01,police statement\n"
                                                    "confirm,Oslo,,\n"
                                                    "move,Prague,nowhere,\n");
  ASSERT_EQ(build(work / "a", corrections), 0);
  ASSERT_EQ(build(work / "b", corrections), 0);
  for (const char* file : {"stations.geojson", "places.geojson", "links.geojson", "problems.csv", "review.csv"}) {
    EXPECT_EQ(read_text(work / "a" / file), read_text(work / "b" / file)) << file;
  }
  const auto stations = nlohmann::json::parse(read_text(work / "a" / "stations.geojson"))["features"];
  ASSERT_EQ(stations.size(), 1U);
  const auto& prague = stations[0]["properties"];
  EXPECT_EQ(prague["name"], "Prague");
  EXPECT_EQ(prague["status"], "closed");
  EXPECT_EQ(prague["status_date"], "2023-04-01");
  ASSERT_EQ(prague["corrections"].size(), 1U);
  EXPECT_EQ(prague["corrections"][0]["row"], 3);
  const std::string problems = read_text(work / "a" / "problems.csv");
  EXPECT_NE(problems.find("stale-correction,line 4:"), std::string::npos) << problems;
  EXPECT_NE(problems.find("malformed-correction,line 5:"), std::string::npos) << problems;
  bool rejected = false;
  const auto places = nlohmann::json::parse(read_text(work / "a" / "places.geojson"));
  for (const auto& f : places["features"]) {
    rejected = rejected || (f["properties"]["name"] == "Budapest" && f["properties"]["role"] == "rejected" &&
                            f["properties"]["reason"] == "a shop");
  }
  EXPECT_TRUE(rejected);
}

} // namespace
