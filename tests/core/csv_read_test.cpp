#include "stationmap/core/csv_read.hpp"

#include <gtest/gtest.h>

namespace stationmap {
namespace {

using Fields = std::vector<std::string>;

TEST(CsvRead, SplitsFieldsAndKeepsTheLineEachRecordStartsOn) {
  const auto records = read_csv("a,b,c\n\n1,,3\r\nx,\"y, z\",\"say \"\"hi\"\"\"\n");
  ASSERT_EQ(records.size(), 3U);
  EXPECT_EQ(records[0].fields, (Fields{"a", "b", "c"}));
  EXPECT_EQ(records[0].line, 1U);
  EXPECT_EQ(records[1].fields, (Fields{"1", "", "3"}));
  EXPECT_EQ(records[1].line, 3U);
  EXPECT_EQ(records[2].fields, (Fields{"x", "y, z", "say \"hi\""}));
  EXPECT_EQ(records[2].line, 4U);
}

TEST(CsvRead, AQuotedLineBreakBelongsToTheFieldAndCountsAsALine) {
  const auto records = read_csv("\"two\nlines\",b\nnext,row");
  ASSERT_EQ(records.size(), 2U);
  EXPECT_EQ(records[0].fields, (Fields{"two\nlines", "b"}));
  EXPECT_EQ(records[1].line, 3U);
  EXPECT_EQ(records[1].fields, (Fields{"next", "row"}));
}

TEST(CsvRead, IgnoresAByteOrderMark) {
  const auto records = read_csv("\xEF\xBB\xBF"
                                "action,target\n");
  ASSERT_EQ(records.size(), 1U);
  EXPECT_EQ(records[0].fields.front(), "action");
}

TEST(CsvRead, MarksMalformedRecordsWithoutSpoilingTheOthers) {
  const auto records = read_csv("ok,1\nbad \"quote,2\n\"x\"y,3\n\"never closed,4\n");
  ASSERT_EQ(records.size(), 4U);
  EXPECT_TRUE(records[0].error.empty());
  EXPECT_FALSE(records[1].error.empty());
  EXPECT_EQ(records[1].line, 2U);
  EXPECT_FALSE(records[2].error.empty());
  EXPECT_FALSE(records[3].error.empty());
  EXPECT_EQ(records[3].line, 4U);
}

} // namespace
} // namespace stationmap
