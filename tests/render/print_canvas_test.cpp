#include "print/print_canvas.hpp"
#include "stationmap/core/error.hpp"

#include <gtest/gtest.h>

namespace stationmap::render::detail {
namespace {

const Rgb paper{250, 250, 250};
const Rgb ink{20, 40, 60};

TEST(PrintCanvas, ParsesPaletteColours) {
  EXPECT_EQ(parse_rgb("#a50f15"), (Rgb{165, 15, 21}));
  EXPECT_EQ(parse_rgb("#FFFFFF"), (Rgb{255, 255, 255}));
  EXPECT_THROW((void)parse_rgb("a50f15"), FormatError);
  EXPECT_THROW((void)parse_rgb("#a50f1g"), FormatError);
}

TEST(PrintCanvas, DiskIsFilledInsideAndLeavesTheRestAlone) {
  Canvas canvas(40, 30, paper);
  canvas.fill_disk({20.0, 15.0}, 5.8, ink);
  EXPECT_EQ(canvas.at(20, 15), ink);
  EXPECT_EQ(canvas.at(15, 15), ink); // 4.5 px from the centre
  EXPECT_EQ(canvas.at(20, 24), paper);
  EXPECT_EQ(canvas.at(0, 0), paper);
  const Rgb edge = canvas.at(25, 15); // pixel centre 5.5 px away: 0.8 covered, antialiased
  EXPECT_GT(edge.r, ink.r);
  EXPECT_LT(edge.r, paper.r);
}

TEST(PrintCanvas, OverlappingSegmentsOfOneLineDoNotDarkenWhereTheyMeet) {
  Coverage once(20, 10);
  once.add_segment({2.0, 5.3}, {18.0, 5.3}, 1.0);
  Coverage twice(20, 10);
  twice.add_segment({2.0, 5.3}, {10.0, 5.3}, 1.0);
  twice.add_segment({10.0, 5.3}, {18.0, 5.3}, 1.0);
  twice.add_segment({2.0, 5.3}, {18.0, 5.3}, 1.0);
  EXPECT_EQ(once.alpha, twice.alpha);
  EXPECT_EQ(once.alpha[5 * 20 + 10], 204); // the row the line crosses, 0.8 of the pixel covered
  EXPECT_EQ(once.alpha[1 * 20 + 10], 0);   // far from the line

  Canvas canvas(20, 10, paper);
  canvas.paint(once, ink);
  EXPECT_EQ(canvas.at(10, 1), paper);
  EXPECT_NE(canvas.at(10, 5), paper);
}

TEST(PrintCanvas, RectangleIsBlendedByItsOpacity) {
  Canvas canvas(10, 10, Rgb{0, 0, 0});
  canvas.fill_rect(2, 2, 5, 5, Rgb{200, 100, 50}, 0.5);
  EXPECT_EQ(canvas.at(3, 3), (Rgb{100, 50, 25}));
  EXPECT_EQ(canvas.at(5, 5), (Rgb{0, 0, 0})); // the end is exclusive
  canvas.blend(-1, 3, ink, 1.0);              // off the canvas: ignored
}

TEST(PrintCanvas, TextIsDrawnOnItsBaselineAndMeasured) {
  const std::filesystem::path font_file = label_font_file();
  ASSERT_FALSE(font_file.empty()) << "DejaVuSans (fonts-dejavu-core) is needed: tools/install_deps.sh";
  const FontFace font(font_file, 16);
  Canvas canvas(120, 30, paper);
  const int advance = canvas.draw_text(font, "Ålesund", 4, 20, ink);
  EXPECT_EQ(advance, text_width(font, "Ålesund"));
  EXPECT_GT(advance, 40);
  int inked = 0;
  int lowest = 0;
  for (int y = 0; y < canvas.height(); ++y) {
    for (int x = 0; x < canvas.width(); ++x) {
      if (canvas.at(x, y) != paper) {
        ++inked;
        lowest = std::max(lowest, y);
        EXPECT_LT(x, 4 + advance + 2);
      }
    }
  }
  EXPECT_GT(inked, 50);
  EXPECT_LE(lowest, 20); // no descender in "Ålesund": nothing below the baseline
}

} // namespace
} // namespace stationmap::render::detail
