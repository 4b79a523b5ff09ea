// AtomicFile (core/file_io.hpp): the file appears whole on commit, and not at all without it. PositionalFile: the
// bytes asked for, fewer at the end.

#include "stationmap/core/error.hpp"
#include "stationmap/core/file_io.hpp"
#include "support/files.hpp"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>

namespace stationmap {
namespace {

namespace fs = std::filesystem;

TEST(AtomicFile, AppearsOnlyOnCommitAndReplacesTheOldFile) {
  const stationmap::test_support::ScratchDir scratch("stationmap-atomic-file-test");
  const fs::path& dir = scratch.path();
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
}

TEST(PositionalFile, ReadsThePiecesAskedForAndNoMoreThanTheFileHolds) {
  const stationmap::test_support::ScratchDir scratch("stationmap-positional-file-test");
  const fs::path path = scratch.path() / "bytes.bin";
  std::ofstream(path) << "0123456789";
  const PositionalFile file(path);
  EXPECT_EQ(file.size(), 10U);
  EXPECT_EQ(file.read(2, 3), "234");
  EXPECT_EQ(file.read(8, 5), "89") << "cut at the end of the file";
  EXPECT_EQ(file.read(12, 5), "");
  EXPECT_THROW(PositionalFile(scratch.path() / "missing.bin"), IoError);
  EXPECT_THROW(PositionalFile{scratch.path()}, IoError) << "a folder is not a file";
  std::string window = "a longer buffer from an earlier read";
  file.read_into(8, 5, window);
  EXPECT_EQ(window, "89") << "the buffer holds the piece, nothing of what it held before";
}

} // namespace
} // namespace stationmap
