// stationmap.qgs: a QGIS 3 project (XML) over stationmap.gpkg. Each layer's <maplayer> carries the body of
// its QML style (renderer, labels), so the project opens styled even where layer_styles is not consulted.

#include "basemap/basemap_layers.hpp"
#include "layers/outputs.hpp"
#include "stationmap/core/enum_names.hpp"
#include "styles/styles.hpp"

#include <algorithm>
#include <cstdio>
#include <ranges>
#include <tuple>

namespace stationmap::render::detail {

namespace {

std::string xml_escape(std::string_view text) {
  std::string out;
  for (char c : text) {
    switch (c) {
    case '&':
      out += "&amp;";
      break;
    case '<':
      out += "&lt;";
      break;
    case '>':
      out += "&gt;";
      break;
    case '"':
      out += "&quot;";
      break;
    default:
      out += c;
    }
  }
  return out;
}

std::string number(double v) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.6f", v);
  return buffer;
}

const char* const wgs84_srs =
    "<spatialrefsys nativeFormat=\"Wkt\">"
    "<wkt>GEOGCRS[\"WGS 84\",DATUM[\"World Geodetic System 1984\",ELLIPSOID[\"WGS 84\",6378137,298.257223563,"
    "LENGTHUNIT[\"metre\",1]]],PRIMEM[\"Greenwich\",0,ANGLEUNIT[\"degree\",0.0174532925199433]],CS[ellipsoidal,2],"
    "AXIS[\"geodetic latitude (Lat)\",north,ORDER[1],ANGLEUNIT[\"degree\",0.0174532925199433]],"
    "AXIS[\"geodetic longitude (Lon)\",east,ORDER[2],ANGLEUNIT[\"degree\",0.0174532925199433]],"
    "ID[\"EPSG\",4326]]</wkt>"
    "<proj4>+proj=longlat +datum=WGS84 +no_defs</proj4><srsid>3452</srsid><srid>4326</srid>"
    "<authid>EPSG:4326</authid><description>WGS 84</description><projectionacronym>longlat</projectionacronym>"
    "<ellipsoidacronym>EPSG:7030</ellipsoidacronym><geographicflag>true</geographicflag></spatialrefsys>";

/// The children of a QML's <qgis> root element, and whether it enables labels.
std::pair<std::string, bool> qml_body(std::string_view qml) {
  const auto root = qml.find("<qgis");
  const auto open_end = qml.find('>', root);
  const auto close = qml.rfind("</qgis>");
  if (root == std::string_view::npos || open_end == std::string_view::npos || close == std::string_view::npos) {
    return {"", false};
  }
  const std::string_view open_tag = qml.substr(root, open_end - root);
  return {std::string(qml.substr(open_end + 1, close - open_end - 1)),
          open_tag.find("labelsEnabled=\"1\"") != std::string_view::npos};
}

/// "#rrggbb" as three integers.
std::tuple<int, int, int> rgb_of(const std::string& hex) {
  const auto channel = [&](std::size_t at) { return std::stoi(hex.substr(at, 2), nullptr, 16); };
  return {channel(1), channel(3), channel(5)};
}

/// Each geometry type's name in a QGIS project's layer, and its WKB type there.
constexpr auto geometry_name = enum_names(GeomType::MultiPolygon, {"Point", "Line", "Polygon"});
constexpr auto wkb_type_name = enum_names(GeomType::MultiPolygon, {"Point", "MultiLineString", "MultiPolygon"});

} // namespace

std::string qgis_project(const MapModel& model, const std::string& gpkg_name) {
  // A sensible first view: the features' extent with a margin, clamped to the world.
  Extent e = model.extent;
  if (e.empty()) {
    e = Extent{-180.0, -60.0, 180.0, 80.0};
  }
  const double margin_x = std::max(5.0, (e.max_lon - e.min_lon) * 0.08);
  const double margin_y = std::max(5.0, (e.max_lat - e.min_lat) * 0.08);
  const double xmin = std::max(-180.0, e.min_lon - margin_x);
  const double xmax = std::min(180.0, e.max_lon + margin_x);
  const double ymin = std::max(-90.0, e.min_lat - margin_y);
  const double ymax = std::min(90.0, e.max_lat + margin_y);
  const std::string extent = "<xmin>" + number(xmin) + "</xmin><ymin>" + number(ymin) + "</ymin><xmax>" + number(xmax) +
                             "</xmax><ymax>" + number(ymax) + "</ymax>";

  // Layer tree and rendering order: top first (stations), bottom last (the basemap group).
  std::vector<const Layer*> top_first = model.all_layers();
  std::reverse(top_first.begin(), top_first.end());
  auto id_of = [](const Layer& l) { return "stationmap_" + l.name; };
  auto source_of = [&](const Layer& l) { return "./" + gpkg_name + "|layername=" + l.name; };
  auto tree_layer = [&](const Layer& l, const std::string& indent) {
    return indent + "<layer-tree-layer id=\"" + id_of(l) + "\" name=\"" + l.name + "\" source=\"" +
           xml_escape(source_of(l)) + "\" providerKey=\"ogr\" checked=\"Qt::Checked\" expanded=\"1\">\n" + indent +
           "  <customproperties/>\n" + indent + "</layer-tree-layer>\n";
  };

  std::string xml = "<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n";
  xml += "<qgis projectname=\"stationmap\" version=\"3.22.16-Białowieża\">\n";
  xml += "  <homePath path=\"\"/>\n  <title>stationmap: alleged overseas police service stations</title>\n";
  xml += "  <autotransaction active=\"0\"/>\n  <evaluateDefaultValues active=\"0\"/>\n  <trust active=\"0\"/>\n";
  xml += "  <projectCrs>" + std::string(wgs84_srs) + "</projectCrs>\n";
  xml += "  <layer-tree-group>\n    <customproperties/>\n";
  for (const Layer& l : model.layers | std::views::reverse) {
    xml += tree_layer(l, "    ");
  }
  if (!model.basemap.empty()) { // a group under the data layers
    xml += std::string("    <layer-tree-group name=\"") + basemap_group +
           "\" checked=\"Qt::Checked\" expanded=\"0\">\n      <customproperties/>\n";
    for (const Layer& l : model.basemap | std::views::reverse) {
      xml += tree_layer(l, "      ");
    }
    xml += "    </layer-tree-group>\n";
  }
  xml += "    <custom-order enabled=\"0\">\n";
  for (const Layer* l : top_first) {
    xml += "      <item>" + id_of(*l) + "</item>\n";
  }
  xml += "    </custom-order>\n  </layer-tree-group>\n";
  xml += "  <mapcanvas name=\"theMapCanvas\" annotationsVisible=\"1\">\n    <units>degrees</units>\n    <extent>" +
         extent + "</extent>\n    <rotation>0</rotation>\n    <destinationsrs>" + wgs84_srs +
         "</destinationsrs>\n    <rendermaptile>0</rendermaptile>\n  </mapcanvas>\n";
  xml += "  <projectlayers>\n";
  for (const Layer* l : top_first) {
    const auto [body, labels] = qml_body(embedded_style(l->name + ".qml"));
    xml += "    <maplayer type=\"vector\" geometry=\"" + std::string(geometry_name(l->geom)) + "\" wkbType=\"" +
           wkb_type_name(l->geom) + "\" labelsEnabled=\"" + (labels ? "1" : "0") +
           "\" autoRefreshEnabled=\"0\" readOnly=\"0\" hasScaleBasedVisibilityFlag=\"0\""
           " styleCategories=\"AllStyleCategories\" refreshOnNotifyEnabled=\"0\">\n";
    xml += "      <extent>" + extent + "</extent>\n";
    xml += "      <id>" + id_of(*l) + "</id>\n      <datasource>" + xml_escape(source_of(*l)) + "</datasource>\n";
    xml += "      <layername>" + l->name + "</layername>\n      <srs>" + wgs84_srs + "</srs>\n";
    xml += "      <provider encoding=\"UTF-8\">ogr</provider>\n";
    xml += body;
    xml += "    </maplayer>\n";
  }
  xml += "  </projectlayers>\n  <layerorder>\n";
  for (const Layer* l : top_first) {
    xml += "    <layer id=\"" + id_of(*l) + "\"/>\n";
  }
  xml += "  </layerorder>\n";
  xml += "  <properties>\n    <Paths>\n      <Absolute type=\"bool\">false</Absolute>\n    </Paths>\n"
         "    <SpatialRefSys>\n      <ProjectionsEnabled type=\"int\">1</ProjectionsEnabled>\n    </SpatialRefSys>\n"
         "    <Measure>\n      <Ellipsoid type=\"QString\">EPSG:7030</Ellipsoid>\n    </Measure>\n";
  if (!model.basemap.empty()) { // the sea: the canvas behind the land
    const auto [red, green, blue] = rgb_of(basemap_colour("water"));
    xml += "    <Gui>\n      <CanvasColorRedPart type=\"int\">" + std::to_string(red) +
           "</CanvasColorRedPart>\n      <CanvasColorGreenPart type=\"int\">" + std::to_string(green) +
           "</CanvasColorGreenPart>\n      <CanvasColorBluePart type=\"int\">" + std::to_string(blue) +
           "</CanvasColorBluePart>\n    </Gui>\n";
  }
  xml += "  </properties>\n";
  xml += "</qgis>\n";
  return xml;
}

} // namespace stationmap::render::detail
