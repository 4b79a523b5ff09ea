// make_fixture_map OUTDIR [BOUNDARIES]: writes the render tests' fixture map (fixture.hpp) into OUTDIR with the
// layers stage, for tools/test_qgis.py and for inspection. Not a test itself: exit 0, 1 when GDAL warned, 2 on
// errors.

#include "fixture.hpp"
#include "stationmap/render/layers.hpp"
#include "stationmap/render/staging.hpp"

#include <iostream>

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::cerr << "usage: make_fixture_map OUTDIR [BOUNDARIES]\n";
    return 2;
  }
  try {
    stationmap::render::RenderOptions options;
    if (argc == 3) {
      options.boundaries = argv[2];
    }
    stationmap::ProblemReport problems;
    stationmap::render::OutputStaging staging(argv[1]);
    const auto summary =
        stationmap::render::write_map(stationmap::render::test::fixture_claims(), problems, staging.dir(), options);
    staging.commit();
    for (const auto& warning : summary.library_warnings) {
      std::cerr << "make_fixture_map: GDAL warning: " << warning << '\n';
    }
    return summary.library_warnings.empty() ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "make_fixture_map: " << e.what() << '\n';
    return 2;
  }
}
