#include "stationmap/gazetteer/gazetteer.hpp"

#include "index_format.hpp"
#include "stationmap/core/data_dirs.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/core/file_io.hpp"
#include "stationmap/core/fold.hpp"

#include <cstdlib>
#include <cstring>
#include <unistd.h>

namespace stationmap {

namespace fs = std::filesystem;
using index_format::Entry;
using index_format::Header;
using index_format::Key;
using index_format::Posting;

std::uint64_t Gazetteer::hash_extend(std::uint64_t hash, std::string_view more) noexcept {
  for (const char c : more) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 1099511628211ULL;
  }
  return hash;
}

std::uint64_t Gazetteer::hash_key(std::string_view key) noexcept {
  return hash_extend(14695981039346656037ULL, key);
}

Gazetteer::Gazetteer(MappedFile file, std::string source) : m_file(std::move(file)), m_source(std::move(source)) {
  const std::string_view bytes = m_file.bytes();
  if (bytes.size() < sizeof(Header) ||
      std::memcmp(bytes.data(), index_format::magic, sizeof index_format::magic) != 0) {
    throw FormatError(m_source + ": not a stationmap gazetteer index of this version; rebuild it with "
                                 "`stationmap gazetteer index SOURCE -o FILE`");
  }
  m_header = reinterpret_cast<const Header*>(bytes.data());
  const Header& h = *m_header;
  if (h.file_size != bytes.size() || h.strings_offset + h.strings_size > bytes.size() ||
      h.entries_offset + h.entry_count * sizeof(Entry) > bytes.size() ||
      h.keys_offset + h.key_count * sizeof(Key) > bytes.size() ||
      h.postings_offset + h.posting_count * sizeof(Posting) > bytes.size() ||
      h.slots_offset + h.slot_count * sizeof(std::uint32_t) > bytes.size() || h.slot_count == 0 ||
      (h.slot_count & (h.slot_count - 1)) != 0) {
    throw FormatError(m_source + ": truncated or corrupt gazetteer index; rebuild it");
  }
  m_entries = reinterpret_cast<const Entry*>(bytes.data() + h.entries_offset);
  m_keys = reinterpret_cast<const Key*>(bytes.data() + h.keys_offset);
  m_postings = reinterpret_cast<const Posting*>(bytes.data() + h.postings_offset);
  m_slots = reinterpret_cast<const std::uint32_t*>(bytes.data() + h.slots_offset);
  m_strings = bytes.data() + h.strings_offset;
}

Gazetteer Gazetteer::open(const fs::path& path) {
  std::error_code ec;
  if (fs::is_regular_file(path, ec) && path.extension() == ".smidx") {
    return Gazetteer(MappedFile(path), path.string());
  }
  if (!fs::exists(path, ec)) {
    throw IoError(path.string(), "gazetteer not found");
  }
  return Gazetteer(MappedFile::from_buffer(build_gazetteer_index(path)), path.string());
}

fs::path Gazetteer::default_path() {
  if (const char* env = std::getenv("STATIONMAP_GAZETTEER"); env != nullptr && *env != '\0') {
    return env;
  }
  std::error_code ec;
  // Beside the executable (build tree: build/src/stationmap -> build/geodata/gazetteer.smidx; install and copies:
  // the data folder of stationmap/core/data_dirs.hpp).
  const fs::path exe = running_executable();
  if (!exe.empty()) {
    for (const fs::path& candidate :
         {exe.parent_path() / "geodata/gazetteer.smidx", exe.parent_path().parent_path() / "geodata/gazetteer.smidx",
          share_dir_beside(exe) / "gazetteer.smidx"}) {
      if (fs::is_regular_file(candidate, ec)) {
        return candidate;
      }
    }
  }
  for (const fs::path& candidate : {fs::path(STATIONMAP_DEFAULT_INDEX), fs::path(STATIONMAP_INSTALLED_INDEX)}) {
    if (fs::is_regular_file(candidate, ec)) {
      return candidate;
    }
  }
  return {};
}

Gazetteer Gazetteer::open_default() {
  const fs::path p = default_path();
  if (p.empty()) {
    throw IoError(STATIONMAP_DEFAULT_INDEX,
                  "the embedded gazetteer index is missing; build it with `cmake --build build` (target "
                  "gazetteer_index), or pass --gazetteer PATH, or set STATIONMAP_GAZETTEER");
  }
  return open(p);
}

std::size_t Gazetteer::size() const noexcept {
  return m_header->entry_count;
}

std::string_view Gazetteer::string_at(std::uint32_t offset) const noexcept {
  if (offset >= m_header->strings_size) {
    return {};
  }
  return {m_strings + offset};
}

Place Gazetteer::place(std::uint32_t index) const {
  const Entry& e = m_entries[index];
  Place p;
  p.index = index;
  p.id = e.id;
  if (e.id < index_format::first_synthetic_id) {
    p.geonameid = e.id;
  }
  p.name = std::string(string_at(e.name));
  p.lat = e.lat;
  p.lon = e.lon;
  p.feature_class = e.feature_class;
  p.feature_code = std::string(e.feature_code, strnlen(e.feature_code, sizeof e.feature_code));
  p.country = std::string(e.country, strnlen(e.country, sizeof e.country));
  p.admin1_code = std::string(string_at(e.admin1_code));
  p.admin1_name = std::string(string_at(e.admin1_name));
  p.admin2_code = std::string(string_at(e.admin2_code));
  p.admin2_name = std::string(string_at(e.admin2_name));
  p.population = e.population;
  return p;
}

Gazetteer::KeyRef Gazetteer::find_key(std::string_view folded_key) const noexcept {
  return find_key(folded_key, hash_key(folded_key));
}

Gazetteer::KeyRef Gazetteer::find_key(std::string_view folded_key, std::uint64_t hash) const noexcept {
  const std::uint64_t mask = m_header->slot_count - 1;
  for (std::uint64_t s = hash & mask;; s = (s + 1) & mask) {
    const std::uint32_t slot = m_slots[s];
    if (slot == 0) {
      return {};
    }
    const Key& k = m_keys[slot - 1];
    const char* text = m_strings + k.text;
    if (std::strncmp(text, folded_key.data(), folded_key.size()) == 0 && text[folded_key.size()] == '\0') {
      return KeyRef{&k};
    }
  }
}

bool Gazetteer::is_prefix(KeyRef ref) noexcept {
  return ref.key != nullptr && (ref.key->flags & index_format::key_is_prefix) != 0U;
}

std::size_t Gazetteer::posting_count(KeyRef ref) const noexcept {
  return ref.key ? ref.key->postings_count : 0;
}

std::vector<Gazetteer::PostingView> Gazetteer::postings(KeyRef ref) const {
  std::vector<PostingView> out;
  if (!ref) {
    return out;
  }
  out.reserve(ref.key->postings_count);
  for (std::uint32_t i = 0; i < ref.key->postings_count; ++i) {
    const Posting& p = m_postings[ref.key->postings_begin + i];
    out.push_back(PostingView{p.entry, p.flags});
  }
  return out;
}

Candidate Gazetteer::candidate(KeyRef ref, std::size_t i) const {
  const Posting& p = m_postings[ref.key->postings_begin + i];
  Candidate c;
  c.place = place(p.entry);
  c.matched_name = std::string(string_at(p.name));
  c.language = std::string(string_at(p.language));
  c.name_flags = p.flags;
  return c;
}

std::vector<Candidate> Gazetteer::lookup(std::string_view name) const {
  std::vector<Candidate> out;
  const KeyRef ref = find_key(fold_key(name));
  for (std::size_t i = 0; i < posting_count(ref); ++i) {
    out.push_back(candidate(ref, i));
  }
  return out;
}

std::int64_t Gazetteer::population(std::uint32_t index) const noexcept {
  return m_entries[index].population;
}
std::string_view Gazetteer::feature_code(std::uint32_t index) const noexcept {
  const Entry& e = m_entries[index];
  return {e.feature_code, strnlen(e.feature_code, sizeof e.feature_code)};
}
char Gazetteer::feature_class(std::uint32_t index) const noexcept {
  return m_entries[index].feature_class;
}
std::string_view Gazetteer::country(std::uint32_t index) const noexcept {
  const Entry& e = m_entries[index];
  return {e.country, strnlen(e.country, sizeof e.country)};
}
std::string_view Gazetteer::admin1_code(std::uint32_t index) const noexcept {
  return string_at(m_entries[index].admin1_code);
}
std::string_view Gazetteer::admin2_code(std::uint32_t index) const noexcept {
  return string_at(m_entries[index].admin2_code);
}
double Gazetteer::lat(std::uint32_t index) const noexcept {
  return m_entries[index].lat;
}
double Gazetteer::lon(std::uint32_t index) const noexcept {
  return m_entries[index].lon;
}

} // namespace stationmap
