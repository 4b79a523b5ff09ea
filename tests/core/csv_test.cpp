#include "stationmap/core/csv.hpp"
#include "stationmap/core/csv_read.hpp"
#include "stationmap/core/file_io.hpp"
#include "support/files.hpp"

#include <gtest/gtest.h>

namespace stationmap {
namespace {

TEST(Csv, PlainTextIsWrittenAsItIs) {
  EXPECT_EQ(csv_text_cell("Dublin"), "Dublin");
  EXPECT_EQ(csv_text_cell(""), "");
  EXPECT_EQ(csv_text_cell("北京"), "北京");
}

TEST(Csv, FieldsWithSeparatorsQuotesOrLineBreaksAreQuotedPerRfc4180) {
  EXPECT_EQ(csv_text_cell("Fuzhou, China"), "\"Fuzhou, China\"");
  EXPECT_EQ(csv_text_cell("the \"station\""), "\"the \"\"station\"\"\"");
  EXPECT_EQ(csv_text_cell("two\nlines"), "\"two\nlines\"");
  EXPECT_EQ(csv_text_cell("a\r\nb"), "\"a\r\nb\"");
}

TEST(Csv, CellsThatWouldOpenAsAFormulaGetALeadingQuote) {
  EXPECT_EQ(csv_text_cell("=HYPERLINK(\"http://evil.example\")"), "\"'=HYPERLINK(\"\"http://evil.example\"\")\"");
  EXPECT_EQ(csv_text_cell("+1 station"), "'+1 station");
  EXPECT_EQ(csv_text_cell("-2+3"), "'-2+3");
  EXPECT_EQ(csv_text_cell("@SUM(A1)"), "'@SUM(A1)");
  EXPECT_EQ(csv_text_cell("\tcmd"), "'\tcmd");
  EXPECT_EQ(csv_text_cell("\rcmd"), "\"'\rcmd\"");
  EXPECT_EQ(csv_text_cell("a=b"), "a=b") << "only the first character matters";
}

TEST(Csv, RowsJoinCellsAndNumbersAreNotGuarded) {
  CsvWriter csv({"name", "lon", "count"});
  csv.text("New York").number("-74.006").number(std::int64_t{-3}).end_row();
  csv.text("-x").number("").text("").end_row();
  EXPECT_EQ(csv.str(), "name,lon,count\nNew York,-74.006,-3\n'-x,,\n");
}

TEST(Csv, WhatTheWriterWroteTheReaderReadsBack) {
  const std::vector<std::string> cells = {
      "-33.87,151.2", "=HYPERLINK(\"x\")", "say \"no\"", "two\nlines", "@me", "'quoted", ""};
  std::vector<std::string_view> header(cells.begin(), cells.end());
  const CsvWriter csv(header);
  const std::vector<CsvRecord> records = read_csv(csv.str());
  ASSERT_EQ(records.size(), 1U);
  EXPECT_EQ(records[0].error, "");
  EXPECT_EQ(records[0].fields, cells);
}

TEST(Csv, AStreamedTableIsTheTableTheWriterBuildsAndAppearsOnlyWhenCommitted) {
  const test_support::ScratchDir dir("csv-file");
  const std::filesystem::path path = dir.path() / "big.csv";
  CsvWriter whole({"row", "text"});
  CsvFile file(path, {"row", "text"});
  const std::string text = "=a, \"long\" cell " + std::string(200, 'x');
  for (std::int64_t i = 0; i < 20000; ++i) { // about 4 MB: several blocks
    whole.number(i).text(text).end_row();
    file.row().number(i).text(text).end_row();
  }
  EXPECT_FALSE(std::filesystem::exists(path));
  file.commit();
  EXPECT_EQ(read_file(path), whole.str());
}

TEST(Csv, AStreamedTableNotCommittedLeavesNothing) {
  const test_support::ScratchDir dir("csv-file-abandoned");
  {
    CsvFile file(dir.path() / "t.csv", {"a"});
    file.row().text("x").end_row();
  }
  EXPECT_TRUE(std::filesystem::is_empty(dir.path()));
}

TEST(Csv, UnguardingDropsOnlyTheGuard) {
  EXPECT_EQ(csv_unguarded("'=1+1"), "=1+1");
  EXPECT_EQ(csv_unguarded("'-5"), "-5");
  EXPECT_EQ(csv_unguarded("'tis"), "'tis");
  EXPECT_EQ(csv_unguarded("'"), "'");
  EXPECT_EQ(csv_unguarded("=1"), "=1");
}

} // namespace
} // namespace stationmap
