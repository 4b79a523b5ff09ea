#pragma once
// Internal to the pipeline: the claims cache of `stationmap build --cache DIR`. DIR is a folder stationmap
// creates and marks (core/outdir.hpp, so readers never take it for documents) holding claims.bin: the claims of
// the last build's documents in the compact form of claims_binary.hpp, read back far faster than JSON. A build
// looks each document up by content hash (the file holds records of one pipeline version), extracts only the
// documents it does not find, and writes the new claims.bin (so removed documents drop out) when the map is
// written. A damaged or foreign cache file costs a warning and re-extraction, never the build.
//
// claims.bin: the header "SMCLAIMS", u32 cache format, u32 0x01020304 (the writer's byte order), u32 length and
// the pipeline version; then one entry per document: u32 payload length, u64 checksum of the payload, and the
// payload: u32 length and the content hash, then the record (encode_record()).

#include "stationmap/core/file_io.hpp"
#include "stationmap/core/mapped_file.hpp"
#include "stationmap/pipeline/claims_io.hpp"

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace stationmap::detail {

/// A document's claims found in the cache, and its entry to keep in the next cache.
struct CachedClaims {
  DocumentRecord record;
  std::string entry;
};

class ClaimsCache {
public:
  using Warn = std::function<void(const std::string&)>;

  /// Opens (or prepares) the cache in @p dir for records of @p pipeline; what is wrong with the cache file goes
  /// to @p warn. Throws OutdirRefused when @p dir exists and is not a folder stationmap wrote, or is, holds or
  /// lies inside one of @p inputs.
  ClaimsCache(std::filesystem::path dir, std::string pipeline, const std::vector<std::filesystem::path>& inputs,
              Warn warn = {});

  /// The claims of the document with @p content_hash, if the cache holds them intact. Thread-safe.
  [[nodiscard]] std::optional<CachedClaims> find(const std::string& content_hash) const;

  /// The cache entry of a record (the bytes keep() takes).
  [[nodiscard]] static std::string entry(const DocumentRecord& record);

  /// Adds a document's entry to the new cache. Thread-compatible: call from one thread.
  void keep(std::string_view entry);
  /// Puts the new cache in place of the old one.
  void commit();

  [[nodiscard]] const std::filesystem::path& dir() const { return m_dir; }
  [[nodiscard]] std::size_t size() const { return m_entries.size(); }

private:
  void load(const std::filesystem::path& file);
  void warn(const std::string& message) const;

  std::filesystem::path m_dir;
  std::string m_pipeline;
  Warn m_warn;
  mutable std::mutex m_warn_mutex;
  MappedFile m_old;
  std::unordered_map<std::string_view, std::string_view> m_entries; ///< content hash -> whole entry, in m_old
  std::unique_ptr<AtomicFile> m_new;
};

/// The cache folder used when none is given: beside @p outdir, named after it ("map" -> "map.cache").
std::filesystem::path default_cache_dir(const std::filesystem::path& outdir);

} // namespace stationmap::detail
