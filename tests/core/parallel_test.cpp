// parallel_for: every item once, any number of jobs, the first exception comes back to the caller.

#include "stationmap/core/parallel.hpp"

#include <atomic>
#include <gtest/gtest.h>
#include <stdexcept>
#include <vector>

namespace stationmap {
namespace {

TEST(ParallelFor, CallsEveryItemExactlyOnce) {
  for (unsigned jobs : {1U, 2U, 7U}) {
    std::vector<std::atomic<int>> calls(1000);
    parallel_for(calls.size(), jobs, [&](std::size_t i) { ++calls[i]; });
    for (std::size_t i = 0; i < calls.size(); ++i) {
      ASSERT_EQ(calls[i].load(), 1) << "item " << i << " with " << jobs << " jobs";
    }
  }
}

TEST(ParallelFor, NothingToDoAndZeroJobsAreFine) {
  int calls = 0;
  parallel_for(0, 4, [&](std::size_t) { ++calls; });
  EXPECT_EQ(calls, 0);
  parallel_for(3, 0, [&](std::size_t) { ++calls; });
  EXPECT_EQ(calls, 3);
}

TEST(ParallelFor, RethrowsTheExceptionOfAnItem) {
  const auto fail_at_10 = [](std::atomic<int>& calls) {
    return [&calls](std::size_t i) {
      ++calls;
      if (i == 10) {
        throw std::runtime_error("item 10 is bad");
      }
    };
  };
  std::atomic<int> calls{0};
  EXPECT_THROW(parallel_for(100, 3, fail_at_10(calls)), std::runtime_error);
  calls = 0;
  EXPECT_THROW(parallel_for(100, 1, fail_at_10(calls)), std::runtime_error);
  EXPECT_EQ(calls.load(), 11) << "on one thread, no item starts after the failure";
}

} // namespace
} // namespace stationmap
