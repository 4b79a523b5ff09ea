#pragma once
// The print map (map.png, `stationmap build --png`): the basemap, links, home jurisdictions and station sites
// of a MapModel on one picture for reports and articles, with a legend. Plate carrée (longitude and latitude
// as x and y, north up). GDAL rasterises the land and writes the PNG; lines, symbols and text are drawn on a
// Canvas (print/print_canvas.hpp). No display, no clock: the same map gives the same bytes.

#include "layers/layer_model.hpp"
#include "print/print_canvas.hpp"

#include <string>

namespace stationmap::render::detail {

/// Size of map.png in pixels: 2:1, the shape of the whole world in plate carrée; 2000 px is an A4 page's width
/// at about 240 dpi.
inline constexpr int print_width = 2000;
inline constexpr int print_height = 1000;

/// Where lon/lat falls on the picture.
struct PrintFrame {
  int width = print_width;
  int height = print_height;
  double min_lon = -180.0;
  double max_lat = 90.0;
  double degrees_per_pixel = 360.0 / print_width;
  [[nodiscard]] PixelPoint pixel(LonLat p) const;
};

/// The frame that shows @p data with a margin around it and at least a minimum span, kept within the world;
/// the whole world when @p data is empty.
PrintFrame print_frame(const Extent& data, int width = print_width, int height = print_height);

/// The picture of @p model (its data layers and basemap) in @p frame, with a legend. Throws LibraryError
/// when GDAL fails or the legend's font (label_font_file()) is missing.
Canvas draw_print_map(const MapModel& model, const PrintFrame& frame);

/// @p canvas as PNG bytes (GDAL's PNG driver, no metadata).
std::string png_bytes(const Canvas& canvas);

} // namespace stationmap::render::detail
