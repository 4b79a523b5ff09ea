#include "outputs.hpp"

#include <cmath>
#include <cstdio>

namespace stationmap::render::detail {

std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    return std::string(text);
  }
  std::string out = "\"";
  for (char c : text) {
    if (c == '"')
      out += '"';
    out += c;
  }
  return out + "\"";
}

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

std::string mentions_csv(const std::vector<RoledMention>& mentions) {
  std::string out = "document,start,end,text,place_id,lat,lon,role,sentence,name,country,reason\n";
  for (const auto& m : mentions) {
    const char* role = mention_role_name(m.role);
    const std::string place_id =
        !m.resolved ? std::string() : (m.place_id.empty() ? "place-" + std::to_string(m.place.id) : m.place_id);
    out += csv_field(m.document) + ',' + std::to_string(m.start) + ',' + std::to_string(m.end) + ',' +
           csv_field(m.text) + ',' + csv_field(place_id) + ',' +
           (m.resolved ? format_degrees(m.place.lat) : std::string()) + ',' +
           (m.resolved ? format_degrees(m.place.lon) : std::string()) + ',' + role + ',' + csv_field(m.sentence) + ',' +
           csv_field(m.resolved ? m.place.name : std::string()) + ',' +
           csv_field(m.resolved ? m.place.country : std::string()) + ',' + csv_field(m.reason) + '\n';
  }
  return out;
}

std::string problems_csv(const std::vector<Problem>& problems) {
  std::string out = "file,kind,detail\n";
  for (const auto& p : problems) {
    out += csv_field(p.file) + ',' + csv_field(p.kind) + ',' + csv_field(p.detail) + '\n';
  }
  return out;
}

std::string review_csv(const std::vector<ReviewItem>& items) {
  std::string out = "kind,id,name,documents,detail\n";
  for (const auto& item : items) {
    std::string documents;
    for (const auto& d : item.documents) {
      documents += (documents.empty() ? "" : "; ") + d;
    }
    out += csv_field(item.kind) + ',' + csv_field(item.id) + ',' + csv_field(item.name) + ',' + csv_field(documents) +
           ',' + csv_field(item.detail) + '\n';
  }
  return out;
}

} // namespace stationmap::render::detail
