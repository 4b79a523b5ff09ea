#include "layers/alongside.hpp"

#include <atomic>
#include <gtest/gtest.h>
#include <latch>
#include <stdexcept>
#include <string>
#include <thread>

namespace stationmap::render::detail {
namespace {

/// The message of the exception run_alongside() rethrows; empty when none.
std::string error_of(const std::function<void()>& aside, const std::function<void()>& here) {
  try {
    run_alongside(aside, here);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  return {};
}

/// The GDAL side (here) stays on the calling thread, the other side runs on a second thread, and both run at once:
/// each waits for the other to have started.
TEST(RunAlongside, RunsHereOnTheCallingThreadAndAsideOnASecondOneAtOnce) {
  const std::thread::id caller = std::this_thread::get_id();
  std::thread::id aside_thread;
  std::thread::id here_thread;
  std::latch both_started(2);
  run_alongside(
      [&] {
        aside_thread = std::this_thread::get_id();
        both_started.arrive_and_wait();
      },
      [&] {
        here_thread = std::this_thread::get_id();
        both_started.arrive_and_wait();
      });
  EXPECT_EQ(here_thread, caller);
  EXPECT_NE(aside_thread, caller);
}

/// An exception of the second thread reaches the caller, after the calling thread's work has run to its end.
TEST(RunAlongside, AnExceptionAsideReachesTheCallerOnceHereHasEnded) {
  bool here_ended = false;
  EXPECT_EQ(error_of([] { throw std::runtime_error("aside failed"); }, [&] { here_ended = true; }), "aside failed");
  EXPECT_TRUE(here_ended);
}

/// An exception of the calling thread's work reaches the caller only once the second thread has ended: nothing is
/// left running (or reading what the caller lets go of).
TEST(RunAlongside, AnExceptionHereWaitsForTheSecondThreadToEnd) {
  std::atomic<bool> aside_ended = false;
  std::latch here_threw(1);
  EXPECT_EQ(error_of(
                [&] {
                  here_threw.wait(); // still running when the calling thread's work has thrown
                  aside_ended = true;
                },
                [&] {
                  here_threw.count_down();
                  throw std::runtime_error("here failed");
                }),
            "here failed");
  EXPECT_TRUE(aside_ended);
}

/// When both sides throw, one exception (the first recorded) reaches the caller, not std::terminate.
TEST(RunAlongside, WhenBothThrowOneExceptionReachesTheCaller) {
  std::latch both_running(2);
  const std::string error = error_of(
      [&] {
        both_running.arrive_and_wait();
        throw std::runtime_error("aside");
      },
      [&] {
        both_running.arrive_and_wait();
        throw std::runtime_error("here");
      });
  EXPECT_TRUE(error == "aside" || error == "here") << error;
}

/// Nested (a task that itself writes two files at once): every piece runs, and the work is done by the return.
TEST(RunAlongside, NestsAndFinishesEveryPiece) {
  std::atomic<int> pieces = 0;
  run_alongside([&] { ++pieces; }, [&] { run_alongside([&] { ++pieces; }, [&] { ++pieces; }); });
  EXPECT_EQ(pieces, 3);
}

} // namespace
} // namespace stationmap::render::detail
