#pragma once
// The print map's picture: an RGB canvas with the few drawing operations its symbols and legend need:
// coverage masks (antialiased lines, rasterised polygons) painted in one colour, antialiased disks, blended
// rectangles and text rendered with FreeType. Pure arithmetic on bytes, so the same map gives the same pixels.

#include "glyphs.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace stationmap::render::detail {

struct Rgb {
  std::uint8_t r = 0;
  std::uint8_t g = 0;
  std::uint8_t b = 0;
  bool operator==(const Rgb&) const = default;
};

/// The colour "#rrggbb" (as palette.json writes them). Throws FormatError for anything else.
Rgb parse_rgb(std::string_view hex);

/// A point on the picture in pixels (x right, y down; pixel (i, j) covers [i, i+1) x [j, j+1)).
struct PixelPoint {
  double x = 0.0;
  double y = 0.0;
};

/// How much of each pixel a shape covers (0..255), row by row: shapes are collected into a coverage, then
/// painted in one colour, so that overlapping segments of one line do not darken where they meet.
struct Coverage {
  int width = 0;
  int height = 0;
  std::vector<std::uint8_t> alpha;
  Coverage(int w, int h);
  /// Adds a line of @p line_width pixels from @p a to @p b (antialiased, keeps each pixel's highest coverage).
  void add_segment(PixelPoint a, PixelPoint b, double line_width);
};

class Canvas {
public:
  Canvas(int width, int height, Rgb background);
  [[nodiscard]] int width() const noexcept { return m_width; }
  [[nodiscard]] int height() const noexcept { return m_height; }
  /// The colour at pixel (@p x, @p y), which must be on the canvas.
  [[nodiscard]] Rgb at(int x, int y) const;
  /// Red, green, blue bytes of every pixel, row by row from the top.
  [[nodiscard]] const std::vector<std::uint8_t>& pixels() const noexcept { return m_pixels; }

  /// Mixes @p colour into pixel (@p x, @p y) by @p alpha (0..1); pixels off the canvas are ignored.
  void blend(int x, int y, Rgb colour, double alpha);
  /// Paints @p colour where @p coverage covers the canvas (same size), scaled by @p opacity.
  void paint(const Coverage& coverage, Rgb colour, double opacity = 1.0);
  /// Fills the pixels [x0, x1) x [y0, y1) with @p colour at @p opacity.
  void fill_rect(int x0, int y0, int x1, int y1, Rgb colour, double opacity = 1.0);
  /// A disk of @p radius pixels around @p centre, its edge antialiased.
  void fill_disk(PixelPoint centre, double radius, Rgb colour);
  /// Draws UTF-8 @p text starting at @p x on the baseline @p baseline; returns the pen's advance in pixels.
  /// Characters the font lacks are skipped.
  int draw_text(const FontFace& font, std::string_view text, int x, int baseline, Rgb colour);

private:
  int m_width;
  int m_height;
  std::vector<std::uint8_t> m_pixels;
};

/// The width in pixels of @p text (UTF-8) drawn with @p font.
int text_width(const FontFace& font, std::string_view text);

} // namespace stationmap::render::detail
