#include "stationmap/render/staging.hpp"

#include "stationmap/core/error.hpp"

#include <string>
#include <unistd.h>

namespace stationmap::render {

namespace fs = std::filesystem;

namespace {

fs::path sibling(const fs::path& outdir, const std::string& tag) {
  return outdir.parent_path() / ("." + outdir.filename().string() + "." + tag + "-" + std::to_string(::getpid()));
}

} // namespace

OutputStaging::OutputStaging(fs::path outdir) {
  // "out/" and "out" are the same OUTDIR: drop a trailing separator so that filename() is not empty.
  if (!outdir.has_filename()) {
    outdir = outdir.parent_path();
  }
  m_outdir = fs::absolute(outdir).lexically_normal();
  m_staging = sibling(m_outdir, "staging");
  std::error_code ec;
  fs::create_directories(m_outdir.parent_path(), ec);
  if (ec) {
    throw IoError(m_outdir.parent_path().string(), "cannot create folder: " + ec.message());
  }
  if (fs::exists(m_outdir, ec) && !fs::is_directory(m_outdir, ec)) {
    throw IoError(m_outdir.string(), "exists and is not a folder");
  }
  fs::remove_all(m_staging, ec); // left over by a killed run with the same pid
  if (!fs::create_directory(m_staging, ec) || ec) {
    throw IoError(m_staging.string(), "cannot create staging folder: " + (ec ? ec.message() : "exists"));
  }
}

OutputStaging::~OutputStaging() {
  if (!m_committed) {
    std::error_code ignored;
    fs::remove_all(m_staging, ignored);
  }
}

void OutputStaging::commit() {
  if (m_committed) {
    return;
  }
  std::error_code ec;
  const fs::path previous = sibling(m_outdir, "previous");
  fs::remove_all(previous, ec);
  const bool had_previous = fs::exists(m_outdir, ec);
  if (had_previous) {
    fs::rename(m_outdir, previous, ec);
    if (ec) {
      throw IoError(m_outdir.string(), "cannot move the previous map aside: " + ec.message());
    }
  }
  fs::rename(m_staging, m_outdir, ec);
  if (ec) {
    const std::string reason = ec.message();
    if (had_previous) {
      std::error_code ignored;
      fs::rename(previous, m_outdir, ignored);
    }
    throw IoError(m_outdir.string(), "cannot move the new map in place: " + reason);
  }
  m_committed = true;
  if (had_previous) {
    fs::remove_all(previous, ec); // best effort: the new map is in place either way
  }
}

} // namespace stationmap::render
