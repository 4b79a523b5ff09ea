#include "glyphs.hpp"

#include "stationmap/core/error.hpp"
#include "stationmap/core/file_io.hpp"
#include "stationmap/core/utf8.hpp"

#include <algorithm>
#include <cmath>
#include <protozero/pbf_writer.hpp>

namespace stationmap::render::detail {

namespace {

// The glyph PBF conventions MapLibre expects: glyphs rendered at 24 px (font_px), with a border and a signed
// distance field (sdf); positioned from an ascender (write_glyph).
constexpr unsigned font_px = 24;

/// Signed distance field of an 8-bit coverage bitmap, with the border added on every side.
std::string sdf(const FT_Bitmap& bitmap) {
  // A 3 px border; distances up to 8 px encoded so that the glyph's edge is 192 (0.75 of 255: cutoff 0.25).
  constexpr int border_px = 3;
  constexpr double sdf_radius = 8.0;
  constexpr double sdf_cutoff = 0.25;
  const int w = static_cast<int>(bitmap.width);
  const int h = static_cast<int>(bitmap.rows);
  auto inside = [&](int x, int y) {
    return x >= 0 && y >= 0 && x < w && y < h &&
           bitmap.buffer[static_cast<std::ptrdiff_t>(y) * bitmap.pitch + x] >= 128;
  };
  const int out_w = w + 2 * border_px;
  const int out_h = h + 2 * border_px;
  const int reach = static_cast<int>(sdf_radius);
  std::string out(static_cast<std::size_t>(out_w * out_h), '\0');
  for (int oy = 0; oy < out_h; ++oy) {
    for (int ox = 0; ox < out_w; ++ox) {
      const int x = ox - border_px;
      const int y = oy - border_px;
      const bool in = inside(x, y);
      double nearest = sdf_radius + 1.0; // to the nearest pixel of the other kind, edge between them
      for (int dy = -reach; dy <= reach; ++dy) {
        for (int dx = -reach; dx <= reach; ++dx) {
          if (inside(x + dx, y + dy) != in) {
            nearest = std::min(nearest, std::hypot(dx, dy) - 0.5);
          }
        }
      }
      const double signed_distance = in ? -nearest : nearest;
      const double value = 255.0 - 255.0 * (signed_distance / sdf_radius + sdf_cutoff);
      out[static_cast<std::size_t>(oy * out_w + ox)] = static_cast<char>(std::clamp(std::lround(value), 0L, 255L));
    }
  }
  return out;
}

void write_glyph(protozero::pbf_writer& stack, FT_Face face, char32_t cp) {
  const FT_UInt index = FT_Get_Char_Index(face, cp);
  if (index == 0 || FT_Load_Glyph(face, index, FT_LOAD_RENDER | FT_LOAD_NO_HINTING) != 0) {
    return; // not in the font
  }
  const FT_GlyphSlot slot = face->glyph;
  protozero::pbf_writer glyph(stack, 3);
  glyph.add_uint32(1, static_cast<std::uint32_t>(cp));
  if (slot->bitmap.width > 0 && slot->bitmap.rows > 0) {
    glyph.add_bytes(2, sdf(slot->bitmap));
  }
  glyph.add_uint32(3, slot->bitmap.width);
  glyph.add_uint32(4, slot->bitmap.rows);
  glyph.add_sint32(5, slot->bitmap_left);
  // MapLibre positions glyphs from a "top" measured below an ascender of about 25 px at 24 px (the metric of the
  // fonts its shaping was calibrated on), not from the baseline.
  constexpr int baseline_ascender_px = 25;
  glyph.add_sint32(6, slot->bitmap_top - baseline_ascender_px);
  glyph.add_uint32(7, static_cast<std::uint32_t>(std::lround(static_cast<double>(slot->advance.x) / 64.0)));
}

std::string range_name(unsigned range) {
  return std::to_string(range * 256) + "-" + std::to_string(range * 256 + 255);
}

} // namespace

FontFace::FontFace(const std::filesystem::path& font, unsigned pixel_size) {
  FT_Library library = nullptr;
  if (FT_Init_FreeType(&library) != 0) {
    throw LibraryError("FreeType: cannot initialise");
  }
  m_library.reset(library);
  FT_Face face = nullptr;
  if (FT_New_Face(library, font.c_str(), 0, &face) != 0) {
    throw LibraryError("FreeType: cannot read the font " + font.string());
  }
  m_face.reset(face);
  FT_Set_Pixel_Sizes(face, 0, pixel_size);
}

std::filesystem::path label_font_file() {
  for (const char* path : {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
                           "/usr/share/fonts/TTF/DejaVuSans.ttf"}) { // Debian/Ubuntu, Arch/Fedora layouts
    if (std::filesystem::is_regular_file(path)) {
      return path;
    }
  }
  return {};
}

std::set<unsigned> glyph_ranges(const std::vector<std::string>& texts) {
  std::set<unsigned> ranges{0};
  for (const std::string& text : texts) {
    for (std::size_t pos = 0; pos < text.size();) {
      const char32_t cp = utf8::decode(text, pos);
      if (cp <= 0xFFFF) {
        ranges.insert(static_cast<unsigned>(cp) / 256);
      }
    }
  }
  return ranges;
}

std::string glyph_range_pbf(const std::filesystem::path& font, std::string_view fontstack, unsigned range) {
  const FontFace face(font, font_px);
  std::string bytes;
  {
    protozero::pbf_writer glyphs(bytes);
    protozero::pbf_writer stack(glyphs, 1);
    stack.add_string(1, std::string(fontstack));
    stack.add_string(2, range_name(range));
    for (char32_t cp = range * 256; cp < (range + 1) * 256; ++cp) {
      write_glyph(stack, face.get(), cp);
    }
  }
  return bytes;
}

void write_glyphs(const std::filesystem::path& dir, const std::filesystem::path& font, std::string_view fontstack,
                  const std::set<unsigned>& ranges) {
  const std::filesystem::path folder = dir / std::string(fontstack);
  std::filesystem::create_directories(folder);
  for (const unsigned range : ranges) {
    write_file_atomic(folder / (range_name(range) + ".pbf"), glyph_range_pbf(font, fontstack, range));
  }
}

} // namespace stationmap::render::detail
