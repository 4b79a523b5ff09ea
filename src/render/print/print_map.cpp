#include "print/print_map.hpp"

#include "basemap/basemap_layers.hpp"
#include "gdal_handles.hpp"
#include "styles/styles.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <gdal_alg.h>
#include <map>
#include <optional>

namespace stationmap::render::detail {

namespace {

// Framing: the data's extent grows by this share of its span on every side, and spans at least this many
// degrees of longitude, so that a single city still shows its country and neighbours.
constexpr double frame_margin_share = 0.1;
constexpr double frame_min_span_lon = 40.0;
// Land is rasterised at this many samples per pixel in each direction and averaged: antialiased coasts.
constexpr int land_supersampling = 2;
// Symbol sizes in pixels (the web map's at zoom 2, a little larger for paper).
constexpr double coast_width = 0.8;
constexpr double border_width = 0.8;
constexpr double link_width = 1.6;
constexpr double link_opacity = 0.8;
constexpr double jurisdiction_radius = 4.5;
constexpr double station_radius = 5.5;
constexpr double outline_width = 1.2;
// Legend: text size, line height, padding and distance from the picture's corner, in pixels.
constexpr unsigned legend_font_px = 15;
constexpr int legend_line = 22;
constexpr int legend_padding = 10;
constexpr int legend_margin = 16;
constexpr int legend_swatch = 22;
constexpr double legend_opacity = 0.9;
constexpr const char* legend_title = "Alleged station sites, by status";
constexpr const char* attribution = "Basemap: Natural Earth (public domain)";

std::optional<std::size_t> field_index(const Layer& layer, std::string_view name) {
  for (std::size_t i = 0; i < layer.fields.size(); ++i) {
    if (layer.fields[i].name == name) {
      return i;
    }
  }
  return std::nullopt;
}

const Layer* find_layer(const std::vector<const Layer*>& layers, std::string_view name) {
  const auto it = std::find_if(layers.begin(), layers.end(), [&](const Layer* l) { return l->name == name; });
  return it == layers.end() ? nullptr : *it;
}

std::string text_value(const Row& row, std::optional<std::size_t> field) {
  return field && *field < row.values.size() ? row.values[*field].text : std::string();
}

Geometry geometry_of_wkb(const std::string& wkb) {
  OGRGeometryH raw = nullptr;
  check_ogr(OGR_G_CreateFromWkb(reinterpret_cast<const void*>(wkb.data()), nullptr, &raw, static_cast<int>(wkb.size())),
            "reading a basemap polygon");
  return Geometry(raw);
}

/// Land as a coverage: the countries rasterised by GDAL at land_supersampling and averaged down.
Coverage land_coverage(const std::vector<Geometry>& countries, const PrintFrame& frame) {
  ensure_gdal_registered();
  const int w = frame.width * land_supersampling;
  const int h = frame.height * land_supersampling;
  const Dataset mask(GDALCreate(GDALGetDriverByName("MEM"), "", w, h, 1, GDT_Byte, nullptr));
  if (!mask) {
    throw_gdal_error("creating the land mask");
  }
  const double step = frame.degrees_per_pixel / land_supersampling;
  double transform[6] = {frame.min_lon, step, 0.0, frame.max_lat, 0.0, -step};
  check_cpl(GDALSetGeoTransform(mask.get(), transform), "placing the land mask");
  std::vector<OGRGeometryH> handles;
  for (const Geometry& g : countries) {
    handles.push_back(g.get());
  }
  const std::vector<double> burn(handles.size(), 255.0);
  int band = 1;
  check_cpl(GDALRasterizeGeometries(mask.get(), 1, &band, static_cast<int>(handles.size()), handles.data(), nullptr,
                                    nullptr, burn.data(), nullptr, nullptr, nullptr),
            "rasterising the land");
  Coverage land(frame.width, frame.height);
  GDALRasterIOExtraArg extra;
  INIT_RASTERIO_EXTRA_ARG(extra);
  extra.eResampleAlg = GRIORA_Average;
  check_cpl(GDALRasterIOEx(GDALGetRasterBand(mask.get(), 1), GF_Read, 0, 0, w, h, land.alpha.data(), frame.width,
                           frame.height, GDT_Byte, 0, 0, &extra),
            "averaging the land mask");
  return land;
}

/// True for the straight cuts Natural Earth makes along the antimeridian: an edge of the data, not a coast.
bool on_antimeridian(LonLat a, LonLat b) {
  return std::abs(a.lon) >= 180.0 - 1e-9 && std::abs(b.lon) >= 180.0 - 1e-9;
}

void add_polyline(Coverage& coverage, const PrintFrame& frame, const Polyline& line, double width) {
  for (std::size_t i = 1; i < line.size(); ++i) {
    if (!on_antimeridian(line[i - 1], line[i])) {
      coverage.add_segment(frame.pixel(line[i - 1]), frame.pixel(line[i]), width);
    }
  }
}

Polyline ring_of(OGRGeometryH ring) {
  Polyline out(static_cast<std::size_t>(OGR_G_GetPointCount(ring)));
  for (int i = 0; i < static_cast<int>(out.size()); ++i) {
    out[static_cast<std::size_t>(i)] = {OGR_G_GetX(ring, i), OGR_G_GetY(ring, i)};
  }
  return out;
}

/// The outlines of every country: coasts (and land borders, drawn again on top in their own colour).
Coverage coast_coverage(const std::vector<Geometry>& countries, const PrintFrame& frame) {
  Coverage coast(frame.width, frame.height);
  for (const Geometry& multi : countries) {
    for (int p = 0; p < OGR_G_GetGeometryCount(multi.get()); ++p) {
      const OGRGeometryH polygon = OGR_G_GetGeometryRef(multi.get(), p);
      for (int r = 0; r < OGR_G_GetGeometryCount(polygon); ++r) {
        add_polyline(coast, frame, ring_of(OGR_G_GetGeometryRef(polygon, r)), coast_width);
      }
    }
  }
  return coast;
}

Coverage lines_coverage(const Layer& layer, const PrintFrame& frame, double width) {
  Coverage lines(frame.width, frame.height);
  for (const Row& row : layer.rows) {
    for (const Polyline& part : row.shape.parts) {
      add_polyline(lines, frame, part, width);
    }
  }
  return lines;
}

void draw_basemap(Canvas& canvas, const MapModel& model, const PrintFrame& frame) {
  const std::vector<const Layer*> layers = model.all_layers();
  if (const Layer* countries = find_layer(layers, "basemap_countries")) {
    std::vector<Geometry> geometries;
    for (const Row& row : countries->rows) {
      geometries.push_back(geometry_of_wkb(row.shape.wkb));
    }
    canvas.paint(land_coverage(geometries, frame), parse_rgb(basemap_colour("land")));
    canvas.paint(coast_coverage(geometries, frame), parse_rgb(basemap_colour("coast")));
  }
  if (const Layer* borders = find_layer(layers, "basemap_borders")) {
    canvas.paint(lines_coverage(*borders, frame, border_width), parse_rgb(basemap_colour("border")));
  }
}

/// The links, one coverage per colour (a jurisdiction's links share its colour, palette.json).
void draw_links(Canvas& canvas, const Layer& links, const PrintFrame& frame) {
  const auto color = field_index(links, "color");
  std::map<std::string, Coverage> by_colour;
  for (const Row& row : links.rows) {
    std::string hex = text_value(row, color);
    if (hex.empty()) {
      hex = jurisdiction_colour(0);
    }
    Coverage& coverage = by_colour.try_emplace(hex, frame.width, frame.height).first->second;
    for (const Polyline& part : row.shape.parts) {
      add_polyline(coverage, frame, part, link_width);
    }
  }
  for (const auto& [hex, coverage] : by_colour) {
    canvas.paint(coverage, parse_rgb(hex), link_opacity);
  }
}

void draw_symbol(Canvas& canvas, PixelPoint at, double radius, Rgb fill, Rgb outline) {
  canvas.fill_disk(at, radius + outline_width, outline);
  canvas.fill_disk(at, radius, fill);
}

void draw_points(Canvas& canvas, const Layer& layer, const PrintFrame& frame, double radius, Rgb outline,
                 const std::function<Rgb(const Row&)>& fill) {
  for (const Row& row : layer.rows) {
    if (!row.shape.parts.empty() && !row.shape.parts.front().empty()) {
      draw_symbol(canvas, frame.pixel(row.shape.parts.front().front()), radius, fill(row), outline);
    }
  }
}

/// The station colour of a status name: palette.json status.<name>, status.other for anything else.
Rgb status_rgb(const std::string& status) {
  const bool known =
      std::any_of(all_statuses.begin(), all_statuses.end(), [&](Status s) { return status_name(s) == status; });
  return parse_rgb(palette_colour(known ? "status." + status : std::string("status.other")));
}

struct LegendEntry {
  enum class Kind : std::uint8_t { Title, Station, Jurisdiction, Link, Note } kind = Kind::Title;
  std::string text;
  Rgb colour;
};

std::vector<LegendEntry> legend_entries(const std::vector<const Layer*>& layers) {
  std::vector<LegendEntry> entries{{LegendEntry::Kind::Title, legend_title, {}}};
  if (const Layer* stations = find_layer(layers, "stations")) {
    const auto status = field_index(*stations, "status");
    std::map<std::string, std::size_t> counts;
    for (const Row& row : stations->rows) {
      ++counts[text_value(row, status)];
    }
    for (const Status s : all_statuses) { // the one status order (extract/claims.hpp)
      const std::string name(status_name(s));
      if (const auto it = counts.find(name); it != counts.end()) {
        entries.push_back(
            {LegendEntry::Kind::Station, name + " (" + std::to_string(it->second) + ")", status_rgb(name)});
        counts.erase(it);
      }
    }
    for (const auto& [name, n] : counts) { // mixed or unknown statuses
      entries.push_back({LegendEntry::Kind::Station, (name.empty() ? "other" : name) + " (" + std::to_string(n) + ")",
                         status_rgb(name)});
    }
  }
  if (const Layer* jurisdictions = find_layer(layers, "jurisdictions"); jurisdictions && !jurisdictions->rows.empty()) {
    entries.push_back({LegendEntry::Kind::Jurisdiction,
                       "home jurisdiction (" + std::to_string(jurisdictions->rows.size()) + ")",
                       parse_rgb(jurisdiction_colour(0))});
  }
  if (const Layer* links = find_layer(layers, "links"); links && !links->rows.empty()) {
    entries.push_back({LegendEntry::Kind::Link, "stated tie (" + std::to_string(links->rows.size()) + ")",
                       parse_rgb(jurisdiction_colour(0))});
  }
  entries.push_back({LegendEntry::Kind::Note, attribution, parse_rgb(basemap_colour("label"))});
  return entries;
}

void draw_swatch(Canvas& canvas, const LegendEntry& entry, int x, int middle) {
  const PixelPoint centre{x + legend_swatch / 2.0, static_cast<double>(middle)};
  const Rgb white = parse_rgb(palette_colour("halo"));
  switch (entry.kind) {
  case LegendEntry::Kind::Station:
    draw_symbol(canvas, centre, station_radius, entry.colour, parse_rgb(palette_colour("label")));
    break;
  case LegendEntry::Kind::Jurisdiction:
    draw_symbol(canvas, centre, jurisdiction_radius, entry.colour, white);
    break;
  case LegendEntry::Kind::Link: {
    Coverage line(canvas.width(), canvas.height());
    line.add_segment({centre.x - legend_swatch / 2.0, centre.y}, {centre.x + legend_swatch / 2.0, centre.y},
                     link_width);
    canvas.paint(line, entry.colour, link_opacity);
    break;
  }
  case LegendEntry::Kind::Title:
  case LegendEntry::Kind::Note:
    break;
  }
}

/// The symbols' positions on the picture (stations and jurisdictions): what the legend should not hide.
std::vector<PixelPoint> symbol_positions(const std::vector<const Layer*>& layers, const PrintFrame& frame) {
  std::vector<PixelPoint> out;
  for (const char* name : {"stations", "jurisdictions"}) {
    if (const Layer* layer = find_layer(layers, name)) {
      for (const Row& row : layer->rows) {
        if (!row.shape.parts.empty() && !row.shape.parts.front().empty()) {
          out.push_back(frame.pixel(row.shape.parts.front().front()));
        }
      }
    }
  }
  return out;
}

struct Box {
  int left = 0;
  int top = 0;
  int width = 0;
  int height = 0;
};

/// The corner for a legend of @p width x @p height that hides the fewest @p symbols: lower left, lower right,
/// upper left, upper right, the first of the fewest.
Box legend_box(const Canvas& canvas, int width, int height, const std::vector<PixelPoint>& symbols) {
  const int right = canvas.width() - legend_margin - width;
  const int bottom = canvas.height() - legend_margin - height;
  const Box corners[] = {{legend_margin, bottom, width, height},
                         {right, bottom, width, height},
                         {legend_margin, legend_margin, width, height},
                         {right, legend_margin, width, height}};
  const double reach = station_radius + outline_width; // a symbol partly under the box counts
  auto hidden = [&](const Box& b) {
    return std::count_if(symbols.begin(), symbols.end(), [&](const PixelPoint& p) {
      return p.x > b.left - reach && p.x < b.left + b.width + reach && p.y > b.top - reach &&
             p.y < b.top + b.height + reach;
    });
  };
  const Box* best = &corners[0];
  for (const Box& b : corners) {
    if (hidden(b) < hidden(*best)) {
      best = &b;
    }
  }
  return *best;
}

void draw_legend(Canvas& canvas, const std::vector<LegendEntry>& entries, const std::vector<PixelPoint>& symbols) {
  const std::filesystem::path font_file = label_font_file();
  if (font_file.empty()) {
    throw LibraryError("map.png: the legend's font DejaVuSans is not installed (Debian: fonts-dejavu-core)");
  }
  const FontFace font(font_file, legend_font_px);
  int text_column = 0;
  for (const LegendEntry& e : entries) {
    const bool indented = e.kind != LegendEntry::Kind::Title && e.kind != LegendEntry::Kind::Note;
    text_column = std::max(text_column, text_width(font, e.text) + (indented ? legend_swatch + legend_padding : 0));
  }
  const Box box = legend_box(canvas, text_column + 2 * legend_padding,
                             static_cast<int>(entries.size()) * legend_line + 2 * legend_padding, symbols);
  const int left = box.left;
  const int top = box.top;
  const int box_w = box.width;
  const int box_h = box.height;
  const Rgb ink = parse_rgb(palette_colour("label"));
  canvas.fill_rect(left - 1, top - 1, left + box_w + 1, top + box_h + 1, parse_rgb(basemap_colour("border")));
  canvas.fill_rect(left, top, left + box_w, top + box_h, parse_rgb(palette_colour("halo")), legend_opacity);
  const int ascent = static_cast<int>(legend_font_px) * 3 / 4; // baseline below a line's middle, roughly
  for (std::size_t i = 0; i < entries.size(); ++i) {
    const LegendEntry& e = entries[i];
    const int middle = top + legend_padding + static_cast<int>(i) * legend_line + legend_line / 2;
    const int baseline = middle + ascent / 2;
    int x = left + legend_padding;
    if (e.kind == LegendEntry::Kind::Title || e.kind == LegendEntry::Kind::Note) {
      canvas.draw_text(font, e.text, x, baseline, e.kind == LegendEntry::Kind::Note ? e.colour : ink);
      continue;
    }
    draw_swatch(canvas, e, x, middle);
    x += legend_swatch + legend_padding;
    canvas.draw_text(font, e.text, x, baseline, ink);
  }
}

} // namespace

PixelPoint PrintFrame::pixel(LonLat p) const {
  return {(p.lon - min_lon) / degrees_per_pixel, (max_lat - p.lat) / degrees_per_pixel};
}

PrintFrame print_frame(const Extent& data, int width, int height) {
  PrintFrame frame;
  frame.width = width;
  frame.height = height;
  const double world = std::min(360.0 / width, 180.0 / height); // degrees per pixel that show the whole world
  if (data.empty()) {
    frame.degrees_per_pixel = world;
  } else {
    const double span_lon = std::max((data.max_lon - data.min_lon) * (1 + 2 * frame_margin_share), frame_min_span_lon);
    const double span_lat = (data.max_lat - data.min_lat) * (1 + 2 * frame_margin_share);
    frame.degrees_per_pixel = std::min(world, std::max(span_lon / width, span_lat / height));
  }
  const double span_lon = frame.degrees_per_pixel * width;
  const double span_lat = frame.degrees_per_pixel * height;
  const double centre_lon = data.empty() ? 0.0 : (data.min_lon + data.max_lon) / 2.0;
  const double centre_lat = data.empty() ? 0.0 : (data.min_lat + data.max_lat) / 2.0;
  frame.min_lon = std::clamp(centre_lon - span_lon / 2.0, -180.0, 180.0 - span_lon);
  frame.max_lat = std::clamp(centre_lat + span_lat / 2.0, -90.0 + span_lat, 90.0);
  return frame;
}

Canvas draw_print_map(const MapModel& model, const PrintFrame& frame) {
  Canvas canvas(frame.width, frame.height, parse_rgb(basemap_colour("water")));
  draw_basemap(canvas, model, frame);
  const std::vector<const Layer*> layers = model.all_layers();
  if (const Layer* links = find_layer(layers, "links")) {
    draw_links(canvas, *links, frame);
  }
  const Rgb halo = parse_rgb(palette_colour("halo"));
  if (const Layer* jurisdictions = find_layer(layers, "jurisdictions")) {
    const auto color = field_index(*jurisdictions, "color");
    draw_points(canvas, *jurisdictions, frame, jurisdiction_radius, halo, [&](const Row& row) {
      const std::string hex = text_value(row, color);
      return parse_rgb(hex.empty() ? jurisdiction_colour(0) : hex);
    });
  }
  if (const Layer* stations = find_layer(layers, "stations")) {
    const auto status = field_index(*stations, "status");
    draw_points(canvas, *stations, frame, station_radius, parse_rgb(palette_colour("label")),
                [&](const Row& row) { return status_rgb(text_value(row, status)); });
  }
  draw_legend(canvas, legend_entries(layers), symbol_positions(layers, frame));
  return canvas;
}

std::string png_bytes(const Canvas& canvas) {
  ensure_gdal_registered();
  const ScopedConfig no_aux("GDAL_PAM_ENABLED", "NO"); // no .aux.xml beside the in-memory file
  const Dataset image(
      GDALCreate(GDALGetDriverByName("MEM"), "", canvas.width(), canvas.height(), 3, GDT_Byte, nullptr));
  if (!image) {
    throw_gdal_error("creating the picture");
  }
  auto* pixels = const_cast<std::uint8_t*>(canvas.pixels().data()); // GF_Write only reads the buffer
  check_cpl(GDALDatasetRasterIO(image.get(), GF_Write, 0, 0, canvas.width(), canvas.height(), pixels, canvas.width(),
                                canvas.height(), GDT_Byte, 3, nullptr, 3, 3 * canvas.width(), 1),
            "filling the picture");
  const std::string path =
      "/vsimem/stationmap-print-" + std::to_string(reinterpret_cast<std::uintptr_t>(&canvas)) + ".png";
  Dataset png(GDALCreateCopy(GDALGetDriverByName("PNG"), path.c_str(), image.get(), FALSE, nullptr, nullptr, nullptr));
  if (!png) {
    throw_gdal_error("writing PNG");
  }
  png.reset(); // closes (flushes) the file
  vsi_l_offset size = 0;
  GByte* data = VSIGetMemFileBuffer(path.c_str(), &size, FALSE);
  std::string bytes(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
  VSIUnlink(path.c_str());
  return bytes;
}

} // namespace stationmap::render::detail
