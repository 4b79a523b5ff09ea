// parallel_for: an atomic counter hands out items; the first exception stops the loop and is rethrown.

#include "stationmap/core/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace stationmap {

void parallel_for(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& body) {
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::exception_ptr first_error;
  std::mutex error_mutex;
  auto work = [&] {
    for (std::size_t i = next++; i < count && !failed; i = next++) {
      try {
        body(i);
      } catch (...) {
        const std::lock_guard lock(error_mutex);
        if (!first_error) {
          first_error = std::current_exception();
        }
        failed = true;
      }
    }
  };
  const std::size_t threads_wanted = std::min<std::size_t>(std::max(jobs, 1U), count);
  {
    std::vector<std::jthread> threads;
    for (std::size_t t = 1; t < threads_wanted; ++t) {
      threads.emplace_back(work);
    }
    work();
  }
  if (first_error) {
    std::rethrow_exception(first_error);
  }
}

} // namespace stationmap
