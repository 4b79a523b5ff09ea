#pragma once
// Builds a test OUTDIR with the project's own code from the fixture ClaimSet: tiles (MBTiles, PMTiles),
// style.json, tiles.json, index.html and MapLibre, plus stand-in GeoJSON layers (the layers stage writes
// the real ones) so that /data/{layer}.geojson has something to serve, and the .stationmap marker that
// `build` leaves in every OUTDIR (serve refuses folders without it).

#include "fixture_claims.hpp"
#include "stationmap/core/file_io.hpp"
#include "stationmap/core/outdir.hpp"
#include "stationmap/render/web_map.hpp"

#include <filesystem>
#include <nlohmann/json.hpp>

namespace stationmap::testing {

inline tiles::TileOutputs make_test_outdir(const std::filesystem::path& outdir) {
  std::filesystem::create_directories(outdir);
  const ClaimSet claims = fixture_claims();
  auto outputs = tiles::write_tiles_and_web_map(claims, outdir);
  nlohmann::json stations{{"type", "FeatureCollection"}, {"features", nlohmann::json::array()}};
  for (const auto& s : claims.stations) {
    stations["features"].push_back(
        {{"type", "Feature"},
         {"geometry", {{"type", "Point"}, {"coordinates", {s.place.lon, s.place.lat}}}},
         {"properties", {{"station_id", s.station_id}, {"name", s.place.name}, {"status", status_name(s.status)}}}});
  }
  write_file_atomic(outdir / "stations.geojson", stations.dump());
  write_outdir_marker(outdir);
  return outputs;
}

} // namespace stationmap::testing
