// Loader and lookup on a small fixture gazetteer of the project's own (tests/gazetteer/data/fixture), in
// GeoNames format: the same code path as the embedded gazetteer and a user's allCountries.txt.

#include "stationmap/core/error.hpp"
#include "stationmap/gazetteer/gazetteer.hpp"
#include "stationmap/gazetteer/name_kind.hpp"
#include "support/files.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <set>

namespace fs = std::filesystem;
using stationmap::Candidate;
using stationmap::Gazetteer;

namespace {

const fs::path fixture = fs::path(STATIONMAP_TEST_DATA) / "fixture";

const Gazetteer& fixture_gazetteer() {
  static const Gazetteer g = Gazetteer::open(fixture);
  return g;
}

std::set<std::string> countries_of(const std::vector<Candidate>& cs) {
  std::set<std::string> out;
  for (const auto& c : cs) {
    out.insert(c.place.country + "/" + c.place.admin1_name);
  }
  return out;
}

} // namespace

TEST(GazetteerLoader, ReadsEveryRowWithAdminNames) {
  const Gazetteer& g = fixture_gazetteer();
  EXPECT_EQ(g.size(), 12U);
  const auto fuzhou = g.lookup("Fuzhou");
  ASSERT_EQ(fuzhou.size(), 2U);
  EXPECT_EQ(fuzhou[0].place.admin1_name, "Fujian"); // most populous first
  EXPECT_EQ(fuzhou[0].place.geonameid, 1810821);
  EXPECT_EQ(fuzhou[0].place.feature_code, "PPLA");
  EXPECT_NEAR(fuzhou[0].place.lat, 26.06139, 1e-9);
  EXPECT_EQ(fuzhou[1].place.admin1_name, "Jiangxi");
}

TEST(GazetteerLoader, SyntheticIdsAreNotGeonameids) {
  const auto france = fixture_gazetteer().lookup("France");
  ASSERT_EQ(france.size(), 1U);
  EXPECT_EQ(france[0].place.id, 1000000001);
  EXPECT_FALSE(france[0].place.geonameid.has_value());
  EXPECT_TRUE(france[0].place.is_country());
}

TEST(GazetteerLoader, KeepsLanguagesAndNameKinds) {
  const Gazetteer& g = fixture_gazetteer();
  const auto zh = g.lookup("法国");
  ASSERT_EQ(zh.size(), 1U);
  EXPECT_EQ(zh[0].language, "zh");
  const auto demonym = g.lookup("Français");
  ASSERT_EQ(demonym.size(), 1U);
  EXPECT_NE(demonym[0].name_flags & stationmap::name_kind::demonym, 0U);
  const auto abbr = g.lookup("Tex.");
  ASSERT_EQ(abbr.size(), 1U);
  EXPECT_NE(abbr[0].name_flags & stationmap::name_kind::abbreviation, 0U);
  EXPECT_TRUE(g.lookup("https://example.org/qingtian").empty()) << "link rows are not names";
}

TEST(GazetteerLookup, ReturnsAllHomonyms) {
  const Gazetteer& g = fixture_gazetteer();
  EXPECT_EQ(countries_of(g.lookup("Paris")), (std::set<std::string>{"FR/Île-de-France", "US/Texas"}));
  EXPECT_EQ(countries_of(g.lookup("Richmond")), (std::set<std::string>{"CA/British Columbia", "US/Virginia"}));
  EXPECT_EQ(g.lookup("Fuzhou").size(), 2U);
}

TEST(GazetteerLookup, IsCaseWidthAndDiacriticInsensitive) {
  const Gazetteer& g = fixture_gazetteer();
  for (const char* spelling : {"Ile-de-France", "ILE DE FRANCE", "île de france", "ｉｌｅ－ｄｅ－ｆｒａｎｃｅ"}) {
    const auto c = g.lookup(spelling);
    ASSERT_EQ(c.size(), 1U) << spelling;
    EXPECT_EQ(c[0].place.name, "Île-de-France") << spelling;
  }
  ASSERT_EQ(g.lookup("Sao Paulo").size(), 1U);
  EXPECT_EQ(g.lookup("SÃO PAULO")[0].place.geonameid, 3448439);
}

TEST(GazetteerLookup, FindsChineseNames) {
  const Gazetteer& g = fixture_gazetteer();
  ASSERT_EQ(g.lookup("福州").size(), 1U);
  EXPECT_EQ(g.lookup("福州")[0].place.admin1_name, "Fujian");
  EXPECT_EQ(g.lookup("青田县")[0].place.geonameid, 1808761);
  EXPECT_EQ(g.lookup("青田")[0].place.geonameid, 1808761);
  EXPECT_EQ(g.lookup("Qingtian County")[0].language, "en");
}

TEST(GazetteerLookup, UnknownNameGivesNoCandidate) {
  EXPECT_TRUE(fixture_gazetteer().lookup("Atlantis").empty());
  EXPECT_TRUE(fixture_gazetteer().lookup("").empty());
}

TEST(GazetteerLookup, PrefixKeysLeadToLongerNames) {
  const Gazetteer& g = fixture_gazetteer();
  const auto ref = g.find_key("qingtian");
  ASSERT_TRUE(ref);
  EXPECT_TRUE(Gazetteer::is_prefix(ref)) << "'qingtian' begins 'qingtian county'";
  const auto ile = g.find_key("ile de");
  ASSERT_TRUE(ile);
  EXPECT_EQ(g.posting_count(ile), 0U);
  EXPECT_TRUE(Gazetteer::is_prefix(ile));
}

TEST(GazetteerIndex, IsTheSameWhateverTheRowOrder) {
  const stationmap::test_support::ScratchDir scratch("stationmap-gazetteer-order");
  const fs::path& tmp = scratch.path();
  for (const char* f : {"admin1CodesASCII.txt", "alternateNamesV2.txt"}) {
    fs::copy_file(fixture / f, tmp / f);
  }
  std::ifstream in(fixture / "places.txt");
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) {
    lines.push_back(line);
  }
  std::reverse(lines.begin(), lines.end());
  std::ofstream out(tmp / "places.txt");
  for (const auto& l : lines) {
    out << l << '\n';
  }
  out.close();
  EXPECT_EQ(stationmap::build_gazetteer_index(fixture), stationmap::build_gazetteer_index(tmp));
}

TEST(GazetteerLoader, RejectsATableThatIsNotGeoNames) {
  const stationmap::test_support::ScratchDir scratch("stationmap-gazetteer-bad");
  const fs::path tmp = scratch.path() / "bad.txt";
  std::ofstream(tmp) << "this is not\ta GeoNames table\n";
  EXPECT_THROW((void)Gazetteer::open(tmp), stationmap::FormatError);
  fs::remove(tmp);
  EXPECT_THROW((void)Gazetteer::open("/nonexistent/allCountries.txt"), stationmap::IoError);
}

TEST(GazetteerIndex, RejectsACorruptIndexFile) {
  const stationmap::test_support::ScratchDir scratch("stationmap-corrupt-index");
  const fs::path tmp = scratch.path() / "corrupt.smidx";
  std::ofstream(tmp) << "SMIDX garbage";
  EXPECT_THROW((void)Gazetteer::open(tmp), stationmap::FormatError);
  fs::remove(tmp);
}
