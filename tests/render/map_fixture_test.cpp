// Writes the fixture map into $STATIONMAP_RENDER_FIXTURE_OUT (used by tools/test_qgis.py and for inspection);
// skipped when the variable is not set.

#include "fixture.hpp"
#include "stationmap/render/layers.hpp"
#include "stationmap/render/staging.hpp"

#include <cstdlib>
#include <gtest/gtest.h>
#include <iostream>

namespace stationmap::render {
namespace {

TEST(FixtureMap, WritesToTheFolderNamedByTheEnvironment) {
  const char* out = std::getenv("STATIONMAP_RENDER_FIXTURE_OUT");
  if (out == nullptr || *out == '\0') {
    GTEST_SKIP() << "STATIONMAP_RENDER_FIXTURE_OUT not set";
  }
  RenderOptions options;
  if (const char* b = std::getenv("STATIONMAP_RENDER_FIXTURE_BOUNDARIES"); b != nullptr && *b != '\0') {
    options.boundaries = b;
  }
  ProblemReport problems;
  OutputStaging staging(out);
  const auto summary = write_map(test::fixture_claims(), problems, staging.dir(), options);
  staging.commit();
  for (const auto& w : summary.library_warnings)
    std::cerr << "GDAL warning: " << w << "\n";
  EXPECT_TRUE(summary.library_warnings.empty());
}

} // namespace
} // namespace stationmap::render
