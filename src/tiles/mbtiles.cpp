// MBTiles 1.3 (SQLite): metadata with the json vector_layers, tiles as gzip-compressed pbf with TMS rows
// (row = 2^z - 1 - y). Written to a temporary file and renamed, in one transaction, in a fixed order, so
// the same tiles give the same bytes.

#include "stationmap/core/error.hpp"
#include "stationmap/tiles/archive.hpp"

#include <iomanip>
#include <optional>
#include <sqlite3.h>
#include <sstream>
#include <unistd.h>
#include <utility>

namespace stationmap::tiles {
namespace {

class Db {
public:
  Db(const std::filesystem::path& path, int flags) {
    if (sqlite3_open_v2(path.c_str(), &m_db, flags, nullptr) != SQLITE_OK) {
      const std::string msg = m_db != nullptr ? sqlite3_errmsg(m_db) : "cannot open";
      sqlite3_close(m_db);
      m_db = nullptr;
      throw IoError(path.string(), "SQLite: " + msg);
    }
    m_path = path.string();
  }
  ~Db() { sqlite3_close(m_db); }
  Db(const Db&) = delete;
  Db& operator=(const Db&) = delete;
  void exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      const std::string msg = err != nullptr ? err : "error";
      sqlite3_free(err);
      throw LibraryError(m_path + ": SQLite: " + msg);
    }
  }
  sqlite3_stmt* prepare(const char* sql) {
    sqlite3_stmt* st = nullptr;
    if (sqlite3_prepare_v2(m_db, sql, -1, &st, nullptr) != SQLITE_OK) {
      throw LibraryError(m_path + ": SQLite: " + sqlite3_errmsg(m_db));
    }
    return st;
  }
  void step_done(sqlite3_stmt* st) {
    if (sqlite3_step(st) != SQLITE_DONE) {
      throw LibraryError(m_path + ": SQLite: " + sqlite3_errmsg(m_db));
    }
    sqlite3_reset(st);
    sqlite3_clear_bindings(st);
  }
  [[nodiscard]] sqlite3* handle() const { return m_db; }

private:
  sqlite3* m_db = nullptr;
  std::string m_path;
};

struct Stmt {
  sqlite3_stmt* st;
  explicit Stmt(sqlite3_stmt* statement) : st(statement) {}
  ~Stmt() { sqlite3_finalize(st); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  Stmt(Stmt&& other) noexcept : st(std::exchange(other.st, nullptr)) {}
  Stmt& operator=(Stmt&&) = delete;
};

std::string fixed(double v) {
  std::ostringstream s;
  s.imbue(std::locale::classic());
  s << std::fixed << std::setprecision(6) << v;
  return s.str();
}

} // namespace

struct MbtilesWriter::Impl {
  explicit Impl(const std::filesystem::path& tmp) : db(tmp, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE) {}
  Db db;
  std::optional<Stmt> insert;
};

MbtilesWriter::MbtilesWriter(const TileSet& plan, std::filesystem::path path)
    : m_path(std::move(path)), m_tmp(m_path.string() + ".tmp-" + std::to_string(::getpid())) {
  std::error_code ec;
  std::filesystem::remove(m_tmp, ec);
  m_impl = std::make_unique<Impl>(m_tmp);
  Db& db = m_impl->db;
  db.exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=4096;"
          "CREATE TABLE metadata (name TEXT, value TEXT);"
          "CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);"
          "BEGIN;");
  const std::vector<std::pair<std::string, std::string>> metadata{
      {"name", plan.options.name},
      {"format", "pbf"},
      {"type", "overlay"},
      {"version", plan.options.version},
      {"description", plan.options.description},
      {"attribution", plan.options.attribution},
      {"minzoom", std::to_string(plan.minzoom)},
      {"maxzoom", std::to_string(plan.maxzoom)},
      {"bounds",
       fixed(plan.bounds[0]) + "," + fixed(plan.bounds[1]) + "," + fixed(plan.bounds[2]) + "," + fixed(plan.bounds[3])},
      {"center",
       fixed(plan.center[0]) + "," + fixed(plan.center[1]) + "," + std::to_string(static_cast<int>(plan.center[2]))},
      {"json", "{\"vector_layers\":" + vector_layers_json(plan) + "}"},
      {"generator", "stationmap"},
  };
  Stmt meta{db.prepare("INSERT INTO metadata (name, value) VALUES (?, ?)")};
  for (const auto& [k, v] : metadata) {
    sqlite3_bind_text(meta.st, 1, k.data(), static_cast<int>(k.size()), SQLITE_TRANSIENT);
    sqlite3_bind_text(meta.st, 2, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
    db.step_done(meta.st);
  }
  m_impl->insert.emplace(
      db.prepare("INSERT INTO tiles (zoom_level, tile_column, tile_row, tile_data) VALUES (?, ?, ?, ?)"));
}

MbtilesWriter::~MbtilesWriter() {
  if (m_impl) {
    m_impl.reset();
    std::error_code ec;
    std::filesystem::remove(m_tmp, ec);
  }
}

void MbtilesWriter::add(const TileKey& key, const std::string& gzipped) {
  const std::uint64_t n = std::uint64_t{1} << key.z;
  if (key.x >= n || key.y >= n) {
    throw Error("mbtiles: tile address " + std::to_string(key.z) + "/" + std::to_string(key.x) + "/" +
                std::to_string(key.y) + " outside its zoom");
  }
  sqlite3_stmt* ins = m_impl->insert->st;
  sqlite3_bind_int(ins, 1, key.z);
  sqlite3_bind_int64(ins, 2, key.x);
  sqlite3_bind_int64(ins, 3, static_cast<sqlite3_int64>(n - 1 - key.y));
  sqlite3_bind_blob(ins, 4, gzipped.data(), static_cast<int>(gzipped.size()), SQLITE_TRANSIENT);
  m_impl->db.step_done(ins);
}

void MbtilesWriter::commit() {
  m_impl->insert.reset();
  m_impl->db.exec("COMMIT;"
                  "CREATE UNIQUE INDEX name ON metadata (name);"
                  "CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);");
  m_impl.reset(); // closes the database
  std::filesystem::rename(m_tmp, m_path);
}

void write_mbtiles(const TileSet& set, const std::filesystem::path& path) {
  MbtilesWriter writer(set, path);
  for (const auto& [key, bytes] : set.tiles) {
    writer.add(key, stored_tile(set, bytes));
  }
  writer.commit();
}

struct MbtilesReader::Impl {
  explicit Impl(const std::filesystem::path& path)
      : db(path, SQLITE_OPEN_READONLY | SQLITE_OPEN_FULLMUTEX),
        tile{db.prepare("SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?")} {}
  Db db;
  Stmt tile;
  std::mutex mutex;
};

MbtilesReader::MbtilesReader(const std::filesystem::path& path) : m_impl(std::make_unique<Impl>(path)) {
  const auto meta = metadata();
  try {
    m_minzoom = meta.count("minzoom") != 0 ? std::stoi(meta.at("minzoom")) : 0;
    m_maxzoom = meta.count("maxzoom") != 0 ? std::stoi(meta.at("maxzoom")) : 14;
  } catch (const std::exception&) {
    throw FormatError(path.string() + ": MBTiles minzoom/maxzoom are not numbers");
  }
}

MbtilesReader::~MbtilesReader() = default;

std::map<std::string, std::string> MbtilesReader::metadata() const {
  std::lock_guard lock(m_impl->mutex);
  Stmt st{m_impl->db.prepare("SELECT name, value FROM metadata")};
  std::map<std::string, std::string> out;
  while (sqlite3_step(st.st) == SQLITE_ROW) {
    const auto* k = sqlite3_column_text(st.st, 0);
    const auto* v = sqlite3_column_text(st.st, 1);
    out[k != nullptr ? reinterpret_cast<const char*>(k) : ""] = v != nullptr ? reinterpret_cast<const char*>(v) : "";
  }
  return out;
}

std::vector<TileKey> MbtilesReader::addresses() const {
  std::lock_guard lock(m_impl->mutex);
  Stmt st{m_impl->db.prepare("SELECT zoom_level, tile_column, tile_row FROM tiles ORDER BY 1, 2, 3")};
  std::vector<TileKey> out;
  while (sqlite3_step(st.st) == SQLITE_ROW) {
    const auto z = sqlite3_column_int64(st.st, 0);
    const auto x = sqlite3_column_int64(st.st, 1);
    const auto row = sqlite3_column_int64(st.st, 2);
    if (z < 0 || z > 31) {
      throw FormatError("MBTiles: zoom_level " + std::to_string(z) + " out of range");
    }
    const std::int64_t n = std::int64_t{1} << z;
    if (x < 0 || x >= n || row < 0 || row >= n) {
      throw FormatError("MBTiles: tile " + std::to_string(z) + "/" + std::to_string(x) + "/" + std::to_string(row) +
                        " (TMS) outside its zoom");
    }
    out.push_back(
        {static_cast<std::uint8_t>(z), static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(n - 1 - row)});
  }
  return out;
}

std::optional<StoredTile> MbtilesReader::tile(std::uint8_t z, std::uint32_t x, std::uint32_t y) const {
  if (z > 31 || x >= (std::uint64_t{1} << z) || y >= (std::uint64_t{1} << z)) {
    return std::nullopt;
  }
  std::lock_guard lock(m_impl->mutex);
  sqlite3_stmt* st = m_impl->tile.st;
  sqlite3_bind_int(st, 1, z);
  sqlite3_bind_int64(st, 2, x);
  sqlite3_bind_int64(st, 3, static_cast<sqlite3_int64>((std::uint64_t{1} << z) - 1 - y));
  std::optional<StoredTile> out;
  if (sqlite3_step(st) == SQLITE_ROW) {
    const auto* blob = static_cast<const char*>(sqlite3_column_blob(st, 0));
    const auto size = static_cast<std::size_t>(sqlite3_column_bytes(st, 0));
    std::string data(blob != nullptr ? blob : "", size);
    const bool gz =
        size >= 2 && static_cast<unsigned char>(data[0]) == 0x1F && static_cast<unsigned char>(data[1]) == 0x8B;
    out = StoredTile{std::move(data), gz};
  }
  sqlite3_reset(st);
  return out;
}

} // namespace stationmap::tiles
