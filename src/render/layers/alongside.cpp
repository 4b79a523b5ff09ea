#include "layers/alongside.hpp"

#include <exception>
#include <mutex>
#include <system_error>
#include <thread>

namespace stationmap::render::detail {

namespace {

/// The exception thrown first of those recorded from several threads.
class FirstError {
public:
  void record(std::exception_ptr error) {
    const std::lock_guard lock(m_mutex);
    if (!m_error) {
      m_error = std::move(error);
    }
  }
  /// Rethrows the first error, if any.
  void rethrow() const {
    if (m_error) {
      std::rethrow_exception(m_error);
    }
  }

private:
  std::mutex m_mutex;
  std::exception_ptr m_error;
};

void run_recording(const std::function<void()>& work, FirstError& errors) {
  try {
    work();
  } catch (...) {
    errors.record(std::current_exception());
  }
}

} // namespace

void run_alongside(const std::function<void()>& aside, const std::function<void()>& here) {
  FirstError errors;
  {
    std::jthread second;
    try {
      second = std::jthread([&] { run_recording(aside, errors); });
    } catch (const std::system_error&) { // no thread to be had: one after the other
      run_recording(aside, errors);
    }
    run_recording(here, errors);
  } // the second thread is joined here
  errors.rethrow();
}

} // namespace stationmap::render::detail
