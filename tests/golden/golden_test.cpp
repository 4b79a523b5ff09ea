// Golden end-to-end cases: tests/golden/<case>/docs/ are documents written for the test, expected.json the
// layers a correct build gives (build_map, the pipeline's library call). Points are compared within 25 km
// (stations) and 50 km (jurisdictions), the tolerances of the corpus scorer; names of traps must not appear
// among stations. An analyst adds a case as a folder: docs/ and expected.json with "stations", "jurisdictions",
// "links", optionally "absent_stations", "absent_jurisdictions", "reasons" ([{"text": "Beijing",
// "reason": "metonymy"}]: every mention written so has that reason code in mentions.csv, see
// include/stationmap/extract/claims.hpp, Reason) and "candidates" (the sites in doubt of candidates.geojson,
// as stations are given, each with its "reason" code; when given, there are no others). In every case each
// mention's reason code is from the one list and agrees with its role, and no candidate is also a station.

#include "stationmap/core/csv_read.hpp"
#include "stationmap/extract/claims.hpp"
#include "stationmap/pipeline/build_map.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

struct Feature {
  std::string id;
  std::string name;
  double lat = 0;
  double lon = 0;
  std::string country;
};

double km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double rad = 3.14159265358979323846 / 180.0;
  const double h = std::pow(std::sin((lat2 - lat1) * rad / 2), 2) +
                   std::cos(lat1 * rad) * std::cos(lat2 * rad) * std::pow(std::sin((lon2 - lon1) * rad / 2), 2);
  return 2 * 6371.0088 * std::asin(std::min(1.0, std::sqrt(h)));
}

nlohmann::json read_json(const fs::path& p) {
  std::ifstream in(p);
  return nlohmann::json::parse(in);
}

std::vector<Feature> read_points(const fs::path& p, const char* id_field) {
  std::vector<Feature> out;
  const nlohmann::json doc = read_json(p);
  for (const auto& f : doc["features"]) {
    Feature x;
    x.id = f["properties"][id_field].get<std::string>();
    x.name = f["properties"]["name"].get<std::string>();
    x.lon = f["geometry"]["coordinates"][0].get<double>();
    x.lat = f["geometry"]["coordinates"][1].get<double>();
    if (f["properties"].contains("country") && f["properties"]["country"].is_string()) {
      x.country = f["properties"]["country"].get<std::string>();
    }
    out.push_back(x);
  }
  return out;
}

const Feature* near(const std::vector<Feature>& fs, const nlohmann::json& e, double tolerance_km) {
  for (const Feature& f : fs) {
    if (km(f.lat, f.lon, e["lat"].get<double>(), e["lon"].get<double>()) <= tolerance_km) {
      return &f;
    }
  }
  return nullptr;
}

class GoldenCase : public ::testing::TestWithParam<std::string> {};

/// mentions.csv as rows of named fields.
std::vector<std::map<std::string, std::string>> read_mentions(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::vector<stationmap::CsvRecord> records = stationmap::read_csv(text);
  std::vector<std::map<std::string, std::string>> rows;
  for (std::size_t r = 1; r < records.size(); ++r) {
    std::map<std::string, std::string> row;
    for (std::size_t f = 0; f < records[0].fields.size() && f < records[r].fields.size(); ++f) {
      row[records[0].fields[f]] = records[r].fields[f];
    }
    rows.push_back(std::move(row));
  }
  return rows;
}

/// Every mention has a reason code from the one list; the expected reasons hold for every mention so written.
void check_reasons(const fs::path& mentions_csv, const nlohmann::json& expected) {
  const auto rows = read_mentions(mentions_csv);
  for (const auto& row : rows) {
    const auto reason = stationmap::parse_reason(row.at("reason_code"));
    ASSERT_TRUE(reason.has_value()) << row.at("text") << ": reason code '" << row.at("reason_code") << "'";
    EXPECT_EQ(row.at("role"), stationmap::mention_role_name(stationmap::role_of_reason(*reason)))
        << row.at("text") << ": role and reason code '" << row.at("reason_code") << "' disagree";
  }
  if (!expected.contains("reasons")) {
    return;
  }
  for (const auto& e : expected["reasons"]) {
    const std::string text = e["text"].get<std::string>();
    std::size_t seen = 0;
    for (const auto& row : rows) {
      if (row.at("text") == text) {
        ++seen;
        EXPECT_EQ(row.at("reason_code"), e["reason"].get<std::string>()) << text << " in: " << row.at("sentence");
      }
    }
    EXPECT_GT(seen, 0U) << "no mention of " << text;
  }
}

/// The candidates are the expected ones (when the case lists them), each with its reason; none is a station.
void check_candidates(const fs::path& out, const std::vector<Feature>& stations, const nlohmann::json& expected) {
  const auto candidates = read_points(out / "candidates.geojson", "station_id");
  for (const Feature& c : candidates) {
    EXPECT_TRUE(std::none_of(stations.begin(), stations.end(), [&](const Feature& s) { return s.id == c.id; }))
        << c.name << " is both a station and a candidate";
  }
  if (!expected.contains("candidates")) {
    return;
  }
  const nlohmann::json layer = read_json(out / "candidates.geojson");
  for (const auto& e : expected["candidates"]) {
    const Feature* f = near(candidates, e, 25.0);
    ASSERT_NE(f, nullptr) << "missing candidate " << e["name"] << " among " << candidates.size();
    EXPECT_EQ(f->country, e["country"].get<std::string>());
    for (const auto& feature : layer["features"]) {
      if (feature["properties"]["station_id"] == f->id) {
        EXPECT_EQ(feature["properties"]["reason_code"], e["reason"]) << f->name;
        EXPECT_FALSE(feature["properties"]["evidence"].empty()) << f->name;
      }
    }
  }
  EXPECT_EQ(candidates.size(), expected["candidates"].size()) << "unexpected extra candidates";
}

TEST_P(GoldenCase, BuildsTheExpectedLayers) {
  const fs::path dir = fs::path(STATIONMAP_GOLDEN_DIR) / GetParam();
  const fs::path out =
      fs::temp_directory_path() / ("stationmap-golden-" + GetParam() + "-" + std::to_string(::getpid()));
  fs::remove_all(out);
  stationmap::BuildOptions options;
  options.outdir = out;
  const stationmap::BuildSummary summary = stationmap::build_map({dir / "docs"}, options);
  ASSERT_TRUE(summary.written) << out;
  ASSERT_EQ(summary.documents_skipped, 0U);
  const nlohmann::json expected = read_json(dir / "expected.json");
  const auto stations = read_points(out / "stations.geojson", "station_id");
  const auto jurisdictions = read_points(out / "jurisdictions.geojson", "jurisdiction_id");
  std::map<std::string, std::string> station_of; // expected name -> station id
  for (const auto& e : expected["stations"]) {
    const Feature* f = near(stations, e, 25.0);
    ASSERT_NE(f, nullptr) << "missing station " << e["name"] << " among " << stations.size() << " stations in " << out;
    EXPECT_EQ(f->country, e["country"].get<std::string>());
    station_of[e["name"].get<std::string>()] = f->id;
  }
  EXPECT_EQ(stations.size(), expected["stations"].size()) << "unexpected extra stations";
  for (const auto& trap : expected["absent_stations"]) {
    for (const Feature& f : stations) {
      EXPECT_NE(f.name, trap.get<std::string>()) << "a trap became a station";
    }
  }
  std::map<std::string, std::string> jurisdiction_of;
  for (const auto& e : expected["jurisdictions"]) {
    const Feature* f = near(jurisdictions, e, 50.0);
    ASSERT_NE(f, nullptr) << "missing jurisdiction " << e["name"];
    jurisdiction_of[e["name"].get<std::string>()] = f->id;
  }
  if (expected.contains("absent_jurisdictions")) {
    for (const auto& trap : expected["absent_jurisdictions"]) {
      for (const Feature& f : jurisdictions) {
        EXPECT_NE(f.name, trap.get<std::string>());
      }
    }
  }
  std::set<std::pair<std::string, std::string>> links;
  const nlohmann::json link_doc = read_json(out / "links.geojson");
  for (const auto& f : link_doc["features"]) {
    links.emplace(f["properties"]["station_id"].get<std::string>(),
                  f["properties"]["jurisdiction_id"].get<std::string>());
  }
  for (const auto& l : expected["links"]) {
    const auto key = std::make_pair(station_of[l[0].get<std::string>()], jurisdiction_of[l[1].get<std::string>()]);
    EXPECT_EQ(links.count(key), 1U) << "missing link " << l[0] << " - " << l[1];
  }
  EXPECT_EQ(links.size(), expected["links"].size()) << "unexpected extra links";
  check_reasons(out / "mentions.csv", expected);
  check_candidates(out, stations, expected);
  fs::remove_all(out);
}

std::vector<std::string> cases() {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(STATIONMAP_GOLDEN_DIR)) {
    if (entry.is_directory() && fs::exists(entry.path() / "expected.json") && fs::is_directory(entry.path() / "docs")) {
      names.push_back(entry.path().filename().string());
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

INSTANTIATE_TEST_SUITE_P(Cases, GoldenCase, ::testing::ValuesIn(cases()),
                         [](const auto& test_case) { return test_case.param; });

} // namespace
