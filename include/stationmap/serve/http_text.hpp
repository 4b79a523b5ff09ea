#pragma once
/// @file
/// The HTTP text the server reads and writes, as plain functions: Range headers (at most one range),
/// request targets (percent-decoding), ETags and If-None-Match, and request lines made safe to log.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace stationmap::serve {

/// Inclusive byte positions [first, last] of a body.
struct ByteRange {
  std::uint64_t first = 0;
  std::uint64_t last = 0;
  bool operator==(const ByteRange&) const = default;
};

/// What a Range header asks of a body of a given size.
struct RangeRequest {
  enum class Kind {
    whole,        ///< no Range header, another unit, or a malformed one (ignored, as RFC 9110 allows): 200
    one_range,    ///< a single satisfiable range: 206 with `range`
    unsatisfiable ///< a range past the end, or more than one range (never served: one range per request): 416
  };
  Kind kind = Kind::whole;
  ByteRange range;
};

/// Reads a Range header value ("bytes=0-99", "bytes=100-", "bytes=-20") against @p size bytes. A list of
/// ranges is refused whole, however it overlaps: each range of a list could cost a copy of the file.
[[nodiscard]] RangeRequest parse_range(std::string_view header, std::uint64_t size);

/// The path of a request target ("/a%20b?x=1" -> "/a b"): query removed, percent-escapes decoded once.
/// nullopt when the target is not a path starting with '/' or has a broken escape.
[[nodiscard]] std::optional<std::string> decode_target_path(std::string_view target);

/// A strong ETag over the bytes (a 64-bit FNV-1a hash in quotes): the same bytes give the same tag.
[[nodiscard]] std::string content_etag(std::string_view bytes);

/// True when an If-None-Match value lists @p etag (weak or strong) or is "*".
[[nodiscard]] bool etag_listed(std::string_view if_none_match, std::string_view etag);

/// @p text with every byte outside printable ASCII, and '"' and '\', written as \xHH: a request line that
/// cannot forge or break a log line.
[[nodiscard]] std::string escape_for_log(std::string_view text);

} // namespace stationmap::serve
