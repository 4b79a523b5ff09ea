// Against a real PostgreSQL + PostGIS that tools/with_postgis.sh starts in a temporary folder (or the server
// named by STATIONMAP_TEST_PG). Skipped, with the reason, when no server can be started (a failure under CI).

#include "../support/missing_component.hpp"
#include "fixture.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/render/layers.hpp"

#include <cstdio>
#include <cstdlib>
#include <gdal.h>
#include <gtest/gtest.h>
#include <map>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <random>

namespace stationmap::render {
namespace {

namespace fs = std::filesystem;

std::string run(const std::string& command, int& status) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) {
    status = -1;
    return out;
  }
  char buffer[512];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr)
    out += buffer;
  status = pclose(pipe);
  while (!out.empty() && (out.back() == '\n' || out.back() == '\r'))
    out.pop_back();
  return out;
}

class PostGis : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    if (const char* given = std::getenv("STATIONMAP_TEST_PG"); given != nullptr && *given != '\0') {
      s_connection = given;
      return;
    }
    s_dir = fs::temp_directory_path() / ("stationmap-pg-" + std::to_string(std::random_device{}()));
    int status = 0;
    const std::string script = std::string(STATIONMAP_TOOLS_DIR) + "/with_postgis.sh";
    const std::string out = run("'" + script + "' start '" + s_dir.string() + "' 2>&1", status);
    if (status != 0) {
      s_skip_reason = "cannot start PostgreSQL/PostGIS: " + out;
      run("'" + script + "' stop '" + s_dir.string() + "'", status);
      s_dir.clear();
      return;
    }
    s_connection = out.substr(out.rfind("PG:"));
  }
  static void TearDownTestSuite() {
    if (!s_dir.empty()) {
      int status = 0;
      run("'" + std::string(STATIONMAP_TOOLS_DIR) + "/with_postgis.sh' stop '" + s_dir.string() + "'", status);
    }
  }
  void SetUp() override {
    if (s_connection.empty())
      STATIONMAP_MISSING_COMPONENT(s_skip_reason);
    GDALAllRegister();
  }

  static GDALDatasetH open() {
    return GDALOpenEx(s_connection.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr);
  }
  static std::string scalar(GDALDatasetH ds, const std::string& sql) {
    OGRLayerH result = GDALDatasetExecuteSQL(ds, sql.c_str(), nullptr, nullptr);
    if (result == nullptr)
      return "<no result>";
    OGRFeatureH f = OGR_L_GetNextFeature(result);
    std::string value = f != nullptr ? OGR_F_GetFieldAsString(f, 0) : "<no row>";
    if (f != nullptr)
      OGR_F_Destroy(f);
    GDALDatasetReleaseResultSet(ds, result);
    return value;
  }
  static void execute(GDALDatasetH ds, const std::string& sql) {
    OGRLayerH result = GDALDatasetExecuteSQL(ds, sql.c_str(), nullptr, nullptr);
    if (result != nullptr)
      GDALDatasetReleaseResultSet(ds, result);
  }
  static RenderOptions options() {
    RenderOptions o;
    o.postgis = s_connection;
    return o;
  }

  static inline std::string s_connection;
  static inline std::string s_skip_reason;
  static inline fs::path s_dir;
};

TEST_F(PostGis, WritesTablesWithSpatialIndexesAndStyles) {
  ProblemReport problems;
  write_postgis(test::fixture_claims(), problems, options());
  GDALDatasetH ds = open();
  ASSERT_NE(ds, nullptr);
  const std::map<std::string, std::string> counts = {
      {"stations", "6"}, {"jurisdictions", "4"}, {"links", "6"}, {"places", "10"}, {"candidates", "1"}};
  for (const auto& [table, count] : counts) {
    EXPECT_EQ(scalar(ds, "SELECT count(*) FROM public." + table), count) << table;
    EXPECT_EQ(scalar(ds, "SELECT Find_SRID('public', '" + table + "', 'geom')"), "4326") << table;
    EXPECT_EQ(scalar(ds, "SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND tablename = '" + table +
                             "' AND indexdef ILIKE '%USING gist%'"),
              "1")
        << table << " has no GiST index";
  }
  EXPECT_EQ(scalar(ds, "SELECT GeometryType(geom) FROM links WHERE link_id = 'l-fuzhou-new-york'"), "MULTILINESTRING");
  EXPECT_EQ(scalar(ds, "SELECT ST_NumGeometries(geom) FROM links WHERE link_id = 'l-fuzhou-new-york'"), "2");
  EXPECT_EQ(scalar(ds, "SELECT name FROM jurisdictions WHERE jurisdiction_id = 'j-fuqing'"), "福清");
  EXPECT_EQ(scalar(ds, "SELECT count(*) FROM public.layer_styles WHERE useasdefault AND stylename = 'stationmap'"),
            "5");
  GDALClose(ds);
}

TEST_F(PostGis, SecondRunReplacesTheTables) {
  ProblemReport problems;
  write_postgis(test::fixture_claims(), problems, options());
  write_postgis(test::fixture_claims(), problems, options());
  GDALDatasetH ds = open();
  ASSERT_NE(ds, nullptr);
  EXPECT_EQ(scalar(ds, "SELECT count(*) FROM stations"), "6");
  EXPECT_EQ(scalar(ds, "SELECT count(*) FROM public.layer_styles WHERE stylename = 'stationmap'"), "5");
  GDALClose(ds);
}

TEST_F(PostGis, AFailedRunLeavesThePreviousTablesIntact) {
  ProblemReport problems;
  write_postgis(test::fixture_claims(), problems, options());
  GDALDatasetH ds = open();
  ASSERT_NE(ds, nullptr);
  // Mark the current tables, then make the next run fail when it creates "links" (after it has already
  // dropped and rewritten "places", the first layer).
  execute(ds, "DELETE FROM places WHERE name = 'London'");
  ASSERT_EQ(scalar(ds, "SELECT count(*) FROM places"), "9");
  execute(ds, "CREATE OR REPLACE FUNCTION stationmap_block_links() RETURNS event_trigger LANGUAGE plpgsql AS "
              "$$ BEGIN IF EXISTS (SELECT 1 FROM pg_event_trigger_ddl_commands() "
              "WHERE object_identity = 'public.links') THEN RAISE EXCEPTION 'blocked by the test'; END IF; END $$");
  execute(ds, "CREATE EVENT TRIGGER stationmap_block_links ON ddl_command_end WHEN TAG IN ('CREATE TABLE') "
              "EXECUTE FUNCTION stationmap_block_links()");
  GDALClose(ds);

  EXPECT_THROW(write_postgis(test::fixture_claims(), problems, options()), LibraryError);

  ds = open();
  ASSERT_NE(ds, nullptr);
  execute(ds, "DROP EVENT TRIGGER stationmap_block_links");
  EXPECT_EQ(scalar(ds, "SELECT count(*) FROM places"), "9"); // rolled back: still the marked table
  EXPECT_EQ(scalar(ds, "SELECT count(*) FROM links"), "6");
  GDALClose(ds);
}

} // namespace
} // namespace stationmap::render
