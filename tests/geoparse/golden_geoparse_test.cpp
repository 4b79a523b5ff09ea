// Golden documents: tests/golden/geoparse_<case>/input.txt, written for the test, and expected.json, the
// places a correct geoparse finds (name as written, country, optionally lat/lon within tolerance_km) and the
// words it must not report ("absent"); "known_misses" documents what the geoparser still gets wrong there.
// Run on the embedded gazetteer.

#include "test_support.hpp"

#include <cmath>
#include <fstream>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <sstream>

namespace fs = std::filesystem;
using stationmap::Geoparser;
using stationmap::Mention;

namespace {

double km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double rad = 3.14159265358979323846 / 180.0;
  const double h = std::pow(std::sin((lat2 - lat1) * rad / 2), 2) +
                   std::cos(lat1 * rad) * std::cos(lat2 * rad) * std::pow(std::sin((lon2 - lon1) * rad / 2), 2);
  return 2 * 6371.0088 * std::asin(std::min(1.0, std::sqrt(h)));
}

std::vector<fs::path> cases() {
  std::vector<fs::path> out;
  const fs::path golden = fs::path(STATIONMAP_TEST_DATA).parent_path().parent_path() / "golden";
  for (const auto& entry : fs::directory_iterator(golden)) {
    if (entry.is_directory() && entry.path().filename().string().rfind("geoparse_", 0) == 0) {
      out.push_back(entry.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

} // namespace

TEST(GoldenGeoparse, EveryCase) {
  const auto dirs = cases();
  ASSERT_FALSE(dirs.empty());
  const Geoparser geoparser(stationmap::test::embedded_gazetteer());
  for (const fs::path& dir : dirs) {
    SCOPED_TRACE(dir.filename().string());
    const std::string text = read(dir / "input.txt");
    const nlohmann::json expected = nlohmann::json::parse(read(dir / "expected.json"));
    const double tolerance = expected.value("tolerance_km", 50.0);
    const std::vector<Mention> ms = geoparser.parse(text);
    for (const auto& e : expected["places"]) {
      const std::string name = e["text"].get<std::string>();
      bool ok = false;
      std::string seen;
      for (const Mention& m : ms) {
        if (m.text != name || !m.place) {
          continue;
        }
        seen += m.place->name + " (" + m.place->country + ") ";
        bool good = m.place->country == e["country"].get<std::string>();
        if (good && e.contains("lat")) {
          good = km(m.place->lat, m.place->lon, e["lat"].get<double>(), e["lon"].get<double>()) <= tolerance;
        }
        ok = ok || good;
      }
      EXPECT_TRUE(ok) << name << " expected in " << e["country"] << "; found: " << seen;
    }
    for (const auto& a : expected.value("absent", nlohmann::json::array())) {
      for (const Mention& m : ms) {
        EXPECT_NE(m.text, a.get<std::string>()) << "reported a non-place";
      }
    }
  }
}
