#include "stationmap/core/error.hpp"
#include "stationmap/core/file_io.hpp"
#include "stationmap/render/schema.hpp"

#include <filesystem>
#include <gtest/gtest.h>
#include <set>
#include <string>
#include <unistd.h>

namespace {

namespace sr = stationmap::render;

TEST(FeatureSchema, NamesAreUniqueAndShapefileNamesFitDbase) {
  for (const auto& layer : sr::feature_schema()) {
    std::set<std::string_view> names;
    std::set<std::string_view> shp_names;
    for (const auto& f : layer.fields) {
      EXPECT_TRUE(names.insert(f.name).second) << layer.name << "." << f.name;
      EXPECT_TRUE(shp_names.insert(f.shp_name).second) << layer.name << "." << f.shp_name;
      EXPECT_LE(f.shp_name.size(), 10U) << f.shp_name;
      EXPECT_FALSE(f.meaning.empty()) << layer.name << "." << f.name;
    }
    EXPECT_EQ(layer.fields.front().name.substr(layer.fields.front().name.size() - 3), "_id")
        << layer.name << ": the first field is the id";
  }
}

// styles/schema.json states the candidates' own fields and that they extend the stations'.
TEST(FeatureSchema, CandidatesHaveTheStationsFieldsThenTheirReasons) {
  const auto& stations = sr::layer_spec("stations").fields;
  const auto& candidates = sr::layer_spec("candidates").fields;
  ASSERT_EQ(candidates.size(), stations.size() + 3);
  for (std::size_t i = 0; i < stations.size(); ++i) {
    EXPECT_EQ(candidates[i].name, stations[i].name);
    EXPECT_EQ(candidates[i].shp_name, stations[i].shp_name);
    EXPECT_EQ(candidates[i].type, stations[i].type);
    EXPECT_EQ(candidates[i].carried, stations[i].carried);
  }
  EXPECT_EQ(candidates[stations.size()].name, "reason");
  EXPECT_EQ(candidates.back().name, "reasons");
  EXPECT_EQ(candidates.back().type, sr::FieldType::Json);
}

TEST(FeatureSchema, UnknownLayerIsAnError) {
  EXPECT_THROW((void)sr::layer_spec("no such layer"), stationmap::Error);
}

// The README's data dictionary is the table, written out: a change to one without the other fails here.
TEST(FeatureSchema, ReadmeDataDictionaryIsTheTable) {
  const std::string readme = stationmap::read_file(std::filesystem::path(STATIONMAP_SOURCE_DIR) / "README.md");
  const std::string begin = "<!-- data dictionary: generated from styles/schema.json -->\n";
  const std::string end = "<!-- end of data dictionary -->";
  const auto from = readme.find(begin);
  const auto to = readme.find(end);
  ASSERT_NE(from, std::string::npos);
  ASSERT_NE(to, std::string::npos);
  const std::string in_readme = readme.substr(from + begin.size(), to - from - begin.size());
  const std::string expected = sr::data_dictionary_markdown();
  if (in_readme != expected) {
    // kept for the developer to copy from: not removed with a ScratchDir
    const auto file =
        std::filesystem::temp_directory_path() / ("stationmap-data-dictionary-" + std::to_string(::getpid()) + ".md");
    stationmap::write_file_atomic(file, expected);
    FAIL() << "README.md's data dictionary differs from the schema; the table as it should be: " << file;
  }
}

} // namespace
