#include "basemap/basemap_tiles.hpp"

#include <algorithm>
#include <cmath>

namespace stationmap::render::detail {

namespace {

std::string property(const geography::Feature& f, const std::string& key) {
  const auto it = f.properties.find(key);
  return it == f.properties.end() ? std::string() : it->second;
}

double ring_area2(const geography::Ring& ring) {
  double sum = 0.0;
  for (std::size_t i = 0; i + 1 < ring.size(); ++i) {
    sum += ring[i].lon * ring[i + 1].lat - ring[i + 1].lon * ring[i].lat;
  }
  return sum;
}

/// A ring as tile input, turned to the wanted winding (counter-clockwise for outer rings, RFC 7946).
std::vector<tiles::LonLat> oriented(const geography::Ring& ring, bool counter_clockwise) {
  std::vector<tiles::LonLat> out;
  out.reserve(ring.size());
  for (const geography::Position& p : ring) {
    out.emplace_back(p.lon, p.lat);
  }
  if ((ring_area2(ring) > 0.0) != counter_clockwise) {
    std::reverse(out.begin(), out.end());
  }
  return out;
}

const std::vector<geography::Feature>& countries_of(const geography::Topology& topology) {
  static const std::vector<geography::Feature> none;
  const auto it = topology.objects.find("countries");
  return it == topology.objects.end() ? none : it->second;
}

/// Half a pixel of zoom z, in degrees of longitude.
double tolerance_deg(int z) {
  return 360.0 / (256.0 * std::ldexp(1.0, z)) * basemap_simplify_px;
}

} // namespace

std::vector<tiles::TileFeature> basemap_tile_features(const geography::Topology& countries,
                                                      const geography::Topology& labels_from) {
  std::vector<tiles::TileFeature> out;
  for (const geography::Feature& f : countries_of(countries)) {
    if (f.polygons.empty()) {
      continue;
    }
    tiles::TileFeature t;
    t.layer = "basemap_countries";
    t.type = tiles::GeomType::Polygon;
    for (const geography::Polygon& p : f.polygons) {
      t.parts.push_back(oriented(p.outer, true));
      for (const geography::Ring& hole : p.holes) {
        t.parts.push_back(oriented(hole, false));
      }
    }
    t.properties = {{"name", property(f, "name")}, {"iso_a2", property(f, "iso_a2")}};
    out.push_back(std::move(t));
  }
  for (const geography::Line& line : geography::shared_arcs(countries, "countries")) {
    tiles::TileFeature t;
    t.layer = "basemap_borders";
    t.type = tiles::GeomType::LineString;
    auto& part = t.parts.emplace_back();
    for (const geography::Position& p : line) {
      part.emplace_back(p.lon, p.lat);
    }
    if (part.size() >= 2) {
      out.push_back(std::move(t));
    }
  }
  for (const geography::Feature& f : countries_of(labels_from)) {
    const std::string name = property(f, "name");
    if (f.polygons.empty() || name.empty()) {
      continue;
    }
    const geography::LabelPoint point = geography::label_point(f.polygons);
    tiles::TileFeature t;
    t.layer = "basemap_labels";
    t.parts = {{{point.at.lon, point.at.lat}}};
    t.properties = {
        {"name", name}, {"iso_a2", property(f, "iso_a2")}, {"area", std::round(point.area * 100.0) / 100.0}};
    out.push_back(std::move(t));
  }
  return out;
}

tiles::TileSet basemap_tiles(const geography::Topology& countries) {
  tiles::TileOptions options;
  options.clustered_layers = {};
  options.line_layers = {};
  options.name = "basemap";
  options.description = "Natural Earth 1:50m countries, land borders and country names, generalised per zoom";
  options.attribution = "Natural Earth (public domain)";
  tiles::TileSet set;
  for (int z = 0; z <= basemap_maxzoom; ++z) {
    options.minzoom = z;
    options.maxzoom = z;
    tiles::TileSet zoom = tiles::build_tiles(
        basemap_tile_features(geography::simplified(countries, tolerance_deg(z)), countries), options);
    if (z == 0) {
      set = std::move(zoom); // its layers and fields are the same at every zoom
    } else {
      set.tiles.merge(zoom.tiles);
    }
  }
  set.minzoom = 0;
  set.maxzoom = basemap_maxzoom;
  set.options.minzoom = 0;
  set.options.maxzoom = basemap_maxzoom;
  for (tiles::LayerInfo& layer : set.layers) {
    layer.minzoom = 0;
    layer.maxzoom = basemap_maxzoom;
  }
  set.bounds = {-180.0, -85.0511287798, 180.0, 85.0511287798};
  set.center = {0.0, 0.0, 2.0};
  return set;
}

} // namespace stationmap::render::detail
