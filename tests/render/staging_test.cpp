#include "fixture.hpp"
#include "stationmap/core/file_io.hpp"
#include "stationmap/core/outdir.hpp"
#include "stationmap/render/staging.hpp"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

namespace stationmap::render {
namespace {

namespace fs = std::filesystem;

std::size_t entries_in(const fs::path& dir) {
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir))
    ++entries;
  return entries;
}

/// A map an earlier run wrote: one file and the marker.
void write_previous_map(const fs::path& out, const std::string& contents) {
  fs::create_directories(out);
  write_file_atomic(out / "stations.geojson", contents);
  write_outdir_marker(out);
}

TEST(OutputStaging, CommitReplacesThePreviousMap) {
  const test::TempDir tmp;
  const fs::path out = tmp.path() / "map";
  write_previous_map(out, "old");
  write_file_atomic(out / "old.txt", "old");
  {
    OutputStaging staging(out);
    EXPECT_EQ(staging.dir().parent_path(), fs::absolute(out).parent_path());
    write_file_atomic(staging.dir() / "new.txt", "new");
    EXPECT_TRUE(fs::exists(out / "old.txt")); // nothing visible before commit
    staging.commit();
  }
  EXPECT_FALSE(fs::exists(out / "old.txt"));
  EXPECT_EQ(read_file(out / "new.txt"), "new");
  EXPECT_TRUE(is_stationmap_outdir(out));
  EXPECT_EQ(entries_in(tmp.path()), 1U); // nothing is left beside OUTDIR
}

TEST(OutputStaging, AFailedRunLeavesThePreviousMapIntact) {
  const test::TempDir tmp;
  const fs::path out = tmp.path() / "map";
  write_previous_map(out, "previous");
  try {
    OutputStaging staging(out);
    write_file_atomic(staging.dir() / "stations.geojson", "half");
    throw std::runtime_error("render failed");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(read_file(out / "stations.geojson"), "previous");
  EXPECT_EQ(entries_in(tmp.path()), 1U); // the staging folder was removed
}

TEST(OutputStaging, CreatesOutdirWhenMissingAndAcceptsTrailingSlash) {
  const test::TempDir tmp;
  OutputStaging staging(tmp.path() / "new" / "map/");
  write_file_atomic(staging.dir() / "a.txt", "a");
  staging.commit();
  EXPECT_EQ(read_file(tmp.path() / "new" / "map" / "a.txt"), "a");
}

TEST(OutputStaging, BuildingTwiceIntoTheSameOutdirReplacesIt) {
  const test::TempDir tmp;
  const fs::path out = tmp.path() / "map";
  for (const std::string run : {"first", "second"}) {
    OutputStaging staging(out);
    write_file_atomic(staging.dir() / "stations.geojson", run);
    staging.commit();
  }
  EXPECT_EQ(read_file(out / "stations.geojson"), "second");
  EXPECT_EQ(entries_in(out), 2U); // the map and the marker
}

TEST(OutputStaging, AnEmptyFolderIsTakenOver) {
  const test::TempDir tmp;
  fs::create_directory(tmp.path() / "map");
  OutputStaging staging(tmp.path() / "map");
  staging.commit();
  EXPECT_TRUE(is_stationmap_outdir(tmp.path() / "map"));
}

TEST(OutputStaging, AFolderWithTheUsersFilesIsRefusedBeforeAnythingIsCreated) {
  const test::TempDir tmp;
  const fs::path mine = tmp.path() / "mine";
  fs::create_directory(mine);
  write_file_atomic(mine / "letter.txt", "dear");
  EXPECT_THROW(OutputStaging staging(mine), OutdirRefused);
  EXPECT_EQ(read_file(mine / "letter.txt"), "dear");
  EXPECT_EQ(entries_in(mine), 1U);
  EXPECT_EQ(entries_in(tmp.path()), 1U); // no staging folder either
}

TEST(OutputStaging, AnOutdirInsideTheInputsIsRefused) {
  const test::TempDir tmp;
  const fs::path docs = tmp.path() / "docs";
  fs::create_directory(docs);
  write_file_atomic(docs / "a.txt", "a");
  EXPECT_THROW(OutputStaging staging(docs, {docs}), OutdirRefused);
  EXPECT_THROW(OutputStaging staging(docs / "out", {docs}), OutdirRefused);
  EXPECT_EQ(entries_in(docs), 1U);
  EXPECT_EQ(read_file(docs / "a.txt"), "a");
}

TEST(OutputStaging, CommitRefusesAnOutdirTheUserFilledDuringTheRun) {
  const test::TempDir tmp;
  const fs::path out = tmp.path() / "map";
  OutputStaging staging(out);
  fs::create_directory(out);
  write_file_atomic(out / "mine.txt", "mine");
  EXPECT_THROW(staging.commit(), OutdirRefused);
  EXPECT_EQ(read_file(out / "mine.txt"), "mine");
}

TEST(OutputStaging, AKilledRunLeavesThePreviousMapAndItsLeftoverIsRemovedLater) {
  const test::TempDir tmp;
  const fs::path out = tmp.path() / "map";
  write_previous_map(out, "previous");
  const pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) { // a run killed before its commit: no destructor, no cleanup
    OutputStaging staging(out);
    write_file_atomic(staging.dir() / "stations.geojson", "half");
    std::_Exit(0);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  EXPECT_EQ(read_file(out / "stations.geojson"), "previous");
  EXPECT_EQ(entries_in(tmp.path()), 2U); // the map and the killed run's hidden staging folder
  OutputStaging next(out);
  write_file_atomic(next.dir() / "stations.geojson", "next");
  next.commit();
  EXPECT_EQ(read_file(out / "stations.geojson"), "next");
  EXPECT_EQ(entries_in(tmp.path()), 1U); // the killed run's folder went with it
}

} // namespace
} // namespace stationmap::render
