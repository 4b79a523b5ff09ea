#pragma once
/// @file
/// PDF text extraction with poppler's C++ API.

#include "stationmap/ingest/document.hpp"

#include <string_view>

namespace stationmap::ingest {

/// Appends the text of every page of the PDF in @p bytes to @p doc, in reading order, pages separated by
/// blank lines; words hyphenated across line ends are joined and lines holding only a page number dropped.
/// Sets doc.title and doc.date from the PDF's information dictionary when present and still empty.
/// Throws stationmap::FormatError when the PDF is damaged, encrypted, or has no text layer (scanned pages).
void extract_pdf(std::string_view bytes, Document& doc);

} // namespace stationmap::ingest
