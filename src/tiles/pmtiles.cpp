// PMTiles v3: Hilbert tile ids, directories, the writer and a memory-mapped reader.
// Layout written: header (127 bytes) | root directory | metadata | leaf directories | tile data, with the
// root within the first 16 KiB, gzip for directories, metadata and tiles, tiles in tile id order
// (clustered), identical tiles stored once and consecutive identical tiles as one run.

#include "stationmap/core/error.hpp"
#include "stationmap/core/file_io.hpp"
#include "stationmap/tiles/archive.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <optional>
#include <unistd.h>
#include <unordered_map>

namespace stationmap::tiles {
namespace {

constexpr std::size_t header_size = 127;
constexpr std::size_t root_budget = 16384 - header_size;
constexpr std::uint8_t compression_gzip = 2;
constexpr std::uint8_t tile_type_mvt = 1;

void rotate(std::uint64_t n, std::uint64_t& x, std::uint64_t& y, std::uint64_t rx, std::uint64_t ry) {
  if (ry == 0) {
    if (rx == 1) {
      x = n - 1 - x;
      y = n - 1 - y;
    }
    std::swap(x, y);
  }
}

void put_varint(std::string& out, std::uint64_t v) {
  while (v >= 0x80) {
    out.push_back(static_cast<char>((v & 0x7FU) | 0x80U));
    v >>= 7U;
  }
  out.push_back(static_cast<char>(v));
}

std::uint64_t get_varint(std::string_view bytes, std::size_t& pos) {
  std::uint64_t v = 0;
  for (unsigned shift = 0; shift < 64; shift += 7) {
    if (pos >= bytes.size()) {
      throw FormatError("PMTiles: directory ends inside a varint");
    }
    const auto b = static_cast<unsigned char>(bytes[pos++]);
    v |= static_cast<std::uint64_t>(b & 0x7FU) << shift;
    if ((b & 0x80U) == 0) {
      return v;
    }
  }
  throw FormatError("PMTiles: varint too long");
}

template <typename T> void put_le(std::string& out, std::size_t at, T v) {
  auto u = static_cast<std::make_unsigned_t<T>>(v);
  for (std::size_t i = 0; i < sizeof(T); ++i) {
    out[at + i] = static_cast<char>(u & 0xFFU);
    u = static_cast<decltype(u)>(u >> 8U);
  }
}

template <typename T> T get_le(std::string_view in, std::size_t at) {
  std::make_unsigned_t<T> u = 0;
  for (std::size_t i = sizeof(T); i-- > 0;) {
    u = static_cast<decltype(u)>((u << 8U) | static_cast<unsigned char>(in[at + i]));
  }
  return static_cast<T>(u);
}

std::int32_t e7(double deg) {
  return static_cast<std::int32_t>(std::llround(deg * 1e7));
}

std::string encode_header(const PmtilesHeader& h) {
  std::string out(header_size, '\0');
  out.replace(0, 7, "PMTiles");
  out[7] = 3;
  const std::uint64_t words[] = {h.root_offset,     h.root_length,  h.metadata_offset, h.metadata_length,
                                 h.leaf_offset,     h.leaf_length,  h.data_offset,     h.data_length,
                                 h.addressed_tiles, h.tile_entries, h.tile_contents};
  for (std::size_t i = 0; i < std::size(words); ++i) {
    put_le(out, 8 + 8 * i, words[i]);
  }
  out[96] = static_cast<char>(h.clustered ? 1 : 0);
  out[97] = static_cast<char>(h.internal_compression);
  out[98] = static_cast<char>(h.tile_compression);
  out[99] = static_cast<char>(h.tile_type);
  out[100] = static_cast<char>(h.min_zoom);
  out[101] = static_cast<char>(h.max_zoom);
  put_le(out, 102, h.min_lon_e7);
  put_le(out, 106, h.min_lat_e7);
  put_le(out, 110, h.max_lon_e7);
  put_le(out, 114, h.max_lat_e7);
  out[118] = static_cast<char>(h.center_zoom);
  put_le(out, 119, h.center_lon_e7);
  put_le(out, 123, h.center_lat_e7);
  return out;
}

PmtilesHeader decode_header(std::string_view in) {
  if (in.size() < header_size || in.substr(0, 7) != "PMTiles" || in[7] != 3) {
    throw FormatError("not a PMTiles v3 file");
  }
  PmtilesHeader h;
  std::uint64_t* words[] = {&h.root_offset,     &h.root_length,  &h.metadata_offset, &h.metadata_length,
                            &h.leaf_offset,     &h.leaf_length,  &h.data_offset,     &h.data_length,
                            &h.addressed_tiles, &h.tile_entries, &h.tile_contents};
  for (std::size_t i = 0; i < std::size(words); ++i) {
    *words[i] = get_le<std::uint64_t>(in, 8 + 8 * i);
  }
  h.clustered = in[96] == 1;
  h.internal_compression = static_cast<std::uint8_t>(in[97]);
  h.tile_compression = static_cast<std::uint8_t>(in[98]);
  h.tile_type = static_cast<std::uint8_t>(in[99]);
  h.min_zoom = static_cast<std::uint8_t>(in[100]);
  h.max_zoom = static_cast<std::uint8_t>(in[101]);
  h.min_lon_e7 = get_le<std::int32_t>(in, 102);
  h.min_lat_e7 = get_le<std::int32_t>(in, 106);
  h.max_lon_e7 = get_le<std::int32_t>(in, 110);
  h.max_lat_e7 = get_le<std::int32_t>(in, 114);
  h.center_zoom = static_cast<std::uint8_t>(in[118]);
  h.center_lon_e7 = get_le<std::int32_t>(in, 119);
  h.center_lat_e7 = get_le<std::int32_t>(in, 123);
  return h;
}

std::string pmtiles_metadata(const TileSet& set) {
  nlohmann::ordered_json m;
  m["name"] = set.options.name;
  m["format"] = "pbf";
  m["type"] = "overlay";
  m["description"] = set.options.description;
  m["attribution"] = set.options.attribution;
  m["version"] = set.options.version;
  m["generator"] = "stationmap";
  m["vector_layers"] = nlohmann::ordered_json::parse(vector_layers_json(set));
  return m.dump();
}

} // namespace

std::uint64_t zxy_to_tile_id(std::uint8_t z, std::uint32_t x, std::uint32_t y) {
  if (z > 31) {
    throw Error("PMTiles: zoom " + std::to_string(z) + " past 31");
  }
  const std::uint64_t n = std::uint64_t{1} << z;
  if (x >= n || y >= n) {
    throw Error("PMTiles: tile " + std::to_string(z) + "/" + std::to_string(x) + "/" + std::to_string(y) +
                " outside its zoom");
  }
  std::uint64_t acc = ((std::uint64_t{1} << (2U * z)) - 1) / 3; // tiles of the zooms below
  std::uint64_t tx = x;
  std::uint64_t ty = y;
  std::uint64_t d = 0;
  for (std::uint64_t s = n / 2; s > 0; s /= 2) {
    const std::uint64_t rx = (tx & s) != 0 ? 1 : 0;
    const std::uint64_t ry = (ty & s) != 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    rotate(n, tx, ty, rx, ry);
  }
  return acc + d;
}

TileKey tile_id_to_zxy(std::uint64_t id) {
  std::uint64_t acc = 0;
  for (std::uint8_t z = 0; z < 32; ++z) {
    const std::uint64_t count = std::uint64_t{1} << (2U * z);
    if (id < acc + count) {
      std::uint64_t t = id - acc;
      std::uint64_t x = 0;
      std::uint64_t y = 0;
      const std::uint64_t n = std::uint64_t{1} << z;
      for (std::uint64_t s = 1; s < n; s *= 2) {
        const std::uint64_t rx = 1 & (t / 2);
        const std::uint64_t ry = 1 & (t ^ rx);
        rotate(s, x, y, rx, ry);
        x += s * rx;
        y += s * ry;
        t /= 4;
      }
      return {z, static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(y)};
    }
    acc += count;
  }
  throw Error("PMTiles: tile id " + std::to_string(id) + " past zoom 31");
}

std::string serialize_directory(const std::vector<PmtilesEntry>& entries) {
  std::string out;
  put_varint(out, entries.size());
  std::uint64_t last = 0;
  for (const auto& e : entries) {
    put_varint(out, e.tile_id - last);
    last = e.tile_id;
  }
  for (const auto& e : entries) {
    put_varint(out, e.run_length);
  }
  for (const auto& e : entries) {
    put_varint(out, e.length);
  }
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const bool follows = i > 0 && entries[i].offset == entries[i - 1].offset + entries[i - 1].length;
    put_varint(out, follows ? 0 : entries[i].offset + 1);
  }
  return out;
}

std::vector<PmtilesEntry> deserialize_directory(std::string_view bytes) {
  std::size_t pos = 0;
  const std::uint64_t n = get_varint(bytes, pos);
  if (n > bytes.size()) {
    throw FormatError("PMTiles: directory claims more entries than it has bytes");
  }
  std::vector<PmtilesEntry> entries(n);
  std::uint64_t last = 0;
  for (auto& e : entries) {
    last += get_varint(bytes, pos);
    e.tile_id = last;
  }
  for (auto& e : entries) {
    e.run_length = static_cast<std::uint32_t>(get_varint(bytes, pos));
  }
  for (auto& e : entries) {
    e.length = static_cast<std::uint32_t>(get_varint(bytes, pos));
  }
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const std::uint64_t v = get_varint(bytes, pos);
    if (v == 0) {
      if (i == 0) {
        throw FormatError("PMTiles: first directory entry has no offset");
      }
      entries[i].offset = entries[i - 1].offset + entries[i - 1].length;
    } else {
      entries[i].offset = v - 1;
    }
  }
  return entries;
}

/// A tile as added: its id and where its bytes lie in the scratch file.
struct ScratchTile {
  std::uint64_t tile_id = 0;
  std::uint64_t offset = 0;
  std::uint32_t length = 0;
};

struct PmtilesWriter::Impl {
  explicit Impl(std::filesystem::path final_path)
      : path(std::move(final_path)), scratch_path(path.string() + ".tiles.tmp-" + std::to_string(::getpid())),
        scratch(std::fopen(scratch_path.c_str(), "w+b")) {
    if (scratch == nullptr) {
      throw IoError(scratch_path.string(), "cannot create the PMTiles scratch file");
    }
  }
  ~Impl() {
    std::fclose(scratch);
    std::error_code ec;
    std::filesystem::remove(scratch_path, ec);
  }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  [[nodiscard]] std::string read(std::uint64_t offset, std::uint32_t length) const {
    std::string bytes(length, '\0');
    if (::pread(::fileno(scratch), bytes.data(), length, static_cast<off_t>(offset)) != static_cast<ssize_t>(length)) {
      throw IoError(scratch_path.string(), "cannot read back the PMTiles scratch file");
    }
    return bytes;
  }

  std::filesystem::path path;
  std::filesystem::path scratch_path;
  std::FILE* scratch;
  std::uint64_t scratch_size = 0;
  std::vector<ScratchTile> tiles;
};

PmtilesWriter::PmtilesWriter(std::filesystem::path path) : m_impl(std::make_unique<Impl>(std::move(path))) {}

PmtilesWriter::~PmtilesWriter() = default;

void PmtilesWriter::add(const TileKey& key, const std::string& gzipped) {
  if (std::fwrite(gzipped.data(), 1, gzipped.size(), m_impl->scratch) != gzipped.size()) {
    throw IoError(m_impl->scratch_path.string(), "cannot write the PMTiles scratch file");
  }
  m_impl->tiles.push_back(
      {zxy_to_tile_id(key.z, key.x, key.y), m_impl->scratch_size, static_cast<std::uint32_t>(gzipped.size())});
  m_impl->scratch_size += gzipped.size();
}

void PmtilesWriter::commit(const TileSet& set) {
  Impl& impl = *m_impl;
  if (std::fflush(impl.scratch) != 0) {
    throw IoError(impl.scratch_path.string(), "cannot write the PMTiles scratch file");
  }
  // Tiles in tile id order; identical contents stored once (found by hash, confirmed byte for byte);
  // consecutive identical ids as runs.
  std::sort(impl.tiles.begin(), impl.tiles.end(),
            [](const ScratchTile& a, const ScratchTile& b) { return a.tile_id < b.tile_id; });
  std::vector<const ScratchTile*> unique;                    // in data order
  std::vector<std::uint64_t> unique_offsets;                 // their offsets in the data section
  std::unordered_multimap<std::size_t, std::size_t> by_hash; // content hash -> index into unique
  std::vector<PmtilesEntry> entries;
  std::uint64_t data_length = 0;
  for (const ScratchTile& t : impl.tiles) {
    const std::string bytes = impl.read(t.offset, t.length);
    const std::size_t hash = std::hash<std::string>{}(bytes);
    std::optional<std::size_t> same;
    for (auto [it, last] = by_hash.equal_range(hash); it != last && !same; ++it) {
      if (unique[it->second]->length == t.length && impl.read(unique[it->second]->offset, t.length) == bytes) {
        same = it->second;
      }
    }
    if (!same) {
      same = unique.size();
      by_hash.emplace(hash, unique.size());
      unique.push_back(&t);
      unique_offsets.push_back(data_length);
      data_length += t.length;
    }
    const std::uint64_t offset = unique_offsets[*same];
    if (!entries.empty() && entries.back().offset == offset &&
        entries.back().tile_id + entries.back().run_length == t.tile_id) {
      ++entries.back().run_length;
    } else {
      entries.push_back({t.tile_id, offset, t.length, 1});
    }
  }

  // Root directory alone when it fits in the first 16 KiB, else leaves of growing size.
  std::string root = gzip_compress(serialize_directory(entries));
  std::string leaves;
  for (std::size_t leaf_size = 4096; root.size() > root_budget; leaf_size *= 2) {
    leaves.clear();
    std::vector<PmtilesEntry> root_entries;
    for (std::size_t i = 0; i < entries.size(); i += leaf_size) {
      const std::vector<PmtilesEntry> chunk(entries.begin() + static_cast<std::ptrdiff_t>(i),
                                            entries.begin() +
                                                static_cast<std::ptrdiff_t>(std::min(entries.size(), i + leaf_size)));
      const std::string leaf = gzip_compress(serialize_directory(chunk));
      root_entries.push_back({chunk.front().tile_id, leaves.size(), static_cast<std::uint32_t>(leaf.size()), 0});
      leaves += leaf;
    }
    root = gzip_compress(serialize_directory(root_entries));
  }
  const std::string metadata = gzip_compress(pmtiles_metadata(set));

  PmtilesHeader h;
  h.root_offset = header_size;
  h.root_length = root.size();
  h.metadata_offset = h.root_offset + h.root_length;
  h.metadata_length = metadata.size();
  h.leaf_offset = h.metadata_offset + h.metadata_length;
  h.leaf_length = leaves.size();
  h.data_offset = h.leaf_offset + h.leaf_length;
  h.data_length = data_length;
  h.addressed_tiles = impl.tiles.size();
  h.tile_entries = entries.size();
  h.tile_contents = unique.size();
  h.clustered = true;
  h.internal_compression = compression_gzip;
  h.tile_compression = compression_gzip;
  h.tile_type = tile_type_mvt;
  h.min_zoom = static_cast<std::uint8_t>(set.minzoom);
  h.max_zoom = static_cast<std::uint8_t>(set.maxzoom);
  h.min_lon_e7 = e7(set.bounds[0]);
  h.min_lat_e7 = e7(set.bounds[1]);
  h.max_lon_e7 = e7(set.bounds[2]);
  h.max_lat_e7 = e7(set.bounds[3]);
  h.center_lon_e7 = e7(set.center[0]);
  h.center_lat_e7 = e7(set.center[1]);
  h.center_zoom = static_cast<std::uint8_t>(set.center[2]);
  AtomicFile out(impl.path);
  out.write(encode_header(h) + root + metadata + leaves);
  for (const ScratchTile* t : unique) {
    out.write(impl.read(t->offset, t->length));
  }
  out.commit();
}

void write_pmtiles(const TileSet& set, const std::filesystem::path& path) {
  PmtilesWriter writer(path);
  for (const auto& [key, bytes] : set.tiles) {
    writer.add(key, stored_tile(set, bytes));
  }
  writer.commit(set);
}

PmtilesReader::PmtilesReader(const std::filesystem::path& path) : m_file(path) {
  const auto bytes = m_file.bytes();
  m_header = decode_header(bytes);
  const auto& h = m_header;
  if (h.root_offset + h.root_length > bytes.size() || h.metadata_offset + h.metadata_length > bytes.size() ||
      h.leaf_offset + h.leaf_length > bytes.size() || h.data_offset + h.data_length > bytes.size()) {
    throw FormatError(path.string() + ": PMTiles sections run past the end of the file");
  }
  if (h.internal_compression != 1 && h.internal_compression != compression_gzip) {
    throw FormatError(path.string() + ": PMTiles internal compression " + std::to_string(h.internal_compression) +
                      " is not supported (none or gzip)");
  }
  m_root = directory(h.root_offset, h.root_length);
}

std::vector<PmtilesEntry> PmtilesReader::directory(std::uint64_t offset, std::uint64_t length) const {
  const auto raw = m_file.bytes().substr(offset, length);
  return deserialize_directory(m_header.internal_compression == compression_gzip ? gzip_decompress(raw)
                                                                                 : std::string(raw));
}

std::string PmtilesReader::metadata_json() const {
  const auto raw = m_file.bytes().substr(m_header.metadata_offset, m_header.metadata_length);
  return m_header.internal_compression == compression_gzip ? gzip_decompress(raw) : std::string(raw);
}

std::optional<StoredTile> PmtilesReader::tile(std::uint8_t z, std::uint32_t x, std::uint32_t y) const {
  if (z > 31 || x >= (std::uint64_t{1} << z) || y >= (std::uint64_t{1} << z)) {
    return std::nullopt;
  }
  const std::uint64_t id = zxy_to_tile_id(z, x, y);
  std::vector<PmtilesEntry> dir = m_root;
  for (int depth = 0; depth < 4; ++depth) {
    auto it = std::upper_bound(dir.begin(), dir.end(), id,
                               [](std::uint64_t v, const PmtilesEntry& e) { return v < e.tile_id; });
    if (it == dir.begin()) {
      return std::nullopt;
    }
    const PmtilesEntry e = *std::prev(it);
    if (e.run_length == 0) {
      dir = directory(m_header.leaf_offset + e.offset, e.length);
      continue;
    }
    if (id >= e.tile_id + e.run_length) {
      return std::nullopt;
    }
    return StoredTile{std::string(m_file.bytes().substr(m_header.data_offset + e.offset, e.length)),
                      m_header.tile_compression == compression_gzip};
  }
  return std::nullopt;
}

std::vector<PmtilesEntry> PmtilesReader::entries() const {
  std::vector<PmtilesEntry> out;
  for (const auto& e : m_root) {
    if (e.run_length == 0) {
      auto leaf = directory(m_header.leaf_offset + e.offset, e.length);
      out.insert(out.end(), leaf.begin(), leaf.end());
    } else {
      out.push_back(e);
    }
  }
  return out;
}

std::unique_ptr<TileArchive> open_tile_archive(const std::filesystem::path& outdir) {
  if (std::filesystem::exists(outdir / "tiles.pmtiles")) {
    return std::make_unique<PmtilesReader>(outdir / "tiles.pmtiles");
  }
  if (std::filesystem::exists(outdir / "tiles.mbtiles")) {
    return std::make_unique<MbtilesReader>(outdir / "tiles.mbtiles");
  }
  return nullptr;
}

} // namespace stationmap::tiles
