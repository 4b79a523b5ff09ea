#include "gdal_handles.hpp"

#include <cpl_conv.h>
#include <cstdarg>
#include <cstdio>
#include <mutex>

namespace stationmap::render::detail {

void throw_gdal_error(std::string_view what) {
  std::string message(what);
  const char* last = CPLGetLastErrorMsg();
  if (last != nullptr && *last != '\0') {
    message += ": ";
    message += last;
  }
  CPLErrorReset();
  throw LibraryError("GDAL: " + message);
}

void check_ogr(OGRErr err, std::string_view what) {
  if (err != OGRERR_NONE) {
    throw_gdal_error(std::string(what) + " (OGR error " + std::to_string(err) + ")");
  }
}

void check_cpl(CPLErr err, std::string_view what) {
  if (err != CE_None) {
    throw_gdal_error(what);
  }
}

void ensure_gdal_registered() {
  static std::once_flag once;
  std::call_once(once, [] { GDALAllRegister(); });
}

Srs wgs84() {
  Srs srs(OSRNewSpatialReference(nullptr));
  check_ogr(OSRImportFromEPSG(srs.get(), 4326), "EPSG:4326");
  OSRSetAxisMappingStrategy(srs.get(), OAMS_TRADITIONAL_GIS_ORDER);
  return srs;
}

char** Options::get() {
  m_pointers.clear();
  for (auto& item : m_items) {
    m_pointers.push_back(item.data());
  }
  m_pointers.push_back(nullptr);
  return m_pointers.data();
}

ErrorCapture::ErrorCapture() {
  CPLPushErrorHandlerEx(&ErrorCapture::handler, this);
}
ErrorCapture::~ErrorCapture() {
  CPLPopErrorHandler();
}

void CPL_STDCALL ErrorCapture::handler(CPLErr level, CPLErrorNum /*number*/, const char* message) {
  if (level == CE_Debug || level == CE_None) {
    return;
  }
  auto* self = static_cast<ErrorCapture*>(CPLGetErrorHandlerUserData());
  if (self != nullptr && level == CE_Warning) {
    self->m_warnings.emplace_back(message != nullptr ? message : "");
  }
  // Errors are reported by the failing call's return value and CPLGetLastErrorMsg(): see throw_gdal_error.
}

ScopedConfig::ScopedConfig(const char* key, const std::string& value) : m_key(key) {
  if (const char* old = CPLGetThreadLocalConfigOption(key, nullptr); old != nullptr) {
    m_old = old;
    m_had_old = true;
  }
  CPLSetThreadLocalConfigOption(key, value.c_str());
}

ScopedConfig::~ScopedConfig() {
  CPLSetThreadLocalConfigOption(m_key.c_str(), m_had_old ? m_old.c_str() : nullptr);
}

// --- GEOS -----------------------------------------------------------------------------------------------

namespace {

struct GeosContext {
  GEOSContextHandle_t handle = GEOS_init_r();
  std::string last_error;
  GeosContext() { GEOSContext_setErrorMessageHandler_r(handle, &GeosContext::on_error, this); }
  ~GeosContext() { GEOS_finish_r(handle); }
  GeosContext(const GeosContext&) = delete;
  GeosContext& operator=(const GeosContext&) = delete;
  GeosContext(GeosContext&&) = delete;
  GeosContext& operator=(GeosContext&&) = delete;
  static void on_error(const char* message, void* user) {
    static_cast<GeosContext*>(user)->last_error = message != nullptr ? message : "";
  }
};

GeosContext& geos_context() {
  thread_local GeosContext context;
  return context;
}

} // namespace

GEOSContextHandle_t geos() {
  return geos_context().handle;
}

void throw_geos_error(std::string_view what) {
  auto& context = geos_context();
  std::string message = "GEOS: " + std::string(what);
  if (!context.last_error.empty()) {
    message += ": " + context.last_error;
    context.last_error.clear();
  }
  throw LibraryError(message);
}

GeosGeometry geos_checked(GEOSGeometry* g, std::string_view what) {
  if (g == nullptr) {
    throw_geos_error(what);
  }
  return GeosGeometry(g);
}

} // namespace stationmap::render::detail
