// Tiling rules: every station at every zoom (cluster counts add up), valid addresses only, clipped lines,
// the automatic maxzoom, links as the layers' geodesics, deterministic bytes.

#include "../serve/fixture_claims.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/render/schema.hpp"
#include "stationmap/render/web_map.hpp"
#include "stationmap/tiles/mvt.hpp"
#include "stationmap/tiles/tiles.hpp"

#include <cmath>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace sr = stationmap::render;
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
  const auto set = st::build_tiles(sr::features_from_claims(claims));
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
  const auto set = st::build_tiles(sr::features_from_claims(stationmap::testing::fixture_claims()));
  ASSERT_FALSE(set.tiles.empty());
  bool links_seen = false;
  for (const auto& [key, bytes] : set.tiles) {
    EXPECT_LT(key.x, 1U << key.z);
    EXPECT_LT(key.y, 1U << key.z);
    for (const auto& layer : st::decode_mvt(bytes)) {
      if (layer.name == "links") {
        links_seen = true;
        EXPECT_LE(key.z, st::TileOptions{}.links_maxzoom) << "links stop at links_maxzoom";
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

TEST(TilesBuild, LinksAreTheGeodesicsTheLayersDraw) {
  const auto claims = stationmap::testing::fixture_claims();
  std::map<std::string, const stationmap::Place*> ends;
  for (const auto& s : claims.stations) {
    ends[s.station_id] = &s.place;
  }
  for (const auto& j : claims.jurisdictions) {
    ends[j.jurisdiction_id] = &j.place;
  }
  std::map<std::string, const stationmap::Link*> links;
  for (const auto& l : claims.links) {
    links[l.link_id] = &l;
  }
  std::size_t seen = 0;
  for (const auto& f : sr::features_from_claims(claims)) {
    if (f.layer != "links") {
      continue;
    }
    const auto* l = links.at(f.key);
    const auto* j = ends.at(l->jurisdiction_id);
    const auto* s = ends.at(l->station_id);
    const auto path = stationmap::render::link_path({j->lon, j->lat}, {s->lon, s->lat});
    ASSERT_EQ(f.parts.size(), path.size()) << f.key;
    for (std::size_t i = 0; i < path.size(); ++i) {
      ASSERT_EQ(f.parts[i].size(), path[i].size()) << f.key;
      for (std::size_t k = 0; k < path[i].size(); ++k) {
        EXPECT_EQ(f.parts[i][k], (st::LonLat{path[i][k].lon, path[i][k].lat})) << f.key;
      }
    }
    ++seen;
  }
  EXPECT_EQ(seen, claims.links.size());
}

TEST(TilesBuild, GivenLinkPathsAreTakenAsTheyAreAndOnlyThose) {
  const auto claims = stationmap::testing::fixture_claims();
  ASSERT_GE(claims.links.size(), 2U);
  const stationmap::render::Polyline line{{1.0, 2.0}, {3.0, 4.0}};
  const stationmap::render::LinkPaths given{{claims.links[0].link_id, {line}}};
  std::vector<std::vector<st::LonLat>> links;
  for (const auto& f : sr::features_from_claims(claims, &given)) {
    if (f.layer == "links") {
      links = f.parts;
      EXPECT_EQ(f.key, claims.links[0].link_id);
    }
  }
  EXPECT_EQ(links, (std::vector<std::vector<st::LonLat>>{{{1.0, 2.0}, {3.0, 4.0}}}));
}

TEST(TilesBuild, SameInputSameBytes) {
  const auto features = sr::features_from_claims(stationmap::testing::fixture_claims());
  const auto a = st::build_tiles(features);
  const auto b = st::build_tiles(features);
  EXPECT_EQ(a.tiles, b.tiles);
  EXPECT_EQ(st::vector_layers_json(a), st::vector_layers_json(b));
}

TEST(TilesBuild, FeaturesCarryThePopupAttributes) {
  const auto features = sr::features_from_claims(stationmap::testing::fixture_claims());
  std::map<std::string, int> per_layer;
  for (const auto& f : features) {
    ++per_layer[f.layer];
    if (f.layer == "stations" && f.key == "st-3173435") {
      EXPECT_EQ(std::get<std::string>(f.properties.at("status")), "confirmed");
      EXPECT_EQ(std::get<std::string>(f.properties.at("jurisdiction_names")), R"(["Wenzhou"])");
      EXPECT_NE(std::get<std::string>(f.properties.at("evidence_excerpt")).find("Milano office was run from China"),
                std::string::npos);
      EXPECT_EQ(std::get<std::int64_t>(f.properties.at("document_count")), 2);
    }
  }
  EXPECT_EQ(per_layer["stations"], 9);
  EXPECT_EQ(per_layer["jurisdictions"], 3);
  EXPECT_EQ(per_layer["links"], 9);
  EXPECT_EQ(per_layer["places"], 14);
}

// A feature is in a tile at every zoom: its evidence there is a short excerpt (the GIS files carry it all), and
// arrays of document ids stay out, so a site that many documents support does not make every tile large.
TEST(TilesBuild, TilesCarryAnEvidenceExcerptNotTheWholeEvidence) {
  auto claims = stationmap::testing::fixture_claims();
  auto& station = claims.stations.front();
  const std::string long_sentence = "The bureau ran the office " + std::string(1000, 'x') + ".";
  station.evidence.clear();
  for (int i = 0; i < 40; ++i) {
    station.evidence.push_back(stationmap::testing::fixture_evidence("doc-" + std::to_string(i), long_sentence));
  }
  for (const auto& f : sr::features_from_claims(claims)) {
    EXPECT_FALSE(f.properties.contains("evidence")) << f.layer;
    EXPECT_FALSE(f.properties.contains("documents")) << f.layer;
    if (f.layer != "stations" || f.key != station.station_id) {
      continue;
    }
    EXPECT_EQ(std::get<std::int64_t>(f.properties.at("evidence_count")), 40);
    const auto excerpt = nlohmann::json::parse(std::get<std::string>(f.properties.at("evidence_excerpt")));
    ASSERT_EQ(excerpt.size(), stationmap::render::excerpt_sentences);
    EXPECT_EQ(excerpt.at(0).at("document"), "doc-0");
    const std::string sentence = excerpt.at(0).at("sentence");
    EXPECT_LE(sentence.size(), stationmap::render::excerpt_sentence_bytes);
    EXPECT_TRUE(sentence.ends_with("…")) << sentence;
  }
}

TEST(TilesBuild, FeatureWithoutGeometryIsAnError) {
  st::TileFeature f;
  f.layer = "stations";
  EXPECT_THROW((void)st::build_tiles({f}), stationmap::Error);
}

namespace {

double area2(const std::vector<st::TilePoint>& ring) {
  double sum = 0.0;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
    sum += double(ring[i].x) * ring[i + 1].y - double(ring[i + 1].x) * ring[i].y;
  }
  return sum;
}

st::TileFeature polygon(std::vector<std::vector<st::LonLat>> rings) {
  st::TileFeature f;
  f.layer = "land";
  f.type = st::GeomType::Polygon;
  f.parts = std::move(rings);
  return f;
}

} // namespace

TEST(TilesBuild, PolygonsAreClippedPerTileWithTheMvtWinding) {
  // An invented continent (counter-clockwise) with a lake (clockwise) around (0, 0), and a 100 m islet.
  const auto land = polygon({{{-90, -60}, {90, -60}, {90, 60}, {-90, 60}, {-90, -60}},
                             {{-10, -10}, {-10, 10}, {10, 10}, {10, -10}, {-10, -10}}});
  const auto islet = polygon({{{150, 0}, {150.001, 0}, {150.001, 0.001}, {150, 0.001}, {150, 0}}});
  st::TileOptions options;
  options.minzoom = 1;
  options.maxzoom = 1;
  const auto set = st::build_tiles({land, islet}, options);
  ASSERT_EQ(set.tiles.size(), 4U) << "the continent reaches all four tiles; the islet has no area at zoom 1";
  for (const auto& [key, bytes] : set.tiles) {
    const auto layers = st::decode_mvt(bytes);
    ASSERT_EQ(layers.size(), 1U);
    ASSERT_EQ(layers[0].features.size(), 1U);
    const auto& rings = layers[0].features[0].parts;
    ASSERT_EQ(rings.size(), 2U) << "the lake touches every quarter of the world";
    EXPECT_GT(area2(rings[0]), 0.0) << "exterior ring: positive area in tile coordinates (MVT 4.3.4.4)";
    EXPECT_LT(area2(rings[1]), 0.0) << "interior ring: negative area";
    for (const auto& ring : rings) {
      EXPECT_EQ(ring.front(), ring.back());
      for (const auto& p : ring) {
        EXPECT_GE(p.x, -static_cast<std::int32_t>(options.buffer));
        EXPECT_LE(p.x, static_cast<std::int32_t>(options.extent + options.buffer));
      }
    }
  }
}
