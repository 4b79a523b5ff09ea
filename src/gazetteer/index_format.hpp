#pragma once
// The on-disk layout of a gazetteer index (.smidx). Private to the gazetteer stage.
//
//   Header | Entry[entry_count] | Key[key_count] | Posting[posting_count] | u32 slots[slot_count] | strings
//
// Every section starts 8-byte aligned. Strings are NUL-terminated UTF-8 in one pool; offset 0 is "".
// Keys are folded names (core/fold.hpp) sorted bytewise; each key's postings are contiguous, most populous
// entry first. Slots are an open-addressing hash table (linear probing, FNV-1a 64) of key index + 1.
// A key whose flag `prefix` is set is also the beginning of a longer key, so the geoparser keeps extending.

#include <cstdint>

namespace stationmap::index_format {

inline constexpr char magic[8] = {'S', 'M', 'I', 'D', 'X', 0, 0, 2};

struct Header {
  char magic[8];
  std::uint64_t entry_count;
  std::uint64_t key_count;
  std::uint64_t posting_count;
  std::uint64_t slot_count; // a power of two
  std::uint64_t entries_offset;
  std::uint64_t keys_offset;
  std::uint64_t postings_offset;
  std::uint64_t slots_offset;
  std::uint64_t strings_offset;
  std::uint64_t strings_size;
  std::uint64_t file_size;
};

struct Entry {
  std::int64_t id;
  double lat;
  double lon;
  std::int64_t population;
  std::uint32_t name;
  std::uint32_t admin1_code;
  std::uint32_t admin2_code;
  std::uint32_t admin1_name;
  std::uint32_t admin2_name;
  char feature_class;
  char feature_code[7];
  char country[3];
  char padding[1];
};
static_assert(sizeof(Entry) == 64);

inline constexpr std::uint32_t key_is_prefix = 1U;

struct Key {
  std::uint32_t text;
  std::uint32_t postings_begin;
  std::uint32_t postings_count;
  std::uint32_t flags;
};
static_assert(sizeof(Key) == 16);

struct Posting {
  std::uint32_t entry;
  std::uint32_t name;
  std::uint32_t language;
  std::uint16_t flags;
  std::uint16_t padding;
};
static_assert(sizeof(Posting) == 16);

inline constexpr std::int64_t first_synthetic_id = 1'000'000'000;

} // namespace stationmap::index_format
