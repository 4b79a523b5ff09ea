#pragma once
// Builds a test OUTDIR with the project's own code from the fixture ClaimSet: the GIS layers and their QGIS
// styles (render::write_map), tiles (MBTiles, PMTiles), style.json, tiles.json, index.html and MapLibre, and
// the .stationmap marker that `build` leaves in every OUTDIR (serve refuses folders without it).

#include "fixture_claims.hpp"
#include "stationmap/core/outdir.hpp"
#include "stationmap/core/problem_report.hpp"
#include "stationmap/render/layers.hpp"
#include "stationmap/render/web_map.hpp"

#include <filesystem>

namespace stationmap::testing {

inline render::TileOutputs make_test_outdir(const std::filesystem::path& outdir) {
  std::filesystem::create_directories(outdir);
  const ClaimSet claims = fixture_claims();
  ProblemReport problems;
  const render::RenderSummary layers = render::write_map(claims, problems, outdir, {});
  auto outputs = render::write_tiles_and_web_map(claims, outdir, {}, &layers.link_paths);
  write_outdir_marker(outdir);
  return outputs;
}

} // namespace stationmap::testing
