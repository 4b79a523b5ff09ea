#pragma once
/// @file
/// gzip decompression with a cap on the output: a few kilobytes of hostile gzip can expand to gigabytes (a
/// decompression bomb), so every caller says how much it will accept.

#include <cstddef>
#include <string>
#include <string_view>

namespace stationmap {

/// Decompresses gzip (or zlib) @p data, concatenated gzip members included. Throws FormatError when the
/// data is corrupt or truncated, or when it expands to more than @p max_bytes (decompression stops there).
std::string gunzip(std::string_view data, std::size_t max_bytes);

} // namespace stationmap
