// MVT encoding: the spec's geometry encoding, attribute round trips, empty layers left out.

#include "stationmap/core/error.hpp"
#include "stationmap/tiles/mvt.hpp"

#include <gtest/gtest.h>
#include <map>
#include <protozero/pbf_reader.hpp>

namespace st = stationmap::tiles;

TEST(TilesMvt, PointGeometryMatchesTheSpecExample) {
  // MVT 2.1, 4.3.5: a point at (25, 17) is [9, 50, 34].
  st::MvtLayer layer{"stations", 4096, {{7, st::GeomType::Point, {{{25, 17}}}, {}}}};
  const std::string bytes = st::encode_mvt({layer});
  protozero::pbf_reader tile(bytes);
  ASSERT_TRUE(tile.next(3));
  protozero::pbf_reader l = tile.get_message();
  std::vector<std::uint32_t> geometry;
  std::uint32_t version = 0;
  while (l.next()) {
    if (l.tag() == 2) {
      protozero::pbf_reader f = l.get_message();
      while (f.next()) {
        if (f.tag() == 4) {
          auto r = f.get_packed_uint32();
          geometry.assign(r.begin(), r.end());
        } else {
          f.skip();
        }
      }
    } else if (l.tag() == 15) {
      version = l.get_uint32();
    } else {
      l.skip();
    }
  }
  EXPECT_EQ(version, 2U);
  EXPECT_EQ(geometry, (std::vector<std::uint32_t>{9, 50, 34}));
}

TEST(TilesMvt, LineGeometryMatchesTheSpecExample) {
  // MVT 2.1, 4.3.5: LineString (2,2) (2,10) (10,10) is [9, 4, 4, 18, 0, 16, 16, 0].
  st::MvtLayer layer{"links", 4096, {{1, st::GeomType::LineString, {{{2, 2}, {2, 10}, {10, 10}}}, {}}}};
  const auto decoded = st::decode_mvt(st::encode_mvt({layer}));
  ASSERT_EQ(decoded.size(), 1U);
  ASSERT_EQ(decoded[0].features.size(), 1U);
  EXPECT_EQ(decoded[0].features[0].parts, (std::vector<std::vector<st::TilePoint>>{{{2, 2}, {2, 10}, {10, 10}}}));
}

TEST(TilesMvt, AttributesRoundTripWithTheirTypes) {
  st::MvtFeature f{42, st::GeomType::Point, {{{-10, 4100}}}, {}};
  f.properties["name"] = std::string("Milano");
  f.properties["point_count"] = std::int64_t{3};
  f.properties["offset"] = std::int64_t{-5};
  f.properties["confidence"] = 0.75;
  f.properties["cluster"] = true;
  st::MvtFeature g{43, st::GeomType::Point, {{{1, 1}}}, {{"name", std::string("Milano")}}};
  const auto decoded = st::decode_mvt(st::encode_mvt({{"stations", 4096, {f, g}}}));
  ASSERT_EQ(decoded.size(), 1U);
  EXPECT_EQ(decoded[0].name, "stations");
  EXPECT_EQ(decoded[0].extent, 4096U);
  ASSERT_EQ(decoded[0].features.size(), 2U);
  const auto& d = decoded[0].features[0];
  EXPECT_EQ(d.id, 42U);
  EXPECT_EQ(d.parts[0][0], (st::TilePoint{-10, 4100}));
  EXPECT_EQ(std::get<std::string>(d.properties.at("name")), "Milano");
  EXPECT_EQ(std::get<std::int64_t>(d.properties.at("point_count")), 3);
  EXPECT_EQ(std::get<std::int64_t>(d.properties.at("offset")), -5);
  EXPECT_DOUBLE_EQ(std::get<double>(d.properties.at("confidence")), 0.75);
  EXPECT_TRUE(std::get<bool>(d.properties.at("cluster")));
  EXPECT_EQ(std::get<std::string>(decoded[0].features[1].properties.at("name")), "Milano");
}

// A feature's shared attributes (an input feature's, not copied into each tile) are encoded with its own, in key
// order, its own value winning; the same bytes as one feature holding them all.
TEST(TilesMvt, SharedAttributesAreEncodedWithTheFeaturesOwn) {
  const std::map<std::string, st::PropertyValue> shared{
      {"cluster", true}, {"name", std::string("Prato")}, {"status", std::string("alleged")}};
  st::MvtFeature f{5, st::GeomType::Point, {{{1, 2}}}, {{"cluster", false}, {"point_count", std::int64_t{1}}}};
  f.shared_properties = &shared;
  st::MvtFeature whole{5,
                       st::GeomType::Point,
                       {{{1, 2}}},
                       {{"cluster", false},
                        {"name", std::string("Prato")},
                        {"point_count", std::int64_t{1}},
                        {"status", std::string("alleged")}}};
  const std::string bytes = st::encode_mvt({{"stations", 4096, {f}}});
  EXPECT_EQ(bytes, st::encode_mvt({{"stations", 4096, {whole}}}));
  const auto decoded = st::decode_mvt(bytes);
  ASSERT_EQ(decoded.size(), 1U);
  EXPECT_EQ(decoded[0].features.at(0).properties, whole.properties);
}

TEST(TilesMvt, EmptyLayersAndDegenerateLinesAreLeftOut) {
  st::MvtLayer empty{"places", 4096, {}};
  st::MvtLayer degenerate{"links", 4096, {{1, st::GeomType::LineString, {{{5, 5}}}, {}}}};
  EXPECT_TRUE(st::encode_mvt({empty, degenerate}).empty());
}

TEST(TilesMvt, GarbageIsAFormatError) {
  EXPECT_THROW((void)st::decode_mvt(std::string("\x1a\x05\x0a\x10zz", 6)), stationmap::FormatError);
}

TEST(TilesMvt, PolygonRingsEndWithClosePath) {
  // MVT 2.1, 4.3.5: Polygon (3,6) (8,12) (20,34) is [9, 6, 12, 18, 10, 12, 24, 44, 15].
  st::MvtLayer layer{
      "basemap_countries", 4096, {{1, st::GeomType::Polygon, {{{3, 6}, {8, 12}, {20, 34}, {3, 6}}}, {}}}};
  const std::string bytes = st::encode_mvt({layer});
  EXPECT_NE(bytes.find(std::string{9, 6, 12, 18, 10, 12, 24, 44, 15}), std::string::npos);
  const auto decoded = st::decode_mvt(bytes);
  ASSERT_EQ(decoded.at(0).features.size(), 1U);
  EXPECT_EQ(decoded[0].features[0].type, st::GeomType::Polygon);
  EXPECT_EQ(decoded[0].features[0].parts,
            (std::vector<std::vector<st::TilePoint>>{{{3, 6}, {8, 12}, {20, 34}, {3, 6}}})); // closed again
}
