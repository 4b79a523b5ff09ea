// `stationmap build` end to end against OUTDIRs it must not replace: the inputs themselves, a folder inside
// them, a folder holding the user's files. Each is refused with exit status 2 and every file is left as it
// was; a map stationmap wrote is replaced on the next build and is not read back as documents.

#include "support/files.hpp"

#include <filesystem>
#include <gtest/gtest.h>
#include <map>
#include <memory>

namespace fs = std::filesystem;

namespace {

using stationmap::test_support::read_text;
using stationmap::test_support::write_text;

/// Every file under @p dir (hidden ones too) with its contents: a folder's state, to compare before and after.
std::map<std::string, std::string> snapshot(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    files[fs::relative(e.path(), dir).string()] = e.is_regular_file() ? read_text(e.path()) : "<folder>";
  }
  return files;
}

class BuildOutdir : public ::testing::Test {
protected:
  void SetUp() override {
    m_scratch = std::make_unique<stationmap::test_support::ScratchDir>("stationmap-outdir");
    m_root = m_scratch->path();
    fs::create_directory(docs());
    write_text(docs() / "dublin.txt",
               "An office in Dublin was named as an overseas police service station opened by the "
               "Fuzhou public security bureau.\n");
  }

  [[nodiscard]] fs::path root() const { return m_root; }
  [[nodiscard]] fs::path docs() const { return m_root / "docs"; }
  [[nodiscard]] std::string err() const { return read_text(m_root / "stderr"); }

  /// Runs `stationmap build ARGS`; returns its exit status.
  int build(const std::string& args) const {
    return stationmap::test_support::run_command(std::string(STATIONMAP_BINARY) + " build " + args + " >" +
                                                 quoted(m_root / "stdout") + " 2>" + quoted(m_root / "stderr"));
  }
  static std::string quoted(const fs::path& p) { return stationmap::test_support::quoted(p); }

private:
  std::unique_ptr<stationmap::test_support::ScratchDir> m_scratch;
  fs::path m_root;
};

TEST_F(BuildOutdir, TheInputFolderIsRefusedAsOutdir) {
  const auto before = snapshot(docs());
  EXPECT_EQ(build(quoted(docs()) + " -o " + quoted(docs())), 2);
  EXPECT_EQ(snapshot(docs()), before);
  EXPECT_NE(err().find("are the same"), std::string::npos) << err();
}

TEST_F(BuildOutdir, AFolderInsideTheInputIsRefused) {
  const auto before = snapshot(docs());
  EXPECT_EQ(build(quoted(docs()) + " -o " + quoted(docs() / "out")), 2);
  EXPECT_EQ(snapshot(docs()), before);
  EXPECT_NE(err().find("lies inside the input"), std::string::npos) << err();
}

TEST_F(BuildOutdir, AFolderHoldingTheUsersFilesIsRefused) {
  const fs::path mine = root() / "mine";
  fs::create_directories(mine / "photos");
  write_text(mine / "letter.txt", "my own letter");
  write_text(mine / "photos" / "a.jpg", "jpeg");
  const auto before = snapshot(mine);
  EXPECT_EQ(build(quoted(docs()) + " -o " + quoted(mine)), 2);
  EXPECT_EQ(snapshot(mine), before);
  EXPECT_NE(err().find("letter.txt"), std::string::npos) << "the message names what is there: " << err();
  EXPECT_EQ(std::distance(fs::directory_iterator(root()), fs::directory_iterator()), 4) << "docs, mine, stdout, stderr";
}

TEST_F(BuildOutdir, BuildingTwiceReplacesTheMapItWrote) {
  const fs::path out = root() / "out";
  ASSERT_EQ(build(quoted(docs()) + " -o " + quoted(out)), 0) << err();
  EXPECT_TRUE(fs::is_regular_file(out / ".stationmap"));
  write_text(out / "left-over.txt", "from the first run");
  ASSERT_EQ(build(quoted(docs()) + " -o " + quoted(out)), 0) << err();
  EXPECT_FALSE(fs::exists(out / "left-over.txt")) << "the second build replaced the whole folder";
  EXPECT_NE(read_text(out / "stations.geojson").find("Dublin"), std::string::npos);
}

TEST_F(BuildOutdir, ACorrectionsFileInsideTheOutdirIsRefused) {
  const fs::path out = root() / "out";
  ASSERT_EQ(build(quoted(docs()) + " -o " + quoted(out)), 0) << err();
  write_text(out / "corrections.csv", "action,target,value,note\n"); // an analyst's edits, kept in the map folder
  EXPECT_EQ(build(quoted(docs()) + " -o " + quoted(out) + " --corrections " + quoted(out / "corrections.csv")), 2);
  EXPECT_EQ(read_text(out / "corrections.csv"), "action,target,value,note\n");
  EXPECT_NE(err().find("holds the input"), std::string::npos) << err();
}

TEST_F(BuildOutdir, AMapAmongTheInputsIsNotReadBack) {
  const fs::path first = docs() / "first-map";
  ASSERT_EQ(build(quoted(docs()) + " -o " + quoted(root() / "elsewhere")), 0) << err();
  fs::rename(root() / "elsewhere", first); // an earlier map now lies among the inputs
  ASSERT_EQ(build(quoted(docs()) + " -o " + quoted(root() / "second")), 0) << err();
  const std::string problems = read_text(root() / "second" / "problems.csv");
  EXPECT_NE(problems.find("skipped-map"), std::string::npos) << problems;
  EXPECT_EQ(read_text(root() / "second" / "mentions.csv").find("first-map/"), std::string::npos)
      << "the earlier map's CSV and GeoJSON were read as documents";
}

} // namespace
