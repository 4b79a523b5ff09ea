#pragma once
/// @file
/// TopoJSON (https://github.com/topojson/topojson-specification) decoded into plain lon/lat polygons and
/// lines: the format of the embedded Natural Earth basemap (geodata/naturalearth/). Quantized arcs are
/// de-quantized; arcs shared by two features (land borders) can be told apart from the others (coasts).
/// Polygons and lines are planar lon/lat: those crossing the antimeridian are cut at +-180.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace stationmap::geography {

/// A position in WGS 84 degrees.
struct Position {
  double lon = 0.0;
  double lat = 0.0;
  friend bool operator==(const Position&, const Position&) = default;
};

/// Closed ring: the first position is repeated at the end.
using Ring = std::vector<Position>;
using Line = std::vector<Position>;

struct Polygon {
  Ring outer;
  std::vector<Ring> holes;
};

/// One geometry of a TopoJSON object (Polygon or MultiPolygon; other types are kept without polygons).
struct Feature {
  std::string id;                                ///< the geometry's "id", empty when absent
  std::map<std::string, std::string> properties; ///< string-valued properties
  std::vector<Polygon> polygons;
  std::vector<std::size_t> arcs; ///< indexes of the arcs this feature's rings use, ascending, unique
  /// The rings as TopoJSON arc references (i: arc i, ~i: arc i backwards), per polygon, outer ring first.
  std::vector<std::vector<std::vector<long long>>> arc_refs;
};

struct Topology {
  std::vector<Line> arcs;                              ///< de-quantized arcs
  std::map<std::string, std::vector<Feature>> objects; ///< by object name, geometries in file order
};

/// Decodes a TopoJSON topology. Throws FormatError when the text is not TopoJSON with valid arc indexes.
Topology parse_topojson(std::string_view text);

/// The topology with every arc simplified (Douglas-Peucker, Boost.Geometry) to @p tolerance_deg degrees and the
/// features' polygons stitched again from them. Arc ends stay, so neighbours keep one shared border; a ring
/// left with no area (a small island at a coarse tolerance) is dropped, with its holes when it was the outer.
Topology simplified(const Topology& topology, double tolerance_deg);

/// Where to write a feature's name: a point inside its largest polygon (Boost.Geometry point_on_surface), and
/// that polygon's area in square degrees (to rank labels).
struct LabelPoint {
  Position at;
  double area = 0.0;
};
LabelPoint label_point(const std::vector<Polygon>& polygons);

/// The arcs of @p object's features that two features share (land borders between countries), in arc order.
std::vector<Line> shared_arcs(const Topology& topology, const std::string& object);

} // namespace stationmap::geography
