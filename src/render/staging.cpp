#include "stationmap/render/staging.hpp"

#include "stationmap/core/error.hpp"
#include "stationmap/core/outdir.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <unistd.h>

namespace stationmap::render {

namespace fs = std::filesystem;

namespace {

fs::path sibling(const fs::path& outdir, const std::string& tag) {
  return outdir.parent_path() / ("." + outdir.filename().string() + "." + tag + "-" + std::to_string(::getpid()));
}

/// Clears the way for a folder of our own at @p path: a leftover of a killed run with the same pid (it holds
/// the marker) is removed; anything else there is the user's and stops the run.
void remove_leftover(const fs::path& path) {
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(path, ec))) {
    return;
  }
  if (!is_stationmap_outdir(path)) {
    throw IoError(path.string(), "is in the way of the output and was not written by stationmap; remove it");
  }
  fs::remove_all(path, ec);
}

/// Removes the staging folders of runs into @p outdir that were killed (their process is gone): they hold the
/// marker, so they are ours. A folder whose process still runs (another build, or a reused pid) is left alone.
void remove_abandoned_stagings(const fs::path& outdir) {
  const std::string prefix = "." + outdir.filename().string() + ".staging-";
  std::vector<fs::path> abandoned;
  std::error_code ec;
  for (fs::directory_iterator it(outdir.parent_path(), ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with(prefix) || !is_stationmap_outdir(it->path())) {
      continue;
    }
    const std::string pid_text = name.substr(prefix.size());
    if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos || pid_text.size() > 9) {
      continue;
    }
    const auto pid = static_cast<pid_t>(std::stol(pid_text));
    if (::kill(pid, 0) != 0 && errno == ESRCH) {
      abandoned.push_back(it->path());
    }
  }
  for (const fs::path& path : abandoned) {
    fs::remove_all(path, ec);
  }
}

/// Swaps two existing paths in one step (Linux renameat2 RENAME_EXCHANGE): no moment without either. Returns
/// 0, or -1 with errno set (EINVAL where the file system cannot exchange).
int exchange_paths(const fs::path& a, const fs::path& b) {
  return ::renameat2(AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), RENAME_EXCHANGE);
}

/// For file systems without RENAME_EXCHANGE: the previous map is moved aside first and put back if the new one
/// cannot be moved in. Returns where the previous map now lies.
fs::path swap_in_two_steps(const fs::path& staging, const fs::path& outdir) {
  const fs::path previous = sibling(outdir, "previous");
  remove_leftover(previous);
  std::error_code ec;
  fs::rename(outdir, previous, ec);
  if (ec) {
    throw IoError(outdir.string(), "cannot move the previous map aside: " + ec.message());
  }
  fs::rename(staging, outdir, ec);
  if (ec) {
    std::error_code ignored;
    fs::rename(previous, outdir, ignored);
    throw IoError(outdir.string(), "cannot move the new map in place: " + ec.message());
  }
  return previous;
}

} // namespace

OutputStaging::OutputStaging(fs::path outdir, const std::vector<fs::path>& inputs) {
  // "out/" and "out" are the same OUTDIR: drop a trailing separator so that filename() is not empty.
  if (!outdir.has_filename()) {
    outdir = outdir.parent_path();
  }
  m_outdir = fs::absolute(outdir).lexically_normal();
  check_outdir(m_outdir, inputs);
  m_staging = sibling(m_outdir, "staging");
  std::error_code ec;
  fs::create_directories(m_outdir.parent_path(), ec);
  if (ec) {
    throw IoError(m_outdir.parent_path().string(), "cannot create folder: " + ec.message());
  }
  remove_abandoned_stagings(m_outdir);
  remove_leftover(m_staging);
  if (!fs::create_directory(m_staging, ec) || ec) {
    throw IoError(m_staging.string(), "cannot create staging folder: " + (ec ? ec.message() : "exists"));
  }
  write_outdir_marker(m_staging);
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
  check_outdir_replaceable(m_outdir); // the user may have put files there since the run began
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(m_outdir, ec))) {
    fs::rename(m_staging, m_outdir, ec);
    if (ec) {
      throw IoError(m_outdir.string(), "cannot move the new map in place: " + ec.message());
    }
    m_committed = true;
    return;
  }
  fs::path previous = m_staging; // after the exchange the staging path holds the previous map
  if (exchange_paths(m_staging, m_outdir) != 0) {
    if (errno != EINVAL && errno != ENOSYS) {
      throw IoError(m_outdir.string(), std::string("cannot swap the new map in place: ") + std::strerror(errno));
    }
    previous = swap_in_two_steps(m_staging, m_outdir);
  }
  m_committed = true;
  std::error_code ignored;
  fs::remove_all(previous, ignored); // best effort: the new map is in place either way
}

} // namespace stationmap::render
