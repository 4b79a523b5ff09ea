#pragma once
/// @file
/// The one parallel loop: independent items spread over a few threads.

#include <cstddef>
#include <functional>

namespace stationmap {

/// Calls @p body(i) for every i in [0, count) on up to @p jobs threads (the calling thread is one of them) and
/// returns when every call has returned. Items are handed out one at a time, so uneven items balance. When a
/// call throws, no further items start and the first exception is rethrown here once every thread stopped.
void parallel_for(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& body);

} // namespace stationmap
