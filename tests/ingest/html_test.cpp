#include "stationmap/ingest/html.hpp"
#include "test_util.hpp"

#include <chrono>
#include <gtest/gtest.h>

namespace stationmap::ingest {
namespace {

using test::blocks_of;
using test::fixture;

Document extract(const std::string& html) {
  Document doc;
  extract_html(html, doc);
  return doc;
}

bool has(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

class HtmlExtractor : public ::testing::Test {
protected:
  void SetUp() override { doc = extract(fixture("article.html")); }
  Document doc;
};

TEST_F(HtmlExtractor, KeepsTheArticleText) {
  EXPECT_TRUE(
      has(doc.text, "A rights group says a provincial police bureau ran an unofficial office in Westhaven from 2021."))
      << doc.text;
  EXPECT_TRUE(has(doc.text, "renew driving licences & other papers. Officials in Westhaven")) << doc.text;
}

TEST_F(HtmlExtractor, DropsBoilerplate) {
  for (const char* dropped : {"Madrid", "Lisbon", "Paris", "Berlin desk", "Vienna", "cookies", "Oslo", "Rome", "Athens",
                              "Tokyo", "Stockholm", "Dublin", "Most read", "font-family"}) {
    EXPECT_FALSE(has(doc.text, dropped)) << dropped << " leaked into:\n" << doc.text;
  }
}

TEST_F(HtmlExtractor, KeepsCaptionsAsCaptionBlocks) {
  const auto captions = blocks_of(doc, BlockKind::Caption);
  ASSERT_EQ(captions.size(), 2U) << doc.text;
  EXPECT_TRUE(has(captions[0], "Harbour Street, Eastport")) << captions[0];
  EXPECT_EQ(captions[1], "Credit: Jon Berg / Ledger");
}

TEST_F(HtmlExtractor, MarksBylinesTitlesQuotes) {
  EXPECT_EQ(blocks_of(doc, BlockKind::Byline),
            std::vector<std::string>{"By Ada Lindqvist, reporting from Northbridge"});
  const auto titles = blocks_of(doc, BlockKind::Title);
  ASSERT_FALSE(titles.empty());
  EXPECT_EQ(titles[0], "Report describes \u201Cservice station\u201D in Westhaven");
  EXPECT_EQ(blocks_of(doc, BlockKind::Quote),
            std::vector<std::string>{"We have seen no evidence of wrongdoing, a spokesperson said."});
}

TEST_F(HtmlExtractor, TablesHaveRowsOnLinesAndCellsSeparatedByTabs) {
  EXPECT_EQ(blocks_of(doc, BlockKind::Table),
            std::vector<std::string>{"City\tOpened\nWesthaven\t2021\nLakeview\t2022"});
}

TEST_F(HtmlExtractor, ParagraphsAreSeparatedByBlankLinesAndBrIsALineBreak) {
  EXPECT_TRUE(has(doc.text, "The report lists other sites:\none in Southfield\nand one in Lakeview.")) << doc.text;
  EXPECT_TRUE(has(doc.text, "from 2021.\n\nThe office, above")) << doc.text;
}

TEST_F(HtmlExtractor, DecodesEntities) {
  EXPECT_TRUE(has(doc.text, "Weird \u4E2D\u56FD entities and \u2013 a dash &bogus; stay.")) << doc.text;
}

TEST_F(HtmlExtractor, ReadsMetadata) {
  EXPECT_EQ(doc.title, "Report describes \"service station\" in Westhaven");
  EXPECT_EQ(doc.url, "https://ledger.example/news/westhaven-station");
  EXPECT_EQ(doc.date, "2023-03-14");
  EXPECT_EQ(doc.outlet, "The Harbour Ledger");
}

TEST(HtmlExtractorMetadata, FallsBackToTitleCanonicalAndJsonLd) {
  const Document d =
      extract("<html><head><title>Plain title</title><link rel=canonical href='https://x.example/a'>"
              "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"LD headline\","
              "\"datePublished\":\"2021-09-30T12:00:00Z\",\"publisher\":{\"name\":\"LD Outlet\"}}</script></head>"
              "<body><p>Body text about Lakeview.</p></body></html>");
  EXPECT_EQ(d.title, "LD headline");
  EXPECT_EQ(d.url, "https://x.example/a");
  EXPECT_EQ(d.date, "2021-09-30");
  EXPECT_EQ(d.outlet, "LD Outlet");
  EXPECT_EQ(blocks_of(d, BlockKind::Title), std::vector<std::string>{"LD headline"}); // title prepended
}

TEST(HtmlExtractorRobustness, SurvivesBrokenMarkup) {
  const Document d = extract("<p>One <b>bold <i>mixed</b> up</i> text</p></div></span><p>Two <a href='x>broken");
  EXPECT_TRUE(has(d.text, "One bold mixed up text")) << d.text;
  const Document e = extract("<<<>>> </ < a & b <3 <!-- never closed");
  EXPECT_TRUE(has(e.text, "< a & b <3")) << e.text;
  const Document f = extract("<script>unterminated script about Paris");
  EXPECT_FALSE(has(f.text, "Paris"));
}

TEST(HtmlExtractorRobustness, Handles200000LevelsOfNestingWithoutRecursion) {
  const int depth = 200000;
  std::string html = "<html><body>";
  for (int i = 0; i < depth; ++i)
    html += i % 2 == 0 ? "<div>" : "<span>";
  html += "Deep office in Westhaven";
  for (int i = depth - 1; i >= 0; --i)
    html += i % 2 == 0 ? "</div>" : "</span>";
  html += "<p>After the deep part.</p>";
  for (int i = 0; i < depth; ++i)
    html += "</em>"; // stray end tags: must stay linear
  const auto start = std::chrono::steady_clock::now();
  const Document d = extract(html);
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_TRUE(has(d.text, "Deep office in Westhaven"));
  EXPECT_TRUE(has(d.text, "After the deep part."));
  EXPECT_LT(seconds, 10.0);
}

TEST(HtmlExtractorRobustness, UnclosedNestingIsLinear) {
  std::string html;
  for (int i = 0; i < 200000; ++i)
    html += "<div><p>x";
  for (int i = 0; i < 1000; ++i)
    html += "</span></div>";
  const Document d = extract(html);
  EXPECT_FALSE(d.text.empty());
}

TEST(HtmlExtractorLayout, LayoutTablesAreNotDataTables) {
  const Document d =
      extract("<table><tr><td><p>Article paragraph one about Lakeview.</p><p>Second.</p></td></tr></table>");
  EXPECT_TRUE(blocks_of(d, BlockKind::Table).empty()) << d.text;
  EXPECT_TRUE(has(d.text, "Article paragraph one about Lakeview.\n\nSecond.")) << d.text;
}

TEST(HtmlExtractorLayout, WrapperWithBoilerplateClassDoesNotEatThePage) {
  std::string html = "<body><div class=\"layout-with-sidebar\">";
  for (int i = 0; i < 20; ++i)
    html += "<p>Sentence number " + std::to_string(i) + " about an office in Eastport.</p>";
  html += "</div></body>";
  const Document d = extract(html);
  EXPECT_TRUE(has(d.text, "Sentence number 19 about an office in Eastport.")) << d.text;
}

TEST(HtmlEntities, DecodesNamedAndNumeric) {
  std::string out;
  decode_entities("&eacute;&Eacute;&#233;&#xE9;&amp;&lt;&gt;&quot;&nbsp;&mdash;&#0;&#x110000;&amp", out);
  EXPECT_EQ(out, "\u00E9\u00C9\u00E9\u00E9&<>\" \u2014\uFFFD\uFFFD&");
}

} // namespace
} // namespace stationmap::ingest
