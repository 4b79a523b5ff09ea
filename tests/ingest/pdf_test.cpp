#include "stationmap/core/error.hpp"
#include "stationmap/ingest/pdf.hpp"
#include "test_util.hpp"

#include <cstdlib>
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

TEST(PdfChildProcess, GivesWhatTheInProcessReaderGives) {
  Document in_process;
  extract_pdf(fixture("report.pdf"), in_process);
  Document isolated;
  extract_pdf_isolated(test::data_path("report.pdf"), isolated);
  EXPECT_EQ(isolated.text, in_process.text);
  EXPECT_EQ(isolated.title, in_process.title);
  EXPECT_EQ(isolated.date, in_process.date);
  EXPECT_EQ(isolated.blocks.size(), in_process.blocks.size());
}

TEST(PdfChildProcess, TheReadersReasonsComeBack) {
  Document doc;
  try {
    extract_pdf_isolated(test::data_path("scanned.pdf"), doc);
    FAIL() << "no exception";
  } catch (const FormatError& e) {
    EXPECT_NE(std::string(e.what()).find("no text layer"), std::string::npos) << e.what();
  }
}

TEST(PdfChildProcess, ACrashInTheReaderIsAnErrorNotTheEndOfTheRun) {
  ::setenv("STATIONMAP_PDF_TEST_ABORT", "report.pdf", 1); // the child's test hook: abort on this file
  Document doc;
  try {
    extract_pdf_isolated(test::data_path("report.pdf"), doc);
    ::unsetenv("STATIONMAP_PDF_TEST_ABORT");
    FAIL() << "no exception";
  } catch (const FormatError& e) {
    ::unsetenv("STATIONMAP_PDF_TEST_ABORT");
    EXPECT_NE(std::string(e.what()).find("the PDF reader crashed on it (signal 6"), std::string::npos) << e.what();
  }
}

TEST(PdfChildProcess, TooMuchTextIsRefused) {
  PdfLimits limits;
  limits.max_text_bytes = 16; // report.pdf has more
  Document doc;
  try {
    extract_pdf_isolated(test::data_path("report.pdf"), doc, limits);
    FAIL() << "no exception";
  } catch (const FormatError& e) {
    EXPECT_NE(std::string(e.what()).find("over the limit"), std::string::npos) << e.what();
  }
}

} // namespace
} // namespace stationmap::ingest
