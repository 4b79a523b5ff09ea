// Analysts' corrections: reading the file, looking up its places, and applying its rows to the merged claims.

#include "stationmap/extract/corrections.hpp"

#include "stationmap/core/csv.hpp"
#include "stationmap/core/csv_read.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/core/file_io.hpp"
#include "stationmap/core/fold.hpp"
#include "stationmap/core/great_circle.hpp"
#include "stationmap/core/utf8.hpp"
#include "stationmap/extract/extractor.hpp"
#include "stationmap/extract/ids.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <map>
#include <set>
#include <utility>

namespace stationmap {

namespace {

constexpr std::array<std::string_view, 4> header = {"action", "target", "value", "note"};

/// The action names as written in the file, in CorrectionAction order.
constexpr std::array<std::string_view, 8> action_names = {"reject",      "confirm",  "move",        "pin",
                                                          "add_station", "add_link", "remove_link", "set_status"};

/// The statuses a `set_status` row may give, for the error message: "closed, ordered closed, ...".
std::string status_list() {
  std::string list;
  for (const Status status : all_statuses) {
    list += (list.empty() ? "" : ", ") + std::string(status_name(status));
  }
  return list;
}

/// How close (km) a gazetteer entry of the same name must lie to a `LAT LON` point to lend it its country
/// and kind: a city's own extent, so that "Prato 43.88 11.1" is read as in Prato, Italy.
constexpr double same_place_km = 10.0;

/// A row that cannot be read; the message names what is wrong.
struct Malformed {
  std::string why;
};

std::string trim(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) {
    return {};
  }
  const auto last = s.find_last_not_of(" \t\r\n");
  return std::string(s.substr(first, last - first + 1));
}

std::string lower_ascii(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') {
      c = static_cast<char>(c - 'A' + 'a');
    }
  }
  return s;
}

bool parse_double(std::string_view text, double& out) {
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc() && ptr == end;
}

/// `geonameid:N` or `LAT LON` (separated by spaces, a comma or a semicolon).
PlaceValue parse_place_value(const std::string& value) {
  PlaceValue place;
  const std::string lowered = lower_ascii(value);
  if (lowered.starts_with("geonameid:")) {
    const std::string digits = trim(std::string_view(value).substr(10));
    std::int64_t id = 0;
    const auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), id);
    if (digits.empty() || ec != std::errc() || ptr != digits.data() + digits.size() || id <= 0) {
      throw Malformed{"'" + value + "' is not geonameid:N with N a positive whole number"};
    }
    place.geonameid = id;
    return place;
  }
  std::vector<std::string> parts;
  std::string current;
  for (const char c : value) {
    if (c == ' ' || c == ',' || c == ';' || c == '\t') {
      if (!current.empty()) {
        parts.push_back(std::move(current));
        current.clear();
      }
    } else {
      current += c;
    }
  }
  if (!current.empty()) {
    parts.push_back(std::move(current));
  }
  if (parts.size() != 2 || !parse_double(parts[0], place.lat) || !parse_double(parts[1], place.lon)) {
    throw Malformed{"'" + value + "' is neither 'LAT LON' (decimal degrees) nor geonameid:N"};
  }
  if (place.lat < -90.0 || place.lat > 90.0 || place.lon < -180.0 || place.lon > 180.0) {
    throw Malformed{"'" + value + "' is outside -90..90 latitude, -180..180 longitude"};
  }
  return place;
}

bool is_iso_date(std::string_view d) {
  if (d.size() != 10 || d[4] != '-' || d[7] != '-') {
    return false;
  }
  for (const std::size_t i : {0U, 1U, 2U, 3U, 5U, 6U, 8U, 9U}) {
    if (d[i] < '0' || d[i] > '9') {
      return false;
    }
  }
  const int month = (d[5] - '0') * 10 + (d[6] - '0');
  const int day = (d[8] - '0') * 10 + (d[9] - '0');
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

CorrectionAction parse_action(const std::string& text) {
  const std::string name = lower_ascii(text);
  for (std::size_t i = 0; i < action_names.size(); ++i) {
    if (name == action_names[i]) {
      return static_cast<CorrectionAction>(i);
    }
  }
  throw Malformed{"unknown action '" + text +
                  "' (reject, confirm, move, pin, add_station, add_link, remove_link or set_status)"};
}

/// Reads what target and value mean for the row's action.
void read_arguments(Correction& c) {
  if (c.target.empty()) {
    throw Malformed{std::string(correction_action_name(c.action)) + " needs a target"};
  }
  switch (c.action) {
  case CorrectionAction::Reject:
  case CorrectionAction::Confirm:
    if (!c.value.empty()) {
      throw Malformed{std::string(correction_action_name(c.action)) + " takes no value (put remarks in the note)"};
    }
    return;
  case CorrectionAction::Move:
  case CorrectionAction::AddStation:
    c.place = parse_place_value(c.value);
    return;
  case CorrectionAction::Pin: {
    const auto at = c.target.find('@');
    if (at == std::string::npos || at == 0 || at + 1 == c.target.size()) {
      throw Malformed{"pin's target is NAME@DOCUMENT or NAME@*, not '" + c.target + "'"};
    }
    c.pin_name = trim(std::string_view(c.target).substr(0, at));
    c.pin_document = trim(std::string_view(c.target).substr(at + 1));
    c.place = parse_place_value(c.value);
    return;
  }
  case CorrectionAction::AddLink:
  case CorrectionAction::RemoveLink:
    if (c.value.empty()) {
      throw Malformed{std::string(correction_action_name(c.action)) + " needs a jurisdiction_id or name as value"};
    }
    return;
  case CorrectionAction::SetStatus: {
    const auto at = c.value.find('@');
    const auto status = parse_status(lower_ascii(trim(std::string_view(c.value).substr(0, at))));
    c.status_date = at == std::string::npos ? std::string() : trim(std::string_view(c.value).substr(at + 1));
    if (!status) {
      throw Malformed{"unknown status '" + c.value + "' (" + status_list() + ")"};
    }
    c.status = *status;
    if (at != std::string::npos && !is_iso_date(c.status_date)) {
      throw Malformed{"the status date '" + c.status_date + "' is not YYYY-MM-DD"};
    }
    return;
  }
  }
}

Correction read_row(const CsvRecord& record) {
  if (!record.error.empty()) {
    throw Malformed{record.error};
  }
  if (record.fields.size() != header.size()) {
    throw Malformed{std::to_string(record.fields.size()) + " fields instead of 4 (action,target,value,note)"};
  }
  for (const std::string& field : record.fields) {
    if (!utf8::is_valid(field)) {
      throw Malformed{"not UTF-8 text"};
    }
  }
  Correction c;
  c.row = record.line;
  c.action = parse_action(trim(record.fields[0]));
  c.target = trim(record.fields[1]);
  c.value = trim(record.fields[2]);
  c.note = trim(record.fields[3]);
  read_arguments(c);
  return c;
}

void check_header(const std::vector<CsvRecord>& records, const std::string& source) {
  bool ok = !records.empty() && records.front().line == 1 && records.front().fields.size() == header.size();
  for (std::size_t i = 0; ok && i < header.size(); ++i) {
    ok = lower_ascii(trim(records.front().fields[i])) == header[i];
  }
  if (!ok) {
    throw FormatError(source + ": not a corrections file: its first line must be the header action,target,value,note");
  }
}

/// The gazetteer entries of the geonameids that @p corrections name, found in one pass over the gazetteer.
std::map<std::int64_t, Place> places_by_geonameid(const CorrectionSet& corrections, const Gazetteer& gazetteer) {
  std::set<std::int64_t> wanted;
  for (const Correction& c : corrections.rows) {
    if (c.place.geonameid) {
      wanted.insert(*c.place.geonameid);
    }
  }
  std::map<std::int64_t, Place> found;
  for (std::uint32_t i = 0; i < gazetteer.size() && found.size() < wanted.size(); ++i) {
    Place p = gazetteer.place(i);
    if (p.geonameid && wanted.count(*p.geonameid) != 0) {
      found.emplace(*p.geonameid, std::move(p));
    }
  }
  return found;
}

/// The most populous of @p candidates within same_place_km of @p value, or nullptr.
const Place* namesake_at(const PlaceValue& value, const std::vector<Candidate>& candidates) {
  const Place* best = nullptr;
  for (const Candidate& c : candidates) {
    if (great_circle_km(value.lat, value.lon, c.place.lat, c.place.lon) <= same_place_km &&
        (best == nullptr || c.place.population > best->population)) {
      best = &c.place;
    }
  }
  return best;
}

/// A point given by coordinates, named @p name; a gazetteer entry of that name close by lends its country,
/// first- and second-level divisions, kind and population, but not its identity (index and ids) or position.
Place point_place(const PlaceValue& value, const std::string& name, const Gazetteer& gazetteer) {
  const auto candidates = gazetteer.lookup(name);
  const Place* namesake = namesake_at(value, candidates);
  Place place;
  if (namesake != nullptr) {
    place = *namesake;
    place.index = 0;
    place.id = 0;
    place.geonameid.reset();
  } else {
    place.feature_class = 'S';
  }
  place.name = name;
  place.lat = value.lat;
  place.lon = value.lon;
  return place;
}

/// The precision of a site at @p place: a bare point that no gazetteer entry explains is an address.
std::string precision_at(const Place& place) {
  return place.feature_class == 'S' && place.feature_code.empty() ? "address" : site_precision(place);
}

CorrectionRef ref_of(const Correction& c) {
  return {c.row, correction_action_name(c.action), c.note};
}

void add_ref(std::vector<CorrectionRef>& refs, const CorrectionRef& ref) {
  const bool seen = std::any_of(refs.begin(), refs.end(), [&](const CorrectionRef& r) { return r.row == ref.row; });
  if (!seen) {
    refs.push_back(ref);
  }
}

void sort_by_row(std::vector<CorrectionRef>& refs) {
  std::sort(refs.begin(), refs.end(), [](const CorrectionRef& a, const CorrectionRef& b) { return a.row < b.row; });
}

/// Applies rows to a ClaimSet; finds targets by id or name, keeps cross-references consistent at the end.
class Applier {
public:
  Applier(ClaimSet& claims, const CorrectionPlaces& places, ProblemReport& problems, std::string source)
      : m_claims(claims), m_places(places), m_problems(problems), m_source(std::move(source)) {}

  /// Applies @p rows in order; the names of the features are indexed first (not at all without rows).
  void apply(const std::vector<Correction>& rows) {
    if (rows.empty()) {
      return;
    }
    index_names();
    for (const Correction& c : rows) {
      apply(c);
    }
  }

  void apply(const Correction& c) {
    switch (c.action) {
    case CorrectionAction::Reject:
      with_station(c, [&](Station& s) { reject(s, c); });
      return;
    case CorrectionAction::Confirm:
      with_station(c, [&](Station& s) {
        s.verified = true;
        add_ref(s.corrections, ref_of(c));
      });
      return;
    case CorrectionAction::Move:
      with_station(c, [&](Station& s) { move(s, c); });
      return;
    case CorrectionAction::Pin:
      check_pin(c);
      return;
    case CorrectionAction::AddStation:
      add_station(c);
      return;
    case CorrectionAction::AddLink:
    case CorrectionAction::RemoveLink:
      with_station(c, [&](Station& s) { change_link(s, c); });
      return;
    case CorrectionAction::SetStatus:
      with_station(c, [&](Station& s) {
        s.status = c.status;
        s.status_date = c.status_date;
        add_ref(s.corrections, ref_of(c));
      });
      return;
    }
  }

  /// Restores the ClaimSet's contracts: sorted by id, station and jurisdiction lists from the links.
  void finish() {
    auto by_station_id = [](const Station& a, const Station& b) { return a.station_id < b.station_id; };
    std::sort(m_claims.stations.begin(), m_claims.stations.end(), by_station_id);
    std::sort(m_claims.links.begin(), m_claims.links.end(),
              [](const Link& a, const Link& b) { return a.link_id < b.link_id; });
    std::map<std::string, std::set<std::string>> of_station;
    std::map<std::string, std::set<std::string>> of_jurisdiction;
    for (const Link& l : m_claims.links) {
      of_station[l.station_id].insert(l.jurisdiction_id);
      of_jurisdiction[l.jurisdiction_id].insert(l.station_id);
    }
    for (Station& s : m_claims.stations) {
      const auto& ids = of_station[s.station_id];
      s.jurisdiction_ids.assign(ids.begin(), ids.end());
      sort_by_row(s.corrections);
    }
    for (Jurisdiction& j : m_claims.jurisdictions) {
      const auto& ids = of_jurisdiction[j.jurisdiction_id];
      j.station_ids.assign(ids.begin(), ids.end());
      sort_by_row(j.corrections);
    }
    for (Link& l : m_claims.links) {
      sort_by_row(l.corrections);
    }
  }

  [[nodiscard]] std::vector<StaleCorrection> stale() const { return m_stale; }

private:
  void index_names() {
    for (const Station& s : m_claims.stations) {
      m_station_names[fold_key(s.place.name)].insert(s.station_id);
    }
    for (const Jurisdiction& j : m_claims.jurisdictions) {
      m_jurisdiction_names[fold_key(j.place.name)].insert(j.jurisdiction_id);
    }
    for (const RoledMention& m : m_claims.mentions) {
      if (m.resolved() && m.role == MentionRole::Station) {
        m_station_names[fold_key(m.text)].insert(station_id_of(m.place()));
      } else if (m.resolved() && m.role == MentionRole::Jurisdiction) {
        m_jurisdiction_names[fold_key(m.text)].insert(jurisdiction_id_of(m.place()));
      }
    }
  }

  void mark_stale(const Correction& c, const std::string& why) {
    const std::string action = correction_action_name(c.action);
    m_problems.add(
        {m_source, "stale-correction",
         "line " + std::to_string(c.row) + ": " + action + " '" + c.target + "': " + why + "; the row is skipped"});
    m_stale.push_back({c.row, action, c.target, why});
  }

  Station* station_by_id(const std::string& id) {
    const auto it = std::find_if(m_claims.stations.begin(), m_claims.stations.end(),
                                 [&](const Station& s) { return s.station_id == id; });
    return it == m_claims.stations.end() ? nullptr : &*it;
  }

  Jurisdiction* jurisdiction_by_id(const std::string& id) {
    const auto it = std::find_if(m_claims.jurisdictions.begin(), m_claims.jurisdictions.end(),
                                 [&](const Jurisdiction& j) { return j.jurisdiction_id == id; });
    return it == m_claims.jurisdictions.end() ? nullptr : &*it;
  }

  /// The one live feature that @p target names (an id, else a name); @p what for messages.
  template <class Feature, class ById>
  Feature* find(const std::string& target, const std::map<std::string, std::set<std::string>>& names, ById by_id,
                const Correction& c, const char* what) {
    if (Feature* f = by_id(target)) {
      return f;
    }
    std::vector<Feature*> live;
    std::string ids;
    if (const auto it = names.find(fold_key(target)); it != names.end()) {
      for (const std::string& id : it->second) {
        if (Feature* f = by_id(id)) {
          live.push_back(f);
          ids += (ids.empty() ? "" : ", ") + id;
        }
      }
    }
    if (live.size() == 1) {
      return live.front();
    }
    mark_stale(c, live.empty()
                      ? std::string("no ") + what + " with this id or name in this build"
                      : "the name fits " + std::to_string(live.size()) + " " + what + "s (" + ids + "); give one id");
    return nullptr;
  }

  template <class Fn> void with_station(const Correction& c, Fn fn) {
    Station* s = find<Station>(
        c.target, m_station_names, [this](const std::string& id) { return station_by_id(id); }, c, "station");
    if (s != nullptr) {
      fn(*s);
    }
  }

  void reject(Station& station, const Correction& c) {
    const std::string id = station.station_id;
    const CorrectionRef ref = ref_of(c);
    for (RoledMention& m : m_claims.mentions) {
      if (m.resolved() && m.role == MentionRole::Station && station_id_of(m.place()) == id) {
        m.role = MentionRole::Rejected;
        m.reason = Reason::RejectedByAnalyst;
        m.set_note(c.note);
        m.add_correction(ref);
      }
    }
    drop_links_if([&](const Link& l) { return l.station_id == id; }, ref);
    std::erase_if(m_claims.stations, [&](const Station& s) { return s.station_id == id; });
  }

  template <class Pred> void drop_links_if(Pred pred, const CorrectionRef& ref) {
    for (const Link& l : m_claims.links) {
      if (pred(l)) {
        if (Jurisdiction* j = jurisdiction_by_id(l.jurisdiction_id)) {
          add_ref(j->corrections, ref);
        }
      }
    }
    std::erase_if(m_claims.links, pred);
  }

  void move(Station& station, const Correction& c) {
    std::optional<Place> place = m_places.place(c, station.place.name);
    if (!place) {
      mark_stale(c, "geonameid " + std::to_string(*c.place.geonameid) + " is not in the gazetteer");
      return;
    }
    const CorrectionRef ref = ref_of(c);
    const std::string into_id = station_id_of(*place);
    Station* into = into_id == station.station_id ? nullptr : station_by_id(into_id);
    if (into == nullptr) { // the point moves; the station keeps its id, so that later rows still find it
      station.place = *place;
      station.precision = precision_at(*place);
      add_ref(station.corrections, ref);
      return;
    }
    merge_into(station, *into, ref);
  }

  /// A station moved onto another's place becomes part of it: evidence, documents and ties carried over.
  void merge_into(Station& from, Station& into, const CorrectionRef& ref) {
    into.evidence.insert(into.evidence.end(), from.evidence.begin(), from.evidence.end());
    std::sort(into.evidence.begin(), into.evidence.end(), [](const Evidence& a, const Evidence& b) {
      return std::tie(a.document(), a.start, a.end) < std::tie(b.document(), b.start, b.end);
    });
    std::set<std::string> documents(into.documents.begin(), into.documents.end());
    documents.insert(from.documents.begin(), from.documents.end());
    into.documents.assign(documents.begin(), documents.end());
    into.station_count = std::max(into.station_count, from.station_count);
    into.verified = into.verified || from.verified;
    into.confidence = std::max(into.confidence, from.confidence);
    for (const CorrectionRef& r : from.corrections) {
      add_ref(into.corrections, r);
    }
    add_ref(into.corrections, ref);
    const std::string from_id = from.station_id;
    std::vector<Link> moved;
    for (const Link& l : m_claims.links) {
      if (l.station_id == from_id) {
        moved.push_back(l);
      }
    }
    std::erase_if(m_claims.links, [&](const Link& l) { return l.station_id == from_id; });
    for (Link& l : moved) {
      l.station_id = into.station_id;
      l.link_id = link_id_of(l.station_id, l.jurisdiction_id);
      add_ref(l.corrections, ref);
      add_link(std::move(l));
    }
    std::erase_if(m_claims.stations, [&](const Station& s) { return s.station_id == from_id; });
  }

  /// Adds @p link, or merges its evidence and corrections into the link with the same id.
  void add_link(Link link) {
    const auto it = std::find_if(m_claims.links.begin(), m_claims.links.end(),
                                 [&](const Link& l) { return l.link_id == link.link_id; });
    if (it == m_claims.links.end()) {
      m_claims.links.push_back(std::move(link));
      return;
    }
    it->evidence.insert(it->evidence.end(), link.evidence.begin(), link.evidence.end());
    for (const CorrectionRef& r : link.corrections) {
      add_ref(it->corrections, r);
    }
  }

  void add_station(const Correction& c) {
    std::optional<Place> place = m_places.place(c, c.target);
    if (!place) {
      mark_stale(c, "geonameid " + std::to_string(*c.place.geonameid) + " is not in the gazetteer");
      return;
    }
    const std::string id = station_id_of(*place);
    Station* existing = station_by_id(id);
    if (existing == nullptr) {
      Station s;
      s.station_id = id;
      s.place = *place;
      s.precision = precision_at(*place);
      s.status = Status::Alleged;
      s.confidence = 1.0;
      m_claims.stations.push_back(std::move(s));
      existing = &m_claims.stations.back();
      m_station_names[fold_key(c.target)].insert(id);
      m_station_names[fold_key(place->name)].insert(id);
    }
    existing->verified = true;
    add_ref(existing->corrections, ref_of(c));
  }

  void change_link(Station& station, const Correction& c) {
    Jurisdiction* j = find<Jurisdiction>(
        c.value, m_jurisdiction_names, [this](const std::string& id) { return jurisdiction_by_id(id); }, c,
        "jurisdiction");
    if (j == nullptr) {
      return;
    }
    const CorrectionRef ref = ref_of(c);
    const std::string link_id = link_id_of(station.station_id, j->jurisdiction_id);
    if (c.action == CorrectionAction::RemoveLink) {
      const bool linked = std::any_of(m_claims.links.begin(), m_claims.links.end(),
                                      [&](const Link& l) { return l.link_id == link_id; });
      if (!linked) {
        mark_stale(c, "no link between " + station.station_id + " and " + j->jurisdiction_id + " in this build");
        return;
      }
      drop_links_if([&](const Link& l) { return l.link_id == link_id; }, ref);
    } else {
      Link link;
      link.link_id = link_id;
      link.station_id = station.station_id;
      link.jurisdiction_id = j->jurisdiction_id;
      link.corrections.push_back(ref);
      add_link(std::move(link));
      add_ref(j->corrections, ref);
    }
    add_ref(station.corrections, ref);
  }

  /// A pin worked inside extraction; here it is stale when no mention took it, and otherwise listed on the
  /// stations and jurisdictions its mentions became.
  void check_pin(const Correction& c) {
    if (c.place.geonameid && !m_places.place(c, c.pin_name)) {
      mark_stale(c, "geonameid " + std::to_string(*c.place.geonameid) + " is not in the gazetteer");
      return;
    }
    bool used = false;
    for (const RoledMention& m : m_claims.mentions) {
      const bool pinned = std::any_of(m.corrections().begin(), m.corrections().end(),
                                      [&](const CorrectionRef& r) { return r.row == c.row; });
      if (!pinned) {
        continue;
      }
      used = true;
      if (m.role == MentionRole::Station) {
        if (Station* s = station_by_id(station_id_of(m.place()))) {
          add_ref(s->corrections, ref_of(c));
        }
      } else if (m.role == MentionRole::Jurisdiction) {
        if (Jurisdiction* j = jurisdiction_by_id(jurisdiction_id_of(m.place()))) {
          add_ref(j->corrections, ref_of(c));
        }
      }
    }
    if (!used) {
      mark_stale(c, "no mention of '" + c.pin_name + "' in " +
                        (c.pin_document == "*" ? std::string("any document") : "document " + c.pin_document));
    }
  }

  ClaimSet& m_claims;
  const CorrectionPlaces& m_places;
  ProblemReport& m_problems;
  std::string m_source;
  std::map<std::string, std::set<std::string>> m_station_names;      // folded name -> station ids
  std::map<std::string, std::set<std::string>> m_jurisdiction_names; // folded name -> jurisdiction ids
  std::vector<StaleCorrection> m_stale;
};

} // namespace

const char* correction_action_name(CorrectionAction action) {
  return action_names.at(static_cast<std::size_t>(action)).data();
}

CorrectionSet parse_corrections(std::string_view csv, const std::string& source, ProblemReport& problems) {
  const std::vector<CsvRecord> records = read_csv(csv);
  check_header(records, source);
  CorrectionSet set;
  set.source = source;
  for (std::size_t i = 1; i < records.size(); ++i) {
    try {
      set.rows.push_back(read_row(records[i]));
    } catch (const Malformed& m) {
      problems.add({source, "malformed-correction",
                    "line " + std::to_string(records[i].line) + ": " + m.why + "; the row is skipped"});
    }
  }
  return set;
}

std::string_view corrections_header() {
  return "action,target,value,note\n";
}

std::string correction_row_csv(std::string_view action, std::string_view target, std::string_view value,
                               std::string_view note) {
  std::string row;
  bool first = true;
  for (const std::string_view field : {action, target, value, note}) {
    std::string text(field);
    std::replace_if(
        text.begin(), text.end(), [](char c) { return c == '\n' || c == '\r'; }, ' '); // one row per line
    row += (first ? "" : ",") + csv_text_cell(text);
    first = false;
  }
  return row + "\n";
}

CorrectionSet read_corrections(const std::filesystem::path& path, ProblemReport& problems) {
  return parse_corrections(read_file(path), path.string(), problems);
}

CorrectionPlaces::CorrectionPlaces(const CorrectionSet& corrections, const Gazetteer& gazetteer)
    : m_gazetteer(&gazetteer), m_by_geonameid(places_by_geonameid(corrections, gazetteer)) {}

std::optional<Place> CorrectionPlaces::place(const Correction& c, const std::string& name) const {
  if (c.place.geonameid) {
    const auto it = m_by_geonameid.find(*c.place.geonameid);
    return it == m_by_geonameid.end() ? std::nullopt : std::optional<Place>(it->second);
  }
  return point_place(c.place, name, *m_gazetteer);
}

MentionPins::MentionPins(const CorrectionSet& corrections, const CorrectionPlaces& places) {
  for (const Correction& c : corrections.rows) {
    if (c.action != CorrectionAction::Pin) {
      continue;
    }
    if (std::optional<Place> place = places.place(c, c.pin_name)) {
      m_pins.push_back({fold_key(c.pin_name), c.pin_document, {std::move(*place), ref_of(c)}});
    }
  }
}

const MentionPins::Pin* MentionPins::find(std::string_view document, std::string_view text) const {
  if (m_pins.empty()) {
    return nullptr;
  }
  const std::string folded = fold_key(text);
  const Pin* found = nullptr;
  for (const Entry& e : m_pins) {
    if (e.folded_name == folded && (e.document == "*" || e.document == document)) {
      found = &e.pin;
    }
  }
  return found;
}

std::vector<StaleCorrection> apply_corrections(ClaimSet& claims, const CorrectionSet& corrections,
                                               const CorrectionPlaces& places, ProblemReport& problems) {
  Applier applier(claims, places, problems, corrections.source);
  applier.apply(corrections.rows);
  applier.finish();
  return applier.stale();
}

CorrectionPass::CorrectionPass(const std::filesystem::path& file, const Gazetteer& gazetteer, ProblemReport& problems)
    : m_set(file.empty() ? CorrectionSet{} : read_corrections(file, problems)), m_places(m_set, gazetteer),
      m_pins(m_set, m_places) {}

std::vector<StaleCorrection> CorrectionPass::apply(ClaimSet& claims, ProblemReport& problems) const {
  return apply_corrections(claims, m_set, m_places, problems);
}

} // namespace stationmap
