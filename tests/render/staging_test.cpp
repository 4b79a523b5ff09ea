#include "fixture.hpp"
#include "stationmap/core/file_io.hpp"
#include "stationmap/render/staging.hpp"

#include <gtest/gtest.h>

namespace stationmap::render {
namespace {

namespace fs = std::filesystem;

TEST(OutputStaging, CommitReplacesThePreviousMap) {
  const test::TempDir tmp;
  const fs::path out = tmp.path() / "map";
  fs::create_directories(out);
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
  // Nothing is left beside OUTDIR.
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(tmp.path()))
    ++entries;
  EXPECT_EQ(entries, 1U);
}

TEST(OutputStaging, AFailedRunLeavesThePreviousMapIntact) {
  const test::TempDir tmp;
  const fs::path out = tmp.path() / "map";
  fs::create_directories(out);
  write_file_atomic(out / "stations.geojson", "previous");
  try {
    OutputStaging staging(out);
    write_file_atomic(staging.dir() / "stations.geojson", "half");
    throw std::runtime_error("render failed");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(read_file(out / "stations.geojson"), "previous");
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(tmp.path()))
    ++entries;
  EXPECT_EQ(entries, 1U); // the staging folder was removed
}

TEST(OutputStaging, CreatesOutdirWhenMissingAndAcceptsTrailingSlash) {
  const test::TempDir tmp;
  OutputStaging staging(tmp.path() / "new" / "map/");
  write_file_atomic(staging.dir() / "a.txt", "a");
  staging.commit();
  EXPECT_EQ(read_file(tmp.path() / "new" / "map" / "a.txt"), "a");
}

} // namespace
} // namespace stationmap::render
