// Work done ahead on a thread of its own (src/pipeline/read_ahead.hpp): batches come in the order made, never more
// than a few ahead; what the producer throws reaches the taker; a taker that stops early stops the producer.

#include "read_ahead.hpp"

#include <atomic>
#include <gtest/gtest.h>
#include <stdexcept>
#include <vector>

namespace stationmap::detail {
namespace {

TEST(ReadAhead, BatchesComeInTheOrderMadeAndNeverMoreThanCapacityAhead) {
  constexpr int batches = 200;
  constexpr std::size_t capacity = 2;
  std::atomic<int> handed = 0; // batches the producer has handed over
  ReadAhead<std::vector<int>> ahead(capacity, [&](const ReadAhead<std::vector<int>>::Put& put) {
    for (int i = 0; i < batches; ++i) {
      put({i, i + 1});
      ++handed;
    }
  });
  int taken = 0;
  while (const auto batch = ahead.next()) {
    ASSERT_EQ(*batch, (std::vector<int>{taken, taken + 1}));
    ++taken;
    EXPECT_LE(handed.load(), taken + static_cast<int>(capacity)) << "the producer waits for the taker";
  }
  EXPECT_EQ(taken, batches);
  EXPECT_FALSE(ahead.next()) << "done stays done";
}

TEST(ReadAhead, WhatTheProducerThrowsComesAfterTheBatchesMadeBefore) {
  ReadAhead<int> ahead(4, [](const ReadAhead<int>::Put& put) {
    put(1);
    put(2);
    throw std::runtime_error("disk gone");
  });
  EXPECT_EQ(ahead.next(), 1);
  EXPECT_EQ(ahead.next(), 2);
  try {
    (void)ahead.next();
    FAIL() << "the producer's exception is rethrown";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "disk gone");
  }
}

TEST(ReadAhead, ATakerThatStopsEarlyStopsTheProducerAndWaitsForIt) {
  std::atomic<bool> unwound = false;
  std::atomic<bool> caught_as_failure = false;
  {
    ReadAhead<int> ahead(1, [&](const ReadAhead<int>::Put& put) {
      struct Unwinding {
        std::atomic<bool>& flag;
        ~Unwinding() { flag = true; }
      } guard{unwound};
      try {
        for (int i = 0;; ++i) { // would run for ever
          put(int{i});
        }
      } catch (const std::exception&) { // a reader's own handler must not take the stop for a failure
        caught_as_failure = true;
      }
    });
    EXPECT_EQ(ahead.next(), 0);
  } // the taker goes
  EXPECT_TRUE(unwound) << "the producer's stack was unwound and its thread joined";
  EXPECT_FALSE(caught_as_failure);
}

} // namespace
} // namespace stationmap::detail
