#include "stationmap/render/layers.hpp"

#include "basemap/basemap_layers.hpp"
#include "gdal_handles.hpp"
#include "layers/alongside.hpp"
#include "layers/layer_model.hpp"
#include "layers/ogr_writer.hpp"
#include "layers/outputs.hpp"
#include "print/print_map.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/core/file_io.hpp"
#include "web/tile_features.hpp"

#include <algorithm>
#include <deque>
#include <optional>

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
      if (is_iso_date(e.date()))
        newest = std::max(newest, e.date().substr(0, 10));
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

std::vector<detail::BoundaryMatch> boundaries_of(const ClaimSet& claims, ProblemReport& problems,
                                                 const RenderOptions& options) {
  if (options.boundaries.empty()) {
    return {};
  }
  return detail::match_boundaries(claims.jurisdictions, options, problems);
}

detail::MapModel model_of(const ClaimSet& claims, ProblemReport& problems, const RenderOptions& options) {
  return detail::build_model(claims, boundaries_of(claims, problems, options), problems, options);
}

/// @p p, after removing what was there.
fs::path cleared(const fs::path& p) {
  remove_if_exists(p);
  return p;
}

/// Writes mentions.csv; returns the number of mentions.
std::size_t write_mentions(const std::deque<RoledMention>& mentions, const fs::path& dir) {
  detail::write_mentions_csv(mentions, dir / "mentions.csv");
  return mentions.size();
}

/// The mentions are read no more: their memory (most of the claims') goes back before the other layers are built.
void let_go_of(std::deque<RoledMention>& mentions) {
  std::deque<RoledMention>().swap(mentions);
}

/// Where each layer goes once built: its GeoJSON, QML and Shapefile, the GeoPackage, PostGIS, the tile features
/// and the summary. The layer is then let go of but for what the QGIS project, the styles and the print map read.
class LayerSink {
public:
  LayerSink(const fs::path& dir, const RenderOptions& options, std::string date, RenderSummary& summary)
      : m_dir(dir), m_keep_rows(options.print_map), m_date(std::move(date)), m_summary(summary),
        m_gpkg(cleared(dir / "stationmap.gpkg"), m_date) {
    std::error_code ec;
    fs::create_directories(dir / "shapefile", ec);
    if (ec)
      throw IoError((dir / "shapefile").string(), "cannot create folder: " + ec.message());
    if (!options.postgis.empty()) {
      m_postgres.emplace(options.postgis, options.postgis_schema, m_date);
    }
  }

  /// The basemap goes to the GeoPackage only, under the data.
  void add_basemap(std::vector<detail::Layer> basemap) {
    for (const detail::Layer& layer : basemap) {
      m_gpkg.add(layer);
    }
    m_model.basemap = std::move(basemap);
  }

  void add(detail::Layer&& layer) {
    write_files(layer);
    count(layer);
    if (m_keep_rows) {
      detail::add_tile_features(layer, nullptr, m_summary.tile_features);
      let_go_of_json(layer);
    } else {
      detail::take_tile_features(layer, m_summary.tile_features); // the rows go to the tiles
    }
    m_model.layers.push_back(std::move(layer));
  }

  /// The GeoPackage's and PostGIS's styles; the map as the QGIS project and the print map need it.
  detail::MapModel& finish(const detail::Extent& extent) {
    m_model.extent = extent;
    m_gpkg.finish(m_model.all_layers());
    if (m_postgres) {
      std::vector<const detail::Layer*> layers;
      for (const detail::Layer& layer : m_model.layers) {
        layers.push_back(&layer);
      }
      m_postgres->finish(layers);
    }
    return m_model;
  }

private:
  /// The layer's GeoJSON and QML (our own writers) on a second thread while GDAL writes the layer here into the
  /// Shapefile, the GeoPackage and PostGIS; a GeoJSON that GDAL writes (a polygon layer's) is written here first.
  void write_files(const detail::Layer& layer) {
    const auto own = [&] { write_geojson_and_qml(layer); };
    const auto gdal = [&] { write_with_gdal(layer); };
    if (detail::geojson_through_gdal(layer)) {
      own();
      gdal();
    } else {
      detail::run_alongside(own, gdal);
    }
  }

  void write_geojson_and_qml(const detail::Layer& layer) const {
    const fs::path geojson = m_dir / (layer.name + ".geojson");
    remove_if_exists(geojson);
    detail::write_geojson(layer, geojson);
    write_file_atomic(m_dir / (layer.name + ".qml"), detail::qml_for(layer, false)); // QGIS opens it styled
  }

  void write_with_gdal(const detail::Layer& layer) {
    for (const char* ext : {".shp", ".shx", ".dbf", ".prj", ".cpg", ".qml"}) {
      remove_if_exists(m_dir / "shapefile" / (layer.name + ext));
    }
    detail::write_shapefile(layer, m_dir / "shapefile", m_date);
    m_gpkg.add(layer);
    if (m_postgres) {
      m_postgres->add(layer);
    }
  }

  void count(const detail::Layer& layer) {
    const std::size_t n = layer.rows.size();
    if (layer.name == "stations")
      m_summary.stations = n;
    if (layer.name == "jurisdictions")
      m_summary.jurisdictions = n;
    if (layer.name == "jurisdiction_areas")
      m_summary.jurisdiction_areas = n;
    if (layer.name == "links")
      m_summary.links = n;
    if (layer.name == "places")
      m_summary.places = n;
  }

  /// The JSON arrays (evidence, documents...: most of a layer) are written: the print map does not read them.
  static void let_go_of_json(detail::Layer& layer) {
    for (std::size_t i = 0; i < layer.fields.size(); ++i) {
      if (layer.fields[i].type != FieldType::Json) {
        continue;
      }
      for (detail::Row& row : layer.rows) {
        std::string().swap(row.values[i].text);
      }
    }
  }

  fs::path m_dir;
  bool m_keep_rows; ///< for the print map; else a layer's rows go to the tile features once written (the QGIS
                    ///< project and the styles read the layers' names and fields only)
  std::string m_date;
  RenderSummary& m_summary;
  detail::GeoPackageFile m_gpkg;
  std::optional<detail::PostgresTables> m_postgres;
  detail::MapModel m_model;
};

} // namespace

RenderSummary write_map(ClaimSet claims, ProblemReport& problems, const fs::path& dir, const RenderOptions& options) {
  const detail::ErrorCapture capture;
  RenderSummary summary;
  LayerSink sink(dir, options, map_date(claims, options), summary);
  sink.add_basemap(detail::embedded_basemap_layers());
  detail::Extent extent;
  // mentions.csv on a second thread while the places layer, which reads the mentions too, is built and written
  detail::run_alongside([&] { summary.mentions = write_mentions(claims.mentions, dir); },
                        [&] { sink.add(detail::places_layer(claims.mentions, extent)); });
  let_go_of(claims.mentions);
  detail::build_layers_above_places(claims, boundaries_of(claims, problems, options), problems, options, extent,
                                    [&](detail::Layer&& layer) { sink.add(std::move(layer)); });
  const detail::MapModel& model = sink.finish(extent);
  write_file_atomic(dir / "stationmap.qgs", detail::qgis_project(model, "stationmap.gpkg"));
  if (options.print_map) {
    write_file_atomic(dir / "map.png",
                      detail::png_bytes(detail::draw_print_map(model, detail::print_frame(model.extent))));
  }
  detail::write_problems_csv(problems.sorted(), dir / "problems.csv");
  summary.library_warnings = capture.warnings();
  return summary;
}

void write_review(const std::vector<ReviewItem>& items, const std::filesystem::path& dir) {
  detail::write_review_csv(items, dir / "review.csv");
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
