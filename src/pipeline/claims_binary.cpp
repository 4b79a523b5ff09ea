// Document records as compact bytes (claims_binary.hpp).

#include "claims_binary.hpp"

#include "stationmap/core/error.hpp"

#include <concepts>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <type_traits>
#include <unordered_map>
#include <utility>
#include <vector>

namespace stationmap::detail {

namespace {

/// @p T is @p U, const or not: the fields() below serve the writer (const values) and the reader (values to fill).
template <class T, class U>
concept Is = std::same_as<std::remove_const_t<T>, U>;

// The field order of every claim type: the one place it is written, for writing and reading alike.

void fields(auto& a, Is<Place> auto& p) {
  a(p.index), a(p.id), a(p.geonameid), a(p.name), a(p.lat), a(p.lon), a(p.feature_class), a(p.feature_code);
  a(p.country), a(p.admin1_code), a(p.admin1_name), a(p.admin2_code), a(p.admin2_name), a(p.population);
}

void fields(auto& a, Is<DocumentInfo> auto& d) {
  a(d.id), a(d.title), a(d.url), a(d.date);
}

void fields(auto& a, Is<Evidence> auto& e) {
  a(e.source), a(e.text), a(e.start), a(e.end);
}

void fields(auto& a, Is<CorrectionRef> auto& r) {
  a(r.row), a(r.action), a(r.note);
}

void fields(auto& a, Is<RoledMention> auto& m) {
  a(m.source), a(m.start), a(m.end), a(m.text), a(m.resolved_place), a(m.role), a(m.reason);
  if constexpr (std::is_const_v<std::remove_reference_t<decltype(m)>>) {
    a(m.note()), a(m.sentence_text), a(m.confidence), a(m.corrections());
  } else { // read into plain values, then kept behind the mention's one pointer (none when empty)
    MentionNotes notes;
    a(notes.note), a(m.sentence_text), a(m.confidence), a(notes.corrections);
    m.set_notes(std::move(notes));
  }
}

void fields(auto& a, Is<DocumentClaims::SiteClaim> auto& s) {
  a(s.place), a(s.precision), a(s.status), a(s.status_date), a(s.count), a(s.evidence);
}

void fields(auto& a, Is<DocumentClaims::CandidateClaim> auto& c) {
  a(c.site), a(c.reason);
}

void fields(auto& a, Is<DocumentClaims::JurisdictionClaim> auto& j) {
  a(j.place), a(j.evidence);
}

void fields(auto& a, Is<DocumentClaims::LinkClaim> auto& l) {
  a(l.site), a(l.jurisdiction), a(l.evidence);
}

void fields(auto& a, Is<DocumentClaims> auto& c) {
  a(c.document), a(c.mentions), a(c.sites), a(c.candidates), a(c.jurisdictions), a(c.links), a(c.counts);
}

void fields(auto& a, Is<DocumentRecord> auto& r) {
  a(r.content_hash), a(r.pipeline), a(r.claims);
}

class Writer {
public:
  explicit Writer(const DocumentRecord& record) { fields(*this, record); }

  [[nodiscard]] std::string bytes() const {
    std::string out;
    append_plain(out, static_cast<std::uint32_t>(m_strings.size()));
    for (const std::string_view s : m_strings) {
      append_string(out, s);
    }
    append_plain(out, static_cast<std::uint32_t>(m_places.size()));
    out += m_place_bytes;
    out += m_body;
    return out;
  }

  template <Plain T> void operator()(const T& value) { append_plain(*m_out, value); }
  template <class T> void operator()(const T& value) { fields(*this, value); }
  void operator()(const std::string& s) {
    const auto [it, fresh] = m_string_index.try_emplace(s, static_cast<std::uint32_t>(m_strings.size()));
    if (fresh) {
      m_strings.push_back(s);
    }
    append_plain(*m_out, it->second);
  }
  void operator()(const Place& p) {
    std::string encoded;
    std::string* const body = std::exchange(m_out, &encoded);
    fields(*this, p);
    m_out = body;
    const auto [it, fresh] = m_places.try_emplace(std::move(encoded), static_cast<std::uint32_t>(m_places.size()));
    if (fresh) {
      m_place_bytes += it->first;
    }
    append_plain(*m_out, it->second);
  }
  template <class T> void operator()(const std::optional<T>& value) {
    append_plain(*m_out, static_cast<std::uint8_t>(value.has_value()));
    if (value) {
      (*this)(*value);
    }
  }
  // Shared values (claims.hpp) are written as their values; none as an empty one.
  template <class T> void operator()(const std::shared_ptr<const T>& value) {
    if constexpr (std::is_same_v<T, Place>) { // a mention's place: none when unresolved
      append_plain(*m_out, static_cast<std::uint8_t>(value != nullptr));
      if (value) {
        (*this)(*value);
      }
    } else if (value) {
      (*this)(*value); // by reference: the string table views the record's own strings
    } else {
      static const T none;
      (*this)(none);
    }
  }
  template <class T> void operator()(const std::vector<T>& values) {
    append_plain(*m_out, static_cast<std::uint32_t>(values.size()));
    for (const T& v : values) {
      (*this)(v);
    }
  }

private:
  std::string m_body;
  std::string* m_out = &m_body;
  std::vector<std::string_view> m_strings; ///< into the record
  std::unordered_map<std::string_view, std::uint32_t> m_string_index;
  std::map<std::string, std::uint32_t> m_places; ///< encoded place -> position
  std::string m_place_bytes;
};

// The values an enumeration may take: anything else is not a record this program wrote.
bool known(Status s) {
  return static_cast<std::size_t>(s) < all_statuses.size();
}
bool known(Reason r) {
  return static_cast<std::size_t>(r) < all_reasons.size();
}
bool known(MentionRole r) {
  return r <= MentionRole::Rejected;
}

/// A record's tables as the Reader reads them. Kept from record to record on each thread: their lists and the
/// places' strings keep their memory, so that reading a record allocates only what it hands on.
struct Tables {
  std::vector<std::string_view> strings;
  std::vector<Place> places; ///< the first `place_count` are the record's (more are kept for their memory)
  std::size_t place_count = 0;
  std::vector<std::shared_ptr<const Place>> shared_places; ///< by position in places, made when first read
  std::vector<SentenceRef> shared_strings;                 ///< by position in strings, made when first read

  void clear() {
    strings.clear();
    place_count = 0;
    shared_places.clear();
    shared_strings.clear();
  }
};

class Reader {
public:
  Reader(std::string_view bytes, SharedValues& values, Tables& tables) : m_in(bytes), m_values(values), m_t(tables) {
    m_t.clear();
    m_t.strings.resize(count(sizeof(std::uint32_t)));
    for (std::string_view& s : m_t.strings) {
      s = m_in.take_string();
    }
    m_t.place_count = count(1);
    if (m_t.places.size() < m_t.place_count) {
      m_t.places.resize(m_t.place_count);
    }
    for (std::size_t i = 0; i < m_t.place_count; ++i) {
      fields(*this, m_t.places[i]);
    }
    m_t.shared_places.resize(m_t.place_count);
    m_t.shared_strings.resize(m_t.strings.size());
  }
  Reader(const Reader&) = delete;
  Reader& operator=(const Reader&) = delete;
  Reader(Reader&&) = delete;
  Reader& operator=(Reader&&) = delete;
  ~Reader() { m_t.clear(); } // the shared values go now, not with the next record

  [[nodiscard]] DocumentRecord read() {
    DocumentRecord record;
    fields(*this, record);
    check(m_in.left() == 0, "bytes after its end");
    return record;
  }

  template <Plain T> void operator()(T& value) {
    if constexpr (std::is_same_v<T, bool>) {
      const auto byte = m_in.take_plain<std::uint8_t>();
      check(byte <= 1, "a flag that is neither 0 nor 1");
      value = byte == 1;
    } else {
      value = m_in.take_plain<T>();
      if constexpr (std::is_enum_v<T>) {
        check(known(value), "an unknown status, role or reason");
      }
    }
  }
  template <class T> void operator()(T& value) { fields(*this, value); }
  void operator()(std::string& s) { s = m_t.strings[position(m_t.strings.size())]; }
  void operator()(Place& p) { p = m_t.places[position(m_t.place_count)]; }
  template <class T> void operator()(std::optional<T>& value) {
    bool present = false;
    (*this)(present);
    value.reset();
    if (present) {
      (*this)(value.emplace());
    }
  }
  // Shared values: those of m_values (a value it holds is neither made nor copied), looked up once per record.
  void operator()(std::shared_ptr<const Place>& p) {
    bool present = false;
    (*this)(present);
    p.reset();
    if (present) {
      const std::size_t at = position(m_t.place_count);
      if (!m_t.shared_places[at]) {
        m_t.shared_places[at] = m_values.place(m_t.places[at]);
      }
      p = m_t.shared_places[at];
    }
  }
  // A record's evidence and mentions name its document again and again: the same bytes (string positions, each
  // string once in the table) are the same fields, read once.
  void operator()(DocumentRef& d) {
    if (m_source && m_in.rest().starts_with(m_source_bytes)) {
      m_in.take(m_source_bytes.size());
    } else {
      const std::string_view from = m_in.rest();
      DocumentInfo info;
      fields(*this, info);
      m_source_bytes = from.substr(0, from.size() - m_in.left());
      m_source = m_values.document(std::move(info));
    }
    d = m_source;
  }
  void operator()(SentenceRef& s) {
    const std::size_t at = position(m_t.strings.size());
    if (!m_t.shared_strings[at]) {
      m_t.shared_strings[at] = m_values.sentence(m_t.strings[at]);
    }
    s = m_t.shared_strings[at];
  }
  template <class T> void operator()(std::vector<T>& values) {
    values.resize(count(1));
    for (T& v : values) {
      (*this)(v);
    }
  }

private:
  static void check(bool ok, const char* what) {
    if (!ok) {
      throw FormatError(std::string("a cached record holds ") + what);
    }
  }

  /// A list's length, each element at least @p element_bytes long: a length the rest cannot hold is refused
  /// before anything is allocated for it.
  std::size_t count(std::size_t element_bytes) {
    const auto n = m_in.take_plain<std::uint32_t>();
    check(n <= m_in.left() / element_bytes, "a list longer than the record");
    return n;
  }

  std::size_t position(std::size_t table_size) {
    const auto at = m_in.take_plain<std::uint32_t>();
    check(at < table_size, "a string or place number outside its table");
    return at;
  }

  ByteCursor m_in;
  SharedValues& m_values;
  Tables& m_t;
  DocumentRef m_source;            ///< the last document fields read
  std::string_view m_source_bytes; ///< their bytes in the record
};

} // namespace

void ByteCursor::cut_short(std::size_t size) const {
  throw FormatError("cut short: " + std::to_string(size) + " bytes wanted, " + std::to_string(m_rest.size()) + " left");
}

std::string encode_record(const DocumentRecord& record) {
  return Writer(record).bytes();
}

DocumentRecord decode_record(std::string_view bytes) {
  SharedValues values;
  return decode_record(bytes, values);
}

DocumentRecord decode_record(std::string_view bytes, SharedValues& values) {
  thread_local Tables tables;
  return Reader(bytes, values, tables).read();
}

} // namespace stationmap::detail
