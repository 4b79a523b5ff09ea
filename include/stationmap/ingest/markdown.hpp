#pragma once
/// @file
/// Plain text and Markdown to a Document.

#include "stationmap/ingest/document.hpp"

#include <string_view>

namespace stationmap::ingest {

/// Appends plain text (UTF-8) to @p doc: line ends normalised, paragraphs separated by blank lines, lines
/// inside a paragraph kept. Sets doc.title to the first line when it is short and stands alone.
void extract_plain_text(std::string_view text, Document& doc);

/// Appends Markdown (UTF-8) to @p doc with its syntax stripped and its text kept: ATX and Setext headings
/// become Title blocks, images' alt text and the italic line under an image Caption blocks, pipe tables
/// Table blocks (one row a line, cells separated by tabs), `>` quotations Quote blocks, list items their
/// own paragraphs; links keep their text, emphasis and code markers go, link definitions and HTML comments
/// are dropped. A YAML front matter block gives title, date, url and outlet (source, publisher, site).
void extract_markdown(std::string_view text, Document& doc);

} // namespace stationmap::ingest
