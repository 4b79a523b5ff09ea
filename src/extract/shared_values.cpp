// The values the claims of a corpus share (shared_values.hpp).

#include "stationmap/extract/shared_values.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace stationmap {

namespace {

/// The last few values shared, by the pointer they came with: a document's evidence and mentions refer to its
/// DocumentInfo and its few sentences again and again, and a pointer compares faster than a lookup by value. The
/// pointers are held, so one is never taken for another value made at a freed address.
template <typename T> class RecentlyShared {
public:
  using Ref = std::shared_ptr<const T>;
  [[nodiscard]] const Ref* find(const Ref& from) const {
    for (const auto& [in, out] : m_pairs) {
      if (in == from) {
        return &out;
      }
    }
    return nullptr;
  }
  const Ref& remember(Ref from, Ref to) {
    auto& slot = m_pairs[m_next++ % m_pairs.size()];
    slot = {std::move(from), std::move(to)};
    return slot.second;
  }

private:
  std::array<std::pair<Ref, Ref>, 4> m_pairs;
  std::size_t m_next = 0;
};

/// The first DocumentInfo of each document id. Documents mostly come in id order: those are appended to a sorted
/// list (a comparison with the last, no lookup); the others go to a hash map.
class DocumentsById {
public:
  /// The document kept for @p id, or none.
  [[nodiscard]] const DocumentRef* find(const std::string& id) const {
    if (m_in_order.empty() || m_in_order.back()->id < id) { // after every id in the list: new to both
      return nullptr;
    }
    const auto it = std::lower_bound(m_in_order.begin(), m_in_order.end(), id,
                                     [](const DocumentRef& x, const std::string& y) { return x->id < y; });
    if (it != m_in_order.end() && (*it)->id == id) {
      return &*it;
    }
    const auto other = m_others.find(id);
    return other == m_others.end() ? nullptr : &other->second;
  }
  /// The document kept for @p d's id: @p d itself when it is the first with that id.
  const DocumentRef& share(const DocumentRef& d) {
    if (const DocumentRef* kept = find(d->id)) {
      return *kept;
    }
    if (m_in_order.empty() || m_in_order.back()->id < d->id) {
      return m_in_order.emplace_back(d);
    }
    return m_others.try_emplace(d->id, d).first->second;
  }

private:
  std::vector<DocumentRef> m_in_order;                        ///< ids strictly increasing
  std::unordered_map<std::string_view, DocumentRef> m_others; ///< ids that came after a greater one
};

/// Values made here, in blocks that never move, given back all at once with the last reference to any of them
/// (made()): a rebuild's 100,000 document fields are freed a block at a time, not one by one when the claims are
/// let go at the end of the build (each free scattered over the heap and merged with its free neighbours).
template <typename T> class MadeValues {
public:
  /// @p value, kept in @p store; the reference holds the whole store.
  static std::shared_ptr<const T> made(const std::shared_ptr<MadeValues>& store, T value) {
    std::vector<T>* block = store->m_blocks.empty() ? nullptr : &store->m_blocks.back();
    if (block == nullptr || block->size() == block->capacity()) {
      block = &store->m_blocks.emplace_back();
      block->reserve(values_per_block); // never grows past: its values stay where they are
    }
    return {store, &block->emplace_back(std::move(value))};
  }

private:
  static constexpr std::size_t values_per_block = 4096;
  std::vector<std::vector<T>> m_blocks;
};

} // namespace

struct SharedValues::Tables {
  std::shared_ptr<MadeValues<DocumentInfo>> made_documents = std::make_shared<MadeValues<DocumentInfo>>();
  std::shared_ptr<MadeValues<std::string>> made_sentences = std::make_shared<MadeValues<std::string>>();
  std::unordered_map<std::uint32_t, std::shared_ptr<const Place>> places; ///< by gazetteer index
  DocumentsById documents;
  std::unordered_map<std::string_view, SentenceRef> sentences; ///< the key views the kept string
  RecentlyShared<Place> recent_places;
  RecentlyShared<DocumentInfo> recent_documents;
  RecentlyShared<std::string> recent_sentences;
};

SharedValues::SharedValues() : m_tables(std::make_unique<Tables>()) {}
SharedValues::~SharedValues() = default;
SharedValues::SharedValues(SharedValues&&) noexcept = default;
SharedValues& SharedValues::operator=(SharedValues&&) noexcept = default;

std::shared_ptr<const Place> SharedValues::place(const std::shared_ptr<const Place>& p) {
  if (!p) {
    return p;
  }
  if (const auto* known = m_tables->recent_places.find(p)) {
    return *known;
  }
  auto [it, fresh] = m_tables->places.try_emplace(p->index, p);
  const bool same = fresh || it->second == p || *it->second == *p; // a place unlike the gazetteer's entry stays apart
  return m_tables->recent_places.remember(p, same ? it->second : p);
}

std::shared_ptr<const Place> SharedValues::place(const Place& p) {
  const auto it = m_tables->places.find(p.index);
  return it != m_tables->places.end() && *it->second == p ? it->second : place(std::make_shared<const Place>(p));
}

DocumentRef SharedValues::document(const DocumentRef& d) {
  if (!d) {
    return d;
  }
  if (const auto* known = m_tables->recent_documents.find(d)) {
    return *known;
  }
  const DocumentRef& kept = m_tables->documents.share(d);
  return m_tables->recent_documents.remember(d, kept == d || *kept == *d ? kept : d);
}

DocumentRef SharedValues::document(DocumentInfo d) {
  const DocumentRef* kept = m_tables->documents.find(d.id);
  if (kept != nullptr && **kept == d) {
    return *kept;
  }
  DocumentRef made = MadeValues<DocumentInfo>::made(m_tables->made_documents, std::move(d));
  return kept == nullptr ? m_tables->documents.share(made) : made;
}

SentenceRef SharedValues::sentence(const SentenceRef& s) {
  if (!s) {
    return s;
  }
  if (const auto* known = m_tables->recent_sentences.find(s)) {
    return *known;
  }
  return m_tables->recent_sentences.remember(s, m_tables->sentences.try_emplace(std::string_view(*s), s).first->second);
}

SentenceRef SharedValues::sentence(std::string_view text) {
  if (const auto it = m_tables->sentences.find(text); it != m_tables->sentences.end()) {
    return it->second;
  }
  SentenceRef made = MadeValues<std::string>::made(m_tables->made_sentences, std::string(text));
  return m_tables->sentences.emplace(std::string_view(*made), made).first->second;
}

void SharedValues::share(Evidence& e) {
  e.source = document(e.source);
  e.text = sentence(e.text);
}

void SharedValues::share(RoledMention& m) {
  m.source = document(m.source);
  m.sentence_text = sentence(m.sentence_text);
  m.resolved_place = place(m.resolved_place);
}

} // namespace stationmap
