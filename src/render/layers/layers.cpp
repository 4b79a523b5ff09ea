#include "stationmap/render/layers.hpp"

#include "basemap/basemap_layers.hpp"
#include "gdal_handles.hpp"
#include "layers/layer_model.hpp"
#include "layers/ogr_writer.hpp"
#include "layers/outputs.hpp"
#include "print/print_map.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/core/file_io.hpp"

#include <algorithm>

namespace stationmap::render {

namespace fs = std::filesystem;

namespace {

bool is_iso_date(std::string_view d) {
  return d.size() >= 10 && std::all_of(d.begin(), d.begin() + 4, [](char c) { return c >= '0' && c <= '9'; }) &&
         d[4] == '-' && d[7] == '-';
}

/// The date the formats that insist on one get: never the clock, so runs are reproducible.
std::string map_date(const ClaimSet& claims, const RenderOptions& options) {
  if (is_iso_date(options.date)) {
    return options.date.substr(0, 10);
  }
  std::string newest;
  auto consider = [&](const std::vector<Evidence>& evidence) {
    for (const auto& e : evidence) {
      if (is_iso_date(e.date))
        newest = std::max(newest, e.date.substr(0, 10));
    }
  };
  for (const auto& s : claims.stations)
    consider(s.evidence);
  for (const auto& j : claims.jurisdictions)
    consider(j.evidence);
  for (const auto& l : claims.links)
    consider(l.evidence);
  return newest.empty() ? "1970-01-01" : newest;
}

void remove_if_exists(const fs::path& p) {
  std::error_code ec;
  fs::remove_all(p, ec);
  if (ec)
    throw IoError(p.string(), "cannot replace: " + ec.message());
}

detail::MapModel model_of(const ClaimSet& claims, ProblemReport& problems, const RenderOptions& options) {
  std::vector<detail::BoundaryMatch> areas;
  if (!options.boundaries.empty()) {
    areas = detail::match_boundaries(claims.jurisdictions, options, problems);
  }
  return detail::build_model(claims, areas, problems, options);
}

/// The links layer's lines by link_id (its first field).
LinkPaths link_paths_of(const detail::Layer& links) {
  LinkPaths out;
  for (const auto& row : links.rows) {
    out.emplace(row.values.front().text, row.shape.parts);
  }
  return out;
}

} // namespace

RenderSummary write_map(const ClaimSet& claims, ProblemReport& problems, const fs::path& dir,
                        const RenderOptions& options) {
  const detail::ErrorCapture capture;
  const std::string date = map_date(claims, options);
  detail::MapModel model = model_of(claims, problems, options);
  model.basemap = detail::embedded_basemap_layers();

  std::error_code ec;
  fs::create_directories(dir / "shapefile", ec);
  if (ec)
    throw IoError((dir / "shapefile").string(), "cannot create folder: " + ec.message());

  RenderSummary summary;
  for (const auto& layer : model.layers) {
    const fs::path geojson = dir / (layer.name + ".geojson");
    remove_if_exists(geojson);
    detail::write_geojson(layer, geojson);
    write_file_atomic(dir / (layer.name + ".qml"), detail::qml_for(layer, false)); // QGIS opens it styled
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg", ".qml"}) {
      remove_if_exists(dir / "shapefile" / (layer.name + ext));
    }
    detail::write_shapefile(layer, dir / "shapefile", date);
    const std::size_t n = layer.rows.size();
    if (layer.name == "stations")
      summary.stations = n;
    if (layer.name == "jurisdictions")
      summary.jurisdictions = n;
    if (layer.name == "jurisdiction_areas")
      summary.jurisdiction_areas = n;
    if (layer.name == "links") {
      summary.links = n;
      summary.link_paths = link_paths_of(layer);
    }
    if (layer.name == "places")
      summary.places = n;
  }
  remove_if_exists(dir / "stationmap.gpkg");
  detail::write_geopackage(model, dir / "stationmap.gpkg", date);
  write_file_atomic(dir / "stationmap.qgs", detail::qgis_project(model, "stationmap.gpkg"));
  if (options.print_map) {
    write_file_atomic(dir / "map.png",
                      detail::png_bytes(detail::draw_print_map(model, detail::print_frame(model.extent))));
  }
  write_file_atomic(dir / "mentions.csv", detail::mentions_csv(claims.mentions));
  summary.mentions = claims.mentions.size();
  if (!options.postgis.empty()) {
    detail::write_postgres(model, options.postgis, options.postgis_schema, date);
  }
  write_file_atomic(dir / "problems.csv", detail::problems_csv(problems.sorted()));
  summary.library_warnings = capture.warnings();
  return summary;
}

void write_review(const std::vector<ReviewItem>& items, const std::filesystem::path& dir) {
  write_file_atomic(dir / "review.csv", detail::review_csv(items));
}

void write_postgis(const ClaimSet& claims, ProblemReport& problems, const RenderOptions& options) {
  if (options.postgis.empty()) {
    throw UsageError("write_postgis: no PostgreSQL connection given");
  }
  const detail::ErrorCapture capture;
  const detail::MapModel model = model_of(claims, problems, options);
  detail::write_postgres(model, options.postgis, options.postgis_schema, map_date(claims, options));
}

} // namespace stationmap::render
