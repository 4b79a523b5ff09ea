#include "layers/outputs.hpp"
#include "stationmap/core/csv.hpp"

#include <cmath>
#include <cstdio>

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

void write_mentions_csv(const std::vector<RoledMention>& mentions, const std::filesystem::path& file) {
  CsvFile out(file, {"document", "start", "end", "text", "place_id", "lat", "lon", "role", "sentence", "name",
                     "country", "reason", "reason_code"});
  for (const auto& m : mentions) {
    CsvWriter& csv = out.row();
    const char* role = mention_role_name(m.role);
    const std::string place_id = m.place_id(); // empty when unresolved
    csv.text(m.document()).number(m.start).number(m.end).text(m.text).text(place_id);
    csv.number(m.resolved() ? format_degrees(m.place().lat) : std::string());
    csv.number(m.resolved() ? format_degrees(m.place().lon) : std::string());
    csv.text(role).text(m.sentence());
    csv.text(m.resolved() ? m.place().name : std::string()).text(m.resolved() ? m.place().country : std::string());
    csv.text(reason_text(m)).text(reason_code(m.reason)).end_row();
  }
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
