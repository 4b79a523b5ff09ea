#pragma once
/// @file
/// The render stage's layers: from a ClaimSet to the files users open in QGIS and other GIS (GeoJSON,
/// Shapefile, GeoPackage with QGIS styles, a QGIS project, CSV tables) and, optionally, PostGIS tables.
/// GDAL, PROJ and GEOS stay behind this interface.

#include "stationmap/core/problem_report.hpp"
#include "stationmap/extract/claims.hpp"
#include "stationmap/extract/review.hpp"
#include "stationmap/render/geodesic.hpp"
#include "stationmap/tiles/tiles.hpp"

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace stationmap::render {

struct RenderOptions {
  /// Jurisdiction boundaries (any GDAL vector source). When set, a `jurisdiction_areas` polygon layer is
  /// written for the jurisdictions matched by name or code.
  std::filesystem::path boundaries;
  /// Fields of the boundaries source compared with jurisdiction names; empty: every string field.
  std::vector<std::string> boundary_name_fields;
  /// PostgreSQL/PostGIS target ("PG:dbname=... host=..."); when set, the layers are also written there.
  std::string postgis;
  /// PostgreSQL schema for the tables (must exist).
  std::string postgis_schema = "public";
  /// Date written where formats insist on one (DBF header, GeoPackage last_change), YYYY-MM-DD. Empty: the
  /// newest evidence date, or 1970-01-01: never the clock, so that two runs give identical files.
  std::string date;
  /// Longest segment of a geodesic link, metres.
  double max_segment_m = default_max_segment_m;
  /// Also write map.png: the print map (basemap, links, jurisdictions, stations by status, legend).
  bool print_map = false;
};

/// The drawn links' lines by link_id, as the links layer has them (link_path()): the tiles take these, so the
/// web map and the GIS layers show one line per tie.
using LinkPaths = std::map<std::string, std::vector<Polyline>>;

/// What write_map wrote.
struct RenderSummary {
  std::size_t stations = 0;
  std::size_t jurisdictions = 0;
  std::size_t jurisdiction_areas = 0;
  std::size_t links = 0;
  std::size_t places = 0;
  std::size_t mentions = 0;
  /// The layers' features with the fields the feature schema carries to the tiles, from the same rows as the
  /// files (write_tiles_and_web_map takes them: the claims are not laid out twice).
  std::vector<tiles::TileFeature> tile_features;
  /// Warnings GDAL printed while writing (none expected: each one is a bug to fix).
  std::vector<std::string> library_warnings;
};

/// Writes the map's layers into @p dir (normally OutputStaging::dir()): stations/jurisdictions/links/places
/// .geojson, mentions.csv, problems.csv, stationmap.gpkg, shapefile/, stationmap.qgs, with options.print_map
/// map.png; and to PostGIS when options.postgis is set. Problems found while rendering (a link without a station, a
/// boundary that matches nothing) are added to @p problems before problems.csv is written. Throws LibraryError,
/// IoError.
/// The claims are taken (a caller that reads them afterwards passes a copy): the mentions, most of their memory,
/// are let go of once the places layer and mentions.csv are written, before the other layers are built.
RenderSummary write_map(ClaimSet claims, ProblemReport& problems, const std::filesystem::path& dir,
                        const RenderOptions& options = {});

/// Writes review.csv (what deserves a human look first, see extract/review.hpp) into @p dir.
void write_review(const std::vector<ReviewItem>& items, const std::filesystem::path& dir);

/// Writes the layers into PostgreSQL/PostGIS (tables stations, jurisdictions, links, places and, with
/// boundaries, jurisdiction_areas, each with a GiST index), replacing earlier tables in one transaction,
/// plus QGIS default styles in layer_styles. Throws LibraryError.
void write_postgis(const ClaimSet& claims, ProblemReport& problems, const RenderOptions& options);

} // namespace stationmap::render
