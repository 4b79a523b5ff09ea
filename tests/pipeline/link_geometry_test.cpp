// One link geometry: a build's tiles draw the links where links.geojson (the GIS layers) has them. Every vertex
// of every link feature in tiles.pmtiles, at every zoom that has links, lies on the GeoJSON line within the
// tile's quantisation (half the diagonal of one extent unit); from zoom 4 on that is under 1 km.

#include "stationmap/pipeline/build_map.hpp"
#include "stationmap/tiles/archive.hpp"
#include "stationmap/tiles/mvt.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <numbers>
#include <set>
#include <unistd.h>

namespace fs = std::filesystem;
namespace st = stationmap::tiles;

namespace {

constexpr double earth_radius_m = 6378137.0;                        // Web Mercator's sphere
constexpr double world_m = 2.0 * std::numbers::pi * earth_radius_m; // Mercator world width at the equator
constexpr double bar_m = 1000.0;                                    // the bar: 1 km at every vertex
constexpr double rounding_m = 1.0;                                  // double arithmetic on top of quantisation

/// A position as a fraction of the Web Mercator world (x east, y south, both 0..1).
struct World {
  double x = 0.0;
  double y = 0.0;
};

World to_world(double lon, double lat) {
  const double phi = lat * std::numbers::pi / 180.0;
  return {(lon + 180.0) / 360.0, (1.0 - std::log(std::tan(phi) + 1.0 / std::cos(phi)) / std::numbers::pi) / 2.0};
}

double latitude_of(const World& w) {
  return std::atan(std::sinh(std::numbers::pi * (1.0 - 2.0 * w.y))) * 180.0 / std::numbers::pi;
}

/// Ground metres per world unit at a latitude (the Mercator scale factor undone).
double metres_per_world(double lat) {
  return world_m * std::cos(lat * std::numbers::pi / 180.0);
}

double distance_to_segment(const World& p, const World& a, const World& b) {
  const double dx = b.x - a.x;
  const double dy = b.y - a.y;
  const double len2 = dx * dx + dy * dy;
  const double t = len2 > 0.0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0.0;
  return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

using Line = std::vector<std::vector<World>>;

/// links.geojson: each link's parts (LineString or MultiLineString) by link_id, in world coordinates.
std::map<std::string, Line> geojson_links(const fs::path& path) {
  std::ifstream in(path);
  const auto doc = nlohmann::json::parse(in);
  std::map<std::string, Line> out;
  for (const auto& f : doc.at("features")) {
    const auto& g = f.at("geometry");
    const auto parts =
        g.at("type") == "LineString" ? nlohmann::json::array({g.at("coordinates")}) : g.at("coordinates");
    Line& line = out[f.at("properties").at("link_id").get<std::string>()];
    for (const auto& part : parts) {
      auto& points = line.emplace_back();
      for (const auto& c : part) {
        points.push_back(to_world(c.at(0).get<double>(), c.at(1).get<double>()));
      }
    }
  }
  return out;
}

/// Ground distance from @p p to the nearest segment of @p line, metres.
double metres_to(const World& p, const Line& line) {
  double best = 1e9;
  for (const auto& part : line) {
    for (std::size_t i = 1; i < part.size(); ++i) {
      best = std::min(best, distance_to_segment(p, part[i - 1], part[i]));
    }
  }
  return best * metres_per_world(latitude_of(p));
}

struct ZoomCheck {
  std::size_t vertices = 0;
  double worst_m = 0.0;      ///< largest vertex distance found
  double worst_excess = 0.0; ///< largest distance beyond that vertex's quantisation tolerance (<= 0: all inside)
  std::set<std::string> links;
};

class LinkGeometry : public ::testing::Test {
protected:
  void SetUp() override {
    std::string name = (fs::temp_directory_path() / "stationmap-links-XXXXXX").string();
    m_root = ::mkdtemp(name.data());
    stationmap::BuildOptions options;
    options.outdir = m_root / "map";
    const auto summary = stationmap::build_map({STATIONMAP_SAMPLES_DIR}, options);
    ASSERT_TRUE(summary.written);
    ASSERT_GE(summary.links, 3U) << "the samples state several ties";
  }
  void TearDown() override { fs::remove_all(m_root); }
  [[nodiscard]] fs::path map() const { return m_root / "map"; }

private:
  fs::path m_root;
};

TEST_F(LinkGeometry, TileVerticesLieOnTheGeoJsonLinks) {
  const auto links = geojson_links(map() / "links.geojson");
  const st::PmtilesReader archive(map() / "tiles.pmtiles");
  std::map<int, ZoomCheck> zooms;
  for (const auto& entry : archive.entries()) {
    const st::TileKey key = st::tile_id_to_zxy(entry.tile_id);
    const auto stored = archive.tile(key.z, key.x, key.y);
    ASSERT_TRUE(stored.has_value());
    const std::string bytes = stored->gzipped ? st::gzip_decompress(stored->data) : stored->data;
    for (const auto& layer : st::decode_mvt(bytes)) {
      if (layer.name != "links") {
        continue;
      }
      const double tiles_across = std::ldexp(1.0, key.z);
      const double unit = 1.0 / (tiles_across * layer.extent); // one extent unit, in world units
      for (const auto& f : layer.features) {
        const std::string id = std::get<std::string>(f.properties.at("link_id"));
        ASSERT_TRUE(links.contains(id)) << id << " is in the tiles, not in links.geojson";
        ZoomCheck& check = zooms[key.z];
        check.links.insert(id);
        for (const auto& part : f.parts) {
          for (const auto& v : part) {
            const World w{(key.x + static_cast<double>(v.x) / layer.extent) / tiles_across,
                          (key.y + static_cast<double>(v.y) / layer.extent) / tiles_across};
            const double lat = latitude_of(w);
            const double d = metres_to(w, links.at(id));
            const double tolerance = unit * std::numbers::sqrt2 / 2.0 * metres_per_world(lat) + rounding_m;
            check.worst_m = std::max(check.worst_m, d);
            check.worst_excess = std::max(check.worst_excess, d - tolerance);
            ++check.vertices;
          }
        }
      }
    }
  }
  ASSERT_TRUE(zooms.contains(0));
  ASSERT_GE(zooms.rbegin()->first, 4) << "links are tiled at least to zoom 4";
  for (const auto& [z, check] : zooms) {
    SCOPED_TRACE("zoom " + std::to_string(z));
    EXPECT_EQ(check.links.size(), links.size()) << "every link is drawn at every zoom that has links";
    EXPECT_GT(check.vertices, 0U);
    EXPECT_LE(check.worst_excess, 0.0) << "worst vertex " << check.worst_m << " m from the GeoJSON line";
    if (z >= 4) { // quantisation <= 611 m / sqrt 2: the 1 km bar holds for every vertex
      EXPECT_LT(check.worst_m, bar_m);
    }
    std::cout << "zoom " << z << ": " << check.vertices << " link vertices, worst " << check.worst_m
              << " m from links.geojson\n";
  }
}

} // namespace
