#include "basemap/basemap_layers.hpp"
#include "fixture.hpp"
#include "gdal_handles.hpp"
#include "print/print_map.hpp"
#include "stationmap/core/file_io.hpp"
#include "stationmap/render/layers.hpp"
#include "styles/styles.hpp"

#include <gtest/gtest.h>

namespace stationmap::render::detail {
namespace {

// An invented country: the square 0..10 degrees east, 0..10 degrees north.
constexpr const char* square_country = R"({"type":"Topology",
  "arcs":[[[0,0],[10,0],[10,10],[0,10],[0,0]]],
  "objects":{"countries":{"type":"GeometryCollection","geometries":[
    {"type":"Polygon","arcs":[[0]],"properties":{"name":"Squareland","iso_a2":"SQ"}}]}}})";

Layer one_station(LonLat at, const std::string& status) {
  Layer stations{
      "stations", GeomType::Point, {{"name", "name", FieldType::String}, {"status", "status", FieldType::String}}, {}};
  Row row;
  row.shape.parts.push_back({at});
  row.values = {Value::of("Invented site"), Value::of(status)};
  stations.rows.push_back(std::move(row));
  return stations;
}

Rgb pixel_at(const Canvas& canvas, PixelPoint p) {
  return canvas.at(static_cast<int>(p.x), static_cast<int>(p.y));
}

/// The PNG's size and its pixel at @p probe, read back with GDAL.
struct DecodedPng {
  int width = 0;
  int height = 0;
  int bands = 0;
  std::vector<Rgb> probes;
};

DecodedPng decode_png(const std::string& bytes, const std::vector<PixelPoint>& probes) {
  ensure_gdal_registered();
  const std::string path =
      "/vsimem/print_map_test_" + std::to_string(reinterpret_cast<std::uintptr_t>(&bytes)) + ".png";
  VSILFILE* file = VSIFileFromMemBuffer(path.c_str(), reinterpret_cast<GByte*>(const_cast<char*>(bytes.data())),
                                        bytes.size(), FALSE);
  VSIFCloseL(file);
  DecodedPng out;
  {
    const Dataset png(GDALOpen(path.c_str(), GA_ReadOnly));
    if (png) {
      out.width = GDALGetRasterXSize(png.get());
      out.height = GDALGetRasterYSize(png.get());
      out.bands = GDALGetRasterCount(png.get());
      for (const PixelPoint& p : probes) {
        std::uint8_t rgb[3] = {};
        if (GDALDatasetRasterIO(png.get(), GF_Read, static_cast<int>(p.x), static_cast<int>(p.y), 1, 1, rgb, 1, 1,
                                GDT_Byte, 3, nullptr, 3, 3, 1) == CE_None) {
          out.probes.push_back({rgb[0], rgb[1], rgb[2]});
        }
      }
    }
  }
  VSIUnlink(path.c_str());
  return out;
}

TEST(PrintFrame, WholeWorldWithoutData) {
  const PrintFrame frame = print_frame(Extent{});
  EXPECT_DOUBLE_EQ(frame.min_lon, -180.0);
  EXPECT_DOUBLE_EQ(frame.max_lat, 90.0);
  EXPECT_DOUBLE_EQ(frame.pixel({180.0, -90.0}).x, print_width);
  EXPECT_DOUBLE_EQ(frame.pixel({180.0, -90.0}).y, print_height);
}

TEST(PrintFrame, OneSiteShowsItsSurroundingsAndStaysInTheWorld) {
  Extent one;
  one.add({2.35, 48.85});
  const PrintFrame frame = print_frame(one);
  EXPECT_NEAR(frame.degrees_per_pixel * frame.width, 40.0, 1e-9); // the minimum span
  EXPECT_NEAR(frame.pixel({2.35, 48.85}).x, frame.width / 2.0, 1e-6);
  EXPECT_NEAR(frame.pixel({2.35, 48.85}).y, frame.height / 2.0, 1e-6);

  Extent arctic;
  arctic.add({179.0, 89.0});
  const PrintFrame edge = print_frame(arctic);
  EXPECT_LE(edge.min_lon + edge.degrees_per_pixel * edge.width, 180.0 + 1e-9);
  EXPECT_LE(edge.max_lat, 90.0);
}

TEST(PrintMap, LandStationAndLegendWhereTheFrameSaysTheyAre) {
  MapModel model;
  model.basemap = basemap_layers(geography::parse_topojson(square_country));
  model.layers.push_back(one_station({8.0, 8.0}, "confirmed"));
  const PrintFrame frame{800, 400, -10.0, 15.0, 0.05}; // 10 W to 30 E, 15 N to 5 S
  const Canvas canvas = draw_print_map(model, frame);

  EXPECT_EQ(pixel_at(canvas, frame.pixel({5.0, 5.0})), parse_rgb(basemap_colour("land")));
  EXPECT_EQ(pixel_at(canvas, frame.pixel({20.0, 5.0})), parse_rgb(basemap_colour("water")));
  EXPECT_EQ(pixel_at(canvas, frame.pixel({8.0, 8.0})), parse_rgb(palette_colour("status.confirmed")));
  EXPECT_EQ(pixel_at(canvas, frame.pixel({8.0, 10.5})), parse_rgb(basemap_colour("water"))); // beyond the symbol
  // The coast: the square's edge at 10 E is drawn in the coast colour, darker than land and water.
  const Rgb coast = pixel_at(canvas, frame.pixel({10.0, 3.0}));
  EXPECT_NE(coast, parse_rgb(basemap_colour("land")));
  EXPECT_NE(coast, parse_rgb(basemap_colour("water")));
  // The legend in the lower left corner: a box with the confirmed swatch and dark text.
  int dark = 0;
  for (int y = frame.height - 100; y < frame.height; ++y) {
    for (int x = 0; x < 300; ++x) {
      const Rgb c = canvas.at(x, y);
      dark += (c.r < 100 && c.g < 100 && c.b < 100) ? 1 : 0;
    }
  }
  EXPECT_GT(dark, 100);
}

TEST(PrintMap, TheLegendMovesToACornerWithoutSymbols) {
  MapModel model;
  model.layers.push_back(one_station({-8.0, -4.0}, "denied")); // in the lower left corner
  const PrintFrame frame{800, 400, -10.0, 15.0, 0.05};
  const Canvas canvas = draw_print_map(model, frame);
  EXPECT_EQ(pixel_at(canvas, frame.pixel({-8.0, -4.0})), parse_rgb(palette_colour("status.denied")));
  const Rgb legend_paper = canvas.at(frame.width - 30, frame.height - 30); // lower right: inside the legend
  EXPECT_NE(legend_paper, parse_rgb(basemap_colour("water")));
}

TEST(PrintMap, FixtureMapPngHasItsSizeLandAndEveryStationInItsStatusColour) {
  const test::TempDir dir;
  ProblemReport problems;
  RenderOptions options;
  options.print_map = true;
  (void)write_map(test::fixture_claims(), problems, dir.path(), options);
  ASSERT_TRUE(std::filesystem::is_regular_file(dir.path() / "map.png"));
  const std::string bytes = read_file(dir.path() / "map.png");

  ProblemReport model_problems;
  MapModel model = build_model(test::fixture_claims(), {}, model_problems, options);
  model.basemap = embedded_basemap_layers();
  const PrintFrame frame = print_frame(model.extent);
  const Layer& stations =
      *std::find_if(model.layers.begin(), model.layers.end(), [](const Layer& l) { return l.name == "stations"; });
  const std::size_t status = static_cast<std::size_t>(
      std::find_if(stations.fields.begin(), stations.fields.end(), [](const Field& f) { return f.name == "status"; }) -
      stations.fields.begin());
  std::vector<PixelPoint> probes{frame.pixel({18.0, 15.0})}; // inland Chad: land, far from every site
  std::vector<Rgb> expected{parse_rgb(basemap_colour("land"))};
  for (const Row& row : stations.rows) {
    probes.push_back(frame.pixel(row.shape.parts.at(0).at(0)));
    expected.push_back(parse_rgb(palette_colour("status." + row.values.at(status).text)));
  }
  ASSERT_GE(stations.rows.size(), 5u);

  const DecodedPng png = decode_png(bytes, probes);
  EXPECT_EQ(png.width, print_width);
  EXPECT_EQ(png.height, print_height);
  EXPECT_EQ(png.bands, 3);
  EXPECT_EQ(png.probes, expected);
  EXPECT_TRUE(png_bytes(draw_print_map(model, frame)) == bytes) << "same map, same bytes";
}

} // namespace
} // namespace stationmap::render::detail
