#pragma once
// The one place where GDAL/OGR and GEOS C handles get owners, and where their error codes become
// stationmap::LibraryError. Nothing here appears in a public header.

#include "stationmap/core/error.hpp"

#include <cpl_error.h>
#include <gdal.h>
#include <geos_c.h>
#include <memory>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <string>
#include <string_view>
#include <vector>

namespace stationmap::render::detail {

// --- GDAL / OGR -----------------------------------------------------------------------------------------

struct DatasetCloser {
  void operator()(GDALDatasetH h) const noexcept { GDALClose(h); }
};
struct FeatureCloser {
  void operator()(OGRFeatureH h) const noexcept { OGR_F_Destroy(h); }
};
struct GeometryCloser {
  void operator()(OGRGeometryH h) const noexcept { OGR_G_DestroyGeometry(h); }
};
struct FieldDefnCloser {
  void operator()(OGRFieldDefnH h) const noexcept { OGR_Fld_Destroy(h); }
};
struct SrsCloser {
  void operator()(OGRSpatialReferenceH h) const noexcept { OSRRelease(h); }
};
struct TransformCloser {
  void operator()(OGRCoordinateTransformationH h) const noexcept { OCTDestroyCoordinateTransformation(h); }
};

using Dataset = std::unique_ptr<std::remove_pointer_t<GDALDatasetH>, DatasetCloser>;
using Feature = std::unique_ptr<std::remove_pointer_t<OGRFeatureH>, FeatureCloser>;
using Geometry = std::unique_ptr<std::remove_pointer_t<OGRGeometryH>, GeometryCloser>;
using FieldDefn = std::unique_ptr<std::remove_pointer_t<OGRFieldDefnH>, FieldDefnCloser>;
using Srs = std::unique_ptr<std::remove_pointer_t<OGRSpatialReferenceH>, SrsCloser>;
using Transform = std::unique_ptr<std::remove_pointer_t<OGRCoordinateTransformationH>, TransformCloser>;

/// Throws LibraryError "<what>: <CPLGetLastErrorMsg()>".
[[noreturn]] void throw_gdal_error(std::string_view what);
/// Throws unless @p err is OGRERR_NONE.
void check_ogr(OGRErr err, std::string_view what);
/// Throws unless @p err is CE_None.
void check_cpl(CPLErr err, std::string_view what);

/// Registers GDAL's drivers once.
void ensure_gdal_registered();

/// WGS 84 with longitude/latitude axis order (EPSG:4326, traditional GIS order).
Srs wgs84();

/// A string list for GDAL options ("KEY=VALUE"), owned.
class Options {
public:
  Options() = default;
  Options(std::initializer_list<std::string> items) : m_items(items) {}
  void add(std::string item) { m_items.push_back(std::move(item)); }
  /// NULL-terminated array valid while this object lives and is not modified.
  [[nodiscard]] char** get();

private:
  std::vector<std::string> m_items;
  std::vector<char*> m_pointers;
};

/// While alive, collects GDAL warnings and errors of this thread instead of printing them.
class ErrorCapture {
public:
  ErrorCapture();
  ~ErrorCapture();
  ErrorCapture(const ErrorCapture&) = delete;
  ErrorCapture& operator=(const ErrorCapture&) = delete;
  ErrorCapture(ErrorCapture&&) = delete;
  ErrorCapture& operator=(ErrorCapture&&) = delete;
  [[nodiscard]] const std::vector<std::string>& warnings() const noexcept { return m_warnings; }

private:
  static void CPL_STDCALL handler(CPLErr level, CPLErrorNum number, const char* message);
  std::vector<std::string> m_warnings;
};

/// Sets a GDAL configuration option for this thread while alive, restoring the previous value.
class ScopedConfig {
public:
  ScopedConfig(const char* key, const std::string& value);
  ~ScopedConfig();
  ScopedConfig(const ScopedConfig&) = delete;
  ScopedConfig& operator=(const ScopedConfig&) = delete;
  ScopedConfig(ScopedConfig&&) = delete;
  ScopedConfig& operator=(ScopedConfig&&) = delete;

private:
  std::string m_key;
  std::string m_old;
  bool m_had_old = false;
};

// --- GEOS -----------------------------------------------------------------------------------------------

/// This thread's GEOS context (one per thread, created on first use); its errors throw LibraryError.
GEOSContextHandle_t geos();
/// Throws LibraryError with GEOS's last message for this thread.
[[noreturn]] void throw_geos_error(std::string_view what);

struct GeosGeometryCloser {
  void operator()(GEOSGeometry* g) const noexcept { GEOSGeom_destroy_r(geos(), g); }
};
struct GeosPreparedCloser {
  void operator()(const GEOSPreparedGeometry* g) const noexcept { GEOSPreparedGeom_destroy_r(geos(), g); }
};
using GeosGeometry = std::unique_ptr<GEOSGeometry, GeosGeometryCloser>;
using GeosPrepared = std::unique_ptr<const GEOSPreparedGeometry, GeosPreparedCloser>;

/// Takes ownership of a GEOS result, throwing when it is null.
GeosGeometry geos_checked(GEOSGeometry* g, std::string_view what);

} // namespace stationmap::render::detail
