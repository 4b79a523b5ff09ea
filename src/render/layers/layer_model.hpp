#pragma once
// The map as format-neutral tables: layers of features with typed values and plain lon/lat geometry. Built
// once from the ClaimSet, then written by the OGR writers (GeoJSON, Shapefile, GeoPackage, PostGIS).

#include "stationmap/core/problem_report.hpp"
#include "stationmap/extract/claims.hpp"
#include "stationmap/render/geodesic.hpp"
#include "stationmap/render/layers.hpp"
#include "stationmap/render/schema.hpp"

#include <cstdint>
#include <deque>
#include <functional>
#include <string>
#include <vector>

namespace stationmap::render::detail {

using render::FieldType;

struct Field {
  std::string name;     ///< as in GeoJSON, GeoPackage, PostGIS
  std::string shp_name; ///< Shapefile (dBase) name: at most 10 characters, chosen here, never truncated
  FieldType type = FieldType::String;
  bool in_files = true; ///< false: a tiles-only field (schema Carried::TilesOnly), left out of the GIS files
};

/// The fields of a schema layer (stationmap/render/schema.hpp), in column order.
std::vector<Field> fields_of(const LayerSpec& spec);

/// One attribute value.
struct Value {
  bool null = true;
  std::string text; ///< String; Json: the JSON text of the array
  std::int64_t integer = 0;
  double real = 0.0;

  static Value of(std::string s);
  static Value of(std::int64_t i);
  static Value of(double d);
  static Value boolean(bool b);
  static Value json(std::string json_text);
  static Value none() { return {}; }
};

enum class GeomType : std::uint8_t { Point, Line, MultiPolygon };

struct Shape {
  std::vector<Polyline> parts; ///< Point: one part of one vertex; Line: one or more parts
  std::string wkb;             ///< MultiPolygon: ISO WKB in WGS 84
};

struct Row {
  Shape shape;
  std::vector<Value> values; ///< one per Layer::fields
};

struct Layer {
  std::string name;
  GeomType geom = GeomType::Point;
  std::vector<Field> fields;
  std::vector<Row> rows;
};

struct Extent {
  double min_lon = 180.0;
  double min_lat = 90.0;
  double max_lon = -180.0;
  double max_lat = -90.0;
  void add(LonLat p);
  [[nodiscard]] bool empty() const { return min_lon > max_lon; }
};

/// A jurisdiction's boundary found in the user's boundaries file.
struct BoundaryMatch {
  std::string jurisdiction_id;
  std::string wkb;         ///< valid MultiPolygon, WGS 84 lon/lat
  std::string source_name; ///< the matched feature's name (as in the file)
  std::string matched_by;  ///< "name" or "code"
};

struct MapModel {
  std::vector<Layer> layers; ///< drawing order, bottom first: places, jurisdiction_areas, links, candidates,
                             ///< jurisdictions, stations
  Extent extent;             ///< of the stations, jurisdictions and places
  /// Natural Earth layers drawn under the data (bottom first): in the GeoPackage and the QGIS project only.
  std::vector<Layer> basemap;

  /// The basemap, then the data layers: bottom first.
  [[nodiscard]] std::vector<const Layer*> all_layers() const {
    std::vector<const Layer*> out;
    for (const auto* list : {&basemap, &layers}) {
      for (const Layer& l : *list) {
        out.push_back(&l);
      }
    }
    return out;
  }
};

/// Builds the layers one at a time, in drawing order (bottom first, as MapModel::layers), handing each to
/// @p take: a writer that lets each go once written never holds the whole map. The stations, jurisdictions and
/// places widen @p extent. Problems (links whose ends are missing...) go to @p problems.
/// The same as places_layer() followed by build_layers_above_places().
void build_layers(const ClaimSet& claims, const std::vector<BoundaryMatch>& areas, ProblemReport& problems,
                  const RenderOptions& options, Extent& extent, const std::function<void(Layer&&)>& take);

/// The bottom layer: every resolved place the mentions name, with its strongest role. The only layer that reads
/// the mentions (most of a corpus's claims): once it is built, a writer may let them go. Widens @p extent.
Layer places_layer(const std::deque<RoledMention>& mentions, Extent& extent);

/// The layers above the places (jurisdiction_areas, links, candidates, jurisdictions, stations), as build_layers()
/// builds them; they do not read the mentions.
void build_layers_above_places(const ClaimSet& claims, const std::vector<BoundaryMatch>& areas, ProblemReport& problems,
                               const RenderOptions& options, Extent& extent, const std::function<void(Layer&&)>& take);

/// Builds the layers (build_layers) and keeps them all.
MapModel build_model(const ClaimSet& claims, const std::vector<BoundaryMatch>& areas, ProblemReport& problems,
                     const RenderOptions& options);

/// Finds boundaries for the jurisdictions (GDAL to read, GEOS to repair and choose). Problems for
/// jurisdictions without a match go to @p problems.
std::vector<BoundaryMatch> match_boundaries(const std::vector<Jurisdiction>& jurisdictions,
                                            const RenderOptions& options, ProblemReport& problems);

} // namespace stationmap::render::detail
