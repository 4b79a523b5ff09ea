#pragma once
// Internal to the pipeline: work done ahead on a thread of its own. A producer runs on that thread and hands what it
// makes, in batches, to the thread that takes them (next()), in the order it made them and at most a few batches
// ahead: memory holds those few, never more. What the producer throws reaches the taker in its place, after the
// batches made before it. When the taker stops early (the ReadAhead goes, e.g. on an exception of its own), the
// producer stops at its next hand-over and its thread is waited for: nothing is left running.

#include <algorithm>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>
#include <utility>

namespace stationmap::detail {

template <class Batch> class ReadAhead {
public:
  /// Hands a batch to the taker; waits while @p capacity batches wait to be taken.
  using Put = std::function<void(Batch&&)>;

  /// Starts @p produce on a thread of its own; it hands its batches over with the Put it is given.
  ReadAhead(std::size_t capacity, std::function<void(const Put&)> produce)
      : m_capacity(std::max<std::size_t>(capacity, 1)),
        m_thread([this, produce = std::move(produce)] { run(produce); }) {}

  /// Stops the producer (at its next hand-over) unless it has returned, and waits for its thread.
  ~ReadAhead() {
    {
      const std::lock_guard lock(m_mutex);
      m_stopped = true;
    }
    m_changed.notify_all();
    m_thread.join();
  }
  ReadAhead(const ReadAhead&) = delete;
  ReadAhead& operator=(const ReadAhead&) = delete;
  ReadAhead(ReadAhead&&) = delete;
  ReadAhead& operator=(ReadAhead&&) = delete;

  /// The next batch, or none once the producer has returned and every batch was taken. Rethrows what the
  /// producer threw, once the batches it made before are taken.
  std::optional<Batch> next() {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return !m_ready.empty() || m_done; });
    if (m_ready.empty()) {
      if (m_failure) {
        std::rethrow_exception(std::exchange(m_failure, nullptr));
      }
      return std::nullopt;
    }
    std::optional<Batch> out(std::move(m_ready.front()));
    m_ready.pop_front();
    lock.unlock();
    m_changed.notify_all();
    return out;
  }

private:
  /// Thrown into the producer when the taker has gone. Not a std::exception, so that no handler of the producer's
  /// own (a reader reporting a file it could not read) takes it for a failure.
  struct Stopped {};

  void put(Batch&& batch) {
    std::unique_lock lock(m_mutex);
    m_changed.wait(lock, [this] { return m_stopped || m_ready.size() < m_capacity; });
    if (m_stopped) {
      throw Stopped{};
    }
    m_ready.push_back(std::move(batch));
    lock.unlock();
    m_changed.notify_all();
  }

  void run(const std::function<void(const Put&)>& produce) {
    std::exception_ptr failure;
    try {
      produce([this](Batch&& batch) { put(std::move(batch)); });
    } catch (const Stopped&) { // the taker has gone: nobody waits for more
    } catch (...) {
      failure = std::current_exception();
    }
    {
      const std::lock_guard lock(m_mutex);
      m_failure = failure;
      m_done = true;
    }
    m_changed.notify_all();
  }

  const std::size_t m_capacity;
  std::mutex m_mutex;
  std::condition_variable m_changed; ///< a batch was put or taken, the producer returned, or the taker stopped
  std::deque<Batch> m_ready;
  bool m_done = false;    ///< the producer returned
  bool m_stopped = false; ///< the taker has gone
  std::exception_ptr m_failure;
  std::thread m_thread; ///< last: started once every member above is made
};

} // namespace stationmap::detail
