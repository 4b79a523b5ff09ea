#pragma once
/// @file
/// Character encodings: binary sniffing, charset detection and conversion to UTF-8 (ICU ucsdet + ucnv).
///
/// Detection order: byte-order mark; UTF-16 by the pattern of NUL bytes; strict UTF-8 validity (a valid
/// UTF-8 text is never read as GB18030 or anything else); mostly-valid UTF-8 with a few broken sequences;
/// the charset the document declares (HTML `<meta charset>`, XML declaration) when it decodes cleanly;
/// finally ICU's statistical detector, its candidates re-ranked by how plausible each decoding reads.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace stationmap::ingest {

/// The result of decoding bytes to UTF-8.
struct DecodedText {
  std::string text;             ///< UTF-8, without byte-order mark; NUL bytes removed
  std::string encoding;         ///< canonical name of the source encoding, e.g. "UTF-8", "GB18030", "UTF-16LE"
  std::size_t replaced = 0;     ///< invalid or unmappable byte sequences replaced by U+FFFD
  std::size_t nuls_removed = 0; ///< NUL characters dropped from the text
};

/// Why a byte buffer is not text, or std::nullopt when it may be text. Looks at magic numbers (images,
/// archives, executables, office files) and at the share of NUL and other control bytes in the first
/// 64 KiB, after allowing for UTF-16. The reason is a short phrase such as "binary file (PNG image)".
std::optional<std::string> binary_reason(std::string_view bytes);

/// The charset an HTML or XML document declares in its first 4 KiB (`<meta charset>`, `<meta http-equiv=
/// "Content-Type" content="...; charset=...">`, `<?xml encoding="...">`), lower-cased; empty when none.
std::string declared_charset(std::string_view bytes);

/// Detects the encoding of @p bytes. @p declared is a charset the document itself names (may be empty);
/// it wins only when it decodes the bytes without errors. Returns a canonical name ("UTF-8", "UTF-16LE",
/// "GB18030", "Big5", "Shift_JIS", "windows-1252", "ISO-8859-2"...).
std::string detect_encoding(std::string_view bytes, std::string_view declared = {});

/// Converts @p bytes from @p encoding (any name ICU knows) to UTF-8, replacing invalid sequences with
/// U+FFFD and counting them, dropping a leading byte-order mark and NUL characters. Throws
/// stationmap::FormatError for an encoding ICU does not know.
DecodedText convert_to_utf8(std::string_view bytes, std::string_view encoding);

/// The length of the leading part of @p bytes that is well-formed UTF-8 without NUL characters: what
/// convert_to_utf8(bytes, "UTF-8") keeps as it is (after a byte-order mark, which it drops). A text whose whole
/// length is clean (and that starts with no byte-order mark) needs no conversion.
std::size_t clean_utf8_length(std::string_view bytes) noexcept;

/// detect_encoding() then convert_to_utf8().
DecodedText decode_to_utf8(std::string_view bytes, std::string_view declared = {});

} // namespace stationmap::ingest
