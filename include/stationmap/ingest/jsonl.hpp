#pragma once
/// @file
/// JSON and JSON Lines corpora: one document per line (or per array element) with the fields news archives
/// ship: `id`, `url`, `date`, `title`, `text` (or `html`), `outlet`/`source`.

#include "stationmap/ingest/document.hpp"

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <variant>

namespace stationmap::ingest {

/// Where a JSON document came from: the file's document id (path relative to the input root) and its path.
struct JsonSource {
  std::string file_id; ///< documents get the id `<file_id>#<id>`
  std::string path;
};

/// Makes a Document from one JSON Lines line. Returns the Document, or a short reason why the line is not
/// one (invalid JSON, not an object, no text). @p line_number (from 1) names the line in ids and reasons.
/// The text is kept exactly as the JSON gives it (so that offsets agree with the corpus); an `html` field
/// is run through the HTML extractor when there is no `text`. Invalid UTF-8 is replaced with U+FFFD.
std::variant<Document, std::string> parse_jsonl_line(std::string_view line, std::size_t line_number,
                                                     const JsonSource& source);

/// Called for each line that is not a document: line number and reason.
using BadLineHandler = std::function<void(std::size_t line_number, const std::string& reason)>;

/// Splits @p bytes into lines and parses each: documents go to @p sink in order, bad lines to @p bad.
/// Lines longer than @p max_line_bytes are reported, not parsed.
void parse_jsonl(std::string_view bytes, const JsonSource& source, std::size_t max_line_bytes,
                 const std::function<void(Document&&)>& sink, const BadLineHandler& bad);

/// Parses a whole .json file: one document object, an array of them, or an object holding such an array
/// under "documents", "articles", "items" or "data". Falls back to JSON Lines when the file is not one
/// JSON value.
void parse_json_file(std::string_view bytes, const JsonSource& source, std::size_t max_line_bytes,
                     const std::function<void(Document&&)>& sink, const BadLineHandler& bad);

} // namespace stationmap::ingest
