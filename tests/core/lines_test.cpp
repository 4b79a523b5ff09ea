#include "stationmap/core/lines.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace stationmap {
namespace {

std::vector<std::string> data_lines(std::string_view text) {
  std::vector<std::string> out;
  for_each_data_line(text, [&](std::string_view line) { out.emplace_back(line); });
  return out;
}

TEST(DataLines, SkipsBlankAndCommentLinesAndDropsCarriageReturns) {
  EXPECT_EQ(data_lines("# a comment\nfirst\r\n\n\r\nsecond\tcol\n#second comment\nlast"),
            (std::vector<std::string>{"first", "second\tcol", "last"}));
}

TEST(DataLines, KeepsAHashInsideALineAndLeadingBlanks) {
  EXPECT_EQ(data_lines(" #not a comment\nword # note\n"), (std::vector<std::string>{" #not a comment", "word # note"}));
}

TEST(DataLines, EmptyTextHasNoLines) {
  EXPECT_TRUE(data_lines("").empty());
  EXPECT_TRUE(data_lines("\n\n").empty());
}

} // namespace
} // namespace stationmap
