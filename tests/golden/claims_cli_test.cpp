// `stationmap extract` and `stationmap build --claims` end to end on the project's own documents (the golden
// cases, the samples and the review documents, plus a file that is not a document): four shards extracted by
// four processes under GNU parallel and merged give the same OUTDIR, byte for byte, as the one-command build.

#include "support/files.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <string>
#include <unistd.h>

namespace fs = std::filesystem;
using stationmap::test_support::read_text;
using stationmap::test_support::run_command;

namespace {

std::string binary() {
  return std::string(STATIONMAP_BINARY);
}

/// Every file below @p dir by relative path.
std::vector<fs::path> files_below(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file()) {
      out.push_back(fs::relative(e.path(), dir));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

void expect_same_tree(const fs::path& a, const fs::path& b) {
  const auto files = files_below(a);
  ASSERT_EQ(files, files_below(b));
  EXPECT_GT(files.size(), 10U);
  for (const fs::path& f : files) {
    EXPECT_TRUE(read_text(a / f) == read_text(b / f)) << f << " differs";
  }
}

class ClaimsCli : public ::testing::Test {
protected:
  void SetUp() override {
    work = fs::temp_directory_path() /
           ("stationmap-claims-cli-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) +
            "-" + std::to_string(::getpid())); // two checkouts may run these tests at once
    fs::remove_all(work);
    corpus = work / "corpus";
    fs::create_directories(corpus);
    const fs::path golden(STATIONMAP_GOLDEN_DIR);
    for (const auto& e : fs::directory_iterator(golden)) {
      if (fs::is_directory(e.path() / "docs")) {
        fs::copy(e.path() / "docs", corpus / e.path().filename(), fs::copy_options::recursive);
      }
    }
    fs::copy(golden / ".." / ".." / "samples", corpus / "samples", fs::copy_options::recursive);
    fs::copy(golden / ".." / "serve" / "data" / "review_docs", corpus / "review", fs::copy_options::recursive);
    std::ofstream(corpus / "broken.bin", std::ios::binary) << std::string("\x00\x01\x02\xff\xfe", 5) << "binary";
  }
  void TearDown() override { fs::remove_all(work); }
  fs::path work;
  fs::path corpus;
};

TEST_F(ClaimsCli, FourShardsUnderGnuParallelMergeIntoTheOneCommandMap) {
  ASSERT_EQ(run_command("command -v parallel >/dev/null"), 0)
      << "GNU parallel is missing: tools/install_deps.sh --tests";
  const std::string quiet = " >/dev/null 2>&1";
  // 1: the broken file is skipped (and named) in both paths.
  ASSERT_EQ(run_command(binary() + " build '" + corpus.string() + "' -o '" + (work / "one").string() + "'" + quiet), 1);
  const std::string shards = "parallel --halt never '" + binary() + " extract " + corpus.string() +
                             " --shard {}/4 -o " + (work / "shard-{}.jsonl").string() + "' ::: 1 2 3 4" + quiet;
  ASSERT_EQ(run_command(shards), 4) << "each shard names the skipped file (exit 1); parallel counts the four";
  std::size_t documents = 0;
  for (int k = 1; k <= 4; ++k) {
    const std::string text = read_text(work / ("shard-" + std::to_string(k) + ".jsonl"));
    documents += static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n'));
    EXPECT_NE(text.find("\"pipeline\":\"stationmap "), std::string::npos);
  }
  EXPECT_EQ(documents, 19U + 1U) << "every document once, and the skipped file's problem record once";
  ASSERT_EQ(run_command(binary() + " build --claims " + (work / "shard-*.jsonl").string() + " -o '" +
                        (work / "two").string() + "'" + quiet),
            1);
  expect_same_tree(work / "one", work / "two");
  EXPECT_NE(read_text(work / "two" / "problems.csv").find("broken.bin"), std::string::npos);
}

TEST_F(ClaimsCli, ExtractIsDeterministicAndSortedByDocument) {
  const std::string a = (work / "a.jsonl").string();
  const std::string b = (work / "b.jsonl").string();
  ASSERT_EQ(run_command(binary() + " extract '" + corpus.string() + "' -o " + a + " >/dev/null 2>&1"), 1);
  ASSERT_EQ(run_command(binary() + " extract '" + corpus.string() + "' -o " + b + " --jobs 2 >/dev/null 2>&1"), 1);
  const std::string text = read_text(a);
  EXPECT_EQ(text, read_text(b));
  std::istringstream lines(text);
  std::string line;
  std::string previous;
  while (std::getline(lines, line)) {
    if (line.rfind("{\"document\":", 0) == 0) {
      EXPECT_LT(previous, line) << "document records sorted by id";
      previous = line;
    }
  }
  ASSERT_EQ(run_command(binary() + " extract '" + corpus.string() + "' -o " + a + " >/dev/null 2>&1"), 1)
      << "an earlier claims file is replaced";
}

TEST_F(ClaimsCli, ExtractNeverOverwritesAUsersFile) {
  const fs::path notes = work / "notes.txt";
  std::ofstream(notes) << "my notes\n";
  EXPECT_EQ(run_command(binary() + " extract '" + corpus.string() + "' -o '" + notes.string() + "' >/dev/null 2>&1"),
            2);
  EXPECT_EQ(read_text(notes), "my notes\n");
  EXPECT_EQ(run_command(binary() + " extract '" + corpus.string() + "' -o '" + (corpus / "claims.jsonl").string() +
                        "' >/dev/null 2>&1"),
            2)
      << "a claims file inside an input folder would be read as documents";
  EXPECT_FALSE(fs::exists(corpus / "claims.jsonl"));
  EXPECT_EQ(run_command(binary() + " build --claims '" + notes.string() + "' -o '" + (work / "m").string() +
                        "' >/dev/null 2>&1"),
            2)
      << "a file that is not a claims file is an error";
}

/// The stderr of a command (stdout dropped).
std::string stderr_of(const std::string& command, const fs::path& file) {
  run_command(command + " >/dev/null 2>'" + file.string() + "'");
  return read_text(file);
}

TEST_F(ClaimsCli, ACachedRebuildExtractsOnlyWhatChangedAndMapsLikeACleanBuild) {
  const std::string cache = (work / "cache").string();
  const std::string build = binary() + " build '" + corpus.string() + "' --cache " + cache + " -o ";
  const fs::path log = work / "stderr.txt";
  EXPECT_NE(stderr_of(build + (work / "first").string(), log).find("19 documents read (0 from the cache)"),
            std::string::npos)
      << read_text(log);
  // One document added, one edited, one removed.
  std::ofstream(corpus / "added.txt") << "An office in Lisbon is an overseas police station run by the Fuzhou "
                                         "public security bureau, the report says.\n";
  std::ofstream(corpus / "samples" / "ireland-note.txt", std::ios::app) << "\nThe office in Dublin has closed.\n";
  fs::remove(corpus / "byline_trap" / "a.txt");
  EXPECT_NE(stderr_of(build + (work / "second").string(), log).find("19 documents read (17 from the cache)"),
            std::string::npos)
      << read_text(log);
  run_command(binary() + " build '" + corpus.string() + "' --no-cache -o " + (work / "clean").string() +
              " >/dev/null 2>&1");
  EXPECT_FALSE(fs::exists(work / "clean.cache"));
  expect_same_tree(work / "second", work / "clean");
  const std::string kept = read_text(work / "cache" / "claims.bin");
  EXPECT_NE(kept.find("added.txt"), std::string::npos);
  EXPECT_EQ(kept.find("byline_trap/a.txt"), std::string::npos) << "the removed document dropped out";

  // Pins change what extraction finds: claims extracted without them are not reused.
  std::ofstream(work / "pins.csv") << "action,target,value,note\npin,Lisbon@*,geonameid:2267057,\n";
  EXPECT_NE(stderr_of(build + (work / "third").string() + " --corrections " + (work / "pins.csv").string(), log)
                .find("(0 from the cache)"),
            std::string::npos)
      << read_text(log);
}

TEST_F(ClaimsCli, TheCacheIsAFolderStationmapCreatesAndMarks) {
  const fs::path mine = work / "mine";
  fs::create_directories(mine);
  std::ofstream(mine / "notes.txt") << "my notes\n";
  EXPECT_EQ(run_command(binary() + " build '" + corpus.string() + "' --cache '" + mine.string() + "' -o '" +
                        (work / "map").string() + "' >/dev/null 2>&1"),
            2);
  EXPECT_EQ(read_text(mine / "notes.txt"), "my notes\n");
  EXPECT_EQ(std::distance(fs::directory_iterator(mine), fs::directory_iterator()), 1);
  // The default beside OUTDIR: created and marked, so that a build never reads it as documents.
  ASSERT_EQ(
      run_command(binary() + " build '" + corpus.string() + "' -o '" + (work / "map").string() + "' >/dev/null 2>&1"),
      1);
  EXPECT_TRUE(fs::exists(work / "map.cache" / ".stationmap"));
  EXPECT_TRUE(fs::exists(work / "map.cache" / "claims.bin"));
}

} // namespace
