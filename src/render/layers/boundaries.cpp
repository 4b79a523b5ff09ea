// --boundaries: jurisdiction polygons from any GDAL vector source, matched by code (geonameid or
// jurisdiction_id in any field) or by name (folded, administrative suffixes such as "Shi" or "County"
// ignored). GEOS repairs the geometry and picks, among features of the same name, the one that contains
// the jurisdiction's gazetteer point, or else the nearest.

#include "gdal_handles.hpp"
#include "layers/layer_model.hpp"
#include "stationmap/core/fold.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

namespace stationmap::render::detail {

namespace {

/// The folded name without a trailing administrative word: "Fuqing Shi", "Fuqing City" -> "fuqing".
std::string name_key(std::string_view name) {
  static const std::set<std::string, std::less<>> suffixes = {
      "shi",        "city",         "county", "xian",     "qu",        "district",
      "prefecture", "municipality", "sheng",  "province", "zizhixian", "zizhizhou",
      "autonomous", "市",           "县",     "区",       "省"};
  std::string key = fold_key(name);
  for (;;) {
    const auto space = key.rfind(' ');
    if (space == std::string::npos) {
      // Chinese: 福清市 -> 福清
      for (const char* s : {"市", "县", "区", "省"}) {
        const std::string_view suffix(s);
        if (key.size() > suffix.size() + 3 && key.ends_with(suffix)) {
          key.resize(key.size() - suffix.size());
        }
      }
      break;
    }
    if (!suffixes.contains(key.substr(space + 1)))
      break;
    key.resize(space);
  }
  return key;
}

struct Candidate {
  std::size_t jurisdiction = 0;
  bool by_code = false;
  std::string source_name;
  std::string wkb; // repaired MultiPolygon
};

GeosGeometry from_wkb(const std::string& wkb) {
  GEOSWKBReader* reader = GEOSWKBReader_create_r(geos());
  GEOSGeometry* g =
      GEOSWKBReader_read_r(geos(), reader, reinterpret_cast<const unsigned char*>(wkb.data()), wkb.size());
  GEOSWKBReader_destroy_r(geos(), reader);
  return geos_checked(g, "reading a boundary");
}

std::string to_wkb(const GEOSGeometry* g) {
  GEOSWKBWriter* writer = GEOSWKBWriter_create_r(geos());
  GEOSWKBWriter_setOutputDimension_r(geos(), writer, 2);
  std::size_t size = 0;
  unsigned char* bytes = GEOSWKBWriter_write_r(geos(), writer, g, &size);
  GEOSWKBWriter_destroy_r(geos(), writer);
  if (bytes == nullptr)
    throw_geos_error("writing a boundary");
  std::string out(reinterpret_cast<const char*>(bytes), size);
  GEOSFree_r(geos(), bytes);
  return out;
}

/// Valid polygons of @p wkb as one MultiPolygon; empty string when nothing polygonal is left.
std::string repaired_multipolygon(const std::string& wkb) {
  GeosGeometry g = from_wkb(wkb);
  if (GEOSisValid_r(geos(), g.get()) != 1) {
    g = geos_checked(GEOSMakeValid_r(geos(), g.get()), "repairing a boundary");
  }
  std::vector<GEOSGeometry*> polygons;
  auto collect = [&](const GEOSGeometry* part, auto& self) -> void {
    const int type = GEOSGeomTypeId_r(geos(), part);
    if (type == GEOS_POLYGON) {
      if (GEOSisEmpty_r(geos(), part) == 0)
        polygons.push_back(GEOSGeom_clone_r(geos(), part));
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
      for (int i = 0; i < GEOSGetNumGeometries_r(geos(), part); ++i) {
        self(GEOSGetGeometryN_r(geos(), part, i), self);
      }
    }
  };
  collect(g.get(), collect);
  if (polygons.empty())
    return {};
  GeosGeometry multi = geos_checked(
      GEOSGeom_createCollection_r(geos(), GEOS_MULTIPOLYGON, polygons.data(), static_cast<unsigned>(polygons.size())),
      "building a MultiPolygon");
  GEOSNormalize_r(geos(), multi.get()); // a canonical vertex order: identical output for identical input
  return to_wkb(multi.get());
}

} // namespace

std::vector<BoundaryMatch> match_boundaries(const std::vector<Jurisdiction>& jurisdictions,
                                            const RenderOptions& options, ProblemReport& problems) {
  ensure_gdal_registered();
  const std::string source = options.boundaries.string();
  Dataset ds(GDALOpenEx(source.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr));
  if (!ds) {
    throw_gdal_error("cannot open the boundaries " + source);
  }
  std::map<std::string, std::vector<std::size_t>> by_name;
  std::map<std::string, std::vector<std::size_t>> by_code;
  for (std::size_t i = 0; i < jurisdictions.size(); ++i) {
    const auto& j = jurisdictions[i];
    by_name[name_key(j.place.name)].push_back(i);
    by_code[j.jurisdiction_id].push_back(i);
    if (j.place.geonameid)
      by_code[std::to_string(*j.place.geonameid)].push_back(i);
  }
  const std::set<std::string> name_fields(options.boundary_name_fields.begin(), options.boundary_name_fields.end());
  const Srs target = wgs84();

  std::vector<Candidate> candidates;
  for (int li = 0; li < GDALDatasetGetLayerCount(ds.get()); ++li) {
    OGRLayerH layer = GDALDatasetGetLayer(ds.get(), li);
    OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
    Transform transform;
    if (OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(layer); srs != nullptr && !OSRIsSame(srs, target.get())) {
      Srs source_srs(OSRClone(srs));
      OSRSetAxisMappingStrategy(source_srs.get(), OAMS_TRADITIONAL_GIS_ORDER);
      transform.reset(OCTNewCoordinateTransformation(source_srs.get(), target.get()));
      if (!transform)
        throw_gdal_error("boundaries " + source + ": no transformation to WGS 84");
    }
    OGR_L_ResetReading(layer);
    for (Feature f(OGR_L_GetNextFeature(layer)); f; f.reset(OGR_L_GetNextFeature(layer))) {
      std::vector<std::pair<std::size_t, bool>> hits; // jurisdiction, by code
      std::string first_name;
      for (int fi = 0; fi < OGR_FD_GetFieldCount(defn); ++fi) {
        if (!OGR_F_IsFieldSetAndNotNull(f.get(), fi))
          continue;
        OGRFieldDefnH fd = OGR_FD_GetFieldDefn(defn, fi);
        const std::string value = OGR_F_GetFieldAsString(f.get(), fi);
        if (const auto it = by_code.find(value); it != by_code.end()) {
          for (auto j : it->second)
            hits.emplace_back(j, true);
        }
        const bool is_name_field =
            name_fields.empty() ? OGR_Fld_GetType(fd) == OFTString : name_fields.contains(OGR_Fld_GetNameRef(fd));
        if (!is_name_field)
          continue;
        if (const auto it = by_name.find(name_key(value)); it != by_name.end()) {
          for (auto j : it->second)
            hits.emplace_back(j, false);
          if (first_name.empty())
            first_name = value;
        }
      }
      OGRGeometryH g = OGR_F_GetGeometryRef(f.get());
      if (hits.empty() || g == nullptr)
        continue;
      Geometry copy(OGR_G_Clone(g));
      if (transform)
        check_ogr(OGR_G_Transform(copy.get(), transform.get()), "reprojecting a boundary");
      std::string wkb(static_cast<std::size_t>(OGR_G_WkbSize(copy.get())), '\0');
      check_ogr(OGR_G_ExportToIsoWkb(copy.get(), wkbNDR, reinterpret_cast<unsigned char*>(wkb.data())),
                "encoding a boundary");
      std::string polygons = repaired_multipolygon(wkb);
      if (polygons.empty())
        continue;
      std::sort(hits.begin(), hits.end());
      hits.erase(std::unique(hits.begin(), hits.end()), hits.end());
      for (const auto& [j, code] : hits) {
        candidates.push_back(
            {j, code, first_name.empty() ? std::string(OGR_F_GetFieldAsString(f.get(), 0)) : first_name, polygons});
      }
    }
  }

  std::vector<BoundaryMatch> matches;
  for (std::size_t i = 0; i < jurisdictions.size(); ++i) {
    const auto& j = jurisdictions[i];
    const Candidate* best = nullptr;
    double best_distance = std::numeric_limits<double>::infinity();
    bool best_code = false;
    GeosGeometry point = geos_checked(GEOSGeom_createPointFromXY_r(geos(), j.place.lon, j.place.lat), "point");
    for (const auto& c : candidates) {
      if (c.jurisdiction != i)
        continue;
      const GeosGeometry area = from_wkb(c.wkb);
      double distance = 0.0;
      if (GEOSContains_r(geos(), area.get(), point.get()) != 1 &&
          GEOSDistance_r(geos(), area.get(), point.get(), &distance) != 1) {
        throw_geos_error("distance");
      }
      // A code match beats a name match; then the feature containing (or nearest to) the point.
      if (best == nullptr || (c.by_code && !best_code) || (c.by_code == best_code && distance < best_distance)) {
        best = &c;
        best_distance = distance;
        best_code = c.by_code;
      }
    }
    if (best == nullptr) {
      problems.add({source, "boundary-not-found",
                    "no boundary matches jurisdiction " + j.jurisdiction_id + " (" + j.place.name +
                        "); it is drawn as a point only"});
      continue;
    }
    if (!best->by_code && best_distance > 1.0) { // degrees: a namesake far away is a different place
      problems.add({source, "boundary-far-away",
                    "the boundary named " + best->source_name + " lies " + std::to_string(best_distance) +
                        " degrees from jurisdiction " + j.jurisdiction_id + "; not used"});
      continue;
    }
    matches.push_back({j.jurisdiction_id, best->wkb, best->source_name, best->by_code ? "code" : "name"});
  }
  return matches;
}

} // namespace stationmap::render::detail
