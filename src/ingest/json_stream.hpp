#pragma once
// Internal: a JSON reader with limits, on nlohmann's SAX parser. No value is built deeper than a depth limit
// or larger than a size limit, and the documents of a whole-file corpus (an array of objects, or an object
// holding one under "documents") are handed over one by one as they end, so memory holds one document, not
// the file's tree. A 256 MiB file of `[` stops after the first few bytes.

#include <cstddef>
#include <functional>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <variant>

namespace stationmap::ingest::detail {

/// Limits of the JSON reader.
struct JsonLimits {
  /// Nesting levels. A news document needs three or four (corpus, document, an author object); beyond this
  /// the text is not a document, and nlohmann's tree would cost tens of bytes per level.
  std::size_t max_depth = 64;
  /// Bytes of one document: its strings and keys, plus 8 per other value.
  std::size_t max_value_bytes = 16ULL * 1024 * 1024;
};

/// Parses one JSON value within the limits. Returns the value or why it is not one.
std::variant<nlohmann::json, std::string> parse_json_value(std::string_view text, const JsonLimits& limits);

/// How streaming a whole .json file ended.
struct JsonStreamResult {
  bool ok = false;          ///< the file was one JSON value and was read to its end
  bool streamed = false;    ///< it held a list of documents (handed over as they ended)
  std::size_t elements = 0; ///< list elements handed over or reported
  std::string error;        ///< why reading stopped early (invalid JSON, too deep); empty when ok
  bool invalid = false;     ///< stopped because the text is not JSON (rather than by a limit)
  nlohmann::json root;      ///< ok and not streamed: the whole value (one document)
};

/// Called with each list element (numbered from 1) or, for an element over the size limit, with a reason.
using JsonElementSink = std::function<void(std::size_t index, std::variant<nlohmann::json, std::string>&& element)>;

/// Reads a whole .json text: a list of documents (a top-level array, or an array under one of @p list_keys
/// in a top-level object) is streamed element by element to @p sink; any other value comes back whole.
JsonStreamResult stream_json_documents(std::string_view text, const JsonLimits& limits,
                                       std::span<const std::string_view> list_keys, const JsonElementSink& sink);

} // namespace stationmap::ingest::detail
