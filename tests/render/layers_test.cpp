#include "../support/missing_component.hpp"
#include "fixture.hpp"
#include "stationmap/core/file_io.hpp"
#include "stationmap/render/layers.hpp"
#include "stationmap/render/schema.hpp"

#include <cstdio>
#include <gdal.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <ogr_api.h>
#include <regex>
#include <set>

namespace stationmap::render {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct RenderedMap {
  test::TempDir tmp;
  RenderSummary summary;
  ProblemReport problems;
  RenderedMap() { summary = write_map(test::fixture_claims(), problems, tmp.path()); }
  [[nodiscard]] json geojson(const std::string& layer) const {
    return json::parse(read_file(tmp.path() / (layer + ".geojson")));
  }
};

const RenderedMap& rendered() {
  static const RenderedMap map;
  return map;
}

TEST(RenderLayers, WritesEveryFileWithoutGdalWarnings) {
  const auto& map = rendered();
  for (const char* f : {"stations.geojson", "jurisdictions.geojson", "links.geojson", "places.geojson", "mentions.csv",
                        "problems.csv", "stationmap.gpkg", "stationmap.qgs"}) {
    EXPECT_TRUE(fs::is_regular_file(map.tmp.path() / f)) << f;
  }
  for (const char* layer : {"stations", "jurisdictions", "links", "places", "candidates"}) {
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg", ".qml"}) {
      EXPECT_TRUE(fs::is_regular_file(map.tmp.path() / "shapefile" / (std::string(layer) + ext))) << layer << ext;
    }
  }
  EXPECT_TRUE(map.summary.library_warnings.empty()) << map.summary.library_warnings.front();
  EXPECT_EQ(map.summary.stations, 6U);
  EXPECT_EQ(map.summary.jurisdictions, 4U);
  EXPECT_EQ(map.summary.links, 6U);
  EXPECT_EQ(map.summary.places, 10U); // 13 mentions, 3 unresolved
}

TEST(RenderLayers, CandidatesAreTheirOwnLayerWithTheStationsFieldsAndWhy) {
  const json candidates = rendered().geojson("candidates");
  ASSERT_EQ(candidates.at("features").size(), 1U);
  const json& p = candidates.at("features").at(0).at("properties");
  EXPECT_EQ(p.at("station_id"), "station-gn2745912");
  EXPECT_EQ(p.at("name"), "Utrecht");
  EXPECT_EQ(p.at("reason_code"), "question");
  EXPECT_EQ(p.at("reason"), "hypothetical");
  EXPECT_EQ(p.at("reasons"), json::array({"question", "namesake"}));
  EXPECT_EQ(p.at("evidence").at(0).at("sentence"), "MPs asked whether a station also ran in Utrecht.");
  const json stations = rendered().geojson("stations");
  for (const auto& [key, value] : stations.at("features").at(0).at("properties").items()) {
    EXPECT_TRUE(p.contains(key)) << "a candidate has every field of a station: " << key;
  }
  for (const auto& f : stations.at("features")) {
    EXPECT_NE(f.at("properties").at("name"), "Utrecht") << "a candidate is never a station";
  }
}

TEST(GeoJsonLayers, FollowRfc7946) {
  const auto& map = rendered();
  const std::regex too_precise(R"(\d\.\d{8,})");
  for (const char* layer : {"stations", "jurisdictions", "links", "places", "candidates"}) {
    const std::string text = read_file(map.tmp.path() / (std::string(layer) + ".geojson"));
    const json doc = json::parse(text);
    EXPECT_EQ(doc.at("type"), "FeatureCollection");
    EXPECT_FALSE(doc.contains("crs")) << layer;
    EXPECT_FALSE(std::regex_search(text, too_precise)) << layer << " has more than 7 decimals";
    for (const auto& f : doc.at("features")) {
      std::function<void(const json&)> check = [&](const json& c) {
        if (c.is_array() && !c.empty() && c.front().is_number()) {
          EXPECT_GE(c[0].get<double>(), -180.0);
          EXPECT_LE(c[0].get<double>(), 180.0);
          EXPECT_GE(c[1].get<double>(), -90.0);
          EXPECT_LE(c[1].get<double>(), 90.0);
        } else {
          for (const auto& inner : c)
            check(inner);
        }
      };
      check(f.at("geometry").at("coordinates"));
    }
  }
}

TEST(GeoJsonLayers, StationsCarryTheContractProperties) {
  const json stations = rendered().geojson("stations");
  ASSERT_EQ(stations.at("features").size(), 6U);
  std::vector<std::string> ids;
  for (const auto& f : stations.at("features")) {
    const auto& p = f.at("properties");
    for (const char* key : {"station_id", "name", "country", "precision", "status", "station_count", "jurisdictions",
                            "documents", "evidence", "confidence"}) {
      EXPECT_TRUE(p.contains(key)) << key;
    }
    EXPECT_TRUE(p.at("jurisdictions").is_array());
    EXPECT_TRUE(p.at("documents").is_array());
    EXPECT_TRUE(p.at("evidence").is_array());
    EXPECT_EQ(f.at("geometry").at("type"), "Point");
    ids.push_back(p.at("station_id"));
  }
  EXPECT_TRUE(std::is_sorted(ids.begin(), ids.end()));
  const auto& tokyo = stations.at("features").at(4).at("properties");
  EXPECT_EQ(tokyo.at("station_id"), "s-tokyo");
  EXPECT_EQ(tokyo.at("station_count"), 2);
  EXPECT_EQ(tokyo.at("evidence").at(0).at("sentence"), "Nantong police deny running two stations in Tokyo.");
}

// The schema's tiles-only fields (the evidence excerpt) stay out of the GIS files, which carry the whole
// evidence and the document count beside the ids.
TEST(GeoJsonLayers, TilesOnlyFieldsStayOutOfTheFiles) {
  for (const auto& spec : stationmap::render::feature_schema()) {
    if (spec.name == "jurisdiction_areas") {
      continue; // only with --boundaries
    }
    const json layer = rendered().geojson(std::string(spec.name));
    ASSERT_FALSE(layer.at("features").empty()) << spec.name;
    for (const auto& f : layer.at("features")) {
      const auto& p = f.at("properties");
      for (const auto& field : spec.fields) {
        EXPECT_EQ(p.contains(std::string(field.name)), stationmap::render::in_files(field.carried))
            << spec.name << "." << field.name;
      }
      if (p.contains("document_count")) {
        EXPECT_EQ(p.at("document_count"), p.at("documents").size()) << spec.name;
      }
      if (p.contains("evidence_count")) {
        EXPECT_EQ(p.at("evidence_count"), p.at("evidence").size()) << spec.name;
      }
    }
  }
}

TEST(GeoJsonLayers, JurisdictionsCountTheirStations) {
  const json j = rendered().geojson("jurisdictions");
  ASSERT_EQ(j.at("features").size(), 4U);
  const auto& nantong = j.at("features").at(3).at("properties");
  EXPECT_EQ(nantong.at("jurisdiction_id"), "j-nantong");
  EXPECT_EQ(nantong.at("stations"), json::array({"s-suva", "s-tokyo"}));
  EXPECT_EQ(nantong.at("station_count"), 3); // Tokyo counts two
  EXPECT_EQ(nantong.at("province"), "Jiangsu");
  EXPECT_EQ(j.at("features").at(0).at("properties").at("name"), "福清");
}

TEST(GeoJsonLayers, LinksAreGeodesicsSplitAtTheAntimeridian) {
  const json links = rendered().geojson("links");
  ASSERT_EQ(links.at("features").size(), 6U);
  std::map<std::string, json> by_id;
  for (const auto& f : links.at("features"))
    by_id[f.at("properties").at("link_id")] = f;
  const json& ny = by_id.at("l-fuzhou-new-york");
  ASSERT_EQ(ny.at("geometry").at("type"), "MultiLineString");
  const auto& parts = ny.at("geometry").at("coordinates");
  ASSERT_EQ(parts.size(), 2U);
  EXPECT_EQ(parts[0].back()[0].get<double>(), 180.0);
  EXPECT_EQ(parts[1].front()[0].get<double>(), -180.0);
  EXPECT_GT(parts[0].back()[1].get<double>(), 75.0);
  EXPECT_EQ(by_id.at("l-fuzhou-london").at("geometry").at("type"), "LineString");
  EXPECT_EQ(by_id.at("l-fuzhou-london").at("properties").at("jurisdiction_id"), "j-fuzhou");
  EXPECT_EQ(by_id.at("l-fuzhou-london").at("properties").at("color"),
            by_id.at("l-fuzhou-new-york").at("properties").at("color"));
  EXPECT_NE(by_id.at("l-fuzhou-london").at("properties").at("color"),
            by_id.at("l-lishui-rotterdam").at("properties").at("color"));
}

TEST(GeoJsonLayers, PlacesTakeTheirStrongestRole) {
  const json places = rendered().geojson("places");
  std::map<std::string, json> by_name;
  for (const auto& f : places.at("features"))
    by_name[f.at("properties").at("name")] = f.at("properties");
  EXPECT_EQ(by_name.at("Toronto").at("role"), "station");
  EXPECT_EQ(by_name.at("Toronto").at("names_used"), json::array({"多伦多"}));
  EXPECT_EQ(by_name.at("Fuzhou").at("role"), "jurisdiction");
  EXPECT_EQ(by_name.at("Fuzhou").at("mentions"), 1);
  EXPECT_FALSE(by_name.contains("Washington")); // unresolved: in mentions.csv only
}

TEST(CsvTables, MentionsListEveryMentionQuoted) {
  const std::string csv = read_file(rendered().tmp.path() / "mentions.csv");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 14);
  EXPECT_EQ(csv.substr(0, csv.find('\n')),
            "document,start,end,text,place_id,lat,lon,role,sentence,name,country,reason,reason_code");
  EXPECT_NE(csv.find("doc-a,120,130,Washington,,,,other,\"Washington, \"\"they\"\" said.\",,,unresolved,unresolved\n"),
            std::string::npos);
  EXPECT_NE(csv.find("doc-a,42,55,New York City,p5128581,40.7128,-74.006,station,"), std::string::npos);
}

// --- Shapefile, read back with GDAL ---------------------------------------------------------------------

struct OgrDataset {
  GDALDatasetH h;
  explicit OgrDataset(const fs::path& p)
      : h(GDALOpenEx(p.string().c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr)) {}
  ~OgrDataset() {
    if (h != nullptr)
      GDALClose(h);
  }
  OgrDataset(const OgrDataset&) = delete;
  OgrDataset& operator=(const OgrDataset&) = delete;
  OgrDataset(OgrDataset&&) = delete;
  OgrDataset& operator=(OgrDataset&&) = delete;
};

TEST(ShapefileLayers, ChineseNamesComeBackIntact) {
  GDALAllRegister();
  const OgrDataset ds(rendered().tmp.path() / "shapefile" / "jurisdictions.shp");
  ASSERT_NE(ds.h, nullptr);
  OGRLayerH layer = GDALDatasetGetLayer(ds.h, 0);
  std::set<std::string> names;
  OGR_L_ResetReading(layer);
  for (OGRFeatureH f = OGR_L_GetNextFeature(layer); f != nullptr; f = OGR_L_GetNextFeature(layer)) {
    names.insert(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "name")));
    OGR_F_Destroy(f);
  }
  EXPECT_TRUE(names.contains("福清"));
  EXPECT_EQ(read_file(rendered().tmp.path() / "shapefile" / "jurisdictions.cpg"), "UTF-8");
  EXPECT_NE(read_file(rendered().tmp.path() / "shapefile" / "jurisdictions.prj").find("WGS_1984"), std::string::npos);

  const OgrDataset links(rendered().tmp.path() / "shapefile" / "links.shp");
  OGRLayerH l = GDALDatasetGetLayer(links.h, 0);
  OGR_L_SetAttributeFilter(l, "link_id = 'l-fuqing-toronto'");
  OGRFeatureH f = OGR_L_GetNextFeature(l);
  ASSERT_NE(f, nullptr);
  EXPECT_STREQ(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "juris_name")), "福清");
  // Arrays are JSON text in the Shapefile, as in the tiles (README, "Data dictionary").
  const json evidence = json::parse(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "evidence")));
  ASSERT_TRUE(evidence.is_array());
  EXPECT_EQ(evidence.at(0).at("document"), "doc-b");
  EXPECT_EQ(evidence.at(0).at("sentence"), "福清公安局在多伦多设立了海外服务站。");
  OGR_F_Destroy(f);
}

TEST(ShapefileLayers, FieldNamesAreChosenNotTruncated) {
  GDALAllRegister();
  const std::map<std::string, std::set<std::string>> expected = {
      {"stations", {"station_id", "stn_count", "juris_ids", "juris_name", "n_evidence", "confidence", "status_dt"}},
      {"jurisdictions", {"juris_id", "admin_lvl", "stn_count", "stn_names"}},
      {"links", {"link_id", "station_id", "juris_id", "length_km", "color"}},
      {"places", {"place_id", "feat_code", "role", "mentions", "names_used"}},
      {"candidates", {"station_id", "reason", "reason_cd", "reasons", "n_evidence"}}};
  for (const auto& [layer_name, fields] : expected) {
    const OgrDataset ds(rendered().tmp.path() / "shapefile" / (layer_name + ".shp"));
    ASSERT_NE(ds.h, nullptr);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(GDALDatasetGetLayer(ds.h, 0));
    std::set<std::string> names;
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i) {
      const std::string name = OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(defn, i));
      EXPECT_LE(name.size(), 10U) << name;
      names.insert(name);
    }
    for (const auto& f : fields)
      EXPECT_TRUE(names.contains(f)) << layer_name << "." << f;
  }
}

// --- GeoPackage -----------------------------------------------------------------------------------------

TEST(GeoPackageLayers, HoldsEveryLayerAndItsDefaultStyle) {
  GDALAllRegister();
  const OgrDataset ds(rendered().tmp.path() / "stationmap.gpkg");
  ASSERT_NE(ds.h, nullptr);
  for (const char* name : {"stations", "jurisdictions", "links", "places", "candidates"}) {
    OGRLayerH l = GDALDatasetGetLayerByName(ds.h, name);
    ASSERT_NE(l, nullptr) << name;
    EXPECT_GT(OGR_L_GetFeatureCount(l, TRUE), 0);
  }
  EXPECT_EQ(OGR_GT_Flatten(OGR_L_GetGeomType(GDALDatasetGetLayerByName(ds.h, "links"))), wkbMultiLineString);
  OGRLayerH styles = GDALDatasetGetLayerByName(ds.h, "layer_styles");
  ASSERT_NE(styles, nullptr);
  std::set<std::string> styled;
  OGR_L_ResetReading(styles);
  for (OGRFeatureH f = OGR_L_GetNextFeature(styles); f != nullptr; f = OGR_L_GetNextFeature(styles)) {
    EXPECT_EQ(OGR_F_GetFieldAsInteger(f, OGR_F_GetFieldIndex(f, "useAsDefault")), 1);
    EXPECT_NE(std::string(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "styleQML"))).find("<renderer-v2"),
              std::string::npos);
    EXPECT_NE(std::string(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "styleSLD"))).find("StyledLayerDescriptor"),
              std::string::npos);
    styled.insert(OGR_F_GetFieldAsString(f, OGR_F_GetFieldIndex(f, "f_table_name")));
    OGR_F_Destroy(f);
  }
  EXPECT_EQ(styled, (std::set<std::string>{"basemap_borders", "basemap_countries", "candidates", "jurisdictions",
                                           "links", "places", "stations"}));
}

TEST(GeoPackageLayers, HoldTheNaturalEarthBasemapUnderTheData) {
  GDALAllRegister();
  const OgrDataset ds(rendered().tmp.path() / "stationmap.gpkg");
  ASSERT_NE(ds.h, nullptr);
  OGRLayerH countries = GDALDatasetGetLayerByName(ds.h, "basemap_countries");
  ASSERT_NE(countries, nullptr);
  EXPECT_GT(OGR_L_GetFeatureCount(countries, TRUE), 200); // Natural Earth 1:50m: 241 countries
  EXPECT_EQ(OGR_GT_Flatten(OGR_L_GetGeomType(countries)), wkbMultiPolygon);
  OGRLayerH borders = GDALDatasetGetLayerByName(ds.h, "basemap_borders");
  ASSERT_NE(borders, nullptr);
  EXPECT_GT(OGR_L_GetFeatureCount(borders, TRUE), 100);
  // In the project, a "basemap" group after (under) the data layers, and the sea as canvas colour.
  const std::string qgs = read_file(rendered().tmp.path() / "stationmap.qgs");
  const auto group = qgs.find("<layer-tree-group name=\"basemap\"");
  ASSERT_NE(group, std::string::npos);
  EXPECT_LT(qgs.find("id=\"stationmap_places\""), group);
  EXPECT_GT(qgs.find("id=\"stationmap_basemap_countries\"", group), group);
  EXPECT_NE(qgs.find("<CanvasColorRedPart"), std::string::npos);
}

// --- Reproducibility and ogrinfo ------------------------------------------------------------------------

std::map<std::string, std::string> all_files(const fs::path& dir) {
  std::map<std::string, std::string> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (e.is_regular_file())
      files[fs::relative(e.path(), dir).string()] = read_file(e.path());
  }
  return files;
}

TEST(RenderLayers, TwoRunsGiveByteIdenticalFiles) {
  const test::TempDir a;
  const test::TempDir b;
  ProblemReport pa;
  ProblemReport pb;
  (void)write_map(test::fixture_claims(), pa, a.path());
  (void)write_map(test::fixture_claims(), pb, b.path());
  const auto fa = all_files(a.path());
  const auto fb = all_files(b.path());
  ASSERT_EQ(fa.size(), fb.size());
  EXPECT_GE(fa.size(), 32U);
  for (const auto& [name, content] : fa) {
    ASSERT_TRUE(fb.contains(name)) << name;
    EXPECT_TRUE(content == fb.at(name)) << name << " differs between runs";
  }
}

TEST(RenderLayers, OgrinfoPrintsNoWarning) {
  if (std::system("command -v ogrinfo > /dev/null 2>&1") != 0) {
    STATIONMAP_MISSING_COMPONENT("ogrinfo (gdal-bin) is not installed");
  }
  const fs::path dir = rendered().tmp.path();
  for (const char* f : {"stations.geojson", "jurisdictions.geojson", "links.geojson", "places.geojson",
                        "stationmap.gpkg", "shapefile/stations.shp", "shapefile/jurisdictions.shp",
                        "shapefile/links.shp", "shapefile/places.shp", "shapefile"}) {
    const std::string command = "ogrinfo -al -so '" + (dir / f).string() + "' 2>&1 >/dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    ASSERT_NE(pipe, nullptr);
    std::string stderr_text;
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, pipe) != nullptr)
      stderr_text += buffer;
    const int status = pclose(pipe);
    EXPECT_EQ(status, 0) << f;
    EXPECT_EQ(stderr_text, "") << f;
  }
}

} // namespace
} // namespace stationmap::render
