// Files kept between runs under a key (kept_files.hpp).

#include "stationmap/core/kept_files.hpp"

#include "stationmap/core/error.hpp"
#include "stationmap/core/file_io.hpp"
#include "stationmap/core/outdir.hpp"
#include "stationmap/core/sha256.hpp"

#include <cstdio>
#include <sstream>
#include <unistd.h>
#include <utility>

namespace stationmap {

namespace {

namespace fs = std::filesystem;

constexpr const char* listing_header = "stationmap kept files 1";
/// Far above any kept listing: a larger file is not one.
constexpr std::uintmax_t max_listing_bytes = 1U << 20U;

/// A path a listing may name: relative and inside its folder (no "..", no root), so that a foreign listing
/// never makes restore() write outside OUTDIR.
fs::path safe_relative(const std::string& text) {
  const fs::path p = fs::path(text).lexically_normal();
  if (text.empty() || p.is_absolute() || p.has_root_path() || p.empty() || *p.begin() == "..") {
    throw FormatError("the listing names the path '" + text + "'");
  }
  return p;
}

/// One kept file as its listing line records it.
struct Listed {
  std::string sha256;
  std::uintmax_t size = 0;
  fs::path path;
};

Listed listed(const std::string& line) {
  std::istringstream in(line);
  Listed out;
  std::string path;
  in >> out.sha256 >> out.size;
  std::getline(in >> std::ws, path); // a line that does not read leaves the path empty: refused below
  out.path = safe_relative(path);
  return out;
}

} // namespace

KeptFiles::KeptFiles(fs::path dir, std::string name, std::string key, Warn warn)
    : m_dir(std::move(dir)), m_name(std::move(name)), m_key(std::move(key)), m_warn(std::move(warn)) {}

void KeptFiles::warn(const std::string& message) const {
  if (m_warn) {
    m_warn(message);
  }
}

bool KeptFiles::restore(const fs::path& outdir) const {
  std::error_code ec;
  if (!is_stationmap_outdir(m_dir) || !fs::is_regular_file(folder() / "listing", ec)) {
    return false;
  }
  std::vector<std::pair<fs::path, std::string>> files;
  try {
    std::istringstream listing(read_file(folder() / "listing", max_listing_bytes));
    std::string line;
    std::getline(listing, line);
    if (line != listing_header) {
      throw FormatError("it is not a listing of kept files");
    }
    if (!std::getline(listing, line) || line != m_key) {
      return false; // kept for other inputs or another stationmap: derived again, and kept in their place
    }
    std::size_t count = 0;
    if (!std::getline(listing, line) || std::sscanf(line.c_str(), "files %zu", &count) != 1) {
      throw FormatError("the listing has no file count");
    }
    while (std::getline(listing, line)) {
      const Listed l = listed(line);
      std::string bytes = read_file(folder() / "files" / l.path, l.size);
      if (bytes.size() != l.size || sha256_hex(bytes) != l.sha256) {
        throw FormatError(l.path.string() + " differs from its listing");
      }
      files.emplace_back(l.path, std::move(bytes));
    }
    if (files.size() != count) {
      throw FormatError("the listing is cut short");
    }
  } catch (const Error& e) {
    warn("the kept " + m_name + " files in " + folder().string() + " are damaged (" + e.what() +
         "); they are made again");
    return false;
  }
  for (const auto& [path, bytes] : files) {
    fs::create_directories((outdir / path).parent_path());
    write_file_atomic(outdir / path, bytes);
  }
  return true;
}

void KeptFiles::keep(const fs::path& outdir, const std::vector<fs::path>& paths) const {
  if (!is_stationmap_outdir(m_dir)) {
    return; // only ever into a folder stationmap made
  }
  const fs::path tmp = m_dir / ("." + m_name + ".tmp-" + std::to_string(::getpid()));
  std::error_code ec;
  try {
    fs::remove_all(tmp);
    std::string listing = std::string(listing_header) + "\n" + m_key + "\nfiles " + std::to_string(paths.size()) + "\n";
    for (const fs::path& path : paths) {
      const std::string bytes = read_file(outdir / path);
      const fs::path copy = tmp / "files" / safe_relative(path.generic_string());
      fs::create_directories(copy.parent_path());
      write_file_atomic(copy, bytes);
      listing += sha256_hex(bytes) + " " + std::to_string(bytes.size()) + " " + path.generic_string() + "\n";
    }
    write_file_atomic(tmp / "listing", listing);
    fs::remove_all(folder());
    fs::rename(tmp, folder());
  } catch (const std::exception& e) {
    fs::remove_all(tmp, ec);
    warn("the " + m_name + " files could not be kept in " + m_dir.string() + " (" + e.what() +
         "); the next build makes them again");
  }
}

} // namespace stationmap
