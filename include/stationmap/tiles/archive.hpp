#pragma once
/// @file
/// Reading the tile archives that write_mbtiles() and write_pmtiles() produce (the server and the tests use
/// these), and the PMTiles v3 Hilbert tile ids.

#include "stationmap/core/mapped_file.hpp"
#include "stationmap/tiles/tiles.hpp"

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace stationmap::tiles {

/// PMTiles v3 tile id: tiles of lower zooms first, then the Hilbert curve index within a zoom.
[[nodiscard]] std::uint64_t zxy_to_tile_id(std::uint8_t z, std::uint32_t x, std::uint32_t y);
/// The inverse of zxy_to_tile_id(). Throws Error for an id past zoom 31.
[[nodiscard]] TileKey tile_id_to_zxy(std::uint64_t id);

/// One PMTiles directory entry (run_length 0: a leaf directory).
struct PmtilesEntry {
  std::uint64_t tile_id = 0;
  std::uint64_t offset = 0;
  std::uint32_t length = 0;
  std::uint32_t run_length = 0;
  bool operator==(const PmtilesEntry&) const = default;
};

/// Directory (de)serialisation as the spec gives it (varints; before the internal compression).
[[nodiscard]] std::string serialize_directory(const std::vector<PmtilesEntry>& entries);
[[nodiscard]] std::vector<PmtilesEntry> deserialize_directory(std::string_view bytes);

/// The 127-byte PMTiles v3 header.
struct PmtilesHeader {
  std::uint64_t root_offset = 0, root_length = 0, metadata_offset = 0, metadata_length = 0;
  std::uint64_t leaf_offset = 0, leaf_length = 0, data_offset = 0, data_length = 0;
  std::uint64_t addressed_tiles = 0, tile_entries = 0, tile_contents = 0;
  bool clustered = false;
  std::uint8_t internal_compression = 0, tile_compression = 0, tile_type = 0, min_zoom = 0, max_zoom = 0;
  std::int32_t min_lon_e7 = 0, min_lat_e7 = 0, max_lon_e7 = 0, max_lat_e7 = 0;
  std::uint8_t center_zoom = 0;
  std::int32_t center_lon_e7 = 0, center_lat_e7 = 0;
};

/// Writes an MBTiles file tile by tile (the metadata first, from the plan; then the tiles as they come, in one
/// transaction), so the same tiles in the same order give the same bytes as write_mbtiles(). The file appears at
/// its path on commit(), never half-written. Throws IoError/LibraryError.
class MbtilesWriter final : public TileSink {
public:
  MbtilesWriter(const TileSet& plan, std::filesystem::path path);
  ~MbtilesWriter() override;
  MbtilesWriter(const MbtilesWriter&) = delete;
  MbtilesWriter& operator=(const MbtilesWriter&) = delete;
  void add(const TileKey& key, const std::string& gzipped) override;
  void commit();

private:
  struct Impl;
  std::filesystem::path m_path;
  std::filesystem::path m_tmp;
  std::unique_ptr<Impl> m_impl;
};

/// Writes a PMTiles v3 file from tiles given zoom by zoom (any order within a zoom): the tile bytes go to a
/// scratch file beside the path as they come, only the directory entries stay in memory; commit() writes the
/// archive (tiles in tile id order, identical contents stored once, the same bytes as write_pmtiles()) and
/// removes the scratch file. Throws IoError/LibraryError.
class PmtilesWriter final : public TileSink {
public:
  explicit PmtilesWriter(std::filesystem::path path);
  ~PmtilesWriter() override;
  PmtilesWriter(const PmtilesWriter&) = delete;
  PmtilesWriter& operator=(const PmtilesWriter&) = delete;
  void add(const TileKey& key, const std::string& gzipped) override;
  /// @p set: the pyramid's description (plan_tiles) for the header and metadata.
  void commit(const TileSet& set);

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

/// Stored tile bytes and how they are compressed.
struct StoredTile {
  std::string data;
  bool gzipped = false;
};

/// A tile archive opened for reading; tile() may be called from many threads at once.
class TileArchive {
public:
  virtual ~TileArchive() = default;
  /// The stored tile, or nullopt when the archive has none at that address.
  [[nodiscard]] virtual std::optional<StoredTile> tile(std::uint8_t z, std::uint32_t x, std::uint32_t y) const = 0;
  [[nodiscard]] virtual int minzoom() const = 0;
  [[nodiscard]] virtual int maxzoom() const = 0;
};

/// A memory-mapped PMTiles v3 file. Throws IoError/FormatError when it is not one.
class PmtilesReader final : public TileArchive {
public:
  explicit PmtilesReader(const std::filesystem::path& path);
  [[nodiscard]] std::optional<StoredTile> tile(std::uint8_t z, std::uint32_t x, std::uint32_t y) const override;
  [[nodiscard]] int minzoom() const override { return m_header.min_zoom; }
  [[nodiscard]] int maxzoom() const override { return m_header.max_zoom; }
  [[nodiscard]] const PmtilesHeader& header() const { return m_header; }
  [[nodiscard]] std::string metadata_json() const;
  /// Every tile entry (leaves expanded), in tile id order.
  [[nodiscard]] std::vector<PmtilesEntry> entries() const;

private:
  [[nodiscard]] std::vector<PmtilesEntry> directory(std::uint64_t offset, std::uint64_t length) const;
  MappedFile m_file;
  PmtilesHeader m_header;
  std::vector<PmtilesEntry> m_root;
};

/// An MBTiles file opened read-only (SQLite, one connection behind a mutex).
class MbtilesReader final : public TileArchive {
public:
  explicit MbtilesReader(const std::filesystem::path& path);
  ~MbtilesReader() override;
  MbtilesReader(const MbtilesReader&) = delete;
  MbtilesReader& operator=(const MbtilesReader&) = delete;
  [[nodiscard]] std::optional<StoredTile> tile(std::uint8_t z, std::uint32_t x, std::uint32_t y) const override;
  [[nodiscard]] int minzoom() const override { return m_minzoom; }
  [[nodiscard]] int maxzoom() const override { return m_maxzoom; }
  [[nodiscard]] std::map<std::string, std::string> metadata() const;
  /// Every (z, x, y) in XYZ scheme, as stored.
  [[nodiscard]] std::vector<TileKey> addresses() const;

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
  int m_minzoom = 0;
  int m_maxzoom = 0;
};

/// Opens OUTDIR/tiles.pmtiles, else OUTDIR/tiles.mbtiles; nullptr when neither exists.
[[nodiscard]] std::unique_ptr<TileArchive> open_tile_archive(const std::filesystem::path& outdir);

} // namespace stationmap::tiles
