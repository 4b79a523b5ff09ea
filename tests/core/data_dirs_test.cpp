#include "stationmap/core/data_dirs.hpp"
#include "support/files.hpp"

#include <gtest/gtest.h>

namespace stationmap {
namespace {

namespace fs = std::filesystem;
using test_support::ScratchDir;
using test_support::write_text;

TEST(DataDirs, TheShareFolderIsBesideTheExecutablesFolder) {
  EXPECT_EQ(share_dir_beside("/opt/stationmap/bin/stationmap"), fs::path("/opt/stationmap/share/stationmap"));
  EXPECT_EQ(share_dir_beside("/home/me/build/src/stationmap"), fs::path("/home/me/build/share/stationmap"));
}

TEST(DataDirs, TheFolderBesideTheExecutableComesBeforeTheCompiledInOnes) {
  const ScratchDir tmp("stationmap-data-dirs");
  const fs::path exe = tmp.path() / "bin" / "stationmap";
  const fs::path beside = tmp.path() / "share" / "stationmap" / "web";
  const fs::path source = tmp.path() / "source" / "web";
  fs::create_directories(beside);
  fs::create_directories(source);
  write_text(source / "index.html", "<html></html>");
  EXPECT_EQ(find_data_dir(exe, "web", "index.html", {source}), source); // beside lacks the marker
  write_text(beside / "index.html", "<html></html>");
  EXPECT_EQ(find_data_dir(exe, "web", "index.html", {source}), beside);
  EXPECT_EQ(find_data_dir({}, "web", "index.html", {source}), source); // executable unknown
}

TEST(DataDirs, NoFolderHoldingTheMarkerGivesEmpty) {
  const ScratchDir tmp("stationmap-data-dirs");
  EXPECT_TRUE(
      find_data_dir(tmp.path() / "bin" / "stationmap", "naturalearth", "countries-50m.json", {tmp.path() / "missing"})
          .empty());
}

TEST(DataDirs, TheRunningExecutableIsThisTest) {
  EXPECT_EQ(running_executable().filename(), "core_tests");
}

} // namespace
} // namespace stationmap
