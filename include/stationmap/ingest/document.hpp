#pragma once
/// @file
/// Document: the plain value that the ingest stage hands to the geoparser and extractor.

#include <cstdint>
#include <string>
#include <vector>

namespace stationmap {

/// The structural role of a stretch of a document's text. Roles decide whether a place can be a station:
/// a photo caption or a byline never is.
enum class BlockKind : std::uint8_t {
  Body,       ///< article prose
  Title,      ///< the document's title or a heading
  Caption,    ///< photo or figure caption, credit line
  Byline,     ///< author, dateline, "reporting from"
  Navigation, ///< menus, related links (normally dropped by ingest, kept here if not)
  Table,      ///< a table cell; rows are separated by newlines, cells by tabs
  Quote,      ///< block quotation
};

/// Returns "body", "title", "caption"...
const char* to_string(BlockKind kind) noexcept;

/// A stretch [start, end) of Document::text, in Unicode code points, with its structural role.
struct TextBlock {
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  BlockKind kind = BlockKind::Body;
};

/// A document read from disk, decoded to UTF-8, with its boilerplate removed.
struct Document {
  std::string id;       ///< stable id: the path relative to the input root, or the JSONL "id"
  std::string path;     ///< file it came from
  std::string format;   ///< "text", "markdown", "html", "pdf", "jsonl"
  std::string encoding; ///< detected source encoding, e.g. "UTF-8", "GB18030", "UTF-16LE"
  std::string title;
  std::string url;
  std::string date;              ///< ISO 8601 date when known
  std::string outlet;            ///< publisher or site name when known
  std::string text;              ///< UTF-8; paragraphs separated by blank lines
  std::vector<TextBlock> blocks; ///< sorted, non-overlapping; text outside any block is Body
};

} // namespace stationmap
