// AtomicFile (core/file_io.hpp): the file appears whole on commit, and not at all without it.

#include "stationmap/core/file_io.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>

namespace stationmap {
namespace {

namespace fs = std::filesystem;

TEST(AtomicFile, AppearsOnlyOnCommitAndReplacesTheOldFile) {
  const fs::path dir = fs::temp_directory_path() / "stationmap-atomic-file-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path path = dir / "out.txt";
  std::ofstream(path) << "old";
  {
    AtomicFile f(path);
    f.write("new ");
    f.write("text");
    EXPECT_EQ(read_file(path), "old") << "nothing changes before commit";
    f.commit();
  }
  EXPECT_EQ(read_file(path), "new text");
  {
    AtomicFile abandoned(path);
    abandoned.write("half");
  }
  EXPECT_EQ(read_file(path), "new text") << "an abandoned file leaves the old one";
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1) << "no temporary left";
  fs::remove_all(dir);
}

} // namespace
} // namespace stationmap
