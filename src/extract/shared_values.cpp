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
  /// The document kept for @p d's id: @p d itself when it is the first with that id.
  const DocumentRef& share(const DocumentRef& d) {
    if (m_in_order.empty() || m_in_order.back()->id < d->id) { // after every id in the list: new to both
      return m_in_order.emplace_back(d);
    }
    const auto it = std::lower_bound(m_in_order.begin(), m_in_order.end(), d->id,
                                     [](const DocumentRef& x, const std::string& id) { return x->id < id; });
    if (it != m_in_order.end() && (*it)->id == d->id) {
      return *it;
    }
    return m_others.try_emplace(d->id, d).first->second;
  }

private:
  std::vector<DocumentRef> m_in_order;                        ///< ids strictly increasing
  std::unordered_map<std::string_view, DocumentRef> m_others; ///< ids that came after a greater one
};

} // namespace

struct SharedValues::Tables {
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
  SentenceRef made = share_sentence(std::string(text));
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
