#include "stationmap/core/error.hpp"
#include "stationmap/ingest/pdf.hpp"
#include "test_util.hpp"

#include <gtest/gtest.h>

namespace stationmap::ingest {
namespace {

using test::fixture;

TEST(PdfExtractor, ReadsEveryPageWithParagraphsAndMetadata) {
  Document doc;
  extract_pdf(fixture("report.pdf"), doc);
  EXPECT_NE(doc.text.find("Overseas Service Stations: A Field Survey"), std::string::npos) << doc.text;
  EXPECT_NE(doc.text.find("reportedly run by a provincial police bureau."), std::string::npos)
      << "hyphenation not joined:\n"
      << doc.text;
  EXPECT_NE(doc.text.find("A second site was described in Northbridge."), std::string::npos) << doc.text;
  EXPECT_LT(doc.text.find("Westhaven"), doc.text.find("Northbridge"));
  EXPECT_NE(doc.text.find("\n\n"), std::string::npos);
  EXPECT_EQ(doc.text.find("\n2\n"), std::string::npos) << "page number kept";
  EXPECT_EQ(doc.title, "Field Survey of Service Stations");
  EXPECT_EQ(doc.date, "2023-04-15");
}

TEST(PdfExtractor, RejectsDamagedAndTextlessPdfs) {
  Document doc;
  EXPECT_THROW(extract_pdf("%PDF-1.4\nthis is not really a pdf", doc), FormatError);
  try {
    extract_pdf(fixture("scanned.pdf"), doc);
    FAIL() << "no exception";
  } catch (const FormatError& e) {
    EXPECT_NE(std::string(e.what()).find("no text layer"), std::string::npos) << e.what();
  }
}

} // namespace
} // namespace stationmap::ingest
