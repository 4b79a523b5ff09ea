#include "layers/layer_model.hpp"

#include "layers/json_string.hpp"
#include "layers/prefetch.hpp"
#include "stationmap/core/byte_scan.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/core/utf8.hpp"
#include "styles/styles.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

namespace stationmap::render::detail {

namespace {

using Json = nlohmann::ordered_json;

/// JSON text that never throws: invalid UTF-8 (which ingest should not let through) becomes U+FFFD.
std::string dump(const Json& json) {
  return json.dump(-1, ' ', false, Json::error_handler_t::replace);
}

/// The items of @p items in the order of their @p id (a member or a function of an item): rows in a stable order.
template <typename Items, typename Id> auto sorted_by(const Items& items, Id id) {
  using T = typename Items::value_type;
  std::vector<const T*> sorted;
  for (const T& item : items) {
    sorted.push_back(&item);
  }
  std::sort(sorted.begin(), sorted.end(),
            [&](const T* a, const T* b) { return std::invoke(id, *a) < std::invoke(id, *b); });
  return sorted;
}

/// @p text as a JSON string, exactly as dump() writes it: escaped as json_string.hpp spells it, unless it is not
/// valid UTF-8 (which ingest should not let through): then dump() replaces what is not. Plain ASCII text (ids,
/// most sentences) is looked at once.
void append_json_string(std::string& out, std::string_view text) {
  if (append_plain_json_quoted(out, text)) {
    return;
  }
  if (byte_scan::holds_non_ascii(text) && !utf8::is_valid(text)) {
    out += dump(Json(std::string(text)));
    return;
  }
  append_json_quoted(out, text);
}

/// A JSON array or object written as text, item by item (as dump() writes it, without a tree in between). Objects
/// inside an array are written in place (open_item(), member()..., close_item()): no text of their own.
class JsonText {
public:
  explicit JsonText(char open) : m_text(1, open) {}
  /// The next item of an array: a string.
  JsonText& item(std::string_view text) {
    separate();
    append_json_string(m_text, text);
    return *this;
  }
  /// The next item of an array: an object (@p open '{') or array, whose members or items follow.
  JsonText& open_item(char open) {
    separate();
    m_text += open;
    m_first = true;
    return *this;
  }
  /// The end of the item open_item() began.
  JsonText& close_item(char end) {
    m_text += end;
    m_first = false;
    return *this;
  }
  /// The next member of an object.
  JsonText& member(std::string_view key, std::string_view text) {
    key_of(key);
    append_json_string(m_text, text);
    return *this;
  }
  JsonText& member(std::string_view key, std::int64_t number) {
    key_of(key);
    m_text += std::to_string(number);
    return *this;
  }
  /// The finished text.
  std::string close(char end) && {
    m_text += end;
    return std::move(m_text);
  }

private:
  void separate() {
    if (!m_first) {
      m_text += ',';
    }
    m_first = false;
  }
  /// @p key: one of this file's own member names, plain ASCII ("document", "row"...): written as it is.
  void key_of(std::string_view key) {
    separate();
    m_text += '"';
    m_text += key;
    m_text += "\":";
  }
  std::string m_text;
  bool m_first = true; ///< nothing written yet in the innermost open array or object
};

/// The text of @p item (a string or a view), asked for ahead of use: the texts an array lists (document ids...) are
/// scattered over the heap.
template <typename String> void prefetch_text(const String& item) {
  prefetch(std::string_view(item).data());
}

template <typename Strings> Value string_array(const Strings& items) {
  JsonText array('[');
  auto ahead = std::begin(items); // prefetch_ahead items on
  for (std::size_t i = 0; i < prefetch_ahead && ahead != std::end(items); ++i) {
    ++ahead;
  }
  for (const auto& item : items) {
    if (ahead != std::end(items)) {
      prefetch_text(*ahead++);
    }
    array.item(item);
  }
  return Value::json(std::move(array).close(']'));
}

/// The evidence as a JSON array of objects: the first @p max_items items, sentences cut to @p max_sentence_bytes.
Value evidence_array(const std::vector<Evidence>& evidence, std::size_t max_items = SIZE_MAX,
                     std::size_t max_sentence_bytes = SIZE_MAX) {
  JsonText array('[');
  visit_prefetched(evidence, std::min(evidence.size(), max_items), [&](const Evidence& e) {
    array.open_item('{');
    array.member("document", e.document());
    if (!e.title().empty())
      array.member("title", e.title());
    if (!e.url().empty())
      array.member("url", e.url());
    if (!e.date().empty())
      array.member("date", e.date());
    if (e.sentence().size() <= max_sentence_bytes) {
      array.member("sentence", e.sentence());
    } else {
      array.member("sentence", utf8::truncate(e.sentence(), max_sentence_bytes));
    }
    array.close_item('}');
  });
  return Value::json(std::move(array).close(']'));
}

/// The tiles' excerpt of the evidence (field evidence_excerpt).
Value evidence_excerpt(const std::vector<Evidence>& evidence) {
  return evidence_array(evidence, excerpt_sentences, excerpt_sentence_bytes);
}

/// A row's values, moved in: a braced list would copy each (the JSON arrays are most of a layer's memory).
template <typename... Values> std::vector<Value> values_of(Values&&... values) {
  std::vector<Value> out;
  out.reserve(sizeof...(values));
  (out.push_back(std::forward<Values>(values)), ...);
  return out;
}

std::int64_t as_count(std::size_t n) {
  return static_cast<std::int64_t>(n);
}

/// The analysts' corrections that touched a feature: [{"row": 4, "action": "reject", "note": "..."}].
Value corrections_array(const std::vector<CorrectionRef>& corrections) {
  JsonText array('[');
  for (const auto& c : corrections) {
    array.open_item('{');
    array.member("row", static_cast<std::int64_t>(c.row)).member("action", c.action).member("note", c.note);
    array.close_item('}');
  }
  return Value::json(std::move(array).close(']'));
}

/// Views of strings, sorted, each once.
using SortedViews = std::vector<std::string_view>;

/// Views of strings as they come, made sorted and unique by sorted_unique() once all are in: cheap when they come
/// sorted (a feature's evidence and the mentions come in document order), which add_view() notes as it goes.
struct ViewList {
  SortedViews items;
  bool in_order = true; ///< each item was above the one before it: sorted and unique as it is
};

/// Adds @p item to @p list; the same item again in a row is left out at once.
void add_view(ViewList& list, std::string_view item) {
  if (!list.items.empty()) {
    const int order = list.items.back().compare(item);
    if (order == 0) {
      return;
    }
    list.in_order = list.in_order && order < 0;
  }
  list.items.push_back(item);
}

SortedViews sorted_unique(ViewList&& list) {
  SortedViews items = std::move(list.items);
  if (!list.in_order) {
    std::sort(items.begin(), items.end());
    items.erase(std::unique(items.begin(), items.end()), items.end());
  }
  return items;
}

/// The ids of the documents of @p evidence, sorted, each once.
SortedViews documents_of(const std::vector<Evidence>& evidence) {
  ViewList documents;
  visit_prefetched(evidence, [&](const Evidence& e) { add_view(documents, e.document()); });
  return sorted_unique(std::move(documents));
}

/// A feature's documents: its own list when it has one (as it is), else those of its evidence.
SortedViews documents_of(const std::vector<std::string>& documents, const std::vector<Evidence>& evidence) {
  return documents.empty() ? documents_of(evidence) : SortedViews(documents.begin(), documents.end());
}

Value optional_string(const std::string& s) {
  return s.empty() ? Value::none() : Value::of(s);
}

Value geonameid_of(const Place& p) {
  return p.geonameid ? Value::of(static_cast<std::int64_t>(*p.geonameid)) : Value::none();
}

Row point_row(const Place& p) {
  Row row;
  row.shape.parts.push_back({LonLat{p.lon, p.lat}});
  return row;
}

int role_rank(MentionRole role) {
  switch (role) {
  case MentionRole::Station:
    return 0;
  case MentionRole::Jurisdiction:
    return 1;
  case MentionRole::Rejected:
    return 2;
  case MentionRole::Other:
    return 3;
  }
  return 3;
}

/// Names of the jurisdictions by jurisdiction_id.
std::map<std::string, std::string> jurisdiction_names_of(const ClaimSet& claims) {
  std::map<std::string, std::string> names;
  for (const auto& j : claims.jurisdictions) {
    names[j.jurisdiction_id] = j.place.name;
  }
  return names;
}

/// The values of the stations layer's fields for @p s (a station, or the site a candidate would be).
std::vector<Value> station_values(const Station& s, const std::map<std::string, std::string>& jurisdiction_names) {
  std::vector<std::string> names;
  for (const auto& id : s.jurisdiction_ids) {
    const auto it = jurisdiction_names.find(id);
    names.push_back(it != jurisdiction_names.end() ? it->second : id);
  }
  const SortedViews documents = documents_of(s.documents, s.evidence);
  return values_of(Value::of(s.station_id), Value::of(s.place.name), Value::of(s.place.country), Value::of(s.precision),
                   Value::of(std::string(status_name(s.status))), optional_string(s.status_date),
                   Value::of(static_cast<std::int64_t>(s.station_count)), string_array(s.jurisdiction_ids),
                   string_array(names), string_array(documents), Value::of(as_count(documents.size())),
                   evidence_array(s.evidence), Value::of(as_count(s.evidence.size())), evidence_excerpt(s.evidence),
                   Value::of(std::round(s.confidence * 1000.0) / 1000.0), optional_string(s.address),
                   optional_string(s.place.admin1_name), Value::of(s.place.feature_code), geonameid_of(s.place),
                   Value::boolean(s.verified), corrections_array(s.corrections));
}

Layer stations_layer(const ClaimSet& claims, Extent& extent) {
  Layer layer{"stations", GeomType::Point, fields_of(layer_spec("stations")), {}};
  const std::map<std::string, std::string> jurisdiction_names = jurisdiction_names_of(claims);
  for (const Station* s : sorted_by(claims.stations, &Station::station_id)) {
    Row row = point_row(s->place);
    extent.add({s->place.lon, s->place.lat});
    row.values = station_values(*s, jurisdiction_names);
    layer.rows.push_back(std::move(row));
  }
  return layer;
}

/// Sites in doubt: the stations' fields, then the reasons (the first in words and as a code, then all codes).
/// They do not widen the map's extent: the map is framed on what it claims.
Layer candidates_layer(const ClaimSet& claims) {
  Layer layer{"candidates", GeomType::Point, fields_of(layer_spec("candidates")), {}};
  const std::map<std::string, std::string> jurisdiction_names = jurisdiction_names_of(claims);
  const auto station_id = [](const SiteCandidate& c) -> const std::string& { return c.site.station_id; };
  for (const SiteCandidate* c : sorted_by(claims.candidates, station_id)) {
    Row row = point_row(c->site.place);
    row.values = station_values(c->site, jurisdiction_names);
    const Reason first = c->reasons.empty() ? Reason::UncertainName : c->reasons.front();
    std::vector<std::string> codes;
    for (const Reason r : c->reasons) {
      codes.emplace_back(reason_code(r));
    }
    row.values.push_back(Value::of(std::string(reason_description(first))));
    row.values.push_back(Value::of(std::string(reason_code(first))));
    row.values.push_back(string_array(codes));
    layer.rows.push_back(std::move(row));
  }
  return layer;
}

Layer jurisdictions_layer(const ClaimSet& claims, Extent& extent) {
  Layer layer{"jurisdictions", GeomType::Point, fields_of(layer_spec("jurisdictions")), {}};
  std::map<std::string, const Station*> stations;
  for (const auto& s : claims.stations)
    stations[s.station_id] = &s;
  std::size_t index = 0;
  for (const auto& j : claims.jurisdictions) { // sorted by jurisdiction_id (ClaimSet contract)
    Row row = point_row(j.place);
    extent.add({j.place.lon, j.place.lat});
    std::vector<std::string> names;
    std::int64_t count = 0;
    for (const auto& id : j.station_ids) {
      const auto it = stations.find(id);
      names.push_back(it != stations.end() ? it->second->place.name : id);
      count += it != stations.end() ? std::max(it->second->station_count, 1) : 1;
    }
    const SortedViews documents = documents_of(j.documents, j.evidence);
    row.values =
        values_of(Value::of(j.jurisdiction_id), Value::of(j.place.name), Value::of(j.admin_level),
                  optional_string(j.province.empty() ? j.place.admin1_name : j.province), Value::of(j.place.country),
                  string_array(j.station_ids), string_array(names), Value::of(count), string_array(documents),
                  Value::of(as_count(documents.size())), evidence_array(j.evidence),
                  Value::of(as_count(j.evidence.size())), evidence_excerpt(j.evidence),
                  Value::of(jurisdiction_colour(index++)), geonameid_of(j.place), corrections_array(j.corrections));
    layer.rows.push_back(std::move(row));
  }
  return layer;
}

Layer links_layer(const ClaimSet& claims, ProblemReport& problems, const RenderOptions& options) {
  Layer layer{"links", GeomType::Line, fields_of(layer_spec("links")), {}};
  std::map<std::string, const Station*> stations;
  for (const auto& s : claims.stations)
    stations[s.station_id] = &s;
  std::map<std::string, std::pair<const Jurisdiction*, std::size_t>> jurisdictions;
  for (std::size_t i = 0; i < claims.jurisdictions.size(); ++i) {
    jurisdictions[claims.jurisdictions[i].jurisdiction_id] = {&claims.jurisdictions[i], i};
  }
  for (const Link* link : sorted_by(claims.links, &Link::link_id)) {
    const auto s = stations.find(link->station_id);
    const auto j = jurisdictions.find(link->jurisdiction_id);
    if (s == stations.end() || j == jurisdictions.end()) {
      problems.add(
          {"", "link-without-end",
           "link " + link->link_id + " names " +
               (s == stations.end() ? "station " + link->station_id : "jurisdiction " + link->jurisdiction_id) +
               ", which is not in the map; the link is left out"});
      continue;
    }
    const LonLat from{j->second.first->place.lon, j->second.first->place.lat};
    const LonLat to{s->second->place.lon, s->second->place.lat};
    Row row;
    row.shape.parts = link_path(from, to, options.max_segment_m);
    if (row.shape.parts.empty()) {
      problems.add({"", "degenerate-link",
                    "link " + link->link_id + ": station and jurisdiction are at the same place; not drawn"});
      continue;
    }
    const double metres = geodesic_distance(from, to);
    const SortedViews documents = documents_of(link->evidence);
    row.values = values_of(Value::of(link->link_id), Value::of(link->station_id), Value::of(link->jurisdiction_id),
                           Value::of(s->second->place.name), Value::of(j->second.first->place.name),
                           string_array(documents), Value::of(as_count(documents.size())),
                           evidence_array(link->evidence), Value::of(as_count(link->evidence.size())),
                           evidence_excerpt(link->evidence), Value::of(std::round(metres / 100.0) / 10.0),
                           Value::of(jurisdiction_colour(j->second.second)), corrections_array(link->corrections));
    layer.rows.push_back(std::move(row));
  }
  return layer;
}

Layer gather_places_layer(const std::deque<RoledMention>& mentions, Extent& extent) {
  Layer layer{"places", GeomType::Point, fields_of(layer_spec("places")), {}};
  struct Acc {
    const RoledMention* first = nullptr;
    MentionRole role = MentionRole::Other;
    std::string reason; // why rejected, when the role is "rejected"
    std::map<std::size_t, CorrectionRef> corrections;
    std::int64_t mentions = 0;
    ViewList documents; // views of the claims' strings: no copy per mention
    std::set<std::string_view> names;
  };
  std::map<std::string, Acc> places;
  std::unordered_map<const Place*, Acc*> of_place; // the mentions share their Place: its id is made once
  visit_prefetched(mentions, [&](const RoledMention& m) {
    if (!m.resolved())
      return;
    Acc*& found = of_place[m.resolved_place.get()];
    if (found == nullptr) {
      found = &places[m.place_id()];
    }
    Acc& acc = *found;
    if (acc.first == nullptr) {
      acc.first = &m;
      acc.role = m.role;
    } else if (role_rank(m.role) < role_rank(acc.role)) {
      acc.role = m.role;
    }
    if (m.role == MentionRole::Rejected && acc.reason.empty()) {
      acc.reason = reason_text(m);
    }
    for (const auto& c : m.corrections()) {
      acc.corrections.emplace(c.row, c);
    }
    ++acc.mentions;
    add_view(acc.documents, m.document());
    acc.names.insert(m.text);
  });
  for (auto& [id, acc] : places) {
    const SortedViews documents = sorted_unique(std::move(acc.documents));
    const Place& p = acc.first->place();
    std::vector<CorrectionRef> corrections;
    for (const auto& [row, c] : acc.corrections) {
      corrections.push_back(c);
    }
    Row row = point_row(p);
    extent.add({p.lon, p.lat});
    row.values =
        values_of(Value::of(id), Value::of(p.name), Value::of(p.country), Value::of(p.feature_code),
                  Value::of(std::string(mention_role_name(acc.role))), Value::of(acc.mentions), string_array(documents),
                  Value::of(as_count(documents.size())), string_array(acc.names), optional_string(p.admin1_name),
                  geonameid_of(p), optional_string(acc.role == MentionRole::Rejected ? acc.reason : std::string()),
                  corrections_array(corrections));
    layer.rows.push_back(std::move(row));
  }
  return layer;
}

Layer areas_layer(const ClaimSet& claims, const std::vector<BoundaryMatch>& areas) {
  Layer layer{"jurisdiction_areas", GeomType::MultiPolygon, fields_of(layer_spec("jurisdiction_areas")), {}};
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < claims.jurisdictions.size(); ++i) {
    index[claims.jurisdictions[i].jurisdiction_id] = i;
  }
  for (const BoundaryMatch* a : sorted_by(areas, &BoundaryMatch::jurisdiction_id)) {
    const auto it = index.find(a->jurisdiction_id);
    if (it == index.end())
      continue;
    const Jurisdiction& j = claims.jurisdictions[it->second];
    Row row;
    row.shape.wkb = a->wkb;
    row.values =
        values_of(Value::of(j.jurisdiction_id), Value::of(j.place.name),
                  optional_string(j.province.empty() ? j.place.admin1_name : j.province),
                  Value::of(static_cast<std::int64_t>(j.station_ids.size())),
                  Value::of(jurisdiction_colour(it->second)), Value::of(a->source_name), Value::of(a->matched_by));
    layer.rows.push_back(std::move(row));
  }
  return layer;
}

} // namespace

Value Value::of(std::string s) {
  Value v;
  v.null = false;
  v.text = std::move(s);
  return v;
}
Value Value::of(std::int64_t i) {
  Value v;
  v.null = false;
  v.integer = i;
  return v;
}
Value Value::of(double d) {
  Value v;
  v.null = false;
  v.real = d;
  return v;
}
Value Value::boolean(bool b) {
  Value v;
  v.null = false;
  v.integer = b ? 1 : 0;
  return v;
}
Value Value::json(std::string json_text) {
  Value v;
  v.null = false;
  v.text = std::move(json_text);
  return v;
}

std::vector<Field> fields_of(const LayerSpec& spec) {
  std::vector<Field> fields;
  for (const FieldSpec& f : spec.fields) {
    fields.push_back({std::string(f.name), std::string(f.shp_name), f.type, in_files(f.carried)});
  }
  return fields;
}

void Extent::add(LonLat p) {
  min_lon = std::min(min_lon, p.lon);
  max_lon = std::max(max_lon, p.lon);
  min_lat = std::min(min_lat, p.lat);
  max_lat = std::max(max_lat, p.lat);
}

void check_row_sizes(const Layer& layer) { // one value per schema field, in its order
  for (const Row& row : layer.rows) {
    if (row.values.size() != layer.fields.size()) {
      throw Error("layer " + layer.name + ": a row has " + std::to_string(row.values.size()) + " values for " +
                  std::to_string(layer.fields.size()) + " schema fields");
    }
  }
}

Layer places_layer(const std::deque<RoledMention>& mentions, Extent& extent) {
  Layer layer = gather_places_layer(mentions, extent);
  check_row_sizes(layer);
  return layer;
}

void build_layers_above_places(const ClaimSet& claims, const std::vector<BoundaryMatch>& areas, ProblemReport& problems,
                               const RenderOptions& options, Extent& extent, const std::function<void(Layer&&)>& take) {
  auto hand_on = [&](Layer&& layer) {
    check_row_sizes(layer);
    take(std::move(layer));
  };
  if (!options.boundaries.empty()) {
    hand_on(areas_layer(claims, areas));
  }
  hand_on(links_layer(claims, problems, options));
  hand_on(candidates_layer(claims)); // under the claims, drawn apart (styles/candidates.qml)
  hand_on(jurisdictions_layer(claims, extent));
  hand_on(stations_layer(claims, extent));
}

void build_layers(const ClaimSet& claims, const std::vector<BoundaryMatch>& areas, ProblemReport& problems,
                  const RenderOptions& options, Extent& extent, const std::function<void(Layer&&)>& take) {
  take(places_layer(claims.mentions, extent));
  build_layers_above_places(claims, areas, problems, options, extent, take);
}

MapModel build_model(const ClaimSet& claims, const std::vector<BoundaryMatch>& areas, ProblemReport& problems,
                     const RenderOptions& options) {
  MapModel model;
  build_layers(claims, areas, problems, options, model.extent,
               [&](Layer&& layer) { model.layers.push_back(std::move(layer)); });
  return model;
}

} // namespace stationmap::render::detail
