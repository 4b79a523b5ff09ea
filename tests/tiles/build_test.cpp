// Tiling rules: every station at every zoom (cluster counts add up), valid addresses only, clipped lines,
// the automatic maxzoom, antimeridian splitting, deterministic bytes.

#include "../serve/fixture_claims.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/render/web_map.hpp"
#include "stationmap/tiles/mvt.hpp"
#include "stationmap/tiles/tiles.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <set>
#include <sstream>

namespace st = stationmap::tiles;

namespace {

std::vector<std::string> split(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  for (std::string item; std::getline(in, item, ',');) {
    out.push_back(item);
  }
  return out;
}

/// Station ids found at each zoom among features whose position lies inside their own tile.
std::map<int, std::multiset<std::string>> stations_by_zoom(const st::TileSet& set,
                                                           std::map<int, std::int64_t>& counts) {
  std::map<int, std::multiset<std::string>> out;
  for (const auto& [key, bytes] : set.tiles) {
    for (const auto& layer : st::decode_mvt(bytes)) {
      if (layer.name != "stations") {
        continue;
      }
      for (const auto& f : layer.features) {
        const auto p = f.parts.at(0).at(0);
        if (p.x < 0 || p.y < 0 || p.x >= 4096 || p.y >= 4096) {
          continue; // a copy in a neighbour's buffer
        }
        counts[key.z] += std::get<std::int64_t>(f.properties.at("point_count"));
        if (std::get<bool>(f.properties.at("cluster"))) {
          for (const auto& id : split(std::get<std::string>(f.properties.at("member_ids")))) {
            out[key.z].insert(id);
          }
        } else {
          out[key.z].insert(std::get<std::string>(f.properties.at("station_id")));
        }
      }
    }
  }
  return out;
}

} // namespace

TEST(TilesBuild, EveryStationIsInTheTilesAtEveryZoomExactlyOnce) {
  const auto claims = stationmap::testing::fixture_claims();
  const auto set = st::build_tiles(st::features_from_claims(claims));
  std::set<std::string> all;
  for (const auto& s : claims.stations) {
    all.insert(s.station_id);
  }
  std::map<int, std::int64_t> counts;
  const auto by_zoom = stations_by_zoom(set, counts);
  bool clustered_somewhere = false;
  for (int z = set.minzoom; z <= set.maxzoom; ++z) {
    ASSERT_EQ(by_zoom.count(z), 1U) << "zoom " << z;
    const auto& ids = by_zoom.at(z);
    EXPECT_EQ(ids.size(), all.size()) << "zoom " << z;
    EXPECT_EQ(std::set<std::string>(ids.begin(), ids.end()), all) << "zoom " << z;
    EXPECT_EQ(counts[z], static_cast<std::int64_t>(all.size())) << "zoom " << z;
  }
  std::map<int, std::int64_t> unused;
  for (const auto& [key, bytes] : set.tiles) {
    for (const auto& layer : st::decode_mvt(bytes)) {
      for (const auto& f : layer.features) {
        if (layer.name == "stations" && std::get<bool>(f.properties.at("cluster"))) {
          clustered_somewhere = true;
          EXPECT_LT(key.z, set.maxzoom);
          std::int64_t sum = 0;
          for (const auto& id : split(std::get<std::string>(f.properties.at("member_ids")))) {
            for (const auto& s : claims.stations) {
              sum += s.station_id == id ? s.station_count : 0;
            }
          }
          EXPECT_EQ(std::get<std::int64_t>(f.properties.at("station_count")), sum);
        }
      }
    }
  }
  EXPECT_TRUE(clustered_somewhere);
}

TEST(TilesBuild, NoAddressOutsideItsZoomAndLinesStayInTheBuffer) {
  const auto set = st::build_tiles(st::features_from_claims(stationmap::testing::fixture_claims()));
  ASSERT_FALSE(set.tiles.empty());
  bool links_seen = false;
  for (const auto& [key, bytes] : set.tiles) {
    EXPECT_LT(key.x, 1U << key.z);
    EXPECT_LT(key.y, 1U << key.z);
    for (const auto& layer : st::decode_mvt(bytes)) {
      if (layer.name == "links") {
        links_seen = true;
        EXPECT_LE(key.z, 8) << "links stop at links_maxzoom";
      }
      for (const auto& f : layer.features) {
        for (const auto& part : f.parts) {
          for (const auto& p : part) {
            EXPECT_GE(p.x, -256);
            EXPECT_LE(p.x, 4096 + 256);
            EXPECT_GE(p.y, -256);
            EXPECT_LE(p.y, 4096 + 256);
          }
        }
      }
    }
  }
  EXPECT_TRUE(links_seen);
}

TEST(TilesBuild, MaxzoomFollowsTheClosestPointsAndCanBeGiven) {
  auto point = [](double lon, double lat) {
    st::TileFeature f;
    f.layer = "stations";
    f.parts = {{{lon, lat}}};
    return f;
  };
  EXPECT_EQ(st::choose_maxzoom({point(0, 0)}, {}), 10);                   // nothing to separate
  EXPECT_EQ(st::choose_maxzoom({point(0, 0), point(90, 0)}, {}), 4);      // far apart: the floor
  EXPECT_EQ(st::choose_maxzoom({point(0, 0), point(0.0001, 0)}, {}), 14); // 11 m: the ceiling
  // 16 px apart at 256 px tiles: 0.1 degree of longitude is 1/3600 of the world: 16*3600/256 = 225 -> z 8.
  EXPECT_EQ(st::choose_maxzoom({point(0, 0), point(0.1, 0)}, {}), 8);
  st::TileOptions given;
  given.maxzoom = 6;
  EXPECT_EQ(st::choose_maxzoom({point(0, 0), point(0.0001, 0)}, given), 6);
  const auto set = st::build_tiles({point(0, 0), point(0.1, 0)}, given);
  EXPECT_EQ(set.maxzoom, 6);
  EXPECT_EQ(set.tiles.rbegin()->first.z, 6);
}

TEST(TilesBuild, GreatCircleSplitsAtTheAntimeridian) {
  const auto parts = st::great_circle({174.76, -36.85}, {-175.20, -21.14}); // Auckland -> Nuku'alofa
  ASSERT_EQ(parts.size(), 2U);
  EXPECT_DOUBLE_EQ(parts[0].back().first, 180.0);
  EXPECT_DOUBLE_EQ(parts[1].front().first, -180.0);
  EXPECT_DOUBLE_EQ(parts[0].back().second, parts[1].front().second);
  for (const auto& part : parts) {
    for (const auto& [lon, lat] : part) {
      EXPECT_LE(std::abs(lon), 180.0);
      EXPECT_LE(std::abs(lat), 90.0);
    }
  }
  // London -> Fuzhou stays one part, densified (about 9,300 km at 100 km steps).
  const auto one = st::great_circle({-0.13, 51.51}, {119.31, 26.06});
  ASSERT_EQ(one.size(), 1U);
  EXPECT_GT(one[0].size(), 90U);
  EXPECT_LT(one[0].size(), 100U);
}

TEST(TilesBuild, SameInputSameBytes) {
  const auto features = st::features_from_claims(stationmap::testing::fixture_claims());
  const auto a = st::build_tiles(features);
  const auto b = st::build_tiles(features);
  EXPECT_EQ(a.tiles, b.tiles);
  EXPECT_EQ(st::vector_layers_json(a), st::vector_layers_json(b));
}

TEST(TilesBuild, FeaturesCarryThePopupAttributes) {
  const auto features = st::features_from_claims(stationmap::testing::fixture_claims());
  std::map<std::string, int> per_layer;
  for (const auto& f : features) {
    ++per_layer[f.layer];
    if (f.layer == "stations" && f.key == "st-3173435") {
      EXPECT_EQ(std::get<std::string>(f.properties.at("status")), "confirmed");
      EXPECT_EQ(std::get<std::string>(f.properties.at("jurisdictions")), "Wenzhou");
      EXPECT_NE(std::get<std::string>(f.properties.at("evidence")).find("Milano office was run from China"),
                std::string::npos);
    }
  }
  EXPECT_EQ(per_layer["stations"], 9);
  EXPECT_EQ(per_layer["jurisdictions"], 3);
  EXPECT_EQ(per_layer["links"], 9);
  EXPECT_EQ(per_layer["places"], 14);
}

TEST(TilesBuild, FeatureWithoutGeometryIsAnError) {
  st::TileFeature f;
  f.layer = "stations";
  EXPECT_THROW((void)st::build_tiles({f}), stationmap::Error);
}
