#pragma once
// Loops over many claims that wait on memory, not on work: an evidence item's document fields and sentence, and a
// mention's document and sentence, are shared objects scattered over the heap, so writing them (the layers' JSON
// arrays, mentions.csv) spent most of its time on cache misses, one pointer after another. These loops ask for the
// memory of the items a few steps ahead: the objects an item points to first, then (once those have come) the
// text those objects point to.

#include "stationmap/extract/claims.hpp"

#include <cstddef>

namespace stationmap::render::detail {

/// How many items ahead the text of an item is asked for; its objects are asked for twice as far ahead. A few
/// hundred nanoseconds of work per item: eight items cover a miss to memory.
inline constexpr std::size_t prefetch_ahead = 8;

/// Asks for the cache line at @p address (a hint: never faults, whatever the address).
inline void prefetch(const void* address) {
  __builtin_prefetch(address);
}

/// Evidence: its document's fields and its sentence.
inline void prefetch_objects(const Evidence& e) {
  prefetch(e.source.get());
  prefetch(e.text.get());
}
inline void prefetch_texts(const Evidence& e) {
  if (e.source) {
    prefetch(e.source->id.data()); // a document id is longer than a string holds in place
    prefetch(e.source->title.data());
    prefetch(e.source->url.data());
  }
  if (e.text) {
    prefetch(e.text->data());
  }
}

/// A mention: its document's fields and its sentence.
inline void prefetch_objects(const RoledMention& m) {
  prefetch(m.source.get());
  prefetch(m.sentence_text.get());
}
inline void prefetch_texts(const RoledMention& m) {
  if (m.source) {
    prefetch(m.source->id.data());
  }
  if (m.sentence_text) {
    prefetch(m.sentence_text->data());
  }
}

/// Calls @p visit with each of the first @p count items of @p items (a vector or deque of Evidence or RoledMention)
/// in order, their memory asked for ahead (prefetch_ahead).
template <typename Items, typename Visit> void visit_prefetched(const Items& items, std::size_t count, Visit visit) {
  for (std::size_t i = 0; i < count; ++i) {
    if (i + 2 * prefetch_ahead < count) {
      prefetch_objects(items[i + 2 * prefetch_ahead]);
    }
    if (i + prefetch_ahead < count) {
      prefetch_texts(items[i + prefetch_ahead]);
    }
    visit(items[i]);
  }
}

/// visit_prefetched() over every item.
template <typename Items, typename Visit> void visit_prefetched(const Items& items, Visit visit) {
  visit_prefetched(items, items.size(), visit);
}

} // namespace stationmap::render::detail
