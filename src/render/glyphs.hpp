#pragma once
// Glyphs for the web map's labels: signed-distance-field glyph ranges (the MapLibre/Mapbox glyph PBF format,
// 256 code points per file, 24 px, 3 px buffer) rendered with FreeType from a system font, so that labels need
// no request outside the page's origin.

#include <filesystem>
#include <ft2build.h>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>
#include FT_FREETYPE_H

namespace stationmap::render::detail {

/// A font file opened with FreeType at one pixel size (the library and face handles owned together).
class FontFace {
public:
  /// Throws LibraryError when FreeType cannot read @p font.
  FontFace(const std::filesystem::path& font, unsigned pixel_size);
  [[nodiscard]] FT_Face get() const noexcept { return m_face.get(); }

private:
  struct LibraryCloser {
    void operator()(FT_Library l) const noexcept { FT_Done_FreeType(l); }
  };
  struct FaceCloser {
    void operator()(FT_Face f) const noexcept { FT_Done_Face(f); }
  };
  std::unique_ptr<std::remove_pointer_t<FT_Library>, LibraryCloser> m_library;
  std::unique_ptr<std::remove_pointer_t<FT_Face>, FaceCloser> m_face; // destroyed before its library
};

/// The fontstack name the style's text-font uses, and the font file it is rendered from.
inline constexpr const char* label_fontstack = "DejaVuSans";

/// The Debian font (fonts-dejavu-core) for labels; empty when it is not installed.
std::filesystem::path label_font_file();

/// Ranges (first code point / 256) needed to draw @p texts; range 0 always.
std::set<unsigned> glyph_ranges(const std::vector<std::string>& texts);

/// One glyph range as a glyph PBF ("<start>-<end>"): every code point of the range that @p font has.
/// Throws LibraryError when FreeType cannot read the font.
std::string glyph_range_pbf(const std::filesystem::path& font, std::string_view fontstack, unsigned range);

/// Writes <dir>/<fontstack>/<start>-<end>.pbf for each range.
void write_glyphs(const std::filesystem::path& dir, const std::filesystem::path& font, std::string_view fontstack,
                  const std::set<unsigned>& ranges);

} // namespace stationmap::render::detail
