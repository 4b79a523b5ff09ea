// The claims cache of `stationmap build` (claims_cache.hpp).

#include "claims_cache.hpp"

#include "claims_binary.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/core/outdir.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>
#include <tuple>

namespace stationmap::detail {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view cache_file_name = "claims.bin";
/// What caches of earlier stationmap versions were called: replaced by claims.bin at the next commit.
constexpr std::string_view old_cache_file_name = "claims.jsonl";
constexpr std::string_view magic = "SMCLAIMS";
/// The layout of claims.bin and of its records (claims_binary.hpp); another version's file is not read.
/// 2: the checksum mixes four lanes.
constexpr std::uint32_t cache_format = 2;
/// Written as a number: a file from a machine of the other byte order reads differently and is not used.
constexpr std::uint32_t byte_order_mark = 0x01020304;
/// Bytes of an entry's frame before its payload: the payload length and checksum.
constexpr std::size_t frame_bytes = sizeof(std::uint32_t) + sizeof(std::uint64_t);

/// A 64-bit checksum of @p bytes: catches a damaged entry (a cut or flipped bytes), not an adversary (the cache is
/// the user's own folder). Four lanes take eight bytes each in turn, so that the processor mixes them at once
/// (a single chain waited on each multiplication): a rebuild checks every entry it reads.
std::uint64_t checksum(std::string_view bytes) {
  constexpr std::uint64_t multiplier = 0xff51afd7ed558ccdULL;
  const auto mix = [](std::uint64_t h, std::uint64_t word) { // a bijection of h for each word
    h = (h ^ word) * multiplier;
    return h ^ (h >> 32U);
  };
  std::array<std::uint64_t, 4> lanes = {0x9e3779b97f4a7c15ULL ^ bytes.size(), 0xc2b2ae3d27d4eb4fULL,
                                        0x165667b19e3779f9ULL, 0x27d4eb2f165667c5ULL};
  constexpr std::size_t block = sizeof(std::uint64_t) * 4;
  for (; bytes.size() >= block; bytes.remove_prefix(block)) {
    for (std::size_t i = 0; i < lanes.size(); ++i) {
      lanes[i] = mix(lanes[i], plain_of<std::uint64_t>(bytes.substr(i * sizeof(std::uint64_t))));
    }
  }
  std::uint64_t h = lanes[0];
  while (!bytes.empty()) {
    std::uint64_t word = 0;
    const std::size_t n = std::min(bytes.size(), sizeof word);
    std::memcpy(&word, bytes.data(), n);
    bytes.remove_prefix(n);
    h = mix(h, word);
  }
  for (std::size_t i = 1; i < lanes.size(); ++i) {
    h = mix(h, lanes[i]);
  }
  return h;
}

std::string header(std::string_view pipeline) {
  std::string out(magic);
  append_plain(out, cache_format);
  append_plain(out, byte_order_mark);
  append_string(out, pipeline);
  return out;
}

/// The content hash an entry's payload starts with.
std::string_view hash_of(std::string_view payload) {
  return ByteCursor(payload).take_string();
}

/// The key an entry is indexed by: collisions are told apart by the content hash in the entry.
std::uint64_t hash_key(std::string_view content_hash) {
  return std::hash<std::string_view>{}(content_hash);
}

/// Reads a file front to back through a window of a few MiB: the file is never held whole.
class FileCursor {
public:
  explicit FileCursor(const PositionalFile& file) : m_file(file) {}

  /// The next @p size bytes, valid until the next take. Throws FormatError when the file ends first.
  std::string_view take(std::size_t size) {
    if (m_window.size() - m_at < size) {
      m_start += m_at;
      m_file.read_into(m_start, std::max(size, window_bytes), m_window);
      m_at = 0;
    }
    if (m_window.size() - m_at < size) {
      throw FormatError("cut short: " + std::to_string(size) + " bytes wanted, " +
                        std::to_string(m_window.size() - m_at) + " left");
    }
    const std::string_view out = std::string_view(m_window).substr(m_at, size);
    m_at += size;
    return out;
  }
  template <Plain T> T take_plain() { return plain_of<T>(take(sizeof(T))); }
  std::string_view take_string() { return take(take_plain<std::uint32_t>()); }

  [[nodiscard]] std::uint64_t offset() const { return m_start + m_at; }
  [[nodiscard]] bool at_end() const { return offset() >= m_file.size(); }

private:
  static constexpr std::size_t window_bytes = 4U << 20U;
  const PositionalFile& m_file;
  std::string m_window;
  std::uint64_t m_start = 0; ///< file offset of the window
  std::size_t m_at = 0;      ///< read position in the window
};

} // namespace

ClaimsCache::ClaimsCache(fs::path dir, std::string pipeline, const std::vector<fs::path>& inputs, Warn warn)
    : m_dir(std::move(dir)), m_pipeline(std::move(pipeline)), m_warn(std::move(warn)) {
  check_outdir(m_dir, inputs);
  fs::create_directories(m_dir);
  if (!is_stationmap_outdir(m_dir)) {
    write_outdir_marker(m_dir);
  }
  const fs::path file = m_dir / cache_file_name;
  std::error_code ec;
  if (fs::is_regular_file(file, ec) && fs::file_size(file, ec) > 0) {
    load(file);
  }
  m_new = std::make_unique<AtomicFile>(file);
  m_new->write(header(m_pipeline));
}

void ClaimsCache::load(const fs::path& file) {
  m_old.emplace(file);
  FileCursor in(*m_old);
  try {
    if (in.take(magic.size()) != magic) {
      throw FormatError("it does not start as a claims cache");
    }
    if (in.take_plain<std::uint32_t>() != cache_format || in.take_plain<std::uint32_t>() != byte_order_mark ||
        in.take_string() != m_pipeline) {
      m_old.reset();
      return; // another stationmap's cache: every document is extracted again, as after any upgrade
    }
  } catch (const FormatError& e) {
    m_old.reset();
    warn("the claims cache " + file.string() + " is not a cache this program can read (" + e.what() +
         "); every document is extracted again");
    return;
  }
  while (!in.at_end()) {
    const std::uint64_t offset = in.offset();
    try {
      const auto size = in.take_plain<std::uint32_t>();
      in.take_plain<std::uint64_t>(); // the checksum: checked when the entry is read (read_entry()), once
      const std::string_view payload = in.take(size);
      m_entries.push_back({hash_key(hash_of(payload)), offset, frame_bytes + size});
    } catch (const FormatError& e) {
      warn("the claims cache " + file.string() + " is cut short after " + std::to_string(m_entries.size()) +
           " documents (" + e.what() + "); the documents after them are extracted again");
      break;
    }
  }
  // Whole as far as its frames go: a damaged entry is found when read, and is then not kept, so the file is
  // written anew (commit() appends only when every entry was kept, each read intact).
  m_old_whole = in.at_end();
  m_by_key.reserve(m_entries.size());
  for (std::size_t slot = 0; slot < m_entries.size(); ++slot) {
    m_by_key.push_back({m_entries[slot].key, slot});
  }
  std::sort(m_by_key.begin(), m_by_key.end(),
            [](const Keyed& x, const Keyed& y) { return std::tie(x.key, x.slot) < std::tie(y.key, y.slot); });
  m_kept.assign(m_entries.size(), false);
}

void ClaimsCache::warn(const std::string& message) const {
  const std::lock_guard lock(m_warn_mutex);
  if (m_warn) {
    m_warn(message);
  }
}

std::optional<CachedClaims> ClaimsCache::find(const std::string& content_hash, ClaimMerger* merger) const {
  const std::optional<Entry> entry = locate(content_hash);
  return entry ? read(*entry, merger) : std::nullopt;
}

std::optional<ClaimsCache::Entry> ClaimsCache::locate(const std::string& content_hash) const {
  const std::uint64_t key = hash_key(content_hash);
  std::optional<Entry> found;
  // Documents come mostly in the order the file holds them: the entry after the last one found is tried first
  // (no search through the index, whose lookups miss the processor's caches).
  const std::size_t next = m_after_last_found.load(std::memory_order_relaxed);
  const bool tried = next < m_entries.size() && m_entries[next].key == key;
  if (tried) {
    found = read_entry(next, content_hash);
  }
  if (!found) {
    const auto [first, last] = std::equal_range(m_by_key.begin(), m_by_key.end(), Keyed{key, 0},
                                                [](const Keyed& x, const Keyed& y) { return x.key < y.key; });
    for (auto it = first; it != last && !found; ++it) {
      if (!(tried && it->slot == next)) {
        found = read_entry(it->slot, content_hash);
      }
    }
  }
  if (found) {
    m_after_last_found.store(found->slot + 1, std::memory_order_relaxed);
  }
  return found;
}

std::optional<CachedClaims> ClaimsCache::read(const Entry& entry, ClaimMerger* merger) const {
  ByteCursor payload(entry.bytes.substr(frame_bytes));
  try {
    payload.take_string(); // the content hash
    const std::string_view bytes = payload.take(payload.left());
    CachedClaims found{{}, entry.slot};
    if (merger != nullptr) {
      merger->with_shared_values([&](SharedValues& values) { found.record = decode_record(bytes, values); });
    } else {
      found.record = decode_record(bytes);
    }
    return found;
  } catch (const FormatError& e) {
    warn("the claims cache " + (m_dir / cache_file_name).string() + " has an unreadable entry (" + e.what() +
         "); its document is extracted again");
  }
  return std::nullopt;
}

ClaimsCache::EntryBytes ClaimsCache::bytes_at(const Located& at) const {
  const std::lock_guard lock(m_window_mutex);
  if (!m_window || at.offset < m_window_start || at.offset + at.size > m_window_start + m_window->size()) {
    replace_window();
    m_old->read_into(at.offset, std::max<std::size_t>(at.size, entry_window_bytes), *m_window);
    m_window_start = at.offset;
  }
  // Shorter than asked for when the file was cut since it was indexed.
  return {m_window, std::string_view(*m_window).substr(at.offset - m_window_start, at.size)};
}

void ClaimsCache::replace_window() const {
  if (m_window) {
    m_spare_windows.push_back(std::move(m_window));
  }
  // Held only here and by the entries viewed through it: when only here, no entry can come to hold it meanwhile
  // (entries are handed out under m_window_mutex).
  const auto spare = std::find_if(m_spare_windows.begin(), m_spare_windows.end(),
                                  [](const std::shared_ptr<std::string>& w) { return w.use_count() == 1; });
  if (spare != m_spare_windows.end()) {
    m_window = std::move(*spare);
    m_spare_windows.erase(spare);
  } else {
    m_window = std::make_shared<std::string>();
  }
  if (m_spare_windows.size() > spare_windows) {
    m_spare_windows.erase(m_spare_windows.begin()); // the oldest goes once its last entry does
  }
}

std::optional<ClaimsCache::Entry> ClaimsCache::read_entry(std::size_t slot, std::string_view content_hash) const {
  const Located& at = m_entries[slot];
  try {
    EntryBytes entry = bytes_at(at);
    ByteCursor in(entry.bytes);
    const auto size = in.take_plain<std::uint32_t>();
    const auto sum = in.take_plain<std::uint64_t>();
    const std::string_view payload = in.take(size);
    if (frame_bytes + size == at.size && checksum(payload) != sum) {
      warn_damaged();
      return std::nullopt;
    }
    if (frame_bytes + size == at.size) {
      if (hash_of(payload) != content_hash) {
        return std::nullopt; // another hash with the same key
      }
      return Entry{slot, std::move(entry.window), entry.bytes};
    }
  } catch (const Error&) { // FormatError (cut) or IoError (unreadable): as damaged
  }
  warn("the claims cache " + (m_dir / cache_file_name).string() +
       " changed while it was read; a document is extracted again");
  return std::nullopt;
}

void ClaimsCache::warn_damaged() const {
  if (!m_warned_damaged.exchange(true)) { // once: a damaged disk region may hold many entries
    warn("the claims cache " + (m_dir / cache_file_name).string() +
         " has damaged entries; their documents are extracted again");
  }
}

std::string ClaimsCache::entry(const DocumentRecord& record) {
  std::string payload;
  append_string(payload, record.content_hash);
  payload += encode_record(record);
  std::string out;
  out.reserve(frame_bytes + payload.size());
  append_plain(out, static_cast<std::uint32_t>(payload.size()));
  append_plain(out, checksum(payload));
  out += payload;
  return out;
}

void ClaimsCache::keep(std::string_view entry) {
  m_new->write(entry);
}

void ClaimsCache::keep_cached(std::size_t slot) {
  m_kept_order.push_back(slot);
  m_kept.at(slot) = true;
}

void ClaimsCache::commit() {
  const fs::path file = m_dir / cache_file_name;
  if (m_old && m_old_whole && std::find(m_kept.begin(), m_kept.end(), false) == m_kept.end()) {
    append_new_entries(file);
  } else {
    for (const std::size_t slot : m_kept_order) {
      m_new->write(bytes_at(m_entries[slot]).bytes);
    }
    m_new->commit();
  }
  std::error_code ec;
  fs::remove(m_dir / old_cache_file_name, ec); // an earlier version's cache, in this folder stationmap marked
}

void ClaimsCache::append_new_entries(const fs::path& file) {
  m_new->flush();
  const PositionalFile fresh(m_new->temporary());
  const std::unique_ptr<std::FILE, int (*)(std::FILE*)> out(std::fopen(file.c_str(), "ab"), &std::fclose);
  if (!out) {
    throw IoError(file.string(), std::string("cannot append: ") + std::strerror(errno));
  }
  constexpr std::size_t chunk = 4U << 20U;
  for (std::uint64_t at = header(m_pipeline).size(); at < fresh.size(); at += chunk) {
    const std::string bytes = fresh.read(at, chunk);
    if (std::fwrite(bytes.data(), 1, bytes.size(), out.get()) != bytes.size()) {
      throw IoError(file.string(), "write failed (disk full?)"); // a cut last entry: the next build re-extracts it
    }
  }
  if (std::fflush(out.get()) != 0) {
    throw IoError(file.string(), "write failed (disk full?)");
  }
  m_new.reset(); // its temporary file goes
}

fs::path default_cache_dir(const fs::path& outdir) {
  fs::path dir = outdir.lexically_normal();
  if (!dir.has_filename()) {
    dir = dir.parent_path(); // "map/" is "map"
  }
  return dir.parent_path() / (dir.filename().string() + ".cache");
}

} // namespace stationmap::detail
