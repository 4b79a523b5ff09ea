// The claims cache of `stationmap build` (claims_cache.hpp).

#include "claims_cache.hpp"

#include "claims_binary.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/core/outdir.hpp"

#include <algorithm>
#include <cstring>

namespace stationmap::detail {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view cache_file_name = "claims.bin";
/// What caches of earlier stationmap versions were called: replaced by claims.bin at the next commit.
constexpr std::string_view old_cache_file_name = "claims.jsonl";
constexpr std::string_view magic = "SMCLAIMS";
/// The layout of claims.bin and of its records (claims_binary.hpp); another version's file is not read.
constexpr std::uint32_t cache_format = 1;
/// Written as a number: a file from a machine of the other byte order reads differently and is not used.
constexpr std::uint32_t byte_order_mark = 0x01020304;
/// Bytes of an entry's frame before its payload: the payload length and checksum.
constexpr std::size_t frame_bytes = sizeof(std::uint32_t) + sizeof(std::uint64_t);

/// A 64-bit checksum of @p bytes, eight at a time: catches a damaged entry (a cut or flipped bytes), not an
/// adversary (the cache is the user's own folder).
std::uint64_t checksum(std::string_view bytes) {
  constexpr std::uint64_t multiplier = 0xff51afd7ed558ccdULL;
  std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ bytes.size();
  while (!bytes.empty()) {
    std::uint64_t word = 0;
    const std::size_t n = std::min(bytes.size(), sizeof word);
    std::memcpy(&word, bytes.data(), n);
    bytes.remove_prefix(n);
    h = (h ^ word) * multiplier;
    h ^= h >> 32U;
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
  m_old = MappedFile(file);
  ByteCursor in(m_old.bytes());
  try {
    if (in.take(magic.size()) != magic) {
      throw FormatError("it does not start as a claims cache");
    }
    if (in.take_plain<std::uint32_t>() != cache_format || in.take_plain<std::uint32_t>() != byte_order_mark ||
        in.take_string() != m_pipeline) {
      return; // another stationmap's cache: every document is extracted again, as after any upgrade
    }
  } catch (const FormatError& e) {
    warn("the claims cache " + file.string() + " is not a cache this program can read (" + e.what() +
         "); every document is extracted again");
    return;
  }
  std::size_t damaged = 0;
  while (in.left() > 0) {
    std::string_view payload;
    try {
      const auto size = in.take_plain<std::uint32_t>();
      const auto sum = in.take_plain<std::uint64_t>();
      payload = in.take(size);
      if (checksum(payload) != sum) {
        ++damaged;
        continue;
      }
      m_entries.emplace(hash_of(payload), std::string_view(payload.data() - frame_bytes, payload.size() + frame_bytes));
    } catch (const FormatError& e) {
      warn("the claims cache " + file.string() + " is cut short after " + std::to_string(m_entries.size()) +
           " documents (" + e.what() + "); the documents after them are extracted again");
      break;
    }
  }
  if (damaged > 0) {
    warn("the claims cache " + file.string() + " has " + std::to_string(damaged) +
         " damaged entries; their documents are extracted again");
  }
}

void ClaimsCache::warn(const std::string& message) const {
  const std::lock_guard lock(m_warn_mutex);
  if (m_warn) {
    m_warn(message);
  }
}

std::optional<CachedClaims> ClaimsCache::find(const std::string& content_hash) const {
  const auto it = m_entries.find(content_hash);
  if (it == m_entries.end()) {
    return std::nullopt;
  }
  const std::string_view entry = it->second;
  ByteCursor payload(entry.substr(frame_bytes));
  try {
    payload.take_string(); // the content hash
    CachedClaims out{decode_record(payload.take(payload.left())), std::string(entry)};
    return out;
  } catch (const FormatError& e) {
    warn("the claims cache " + (m_dir / cache_file_name).string() + " has an unreadable entry (" + e.what() +
         "); its document is extracted again");
    return std::nullopt;
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

void ClaimsCache::commit() {
  m_new->commit();
  std::error_code ec;
  fs::remove(m_dir / old_cache_file_name, ec); // an earlier version's cache, in this folder stationmap marked
}

fs::path default_cache_dir(const fs::path& outdir) {
  fs::path dir = outdir.lexically_normal();
  if (!dir.has_filename()) {
    dir = dir.parent_path(); // "map/" is "map"
  }
  return dir.parent_path() / (dir.filename().string() + ".cache");
}

} // namespace stationmap::detail
