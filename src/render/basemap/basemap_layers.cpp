#include "basemap/basemap_layers.hpp"

#include "gdal_handles.hpp"
#include "stationmap/geography/country_index.hpp"

#include <cmath>

namespace stationmap::render::detail {

namespace {

Geometry ring_geometry(const geography::Ring& ring) {
  Geometry out(OGR_G_CreateGeometry(wkbLinearRing));
  OGR_G_SetPointCount(out.get(), static_cast<int>(ring.size()));
  for (std::size_t i = 0; i < ring.size(); ++i) {
    OGR_G_SetPoint_2D(out.get(), static_cast<int>(i), ring[i].lon, ring[i].lat);
  }
  return out;
}

Polyline polyline_of(const geography::Line& line) {
  Polyline out;
  out.reserve(line.size());
  for (const geography::Position& p : line) {
    out.push_back({p.lon, p.lat});
  }
  return out;
}

std::string property(const geography::Feature& f, const std::string& key) {
  const auto it = f.properties.find(key);
  return it == f.properties.end() ? std::string() : it->second;
}

} // namespace

std::string multipolygon_wkb(const std::vector<geography::Polygon>& polygons) {
  Geometry multi(OGR_G_CreateGeometry(wkbMultiPolygon));
  for (const geography::Polygon& p : polygons) {
    Geometry polygon(OGR_G_CreateGeometry(wkbPolygon));
    check_ogr(OGR_G_AddGeometryDirectly(polygon.get(), ring_geometry(p.outer).release()), "building a polygon");
    for (const geography::Ring& hole : p.holes) {
      check_ogr(OGR_G_AddGeometryDirectly(polygon.get(), ring_geometry(hole).release()), "building a polygon");
    }
    check_ogr(OGR_G_AddGeometryDirectly(multi.get(), polygon.release()), "building a MultiPolygon");
  }
  std::string wkb(static_cast<std::size_t>(OGR_G_WkbSize(multi.get())), '\0');
  check_ogr(OGR_G_ExportToIsoWkb(multi.get(), wkbNDR, reinterpret_cast<unsigned char*>(wkb.data())), "writing WKB");
  return wkb;
}

std::vector<Layer> basemap_layers(const geography::Topology& topology) {
  Layer countries{"basemap_countries",
                  GeomType::MultiPolygon,
                  {{"name", "name", FieldType::String}, {"iso_a2", "iso_a2", FieldType::String}},
                  {}};
  if (const auto it = topology.objects.find("countries"); it != topology.objects.end()) {
    for (const geography::Feature& f : it->second) {
      if (f.polygons.empty()) {
        continue;
      }
      Row row;
      row.shape.wkb = multipolygon_wkb(f.polygons);
      row.values = {Value::of(property(f, "name")), Value::of(property(f, "iso_a2"))};
      countries.rows.push_back(std::move(row));
    }
  }
  Layer borders{"basemap_borders", GeomType::Line, {}, {}};
  for (const geography::Line& line : geography::shared_arcs(topology, "countries")) {
    Row row;
    row.shape.parts.push_back(polyline_of(line));
    borders.rows.push_back(std::move(row));
  }
  std::vector<Layer> layers;
  layers.push_back(std::move(countries));
  layers.push_back(std::move(borders));
  return layers;
}

Layer basemap_labels(const geography::Topology& topology) {
  Layer labels{
      "basemap_labels",
      GeomType::Point,
      {{"name", "name", FieldType::String}, {"iso_a2", "iso_a2", FieldType::String}, {"area", "area", FieldType::Real}},
      {}};
  if (const auto it = topology.objects.find("countries"); it != topology.objects.end()) {
    for (const geography::Feature& f : it->second) {
      const std::string name = property(f, "name");
      if (f.polygons.empty() || name.empty()) {
        continue;
      }
      const geography::LabelPoint point = geography::label_point(f.polygons);
      Row row;
      row.shape.parts.push_back({LonLat{point.at.lon, point.at.lat}});
      row.values = {Value::of(name), Value::of(property(f, "iso_a2")),
                    Value::of(std::round(point.area * 100.0) / 100.0)};
      labels.rows.push_back(std::move(row));
    }
  }
  return labels;
}

std::vector<Layer> embedded_basemap_layers() {
  return basemap_layers(geography::embedded_topology("50m"));
}

} // namespace stationmap::render::detail
