#pragma once
// Internal to the pipeline: the claims cache of `stationmap build --cache DIR`. DIR is a folder stationmap
// creates and marks (core/outdir.hpp, so readers never take it for documents) holding claims.bin: the claims of
// the last build's documents in the compact form of claims_binary.hpp, read back far faster than JSON. A build
// looks each document up by content hash (the file holds records of one pipeline version), extracts only the
// documents it does not find, and writes the new claims.bin (so removed documents drop out) when the map is
// written. A damaged or foreign cache file costs a warning and re-extraction, never the build.
// Memory: the cache holds an index (hash key, offset, length: 24 bytes per document) and reads each entry from the
// file when its document comes (pread, 1 MiB ahead), so a rebuild never holds the old file (137 MB at 100,000
// documents).
//
// claims.bin: the header "SMCLAIMS", u32 cache format, u32 0x01020304 (the writer's byte order), u32 length and
// the pipeline version; then one entry per document: u32 payload length, u64 checksum of the payload, and the
// payload: u32 length and the content hash, then the record (encode_record()).

#include "stationmap/core/file_io.hpp"
#include "stationmap/pipeline/claims_io.hpp"

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stationmap::detail {

/// A document's claims found in the cache, and where its entry is (for ClaimsCache::keep_cached()).
struct CachedClaims {
  DocumentRecord record;
  std::size_t slot = 0;
};

class ClaimsCache {
public:
  using Warn = std::function<void(const std::string&)>;

  /// Opens (or prepares) the cache in @p dir for records of @p pipeline; what is wrong with the cache file goes
  /// to @p warn. Throws OutdirRefused when @p dir exists and is not a folder stationmap wrote, or is, holds or
  /// lies inside one of @p inputs.
  ClaimsCache(std::filesystem::path dir, std::string pipeline, const std::vector<std::filesystem::path>& inputs,
              Warn warn = {});

  /// An intact entry of the old file, viewed in the bytes it was read with (kept while the entry is held).
  struct Entry {
    std::size_t slot = 0; ///< for keep_cached()
    std::shared_ptr<const std::string> window;
    std::string_view bytes; ///< frame and payload
  };

  /// The claims of the document with @p content_hash, if the cache holds them intact: read(locate()).
  /// Thread-safe.
  [[nodiscard]] std::optional<CachedClaims> find(const std::string& content_hash, ClaimMerger* merger = nullptr) const;
  /// The intact entry of the document with @p content_hash, if the cache holds one (its checksum checked).
  /// Thread-safe.
  [[nodiscard]] std::optional<Entry> locate(const std::string& content_hash) const;
  /// The claims @p entry holds, or none when they cannot be read (a warning). With @p merger, their places, document
  /// fields and sentences are the merger's shared values (for ClaimMerger::add_shared()). Thread-safe.
  [[nodiscard]] std::optional<CachedClaims> read(const Entry& entry, ClaimMerger* merger = nullptr) const;

  /// The cache entry of a record (the bytes keep() takes).
  [[nodiscard]] static std::string entry(const DocumentRecord& record);

  /// Adds a new document's entry to the new cache. Thread-compatible: call from one thread.
  void keep(std::string_view entry);
  /// Keeps the entry find() found at @p slot in the new cache, unchanged. Thread-compatible.
  void keep_cached(std::size_t slot);
  /// Puts the new cache in place of the old one. When every entry of the old file is kept and it was whole,
  /// the new entries are appended to it (a rebuild that adds documents writes only theirs); else the file is
  /// written anew, so removed documents drop out.
  void commit();

  [[nodiscard]] const std::filesystem::path& dir() const { return m_dir; }
  [[nodiscard]] std::size_t size() const { return m_entries.size(); }

private:
  /// Where an entry of the old file lies.
  struct Located {
    std::uint64_t key = 0;    ///< hash_key() of its content hash
    std::uint64_t offset = 0; ///< of its frame
    std::uint64_t size = 0;   ///< frame and payload
  };
  /// An entry's key and its position in m_entries.
  struct Keyed {
    std::uint64_t key = 0;
    std::size_t slot = 0;
  };

  void load(const std::filesystem::path& file);
  /// Appends the new entries (after m_new's header) to the old @p file, which keeps all of its own.
  void append_new_entries(const std::filesystem::path& file);
  void warn(const std::string& message) const;
  /// Warns (once per build) that an entry's checksum does not match its bytes.
  void warn_damaged() const;
  /// An entry's bytes, in the window of the old file they were read with (kept while they are viewed).
  struct EntryBytes {
    std::shared_ptr<const std::string> window;
    std::string_view bytes;
  };

  /// The intact entry of @p content_hash at @p slot, or none (a warning when it is damaged).
  [[nodiscard]] std::optional<Entry> read_entry(std::size_t slot, std::string_view content_hash) const;
  /// The bytes of the old file at @p at (fewer when it ends first), through m_window: documents come mostly in
  /// the order the file holds them, so one read serves the entries of many.
  [[nodiscard]] EntryBytes bytes_at(const Located& at) const;
  /// Makes m_window a buffer no entry is viewed through: a spare one when there is (its pages are reused, not
  /// fresh), else a new one. Called with m_window_mutex held.
  void replace_window() const;

  std::filesystem::path m_dir;
  std::string m_pipeline;
  Warn m_warn;
  mutable std::mutex m_warn_mutex;
  mutable std::atomic<bool> m_warned_damaged = false;
  std::optional<PositionalFile> m_old;
  bool m_old_whole = false;       ///< the old file held nothing but intact entries of this pipeline
  std::vector<Located> m_entries; ///< in file order
  std::vector<Keyed> m_by_key;    ///< every entry, by key (then file order)
  mutable std::atomic<std::size_t> m_after_last_found = 0; ///< where find() looks first
  std::vector<bool> m_kept;                                ///< by position in m_entries: kept for the new cache
  std::vector<std::size_t> m_kept_order;                   ///< positions in m_entries, as kept
  std::unique_ptr<AtomicFile> m_new;                       ///< the header and the new entries
  static constexpr std::size_t entry_window_bytes = 1U << 20U;
  mutable std::mutex m_window_mutex;
  mutable std::shared_ptr<std::string> m_window; ///< bytes of the old file read ahead by bytes_at()
  /// Earlier windows, reused once no entry is viewed through them (entries are held a few batches while documents
  /// are read ahead: extraction.hpp).
  mutable std::vector<std::shared_ptr<std::string>> m_spare_windows;
  static constexpr std::size_t spare_windows = 4;
  mutable std::uint64_t m_window_start = 0; ///< the window's offset in the file
};

/// The cache folder used when none is given: beside @p outdir, named after it ("map" -> "map.cache").
std::filesystem::path default_cache_dir(const std::filesystem::path& outdir);

} // namespace stationmap::detail
