#pragma once
/// @file
/// Which folders `stationmap build` may write its map into. Never destroy what the user owns: an OUTDIR is
/// replaced only when it does not exist, is empty, or carries the marker file that every build leaves at its
/// top (so it is a map stationmap wrote). An OUTDIR may not be an input, hold one or lie inside one. Readers
/// skip marked folders found among the inputs, and `serve` serves only marked folders.

#include "stationmap/core/error.hpp"

#include <filesystem>
#include <string_view>
#include <vector>

namespace stationmap {

/// The marker file at the top of every OUTDIR stationmap writes.
inline constexpr std::string_view outdir_marker_name = ".stationmap";

/// An OUTDIR stationmap refuses to write into; the message names the folder and says what to do. Nothing was
/// changed on disk.
class OutdirRefused : public Error {
public:
  using Error::Error;
};

/// True when @p dir is a folder holding the marker file (a map stationmap wrote).
bool is_stationmap_outdir(const std::filesystem::path& dir);

/// Writes the marker file into @p dir. Throws IoError.
void write_outdir_marker(const std::filesystem::path& dir);

/// Throws OutdirRefused unless @p outdir may be replaced: it does not exist, is an empty folder, or is marked.
void check_outdir_replaceable(const std::filesystem::path& outdir);

/// Throws OutdirRefused when @p outdir is one of @p inputs, holds one, or lies inside one (symbolic links
/// resolved); inputs that do not exist are ignored (the reader reports them).
void check_outdir_apart_from_inputs(const std::filesystem::path& outdir,
                                    const std::vector<std::filesystem::path>& inputs);

/// Both checks above: the OUTDIR rules of `build`.
void check_outdir(const std::filesystem::path& outdir, const std::vector<std::filesystem::path>& inputs);

} // namespace stationmap
