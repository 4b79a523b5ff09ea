#include "stationmap/core/outdir.hpp"

#include "stationmap/core/file_io.hpp"

#include <algorithm>
#include <string>

namespace stationmap {

namespace fs = std::filesystem;

namespace {

/// The marker's text: what the folder is, for a user who finds it.
constexpr std::string_view marker_text =
    "This folder is a map written by stationmap. `stationmap build -o` replaces it whole on the next run.\n";

/// How many of a refused folder's entries the message names.
constexpr std::size_t entries_named = 3;

/// @p path with symbolic links resolved as far as it exists, for comparing folders.
fs::path resolved(const fs::path& path) {
  std::error_code ec;
  fs::path result = fs::weakly_canonical(fs::absolute(path), ec);
  result = ec ? fs::absolute(path).lexically_normal() : result.lexically_normal();
  return result.has_filename() ? result : result.parent_path(); // "docs/" is "docs"
}

/// True when @p inner is @p outer or lies below it (both resolved).
bool is_within(const fs::path& inner, const fs::path& outer) {
  auto in = inner.begin();
  for (auto out = outer.begin(); out != outer.end(); ++out, ++in) {
    if (in == inner.end() || *in != *out) {
      return false;
    }
  }
  return true;
}

/// A few entries of @p dir, sorted, for the message that refuses it ("notes.txt, photos/, ...").
std::string some_entries(const fs::path& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    names.push_back(it->path().filename().string() + (it->is_directory(ec) ? "/" : ""));
  }
  std::sort(names.begin(), names.end());
  std::string out;
  for (std::size_t i = 0; i < names.size() && i < entries_named; ++i) {
    out += (i == 0 ? "" : ", ") + names[i];
  }
  return names.size() > entries_named ? out + ", ..." : out;
}

} // namespace

bool is_stationmap_outdir(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir, ec) && fs::is_regular_file(dir / outdir_marker_name, ec);
}

void write_outdir_marker(const fs::path& dir) {
  write_file_atomic(dir / outdir_marker_name, marker_text);
}

void check_outdir_replaceable(const fs::path& outdir) {
  std::error_code ec;
  const fs::file_status status = fs::status(outdir, ec);
  if (!fs::exists(status)) {
    return;
  }
  if (!fs::is_directory(status)) {
    throw OutdirRefused("output folder " + outdir.string() + " exists and is not a folder; nothing was changed");
  }
  if (is_stationmap_outdir(outdir) || fs::is_empty(outdir, ec)) {
    return;
  }
  throw OutdirRefused("output folder " + outdir.string() + " holds files stationmap did not write (" +
                      some_entries(outdir) +
                      "); nothing was changed. Choose a new or empty folder, or a map an "
                      "earlier build wrote (it holds a " +
                      std::string(outdir_marker_name) + " file)");
}

void check_outdir_apart_from_inputs(const fs::path& outdir, const std::vector<fs::path>& inputs) {
  const fs::path out = resolved(outdir);
  for (const fs::path& input : inputs) {
    std::error_code ec;
    if (!fs::exists(input, ec)) {
      continue;
    }
    const fs::path in = resolved(input);
    const std::string names = "output folder " + outdir.string() + " and input " + input.string();
    if (in == out) {
      throw OutdirRefused(names + " are the same: the map would replace the documents; nothing was changed. "
                                  "Write the map to a folder outside the inputs");
    }
    if (is_within(in, out)) {
      throw OutdirRefused(names + ": the output folder holds the input and would replace it; nothing was "
                                  "changed. Write the map to a folder outside the inputs");
    }
    if (is_within(out, in)) {
      throw OutdirRefused(names + ": the output folder lies inside the input, so the map would be read back as "
                                  "documents; nothing was changed. Write the map to a folder outside the inputs");
    }
  }
}

void check_outdir(const fs::path& outdir, const std::vector<fs::path>& inputs) {
  check_outdir_apart_from_inputs(outdir, inputs);
  check_outdir_replaceable(outdir);
}

} // namespace stationmap
