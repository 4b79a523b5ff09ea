#pragma once
// Two writers at once: the render stage's own writers (GeoJSON, mentions.csv: no GDAL) on a second thread while
// GDAL writes the Shapefile and the GeoPackage on the calling thread. GDAL's warnings are captured per thread
// (ErrorCapture in gdal_handles.hpp): every GDAL call stays on the thread that called run_alongside().

#include <functional>

namespace stationmap::render::detail {

/// Runs @p aside on a second thread while @p here runs on the calling thread; returns once both have ended (nothing
/// is left running, whatever happened). When one throws, the other still runs to its end (each writes its files
/// whole or not at all: stationmap/core/file_io.hpp), then the first exception thrown is rethrown here. @p aside
/// must not call GDAL. When no thread can be started, @p aside runs first on the calling thread.
void run_alongside(const std::function<void()>& aside, const std::function<void()>& here);

} // namespace stationmap::render::detail
