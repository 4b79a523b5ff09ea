#pragma once
/// @file
/// PDF text extraction with poppler's C++ API, in-process (extract_pdf) or, for documents from disk, in a
/// child process with memory and time limits (extract_pdf_isolated) so that a PDF that crashes or exhausts
/// poppler costs one problem line, not the run.
///
/// The child is the small executable `stationmap-pdf-text` installed beside `stationmap` (found beside the
/// running executable, else in the build tree; the environment variable STATIONMAP_PDF_HELPER names another).
/// Test hook: when STATIONMAP_PDF_TEST_ABORT is set, the child aborts (as a crash in poppler would) on every
/// PDF whose path contains its value.

#include "stationmap/ingest/document.hpp"

#include <cstdint>
#include <filesystem>
#include <string_view>

namespace stationmap::ingest {

/// Appends the text of every page of the PDF in @p bytes to @p doc, in reading order, pages separated by
/// blank lines; words hyphenated across line ends are joined and lines holding only a page number dropped.
/// Sets doc.title and doc.date from the PDF's information dictionary when present and still empty.
/// Throws stationmap::FormatError when the PDF is damaged, encrypted, or has no text layer (scanned pages).
void extract_pdf(std::string_view bytes, Document& doc);

/// Limits of the PDF reader's child process.
struct PdfLimits {
  /// Address space of the child: poppler needs tens of MiB for ordinary reports; a PDF that wants more is
  /// hostile or broken.
  std::uint64_t max_memory_bytes = 1024ULL * 1024 * 1024;
  /// CPU and wall-clock seconds for one PDF.
  unsigned max_seconds = 60;
  /// Text the child may hand back (a PDF's compressed streams can expand a thousandfold).
  std::size_t max_text_bytes = 64ULL * 1024 * 1024;
};

/// extract_pdf() on the file at @p path, run in the `stationmap-pdf-text` child within @p limits. Throws
/// stationmap::FormatError with the same reasons as extract_pdf(), or saying that the PDF reader crashed,
/// ran out of time or memory; IoError when the child cannot be started.
void extract_pdf_isolated(const std::filesystem::path& path, Document& doc, const PdfLimits& limits = {});

/// The main() of `stationmap-pdf-text --max-memory BYTES --max-seconds S FILE`: applies the limits to itself,
/// extracts the text and writes it to stdout for extract_pdf_isolated(). Exit status 0, or 3 with the reason
/// on stdout when the PDF has no usable text, 4 when out of memory, 2 on usage errors.
int pdf_text_helper_main(int argc, char** argv);

} // namespace stationmap::ingest
