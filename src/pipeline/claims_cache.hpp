#pragma once
// Internal to the pipeline: the claims cache of `stationmap build --cache DIR`. DIR is a folder stationmap
// creates and marks (core/outdir.hpp, so readers never take it for documents) holding claims.jsonl: the claims
// file of the last build, one document record per line. A build looks each document up by content hash and
// pipeline version, extracts only the documents it does not find, and writes the new claims.jsonl (so removed
// documents drop out) when the map is written.

#include "stationmap/core/file_io.hpp"
#include "stationmap/core/mapped_file.hpp"

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace stationmap::detail {

class ClaimsCache {
public:
  /// Opens (or prepares) the cache in @p dir for records of @p pipeline. Throws OutdirRefused when @p dir
  /// exists and is not a folder stationmap wrote, or is, holds or lies inside one of @p inputs.
  ClaimsCache(std::filesystem::path dir, std::string pipeline, const std::vector<std::filesystem::path>& inputs);

  /// The claims line (without newline) of the document with @p content_hash, if the cache holds it.
  [[nodiscard]] std::optional<std::string> find(const std::string& content_hash) const;

  /// Adds a document's line (with its newline) to the new cache. Thread-compatible: call from one thread.
  void keep(std::string_view line);
  /// Puts the new cache in place of the old one.
  void commit();

  [[nodiscard]] const std::filesystem::path& dir() const { return m_dir; }

private:
  std::filesystem::path m_dir;
  std::string m_pipeline;
  MappedFile m_old;
  std::unordered_map<std::string_view, std::string_view> m_lines; ///< content hash -> line, in m_old
  std::unique_ptr<AtomicFile> m_new;
};

/// The cache folder used when none is given: beside @p outdir, named after it ("map" -> "map.cache").
std::filesystem::path default_cache_dir(const std::filesystem::path& outdir);

} // namespace stationmap::detail
