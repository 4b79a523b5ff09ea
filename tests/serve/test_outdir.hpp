#pragma once
// Builds a test OUTDIR with the project's own code from the fixture ClaimSet: the GIS layers and their QGIS
// styles (render::write_map), tiles (MBTiles, PMTiles), style.json, tiles.json, index.html and MapLibre, and
// the .stationmap marker that `build` leaves in every OUTDIR (serve refuses folders without it).

#include "fixture_claims.hpp"
#include "stationmap/core/outdir.hpp"
#include "stationmap/core/problem_report.hpp"
#include "stationmap/render/layers.hpp"
#include "stationmap/render/web_map.hpp"
#include "stationmap/tiles/archive.hpp"

#include <cstdlib>
#include <filesystem>
#include <utility>

namespace stationmap::testing {

inline render::TileOutputs make_test_outdir(const std::filesystem::path& outdir) {
  std::filesystem::create_directories(outdir);
  const ClaimSet claims = fixture_claims();
  ProblemReport problems;
  render::RenderSummary layers = render::write_map(claims, problems, outdir, {});
  auto outputs = render::write_tiles_and_web_map(std::move(layers.tile_features), outdir, {});
  write_outdir_marker(outdir);
  return outputs;
}

/// The serve tests' OUTDIR at @p outdir: a copy of the one the `web_test_outdir` test (a CTest fixture the serve
/// tests require) wrote with make_test_outdir, named by STATIONMAP_TEST_OUTDIR; written here with
/// make_test_outdir when that is not set (the test binary run by hand). Every serve test is its own process, and
/// rendering the same map in each took seconds of a Debug build. The zooms are read back from tiles.pmtiles.
inline render::TileOutputs test_outdir(const std::filesystem::path& outdir) {
  namespace fs = std::filesystem;
  const char* made = std::getenv("STATIONMAP_TEST_OUTDIR");
  if (made == nullptr || !fs::exists(fs::path(made) / outdir_marker_name)) {
    return make_test_outdir(outdir);
  }
  fs::create_directories(outdir);
  fs::copy(made, outdir, fs::copy_options::recursive | fs::copy_options::overwrite_existing);
  const tiles::PmtilesReader archive(outdir / "tiles.pmtiles");
  render::TileOutputs outputs;
  outputs.minzoom = archive.minzoom();
  outputs.maxzoom = archive.maxzoom();
  return outputs;
}

} // namespace stationmap::testing
