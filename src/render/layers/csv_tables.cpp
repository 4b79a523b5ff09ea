#include "layers/outputs.hpp"
#include "layers/prefetch.hpp"
#include "stationmap/core/csv.hpp"

#include <cmath>
#include <cstdio>
#include <map>
#include <unordered_map>
#include <utility>

namespace stationmap::render::detail {

std::string format_degrees(double value) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.7f", value);
  std::string s(buffer);
  while (s.back() == '0')
    s.pop_back();
  if (s.back() == '.')
    s.pop_back();
  if (s == "-0")
    s = "0";
  return s;
}

namespace {

/// The cells of mentions.csv formatted from the place alone (id, lat, lon), once per place: the mentions share
/// their Place, and a corpus has far fewer places than mentions.
struct PlaceCells {
  std::string place_id;
  std::string lat;
  std::string lon;
};

/// The reason cell of a mention, built once per reason and note (nearly every mention has no note).
class ReasonCells {
public:
  std::string_view of(const RoledMention& m) {
    const auto it = m_cells.find({m.reason, m.note()});
    if (it != m_cells.end()) {
      return it->second;
    }
    return m_cells.emplace(std::pair<Reason, std::string>{m.reason, m.note()}, reason_text(m)).first->second;
  }

private:
  std::map<std::pair<Reason, std::string>, std::string> m_cells;
};

const PlaceCells& place_cells(const RoledMention& m, std::unordered_map<const Place*, PlaceCells>& cells) {
  const Place* place = m.resolved_place.get();
  auto [it, fresh] = cells.try_emplace(place);
  if (fresh && m.resolved()) {
    it->second = {m.place_id(), format_degrees(place->lat), format_degrees(place->lon)};
  }
  return it->second;
}

} // namespace

void write_mentions_csv(const std::deque<RoledMention>& mentions, const std::filesystem::path& file) {
  CsvFile out(file, {"document", "start", "end", "text", "place_id", "lat", "lon", "role", "sentence", "name",
                     "country", "reason", "reason_code"});
  std::unordered_map<const Place*, PlaceCells> places; // unresolved: nullptr, empty cells
  ReasonCells reasons;
  visit_prefetched(mentions, [&](const RoledMention& m) {
    CsvWriter& csv = out.row();
    const PlaceCells& place = place_cells(m, places);
    csv.text(m.document()).number(m.start).number(m.end).text(m.text).text(place.place_id);
    csv.number(place.lat).number(place.lon);
    csv.text(mention_role_name(m.role)).text(m.sentence());
    csv.text(m.place().name).text(m.place().country); // empty when unresolved
    csv.text(reasons.of(m)).text(reason_code(m.reason)).end_row();
  });
  out.commit();
}

void write_problems_csv(const std::vector<Problem>& problems, const std::filesystem::path& file) {
  CsvFile out(file, {"file", "kind", "detail"});
  for (const auto& p : problems) {
    out.row().text(p.file).text(p.kind).text(p.detail).end_row();
  }
  out.commit();
}

void write_review_csv(const std::vector<ReviewItem>& items, const std::filesystem::path& file) {
  CsvFile out(file, {"kind", "id", "name", "documents", "detail"});
  for (const auto& item : items) {
    std::string documents;
    for (const auto& d : item.documents) {
      documents += (documents.empty() ? "" : "; ") + d;
    }
    out.row().text(item.kind).text(item.id).text(item.name).text(documents).text(item.detail).end_row();
  }
  out.commit();
}

} // namespace stationmap::render::detail
