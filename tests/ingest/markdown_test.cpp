#include "stationmap/ingest/markdown.hpp"
#include "test_util.hpp"

#include <gtest/gtest.h>

namespace stationmap::ingest {
namespace {

using test::blocks_of;
using test::fixture;

bool has(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

TEST(MarkdownExtractor, StripsSyntaxKeepsText) {
  Document doc;
  extract_markdown(fixture("report.md"), doc);
  EXPECT_TRUE(has(doc.text, "A volunteer team looked at three claims about so-called service stations in\nWesthaven"))
      << doc.text;
  EXPECT_TRUE(has(doc.text, "The variable_name stays.")) << doc.text;
  EXPECT_TRUE(has(doc.text, "First site in Southfield\n\nSecond site in Eastport")) << doc.text;
  EXPECT_TRUE(has(doc.text, "Final paragraph with a tag and an escaped *star*.")) << doc.text;
  EXPECT_FALSE(has(doc.text, "https://")) << doc.text;
  EXPECT_FALSE(has(doc.text, "title: ")) << doc.text;
}

TEST(MarkdownExtractor, HeadingsCaptionsTablesQuotes) {
  Document doc;
  extract_markdown(fixture("report.md"), doc);
  EXPECT_EQ(blocks_of(doc, BlockKind::Title),
            (std::vector<std::string>{"Field notes: service stations", "Sites", "Setext heading"}));
  EXPECT_EQ(blocks_of(doc, BlockKind::Caption),
            (std::vector<std::string>{"A community hall in Northbridge Northbridge hall\n\nPhoto: Example Watch"}));
  EXPECT_EQ(blocks_of(doc, BlockKind::Table),
            std::vector<std::string>{"City\tStatus\nWesthaven\tclosed\nLakeview\topen"});
  EXPECT_EQ(blocks_of(doc, BlockKind::Quote),
            std::vector<std::string>{"A resident said the office had been empty for months."});
}

TEST(MarkdownExtractor, FrontMatterGivesMetadata) {
  Document doc;
  extract_markdown(fixture("report.md"), doc);
  EXPECT_EQ(doc.title, "Field notes: service stations");
  EXPECT_EQ(doc.date, "2022-11-02");
  EXPECT_EQ(doc.url, "https://notes.example/field-notes");
  EXPECT_EQ(doc.outlet, "Example Watch");
}

TEST(MarkdownExtractor, UnmatchedBracketsAndAnglesStayText) {
  const auto text_of = [](const std::string& markdown) {
    Document doc;
    extract_markdown(markdown, doc);
    return doc.text;
  };
  EXPECT_EQ(text_of("A [note on the [office](https://a.example) and (a <b) here [x](y\n"),
            "A note on the [office and (a <b) here x(y");
  // Many openers without their closers (each once a scan to the end of the line): all stay text.
  const std::string brackets = std::string(5000, '[') + " Northbridge";
  EXPECT_EQ(text_of(brackets), brackets);
  const std::string angles = std::string(5000, '<') + "b";
  EXPECT_EQ(text_of(angles), angles);
  EXPECT_EQ(text_of("[a](" + std::string(5000, '(')), "a" + std::string(5001, '('));
}

TEST(MarkdownExtractor, AFrontMatterDateNotOnTheCalendarIsDropped) {
  Document doc;
  extract_markdown("---\ntitle: T\ndate: 2023-02-31\n---\nText.\n", doc);
  EXPECT_EQ(doc.date, "");
}

TEST(PlainTextExtractor, KeepsParagraphsAndFindsTitle) {
  Document doc;
  extract_plain_text(fixture("plain.txt"), doc);
  EXPECT_EQ(doc.title, "Station report");
  EXPECT_EQ(
      doc.text,
      "Station report\n\nA community group in Westhaven said on Monday that a small office\n"
      "above a bakery had been used by officials from abroad.\n\nThe group asked the city council to investigate.");
  EXPECT_TRUE(doc.blocks.empty());
}

TEST(PlainTextExtractor, NormalisesLineEnds) {
  Document doc;
  extract_plain_text(fixture("crlf.txt"), doc);
  EXPECT_EQ(doc.text, "Windows line one\nline two\n\nSecond paragraph");
}

TEST(PlainTextExtractor, BlockOffsetsAreCodePoints) {
  Document doc;
  extract_markdown("# Überschrift 中文\n\nText.", doc);
  ASSERT_EQ(doc.blocks.size(), 1U);
  EXPECT_EQ(doc.blocks[0].start, 0U);
  EXPECT_EQ(doc.blocks[0].end, 14U);
  EXPECT_EQ(doc.text, "Überschrift 中文\n\nText.");
}

} // namespace
} // namespace stationmap::ingest
