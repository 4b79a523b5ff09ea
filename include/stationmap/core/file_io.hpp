#pragma once
/// @file
/// File helpers: whole-file reads with a size limit, and atomic writes (temporary file, then rename) so that
/// a failed run never leaves a half-written output behind.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace stationmap {

/// Reads a whole file. Throws IoError naming the file when it cannot be read or exceeds @p max_bytes.
std::string read_file(const std::filesystem::path& path, std::uintmax_t max_bytes = UINTMAX_MAX);

/// Writes @p contents to @p path atomically: to `path.tmp-<pid>` first, then renamed over @p path.
void write_file_atomic(const std::filesystem::path& path, std::string_view contents);

/// Reads a file that may be gzip-compressed (detected by its magic bytes), expanding to at most @p max_bytes
/// (a full GeoNames dump is 1.6 GB). Throws IoError.
std::string read_maybe_gzip(const std::filesystem::path& path, std::size_t max_bytes = 4ULL * 1024 * 1024 * 1024);

} // namespace stationmap
