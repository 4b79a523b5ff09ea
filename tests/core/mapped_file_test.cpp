// MappedFile::let_go_of_pages: the pages leave the process, and what is read again is the same.

#include "stationmap/core/mapped_file.hpp"
#include "support/files.hpp"

#include <gtest/gtest.h>
#include <string>

namespace stationmap {
namespace {

TEST(MappedFileLetGoOfPages, TheBytesReadAgainAreTheSame) {
  const test_support::ScratchDir dir("mapped-file-pages");
  std::string text(3 * 4096 + 17, 'x');
  text[4096] = 'y'; // a byte of the second page: read again from the file, not a page of zeros
  test_support::write_text(dir.path() / "f.bin", text);
  const MappedFile file(dir.path() / "f.bin");
  ASSERT_EQ(file.bytes(), text);
  file.let_go_of_pages();
  EXPECT_EQ(file.bytes(), text);
  const MappedFile owned = MappedFile::from_buffer("owned");
  owned.let_go_of_pages(); // bytes in memory: nothing to let go of
  EXPECT_EQ(owned.bytes(), "owned");
}

} // namespace
} // namespace stationmap
