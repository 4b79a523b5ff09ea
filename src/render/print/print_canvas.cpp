#include "print/print_canvas.hpp"

#include "stationmap/core/error.hpp"
#include "stationmap/core/utf8.hpp"

#include <algorithm>
#include <cmath>

namespace stationmap::render::detail {

namespace {

int hex_digit(char c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/// Index of pixel (@p x, @p y) in a row-by-row buffer @p width pixels wide (both on the picture).
std::size_t cell(int x, int y, int width) {
  return static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x);
}

std::size_t area(int width, int height) {
  return static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
}

std::uint8_t mix(std::uint8_t under, std::uint8_t over, double alpha) {
  return static_cast<std::uint8_t>(std::lround(under + (over - under) * alpha));
}

/// Coverage of a pixel whose centre lies @p distance pixels from a shape's edge line of half-width @p half:
/// 1 inside, 0 beyond half a pixel outside, linear in between (a box filter one pixel wide).
double edge_coverage(double distance, double half) {
  return std::clamp(half + 0.5 - distance, 0.0, 1.0);
}

double distance_to_segment(PixelPoint p, PixelPoint a, PixelPoint b) {
  const double dx = b.x - a.x;
  const double dy = b.y - a.y;
  const double length2 = dx * dx + dy * dy;
  const double t = length2 > 0.0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / length2, 0.0, 1.0) : 0.0;
  return std::hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/// Calls @p glyph(bitmap, left, top, advance) for each character of @p text the font has.
template <class F> void for_each_glyph(const FontFace& font, std::string_view text, F glyph) {
  for (std::size_t pos = 0; pos < text.size();) {
    const char32_t cp = utf8::decode(text, pos);
    const FT_UInt index = FT_Get_Char_Index(font.get(), cp);
    if (index == 0 || FT_Load_Glyph(font.get(), index, FT_LOAD_RENDER) != 0) {
      continue;
    }
    const FT_GlyphSlot slot = font.get()->glyph;
    glyph(slot->bitmap, slot->bitmap_left, slot->bitmap_top, static_cast<int>(slot->advance.x / 64));
  }
}

} // namespace

Rgb parse_rgb(std::string_view hex) {
  const bool ok = hex.size() == 7 && hex[0] == '#' &&
                  std::all_of(hex.begin() + 1, hex.end(), [](char c) { return hex_digit(c) >= 0; });
  if (!ok) {
    throw FormatError("not a #rrggbb colour: " + std::string(hex));
  }
  auto byte = [&](std::size_t i) { return static_cast<std::uint8_t>(hex_digit(hex[i]) * 16 + hex_digit(hex[i + 1])); };
  return {byte(1), byte(3), byte(5)};
}

Coverage::Coverage(int w, int h) : width(w), height(h), alpha(area(w, h), 0) {}

void Coverage::add_segment(PixelPoint a, PixelPoint b, double line_width) {
  const double half = line_width / 2.0;
  const int x0 = std::max(0, static_cast<int>(std::floor(std::min(a.x, b.x) - half - 1.0)));
  const int x1 = std::min(width - 1, static_cast<int>(std::ceil(std::max(a.x, b.x) + half + 1.0)));
  const int y0 = std::max(0, static_cast<int>(std::floor(std::min(a.y, b.y) - half - 1.0)));
  const int y1 = std::min(height - 1, static_cast<int>(std::ceil(std::max(a.y, b.y) + half + 1.0)));
  for (int y = y0; y <= y1; ++y) {
    for (int x = x0; x <= x1; ++x) {
      const double d = distance_to_segment({x + 0.5, y + 0.5}, a, b);
      const auto value = static_cast<std::uint8_t>(std::lround(255.0 * edge_coverage(d, half)));
      std::uint8_t& pixel = alpha[cell(x, y, width)];
      pixel = std::max(pixel, value);
    }
  }
}

Canvas::Canvas(int width, int height, Rgb background)
    : m_width(width), m_height(height), m_pixels(area(width, height) * 3) {
  fill_rect(0, 0, width, height, background);
}

Rgb Canvas::at(int x, int y) const {
  const std::size_t i = cell(x, y, m_width) * 3;
  return {m_pixels[i], m_pixels[i + 1], m_pixels[i + 2]};
}

void Canvas::blend(int x, int y, Rgb colour, double alpha) {
  if (x < 0 || y < 0 || x >= m_width || y >= m_height || alpha <= 0.0) {
    return;
  }
  const std::size_t i = cell(x, y, m_width) * 3;
  m_pixels[i] = mix(m_pixels[i], colour.r, alpha);
  m_pixels[i + 1] = mix(m_pixels[i + 1], colour.g, alpha);
  m_pixels[i + 2] = mix(m_pixels[i + 2], colour.b, alpha);
}

void Canvas::paint(const Coverage& coverage, Rgb colour, double opacity) {
  for (int y = 0; y < std::min(m_height, coverage.height); ++y) {
    for (int x = 0; x < std::min(m_width, coverage.width); ++x) {
      const std::uint8_t a = coverage.alpha[cell(x, y, coverage.width)];
      if (a != 0) {
        blend(x, y, colour, opacity * a / 255.0);
      }
    }
  }
}

void Canvas::fill_rect(int x0, int y0, int x1, int y1, Rgb colour, double opacity) {
  for (int y = std::max(y0, 0); y < std::min(y1, m_height); ++y) {
    for (int x = std::max(x0, 0); x < std::min(x1, m_width); ++x) {
      blend(x, y, colour, opacity);
    }
  }
}

void Canvas::fill_disk(PixelPoint centre, double radius, Rgb colour) {
  const int x0 = static_cast<int>(std::floor(centre.x - radius - 1.0));
  const int x1 = static_cast<int>(std::ceil(centre.x + radius + 1.0));
  const int y0 = static_cast<int>(std::floor(centre.y - radius - 1.0));
  const int y1 = static_cast<int>(std::ceil(centre.y + radius + 1.0));
  for (int y = y0; y <= y1; ++y) {
    for (int x = x0; x <= x1; ++x) {
      const double d = std::hypot(x + 0.5 - centre.x, y + 0.5 - centre.y);
      blend(x, y, colour, edge_coverage(d, radius));
    }
  }
}

int Canvas::draw_text(const FontFace& font, std::string_view text, int x, int baseline, Rgb colour) {
  int pen = x;
  for_each_glyph(font, text, [&](const FT_Bitmap& bitmap, int left, int top, int advance) {
    for (unsigned row = 0; row < bitmap.rows; ++row) {
      for (unsigned col = 0; col < bitmap.width; ++col) {
        const unsigned char value = bitmap.buffer[static_cast<std::ptrdiff_t>(row) * bitmap.pitch + col];
        blend(pen + left + static_cast<int>(col), baseline - top + static_cast<int>(row), colour, value / 255.0);
      }
    }
    pen += advance;
  });
  return pen - x;
}

int text_width(const FontFace& font, std::string_view text) {
  int width = 0;
  for_each_glyph(font, text, [&](const FT_Bitmap&, int, int, int advance) { width += advance; });
  return width;
}

} // namespace stationmap::render::detail
