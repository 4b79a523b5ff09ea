// Claims files (pipeline/claims_io.hpp): every claim type to and from one JSON object per document.

#include "stationmap/pipeline/claims_io.hpp"

#include "json_reader.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/core/sha256.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

namespace stationmap {

namespace {

using Json = nlohmann::ordered_json;

/// Deduplicating tables of one record: a place or sentence is written once and referred to by position.
class RecordTables {
public:
  std::size_t place(const Place& p) {
    Json j = place_json(p);
    auto [it, fresh] = m_place_index.try_emplace(j.dump(), m_places.size());
    if (fresh) {
      m_places.push_back(std::move(j));
    }
    return it->second;
  }
  std::size_t sentence(const std::string& text) {
    auto [it, fresh] = m_sentence_index.try_emplace(text, m_sentences.size());
    if (fresh) {
      m_sentences.push_back(text);
    }
    return it->second;
  }
  [[nodiscard]] Json places() const { return m_places; }
  [[nodiscard]] Json sentences() const { return m_sentences; }

private:
  static Json place_json(const Place& p) {
    return Json{{"index", p.index},
                {"id", p.id},
                {"geonameid", p.geonameid ? Json(*p.geonameid) : Json(nullptr)},
                {"name", p.name},
                {"lat", p.lat},
                {"lon", p.lon},
                {"class", std::string(1, p.feature_class)},
                {"code", p.feature_code},
                {"country", p.country},
                {"admin1_code", p.admin1_code},
                {"admin1_name", p.admin1_name},
                {"admin2_code", p.admin2_code},
                {"admin2_name", p.admin2_name},
                {"population", p.population}};
  }
  std::map<std::string, std::size_t> m_place_index;
  Json m_places = Json::array();
  std::map<std::string, std::size_t> m_sentence_index;
  Json m_sentences = Json::array();
};

/// What every evidence of a record shares unless it says otherwise: the document and its title, URL and date.
struct EvidenceDefaults {
  std::string document;
  std::string title;
  std::string url;
  std::string date;
};

const Evidence* first_evidence(const DocumentClaims& c) {
  if (!c.sites.empty()) {
    return &c.sites.front().evidence;
  }
  if (!c.jurisdictions.empty()) {
    return &c.jurisdictions.front().evidence;
  }
  if (!c.links.empty()) {
    return &c.links.front().evidence;
  }
  if (!c.candidates.empty()) {
    return &c.candidates.front().site.evidence;
  }
  return c.counts.empty() ? nullptr : &c.counts.front();
}

EvidenceDefaults defaults_of(const DocumentClaims& c) {
  EvidenceDefaults d{c.document, "", "", ""};
  if (const Evidence* e = first_evidence(c)) {
    d.title = e->title();
    d.url = e->url();
    d.date = e->date();
  }
  return d;
}

/// Adds @p key when @p value differs from the record's default.
void put_unless_default(Json& j, const char* key, const std::string& value, const std::string& fallback) {
  if (value != fallback) {
    j[key] = value;
  }
}

Json evidence_json(const Evidence& e, const EvidenceDefaults& d, RecordTables& tables) {
  Json j{{"sentence", tables.sentence(e.sentence())}, {"start", e.start}, {"end", e.end}};
  put_unless_default(j, "document", e.document(), d.document);
  put_unless_default(j, "title", e.title(), d.title);
  put_unless_default(j, "url", e.url(), d.url);
  put_unless_default(j, "date", e.date(), d.date);
  return j;
}

Json corrections_json(const std::vector<CorrectionRef>& refs) {
  Json out = Json::array();
  for (const CorrectionRef& r : refs) {
    out.push_back(Json{{"row", r.row}, {"action", r.action}, {"note", r.note}});
  }
  return out;
}

Json mention_json(const RoledMention& m, const EvidenceDefaults& d, RecordTables& tables) {
  Json j{{"start", m.start},
         {"end", m.end},
         {"text", m.text},
         {"place", tables.place(m.place())},
         {"place_id", m.place_id()},
         {"resolved", m.resolved()},
         {"role", mention_role_name(m.role)},
         {"sentence", tables.sentence(m.sentence())},
         {"confidence", m.confidence}};
  put_unless_default(j, "document", m.document(), d.document);
  put_unless_default(j, "reason", std::string(reason_code(m.reason)), std::string(reason_code(Reason::NoCue)));
  put_unless_default(j, "note", m.note(), "");
  if (!m.corrections().empty()) {
    j["corrections"] = corrections_json(m.corrections());
  }
  return j;
}

Json site_json(const DocumentClaims::SiteClaim& s, const EvidenceDefaults& d, RecordTables& tables) {
  return Json{{"place", tables.place(s.place)},
              {"precision", s.precision},
              {"status", s.status ? Json(std::string(status_name(*s.status))) : Json(nullptr)},
              {"status_date", s.status_date},
              {"count", s.count},
              {"evidence", evidence_json(s.evidence, d, tables)}};
}

Json document_json(const DocumentRecord& r) {
  const DocumentClaims& c = r.claims;
  const EvidenceDefaults d = defaults_of(c);
  RecordTables tables;
  Json mentions = Json::array();
  for (const RoledMention& m : c.mentions) {
    mentions.push_back(mention_json(m, d, tables));
  }
  Json sites = Json::array();
  for (const auto& s : c.sites) {
    sites.push_back(site_json(s, d, tables));
  }
  Json candidates = Json::array();
  for (const auto& candidate : c.candidates) {
    Json j = site_json(candidate.site, d, tables);
    j["reason"] = std::string(reason_code(candidate.reason));
    candidates.push_back(std::move(j));
  }
  Json jurisdictions = Json::array();
  for (const auto& j : c.jurisdictions) {
    jurisdictions.push_back(Json{{"place", tables.place(j.place)}, {"evidence", evidence_json(j.evidence, d, tables)}});
  }
  Json links = Json::array();
  for (const auto& l : c.links) {
    links.push_back(Json{{"site", tables.place(l.site)},
                         {"jurisdiction", tables.place(l.jurisdiction)},
                         {"evidence", evidence_json(l.evidence, d, tables)}});
  }
  Json counts = Json::array();
  for (const Evidence& e : c.counts) {
    counts.push_back(evidence_json(e, d, tables));
  }
  return Json{{"document", c.document},
              {"content_hash", r.content_hash},
              {"pipeline", r.pipeline},
              {"format", claims_format_version},
              {"title", d.title},
              {"url", d.url},
              {"date", d.date},
              {"places", tables.places()},
              {"sentences", tables.sentences()},
              {"mentions", std::move(mentions)},
              {"sites", std::move(sites)},
              {"candidates", std::move(candidates)},
              {"jurisdictions", std::move(jurisdictions)},
              {"links", std::move(links)},
              {"counts", std::move(counts)}};
}

// Reading: the record's tables first, then everything that refers to them.

class RecordReader {
public:
  explicit RecordReader(const detail::JsonValue& record)
      : m_record(record),
        m_sentences(record.at("sentences")), m_defaults{record.at("document").text(), record.at("title").text(),
                                                        record.at("url").text(), record.at("date").text()},
        m_source(share_document({m_defaults.document, m_defaults.title, m_defaults.url, m_defaults.date})) {
    for (const auto& p : record.at("places").items()) {
      m_places.push_back(place_of(p));
    }
  }

  [[nodiscard]] DocumentRecord read() const {
    DocumentRecord r;
    r.content_hash = m_record.at("content_hash").text();
    r.pipeline = m_record.at("pipeline").text();
    DocumentClaims& c = r.claims;
    c.document = m_defaults.document;
    for (const auto& m : m_record.at("mentions").items()) {
      c.mentions.push_back(mention_of(m));
    }
    for (const auto& s : m_record.at("sites").items()) {
      c.sites.push_back(site_of(s));
    }
    for (const auto& s : m_record.at("candidates").items()) {
      c.candidates.push_back({site_of(s), reason_of(s.at("reason").text())});
    }
    for (const auto& j : m_record.at("jurisdictions").items()) {
      c.jurisdictions.push_back({place_at(j.at("place")), evidence_of(j.at("evidence"))});
    }
    for (const auto& l : m_record.at("links").items()) {
      c.links.push_back({place_at(l.at("site")), place_at(l.at("jurisdiction")), evidence_of(l.at("evidence"))});
    }
    for (const auto& e : m_record.at("counts").items()) {
      c.counts.push_back(evidence_of(e));
    }
    return r;
  }

private:
  static Place place_of(const detail::JsonValue& j) {
    Place p;
    p.index = j.at("index").number<std::uint32_t>();
    p.id = j.at("id").number<std::int64_t>();
    if (!j.at("geonameid").is_null()) {
      p.geonameid = j.at("geonameid").number<std::int64_t>();
    }
    p.name = j.at("name").text();
    p.lat = j.at("lat").number<double>();
    p.lon = j.at("lon").number<double>();
    const auto feature_class = j.at("class").text();
    if (feature_class.size() != 1) {
      throw FormatError("a place's class is one letter, got '" + feature_class + "'");
    }
    p.feature_class = feature_class[0];
    p.feature_code = j.at("code").text();
    p.country = j.at("country").text();
    p.admin1_code = j.at("admin1_code").text();
    p.admin1_name = j.at("admin1_name").text();
    p.admin2_code = j.at("admin2_code").text();
    p.admin2_name = j.at("admin2_name").text();
    p.population = j.at("population").number<std::int64_t>();
    return p;
  }

  static Status status_of(const std::string& name) {
    const std::optional<Status> s = parse_status(name);
    if (!s) {
      throw FormatError("unknown status '" + name + "'");
    }
    return *s;
  }

  static MentionRole role_of(const std::string& name) {
    for (const MentionRole r :
         {MentionRole::Station, MentionRole::Jurisdiction, MentionRole::Other, MentionRole::Rejected}) {
      if (name == mention_role_name(r)) {
        return r;
      }
    }
    throw FormatError("unknown mention role '" + name + "'");
  }

  static Reason reason_of(const std::string& code) {
    if (const auto r = parse_reason(code)) {
      return *r;
    }
    throw FormatError("unknown mention reason '" + code + "'");
  }

  [[nodiscard]] const Place& place_at(const detail::JsonValue& index) const {
    return m_places.at(index.number<std::size_t>());
  }
  [[nodiscard]] std::string sentence_at(const detail::JsonValue& index) const {
    return m_sentences.at(index.number<std::size_t>()).text();
  }

  [[nodiscard]] std::string field_or(const detail::JsonValue& j, const char* key, const std::string& fallback) const {
    const detail::JsonValue* value = j.find(key);
    return value == nullptr ? fallback : value->text();
  }

  /// The document fields @p j gives (each defaults to the record's): the record's own shared fields when equal.
  [[nodiscard]] DocumentRef source_of(const detail::JsonValue& j) const {
    DocumentInfo info{field_or(j, "document", m_defaults.document), field_or(j, "title", m_defaults.title),
                      field_or(j, "url", m_defaults.url), field_or(j, "date", m_defaults.date)};
    return info == *m_source ? m_source : share_document(std::move(info));
  }

  [[nodiscard]] Evidence evidence_of(const detail::JsonValue& j) const {
    Evidence e;
    e.source = source_of(j);
    e.text = share_sentence(sentence_at(j.at("sentence")));
    e.start = j.at("start").number<std::uint32_t>();
    e.end = j.at("end").number<std::uint32_t>();
    return e;
  }

  [[nodiscard]] DocumentClaims::SiteClaim site_of(const detail::JsonValue& s) const {
    DocumentClaims::SiteClaim site;
    site.place = place_at(s.at("place"));
    site.precision = s.at("precision").text();
    if (!s.at("status").is_null()) {
      site.status = status_of(s.at("status").text());
    }
    site.status_date = s.at("status_date").text();
    site.count = s.at("count").number<int>();
    site.evidence = evidence_of(s.at("evidence"));
    return site;
  }

  [[nodiscard]] RoledMention mention_of(const detail::JsonValue& j) const {
    RoledMention m;
    const std::string document = field_or(j, "document", m_defaults.document);
    m.source = document == m_source->id ? m_source : share_document({document, "", "", ""});
    m.start = j.at("start").number<std::uint32_t>();
    m.end = j.at("end").number<std::uint32_t>();
    m.text = j.at("text").text();
    if (j.at("resolved").boolean()) { // place_id is place_id_of(place): written for readers, derived here
      m.set_place(place_at(j.at("place")));
    }
    m.role = role_of(j.at("role").text());
    m.reason = reason_of(field_or(j, "reason", std::string(reason_code(Reason::NoCue))));
    MentionNotes notes;
    notes.note = field_or(j, "note", "");
    m.sentence_text = share_sentence(sentence_at(j.at("sentence")));
    m.confidence = j.at("confidence").number<double>();
    if (const detail::JsonValue* corrections = j.find("corrections")) {
      for (const auto& r : corrections->items()) {
        notes.corrections.push_back({r.at("row").number<std::size_t>(), r.at("action").text(), r.at("note").text()});
      }
    }
    m.set_notes(std::move(notes));
    return m;
  }

  const detail::JsonValue& m_record;
  const detail::JsonValue& m_sentences;
  EvidenceDefaults m_defaults;
  DocumentRef m_source; ///< the record's document fields, shared by its evidence and mentions
  std::vector<Place> m_places;
};

void check_format(const detail::JsonValue& record) {
  const int format = record.at("format").number<int>();
  if (format != claims_format_version) {
    throw FormatError("claims format " + std::to_string(format) + ", this program reads format " +
                      std::to_string(claims_format_version) + "; extract the documents again");
  }
}

/// Reads one file's lines; a line over this size is not a record this program wrote (a document's claims are
/// a few kilobytes; its text is not in them).
constexpr std::size_t max_line_bytes = 64ULL * 1024 * 1024;

/// The text of a block in a content hash: "start:end:kind".
std::string_view block_field(const TextBlock& b, std::array<char, 64>& buffer) {
  char* const end = buffer.data() + buffer.size();
  char* p = std::to_chars(buffer.data(), end, b.start).ptr;
  *p++ = ':';
  p = std::to_chars(p, end, b.end).ptr;
  *p++ = ':';
  const std::string_view kind = to_string(b.kind);
  p = std::copy(kind.begin(), kind.end(), p);
  return {buffer.data(), static_cast<std::size_t>(p - buffer.data())};
}

} // namespace

/// A thread keeps the buffer that gathers a document's hashed bytes up to this size.
constexpr std::size_t max_kept_fields_bytes = 1U << 20U;

std::string document_content_hash(const Document& d) {
  thread_local Sha256 h;           // one digest context per thread, restarted for each document
  thread_local std::string fields; // the hashed bytes, gathered for one update()
  fields.clear();
  for (const std::string* field : {&d.id, &d.title, &d.url, &d.date, &d.outlet, &d.text}) {
    Sha256::append_field(fields, *field);
  }
  std::array<char, 64> buffer{};
  for (const TextBlock& b : d.blocks) {
    Sha256::append_field(fields, block_field(b, buffer));
  }
  h.restart().update(fields);
  if (fields.capacity() > max_kept_fields_bytes) {
    fields = std::string(); // a very large document's copy is not kept
  }
  std::string out;
  out.reserve(71);
  out += "sha256:";
  h.append_hex(out);
  return out;
}

std::string claims_line(const DocumentRecord& record) {
  return document_json(record).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + '\n';
}

std::string claims_line(const ProblemRecord& record) {
  const Problem& p = record.problem;
  const Json j{{"problem", Json{{"file", p.file}, {"kind", p.kind}, {"detail", p.detail}}},
               {"pipeline", record.pipeline},
               {"format", claims_format_version}};
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + '\n';
}

ClaimsRecord parse_claims_line(std::string_view line) {
  const detail::JsonDocument document(line);
  const detail::JsonValue& record = document.root();
  if (!record.is_object()) {
    throw FormatError("a claims record is a JSON object");
  }
  check_format(record);
  try {
    if (const detail::JsonValue* problem = record.find("problem")) {
      return ProblemRecord{record.at("pipeline").text(), Problem{problem->at("file").text(), problem->at("kind").text(),
                                                                 problem->at("detail").text()}};
    }
    return RecordReader(record).read();
  } catch (const FormatError& e) {
    throw FormatError(std::string("not a claims record: ") + e.what());
  } catch (const std::out_of_range&) {
    throw FormatError("not a claims record: a place or sentence number outside the record's tables");
  }
}

std::string claims_line_pipeline(std::string_view line) {
  static constexpr std::string_view key = "\"pipeline\":\"";
  const auto at = line.find(key);
  if (at == std::string_view::npos) {
    return "";
  }
  const auto start = at + key.size();
  const auto end = line.find('"', start);
  return end == std::string_view::npos ? "" : std::string(line.substr(start, end - start));
}

void read_claims_file(const std::filesystem::path& path, const std::function<void(ClaimsRecord&&)>& sink) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw IoError(path.string(), std::string("cannot open: ") + std::strerror(errno));
  }
  std::string line;
  for (std::size_t number = 1; std::getline(in, line); ++number) {
    if (line.empty()) {
      continue;
    }
    if (line.size() > max_line_bytes) {
      throw FormatError(path.string() + ":" + std::to_string(number) + ": line too long for a claims record");
    }
    try {
      sink(parse_claims_line(line));
    } catch (const FormatError& e) {
      throw FormatError(path.string() + ":" + std::to_string(number) + ": " + e.what());
    }
  }
  if (in.bad()) {
    throw IoError(path.string(), "read failed");
  }
}

bool is_claims_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::string line;
  if (!in || !std::getline(in, line)) {
    return static_cast<bool>(in) || in.eof(); // an empty file
  }
  try {
    parse_claims_line(line);
    return true;
  } catch (const FormatError&) {
    return false;
  }
}

} // namespace stationmap
