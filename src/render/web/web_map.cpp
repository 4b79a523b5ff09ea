// MapLibre style, TileJSON and the offline web map (index.html + vendored MapLibre GL JS).

#include "stationmap/render/web_map.hpp"

#include "basemap/basemap_layers.hpp"
#include "basemap/basemap_tiles.hpp"
#include "glyphs.hpp"
#include "layers/alongside.hpp"
#include "render_fingerprint.hpp"
#include "stationmap/core/data_dirs.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/core/file_io.hpp"
#include "stationmap/core/kept_files.hpp"
#include "stationmap/core/sha256.hpp"
#include "stationmap/geography/country_index.hpp"
#include "styles/styles.hpp"

#include <algorithm>
#include <boost/version.hpp>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <optional>
#include <zlib.h>

namespace stationmap::render {
namespace {

using ojson = nlohmann::ordered_json;

const char* const source_all = "stationmap";
const char* const source_links = "stationmap-links";

int layer_maxzoom(const tiles::TileSet& set, const std::string& id) {
  for (const auto& l : set.layers) {
    if (l.id == id) {
      return l.maxzoom;
    }
  }
  return set.maxzoom;
}

ojson vector_source(const tiles::TileSet& set, const std::string& url, int maxzoom) {
  return {{"type", "vector"},
          {"tiles", ojson::array({url})},
          {"minzoom", set.minzoom},
          {"maxzoom", maxzoom},
          {"bounds", ojson::array({set.bounds[0], set.bounds[1], set.bounds[2], set.bounds[3]})},
          {"attribution", set.options.attribution}};
}

// --- the basemap: Natural Earth 1:50m as vector tiles in basemap.pmtiles beside the page (index.html reads it
// with the PMTiles protocol over HTTP range requests), generalised per zoom; country names drawn with glyphs
// rendered from a system font. Nothing outside the origin.

const char* const glyphs_folder = "glyphs";
const char* const basemap_source = "basemap";

/// A style layer's head: its id, its type, and the tile source and source layer it draws.
ojson style_layer(const char* id, const char* type, const char* source, const char* source_layer) {
  return {{"id", id}, {"type", type}, {"source", source}, {"source-layer", source_layer}};
}

ojson basemap_layer(const char* id, const char* type, const char* source_layer) {
  return style_layer(id, type, basemap_source, source_layer);
}

void add_basemap_layers(ojson& style, ojson& layers) {
  using detail::basemap_colour;
  style["sources"][basemap_source] = {{"type", "vector"},
                                      {"url", std::string("pmtiles://") + detail::basemap_tiles_file}};
  ojson land = basemap_layer("basemap-land", "fill", "basemap_countries");
  land["paint"] = {{"fill-color", basemap_colour("land")}, {"fill-antialias", true}};
  layers.push_back(land);
  ojson coast = basemap_layer("basemap-coast", "line", "basemap_countries");
  coast["paint"] = {{"line-color", basemap_colour("coast")}, {"line-width", 0.7}};
  layers.push_back(coast);
  ojson borders = basemap_layer("basemap-borders", "line", "basemap_borders");
  borders["paint"] = {
      {"line-color", basemap_colour("border")}, {"line-width", 0.8}, {"line-dasharray", ojson::array({3, 2})}};
  layers.push_back(borders);
  if (detail::label_font_file().empty()) {
    return; // no font to draw names with: the map stays readable by its shapes
  }
  style["glyphs"] = std::string(glyphs_folder) + "/{fontstack}/{range}.pbf";
  ojson labels = basemap_layer("basemap-labels", "symbol", "basemap_labels");
  labels.update(
      {{"layout",
        {{"text-field", ojson::array({"get", "name"})},
         {"text-font", ojson::array({detail::label_fontstack})},
         {"text-size", ojson::array({"interpolate", ojson::array({"linear"}), ojson::array({"zoom"}), 1, 9, 5, 14})},
         {"text-max-width", 7},
         {"text-padding", 2},
         {"symbol-sort-key", ojson::array({"-", ojson::array({"get", "area"})})}}}, // larger countries first
       {"paint",
        {{"text-color", basemap_colour("label")},
         {"text-halo-color", basemap_colour("label_halo")},
         {"text-halo-width", 1.2}}}});
  layers.push_back(labels);
}

ojson is_cluster(bool yes) {
  return ojson::array({"==", ojson::array({"get", "cluster"}), yes});
}

} // namespace

const std::vector<std::pair<std::string, std::string>>& status_colors() {
  static const std::vector<std::pair<std::string, std::string>> colors = [] {
    std::vector<std::pair<std::string, std::string>> out;
    for (const Status status : all_statuses) { // the one status order (extract/claims.hpp)
      const std::string name(status_name(status));
      out.emplace_back(name, detail::palette_colour("status." + name));
    }
    return out;
  }();
  return colors;
}

std::string style_json(const tiles::TileSet& set, const std::string& tile_url) {
  ojson status_match = ojson::array({"match", ojson::array({"get", "status"})});
  for (const auto& [status, color] : status_colors()) {
    status_match.push_back(status);
    status_match.push_back(color);
  }
  status_match.push_back(detail::palette_colour("status.other")); // mixed clusters and anything else

  ojson layers = ojson::array();
  ojson style;
  layers.push_back({{"id", "background"},
                    {"type", "background"},
                    {"paint", {{"background-color", detail::basemap_colour("water")}}}});
  add_basemap_layers(style, layers);
  ojson links = style_layer("links", "line", source_links, "links");
  links.update(
      {{"layout", {{"line-cap", "round"}, {"line-join", "round"}}},
       {"paint",
        {{"line-color", ojson::array({"to-color", ojson::array({"get", "color"}), "#555555"})},
         {"line-width", ojson::array({"interpolate", ojson::array({"linear"}), ojson::array({"zoom"}), 0, 1, 8, 2.5})},
         {"line-opacity", 0.7}}}});
  layers.push_back(links);
  ojson places = style_layer("places", "circle", source_all, "places");
  places["paint"] = {{"circle-color", detail::palette_colour("places")},
                     {"circle-opacity", 0.6},
                     {"circle-radius", ojson::array({"interpolate", ojson::array({"linear"}),
                                                     ojson::array({"get", "point_count"}), 1, 2.5, 50, 8})}};
  layers.push_back(places);
  // Sites in doubt: hidden until the reader turns them on, and then an unfilled ring, never a station's dot.
  ojson candidates = style_layer("candidates", "circle", source_all, "candidates");
  candidates.update({{"layout", {{"visibility", "none"}}},
                     {"paint",
                      {{"circle-color", detail::palette_colour("candidates")},
                       {"circle-opacity", 0.0},
                       {"circle-radius", 6},
                       {"circle-stroke-color", detail::palette_colour("candidates")},
                       {"circle-stroke-width", 2},
                       {"circle-stroke-opacity", 0.9}}}});
  layers.push_back(candidates);
  ojson jurisdictions = style_layer("jurisdictions", "circle", source_all, "jurisdictions");
  jurisdictions["paint"] = {
      {"circle-color", ojson::array({"to-color", ojson::array({"get", "color"}), "#555555"})},
      {"circle-radius", ojson::array({"interpolate", ojson::array({"linear"}), ojson::array({"get", "station_count"}),
                                      1, 5, 10, 11, 50, 22})},
      {"circle-opacity", 0.85},
      {"circle-stroke-color", "#ffffff"},
      {"circle-stroke-width", 1.5}};
  layers.push_back(jurisdictions);
  ojson clusters = style_layer("station-clusters", "circle", source_all, "stations");
  clusters.update({{"filter", is_cluster(true)},
                   {"paint",
                    {{"circle-color", status_match},
                     {"circle-radius", ojson::array({"step", ojson::array({"get", "point_count"}), 11, 5, 15, 20, 20})},
                     {"circle-opacity", 0.85},
                     {"circle-stroke-color", "#333333"},
                     {"circle-stroke-width", 1.5}}}});
  layers.push_back(clusters);
  ojson stations = style_layer("stations", "circle", source_all, "stations");
  stations.update({{"filter", is_cluster(false)},
                   {"paint",
                    {{"circle-color", status_match},
                     {"circle-radius",
                      ojson::array({"interpolate", ojson::array({"linear"}), ojson::array({"zoom"}), 0, 5, 10, 8})},
                     {"circle-stroke-color", "#ffffff"},
                     {"circle-stroke-width", 1.5}}}});
  layers.push_back(stations);

  style["version"] = 8;
  style["name"] = set.options.name;
  style["metadata"] = {
      {"stationmap:status-colors", ojson::object()},
      {"stationmap:note", "Glyphs only for the basemap's country names; cluster counts are drawn by index.html"}};
  for (const auto& [status, color] : status_colors()) {
    style["metadata"]["stationmap:status-colors"][status] = color;
  }
  // The legend's other swatches (index.html): the same palette.json colours the layers use.
  style["metadata"]["stationmap:symbol-colors"] = {{"cluster", detail::palette_colour("status.other")},
                                                   {"jurisdiction", detail::palette_colour("jurisdictions.0")},
                                                   {"place", detail::palette_colour("places")},
                                                   {"candidate", detail::palette_colour("candidates")}};
  style["center"] = ojson::array({set.center[0], set.center[1]});
  style["zoom"] = std::max(1.0, set.center[2]);
  style["sources"][source_all] = vector_source(set, tile_url, set.maxzoom);
  style["sources"][source_links] = vector_source(set, tile_url, layer_maxzoom(set, "links"));
  style["layers"] = layers;
  return style.dump(2);
}

std::string tilejson(const tiles::TileSet& set, const std::string& tile_url) {
  ojson j;
  j["tilejson"] = "3.0.0";
  j["name"] = set.options.name;
  j["description"] = set.options.description;
  j["version"] = set.options.version;
  j["attribution"] = set.options.attribution;
  j["scheme"] = "xyz";
  j["tiles"] = ojson::array({tile_url});
  j["minzoom"] = set.minzoom;
  j["maxzoom"] = set.maxzoom;
  j["bounds"] = ojson::array({set.bounds[0], set.bounds[1], set.bounds[2], set.bounds[3]});
  j["center"] = ojson::array({set.center[0], set.center[1], set.center[2]});
  j["vector_layers"] = ojson::parse(tiles::vector_layers_json(set));
  return j.dump(2);
}

std::filesystem::path find_web_dir() {
  if (const char* env = std::getenv("STATIONMAP_WEB_DIR"); env != nullptr && *env != '\0') {
    if (std::error_code ec; std::filesystem::is_regular_file(std::filesystem::path(env) / "index.html", ec)) {
      return env;
    }
  }
  return find_data_dir(running_executable(), "web", "index.html",
                       {STATIONMAP_SOURCE_WEB_DIR, STATIONMAP_INSTALLED_WEB_DIR});
}

namespace {

/// The key of the kept basemap files: everything they are derived from. The code (the render stage's source
/// fingerprint, the compiler, the zlib, FreeType and Boost that gzip, rasterise and simplify), the Natural Earth
/// countries and the label font.
std::string basemap_key(std::string_view countries, const std::filesystem::path& font) {
  Sha256 key;
  key.field("basemap web files").field(stationmap::detail::render_fingerprint).field(__VERSION__);
  key.field(ZLIB_VERSION).field(BOOST_LIB_VERSION);
  key.field(std::to_string(FREETYPE_MAJOR) + "." + std::to_string(FREETYPE_MINOR) + "." +
            std::to_string(FREETYPE_PATCH));
  key.field(countries).field(font.string()).field(font.empty() ? std::string() : read_file(font));
  return key.hex();
}

/// basemap.pmtiles and the glyphs, from the countries and the font (none: no glyphs).
void derive_basemap_web_files(const geography::Topology& countries, const std::filesystem::path& font,
                              const std::filesystem::path& outdir) {
  tiles::write_pmtiles(detail::basemap_tiles(countries), outdir / detail::basemap_tiles_file);
  if (!font.empty()) {
    std::vector<std::string> names;
    for (const auto& row : detail::basemap_labels(countries).rows) {
      names.push_back(row.values.at(0).text);
    }
    detail::write_glyphs(outdir / glyphs_folder, font, detail::label_fontstack, detail::glyph_ranges(names));
  }
}

/// The files derive_basemap_web_files() wrote into @p outdir, relative to it, sorted.
std::vector<std::filesystem::path> basemap_web_files(const std::filesystem::path& outdir) {
  std::vector<std::filesystem::path> out;
  if (std::filesystem::is_directory(outdir / glyphs_folder)) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(outdir / glyphs_folder)) {
      if (entry.is_regular_file()) {
        out.push_back(std::filesystem::relative(entry.path(), outdir));
      }
    }
  }
  std::sort(out.begin(), out.end());
  out.insert(out.begin(), detail::basemap_tiles_file);
  return out;
}

} // namespace

std::vector<std::string> write_basemap_web_files(const std::filesystem::path& outdir,
                                                 const std::filesystem::path& keep_in) {
  const std::string countries = read_file(geography::naturalearth_file("50m"));
  const std::filesystem::path font = detail::label_font_file();
  std::filesystem::remove_all(outdir / glyphs_folder);
  std::vector<std::string> warnings;
  std::optional<KeptFiles> kept;
  if (!keep_in.empty()) {
    kept.emplace(keep_in, "basemap", basemap_key(countries, font),
                 [&](const std::string& w) { warnings.push_back(w); });
    if (kept->restore(outdir)) {
      return warnings;
    }
  }
  derive_basemap_web_files(geography::embedded_topology("50m"), font, outdir);
  if (kept) {
    kept->keep(outdir, basemap_web_files(outdir));
  }
  return warnings;
}

std::vector<std::string> write_web_map(const tiles::TileSet& set, const std::filesystem::path& outdir,
                                       const std::filesystem::path& web_dir) {
  std::vector<std::string> warnings;
  const std::filesystem::path dir = web_dir.empty() ? find_web_dir() : web_dir;
  if (dir.empty() || !std::filesystem::is_regular_file(dir / "index.html")) {
    throw IoError((dir / "index.html").string(), "the web map template is missing (set STATIONMAP_WEB_DIR to the "
                                                 "stationmap web/ folder)");
  }
  std::filesystem::create_directories(outdir);
  write_file_atomic(outdir / "style.json", style_json(set));
  write_file_atomic(outdir / "tiles.json", tilejson(set));
  write_file_atomic(outdir / "index.html", read_file(dir / "index.html", 1U << 20U));
  // MapLibre GL JS and the PMTiles reader (the basemap): web/vendor/ (tools/fetch_web_vendor.sh) or
  // web/node_modules (npm ci in web/).
  struct Vendored {
    std::string from, to;
    std::filesystem::path package_dist;
  };
  const std::filesystem::path maplibre = dir / "node_modules" / "maplibre-gl" / "dist";
  const std::vector<Vendored> files{{"maplibre-gl.js", "maplibre-gl.js", maplibre},
                                    {"maplibre-gl.css", "maplibre-gl.css", maplibre},
                                    {"LICENSE.txt", "maplibre-gl.LICENSE.txt", maplibre},
                                    {"pmtiles.js", "pmtiles.js", dir / "node_modules" / "pmtiles" / "dist"}};
  for (const auto& [from, to, package_dist] : files) {
    bool copied = false;
    for (const auto& v : {dir / "vendor", package_dist}) {
      if (std::filesystem::is_regular_file(v / from)) {
        write_file_atomic(outdir / to, read_file(v / from, 64U << 20U));
        copied = true;
        break;
      }
    }
    if (!copied) {
      warnings.push_back(from + " (MapLibre GL JS, PMTiles) not found under " + dir.string() +
                         "/vendor: run tools/fetch_web_vendor.sh; index.html cannot show the map without it");
    }
  }
  return warnings;
}

TileOutputs write_tiles_and_web_map(const ClaimSet& claims, const std::filesystem::path& outdir,
                                    const tiles::TileOptions& options, const LinkPaths* link_paths) {
  return write_tiles_and_web_map(features_from_claims(claims, link_paths), outdir, options);
}

namespace {

/// The tile archives (zoom by zoom into both, each tile gzipped once: never the whole pyramid in memory) and the web
/// map that shows them.
TileOutputs write_tiles_and_their_web_map(std::vector<tiles::TileFeature>&& features,
                                          const std::filesystem::path& outdir, const tiles::TileOptions& options) {
  const tiles::TileSet set =
      tiles::write_tile_archives(std::move(features), options, outdir / "tiles.mbtiles", outdir / "tiles.pmtiles");
  TileOutputs out;
  out.minzoom = set.minzoom;
  out.maxzoom = set.maxzoom;
  out.tiles = set.tile_count;
  out.warnings = write_web_map(set, outdir);
  return out;
}

} // namespace

TileOutputs write_tiles_and_web_map(std::vector<tiles::TileFeature> features, const std::filesystem::path& outdir,
                                    const tiles::TileOptions& options, const std::filesystem::path& keep_in) {
  std::filesystem::create_directories(outdir);
  TileOutputs out;
  std::vector<std::string> basemap_warnings;
  // The basemap's files (checked and copied when kept) on a second thread while the tiles are cut.
  detail::run_alongside([&] { basemap_warnings = write_basemap_web_files(outdir, keep_in); },
                        [&] { out = write_tiles_and_their_web_map(std::move(features), outdir, options); });
  for (std::string& w : basemap_warnings) {
    out.warnings.push_back(std::move(w));
  }
  return out;
}

} // namespace stationmap::render
