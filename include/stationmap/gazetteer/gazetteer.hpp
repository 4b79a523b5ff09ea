#pragma once
/// @file
/// The embedded, offline gazetteer: a memory-mapped index of place names built from GeoNames-format data
/// (the geoname table, admin1CodesASCII/admin2Codes and alternateNamesV2; see
/// https://download.geonames.org/export/dump/readme.txt). Lookups are by folded key (see core/fold.hpp), so
/// they are case-, width- and diacritic-insensitive, and return every homonym.

#include "stationmap/core/mapped_file.hpp"
#include "stationmap/gazetteer/place.hpp"

#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace stationmap {

namespace index_format {
struct Header;
struct Entry;
struct Key;
struct Posting;
} // namespace index_format

/// A candidate returned by a lookup: the entry and the name it matched by.
struct Candidate {
  Place place;
  std::string matched_name;     ///< the name as written in the source data
  std::string language;         ///< ISO 639 code, "abbr", "x-demonym", or empty when unknown
  std::uint16_t name_flags = 0; ///< stationmap::name_kind flags
};

/// Read access to a gazetteer index. Cheap to open (mmap), immutable, safe to share between threads.
class Gazetteer {
public:
  /// Handle to a folded key in the index, for the geoparser's incremental matching.
  struct KeyRef {
    const index_format::Key* key = nullptr;
    [[nodiscard]] explicit operator bool() const noexcept { return key != nullptr; }
  };
  /// One (entry, name) pair of a key, as stored.
  struct PostingView {
    std::uint32_t entry = 0;
    std::uint16_t flags = 0;
  };

  /// Opens @p path: a prebuilt index (.smidx), or GeoNames-format data (a folder holding allCountries.txt /
  /// places.txt[.gz] and optional admin1CodesASCII.txt, admin2Codes.txt, alternateNamesV2.txt, or one geoname
  /// table file), which is indexed in memory with the same builder the build uses.
  static Gazetteer open(const std::filesystem::path& path);

  /// Opens the embedded gazetteer: $STATIONMAP_GAZETTEER, else the index beside the executable's build, else
  /// the installed one. Throws IoError saying how to build it when none is found.
  static Gazetteer open_default();

  /// The path open_default() would use, or empty.
  static std::filesystem::path default_path();

  [[nodiscard]] std::size_t size() const noexcept;
  [[nodiscard]] Place place(std::uint32_t index) const;

  /// All candidates whose folded name equals the folded @p name, most populous first.
  [[nodiscard]] std::vector<Candidate> lookup(std::string_view name) const;

  /// Finds an already folded key (tokens joined by single spaces).
  [[nodiscard]] KeyRef find_key(std::string_view folded_key) const noexcept;
  /// Finds a folded key given its precomputed hash (see hash_key()).
  [[nodiscard]] KeyRef find_key(std::string_view folded_key, std::uint64_t hash) const noexcept;
  /// True when some longer key starts with this key followed by a space.
  [[nodiscard]] static bool is_prefix(KeyRef ref) noexcept;
  /// The postings of a key (empty for a pure prefix).
  [[nodiscard]] std::vector<PostingView> postings(KeyRef ref) const;
  [[nodiscard]] std::size_t posting_count(KeyRef ref) const noexcept;
  [[nodiscard]] Candidate candidate(KeyRef ref, std::size_t i) const;

  /// Fast accessors used on the geoparser's hot path.
  [[nodiscard]] std::int64_t population(std::uint32_t index) const noexcept;
  [[nodiscard]] std::string_view feature_code(std::uint32_t index) const noexcept;
  [[nodiscard]] char feature_class(std::uint32_t index) const noexcept;
  [[nodiscard]] std::string_view country(std::uint32_t index) const noexcept;
  [[nodiscard]] std::string_view admin1_code(std::uint32_t index) const noexcept;
  [[nodiscard]] std::string_view admin2_code(std::uint32_t index) const noexcept;
  [[nodiscard]] double lat(std::uint32_t index) const noexcept;
  [[nodiscard]] double lon(std::uint32_t index) const noexcept;

  /// FNV-1a hash used by the index; hash_extend() continues it over more bytes.
  static std::uint64_t hash_key(std::string_view key) noexcept;
  static std::uint64_t hash_extend(std::uint64_t hash, std::string_view more) noexcept;

  /// The index's pages leave the process's memory until read again (MappedFile::let_go_of_pages): for a build
  /// that is done with looking names up.
  void let_go_of_pages() const noexcept { m_file.let_go_of_pages(); }

  /// Where the data came from (for reports).
  [[nodiscard]] const std::string& source() const noexcept { return m_source; }

private:
  explicit Gazetteer(MappedFile file, std::string source);
  [[nodiscard]] std::string_view string_at(std::uint32_t offset) const noexcept;

  MappedFile m_file;
  std::string m_source;
  const index_format::Header* m_header = nullptr;
  const index_format::Entry* m_entries = nullptr;
  const index_format::Key* m_keys = nullptr;
  const index_format::Posting* m_postings = nullptr;
  const std::uint32_t* m_slots = nullptr;
  const char* m_strings = nullptr;
};

/// Builds index bytes from GeoNames-format data at @p source (a folder or a geoname table file).
/// @p progress, when set, receives one line per stage.
std::string build_gazetteer_index(const std::filesystem::path& source, std::ostream* progress = nullptr);

} // namespace stationmap
