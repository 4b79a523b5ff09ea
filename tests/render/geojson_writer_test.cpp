#include "fixture.hpp"
#include "layers/layer_model.hpp"
#include "layers/ogr_writer.hpp"
#include "stationmap/core/file_io.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace stationmap::render::detail {
namespace {

using Json = nlohmann::ordered_json;

/// JSON text as the layer model holds it (compact, invalid UTF-8 replaced).
Value json_value(const Json& json) {
  return Value::json(json.dump(-1, ' ', false, Json::error_handler_t::replace));
}

/// A layer whose values need every rule of the format: escapes, nested and empty JSON, nulls, reals that
/// print short or long, coordinates with more decimals than are written, one-part and many-part lines.
Layer awkward_layer(GeomType geom) {
  Layer layer{"awkward",
              geom,
              {{"text", "text", FieldType::String},
               {"list", "list", FieldType::Json},
               {"count", "count", FieldType::Integer},
               {"ratio", "ratio", FieldType::Real},
               {"flag", "flag", FieldType::Boolean},
               {"excerpt", "excerpt", FieldType::Json, false}},
              {}};
  const std::vector<std::string> texts = {"a/b \"quoted\" back\\slash\ttab\nline\x01 é 北京 \x7f",
                                          "",
                                          "Fuzhou, China",
                                          "=SUM(A1)",
                                          "ends in a backslash \\",
                                          "\\\"[{,:}]\\\\\""};
  const std::vector<double> reals = {0.1, 1213.8, 1.0, 0.001, 0.0, -3.25, 20037.5, 0.857};
  for (std::size_t i = 0; i < 8; ++i) {
    Row row;
    const double lon = -179.99999996 + static_cast<double>(i) * 51.123456789;
    const double lat = i == 1 ? -0.00000004 : 45.0 - static_cast<double>(i) * 12.3456789;
    if (geom == GeomType::Point) {
      row.shape.parts = {{{lon, lat}}};
    } else {
      row.shape.parts = {{{lon, lat}, {lon + 1.5, lat + 0.25}}};
      if (i % 2 == 1) {
        row.shape.parts.push_back({{170.0, 10.0}, {180.0, 10.5}});
      }
    }
    Json evidence = Json::array();
    evidence.push_back({{"document", "docs/a.txt#" + std::to_string(i)}, {"sentence", texts[i % texts.size()]}});
    evidence.push_back(Json::array());
    evidence.push_back(Json::object());
    evidence.push_back({{"row", 4}, {"note", "u\xc3"}}); // invalid UTF-8, replaced in the model
    row.values = {i == 2 ? Value::none() : Value::of(texts[i % texts.size()]),
                  i == 3 ? json_value(Json::array()) : json_value(evidence),
                  Value::of(static_cast<std::int64_t>(i) - 3),
                  i == 5 ? Value::none() : Value::of(reals[i]),
                  Value::boolean(i % 3 == 0),
                  json_value(Json::array({"tiles only"}))};
    layer.rows.push_back(std::move(row));
  }
  return layer;
}

class GeoJsonWriter : public ::testing::TestWithParam<GeomType> {};

TEST_P(GeoJsonWriter, WritesTheBytesOfGdalsGeoJsonDriver) {
  const test::TempDir tmp;
  const Layer layer = awkward_layer(GetParam());
  write_geojson(layer, tmp.path() / "streamed.geojson");
  write_geojson_with_gdal(layer, tmp.path() / "gdal.geojson");
  const std::string streamed = read_file(tmp.path() / "streamed.geojson");
  EXPECT_EQ(streamed, read_file(tmp.path() / "gdal.geojson"));
  EXPECT_EQ(streamed.find("tiles only"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(PointsAndLines, GeoJsonWriter, ::testing::Values(GeomType::Point, GeomType::Line));

TEST(GeoJsonWriterEmpty, AnEmptyLayerIsAnEmptyFeatureCollection) {
  const test::TempDir tmp;
  Layer layer = awkward_layer(GeomType::Point);
  layer.rows.clear();
  write_geojson(layer, tmp.path() / "streamed.geojson");
  write_geojson_with_gdal(layer, tmp.path() / "gdal.geojson");
  EXPECT_EQ(read_file(tmp.path() / "streamed.geojson"), read_file(tmp.path() / "gdal.geojson"));
}

} // namespace
} // namespace stationmap::render::detail
