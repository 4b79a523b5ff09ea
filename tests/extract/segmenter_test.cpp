#include "stationmap/extract/segmenter.hpp"

#include <gtest/gtest.h>

using stationmap::BlockKind;
using stationmap::Document;
using stationmap::segment;

namespace {
Document doc_of(const std::string& text) {
  Document d;
  d.id = "t";
  d.text = text;
  return d;
}
} // namespace

TEST(Segmenter, SplitsSentencesButNotAbbreviations) {
  const auto s = segment(doc_of("Police in the U.S. said so. Mr. Li disagreed! 站点已关闭。另一个仍在运作。"));
  ASSERT_EQ(s.size(), 4U);
  EXPECT_EQ(s[0].text, "Police in the U.S. said so.");
  EXPECT_EQ(s[1].text, "Mr. Li disagreed!");
  EXPECT_EQ(s[2].text, "站点已关闭。");
  EXPECT_EQ(s[2].start, 46U); // code points, not bytes
}

TEST(Segmenter, CitationMarksCloseTheSentenceBeforeThem) {
  const auto s = segment(doc_of("Offices opened in Lyon.[2][14] Of these, one closed.[a] A list [x1] follows."));
  ASSERT_EQ(s.size(), 3U);
  EXPECT_EQ(s[0].text, "Offices opened in Lyon.[2][14]");
  EXPECT_EQ(s[1].text, "Of these, one closed.[a]");
}

TEST(Segmenter, RecognisesCaptionsBylinesNavigationAndTables) {
  const auto s = segment(doc_of("[Photo caption: Offices in Shenzhen. Photo: Agency]\n\nBy Jane Roe\n\n"
                                "Related: other stories\n\n| Site | Bureau |\n|---|---|\n| Oslo | Fuzhou PSB |\n\n"
                                "About the writer\n\nJane Roe is based in Bergen."));
  std::vector<BlockKind> kinds;
  for (const auto& x : s) {
    kinds.push_back(x.kind);
  }
  EXPECT_EQ(kinds.front(), BlockKind::Caption);
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), BlockKind::Byline), kinds.end());
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), BlockKind::Navigation), kinds.end());
  const auto row =
      std::find_if(s.begin(), s.end(), [](const auto& x) { return x.text.find("Oslo") != std::string::npos; });
  ASSERT_NE(row, s.end());
  EXPECT_EQ(row->kind, BlockKind::Table);
  EXPECT_EQ(s.back().kind, BlockKind::Byline) << "the author box runs to the end";
}

TEST(Segmenter, JoinsLinesWrappedInsideAParagraph) {
  const auto s = segment(doc_of("the alleged station in Rio de\nJaneiro is disputed."));
  ASSERT_EQ(s.size(), 1U);
  EXPECT_EQ(s[0].text, "the alleged station in Rio de Janeiro is disputed.");
  EXPECT_EQ(s[0].end, 50U);
}
