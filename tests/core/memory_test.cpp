// allocate_large_blocks_apart: large blocks go back to the system once freed, even after glibc would have raised
// its threshold and taken them from the heap. give_back_free_memory: the free pages between blocks still in use
// go back too.

#include "stationmap/core/memory.hpp"

#include <algorithm>
#include <cstddef>
#include <fstream>
#include <gtest/gtest.h>
#include <memory>
#include <unistd.h>
#include <vector>

namespace stationmap {
namespace {

// A property of glibc's own allocator: AddressSanitizer replaces it (and its quarantine keeps freed blocks resident),
// so the test exists only in ordinary builds.
#if !defined(__SANITIZE_ADDRESS__)

/// The process's resident memory now, bytes (Linux: /proc/self/statm).
std::size_t resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::size_t pages = 0;
  std::size_t resident = 0;
  statm >> pages >> resident;
  return resident * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
}

constexpr std::size_t mib = std::size_t{1} << 20U;

std::unique_ptr<char[]> touched_block(std::size_t bytes) {
  std::unique_ptr<char[]> block(new char[bytes]);
  std::fill_n(block.get(), bytes, 'x');
  return block;
}

TEST(AllocateLargeBlocksApart, FreedLargeBlocksLeaveTheProcess) {
  allocate_large_blocks_apart();
  touched_block(8 * mib).reset(); // glibc left to itself would now take blocks under 8 MiB from the heap
  std::vector<std::unique_ptr<char[]>> blocks;
  for (int i = 0; i < 16; ++i) {
    blocks.push_back(touched_block(3 * mib));
  }
  const auto small = std::make_unique<int>(1); // above them in the heap, were they there: no trimming its top
  const std::size_t held = resident_bytes();
  blocks.clear();
  const std::size_t freed = resident_bytes();
  EXPECT_GT(held, freed + 40 * mib) << "resident with the blocks " << held << ", without " << freed;
  EXPECT_EQ(*small, 1);
}

TEST(GiveBackFreeMemory, FreePagesAmongBlocksInUseLeaveTheProcess) {
  // Small blocks (taken from the heap, never mapped apart), one in every 64 kept: what is freed lies between
  // blocks in use, where the heap's own trimming of its top never reaches.
  constexpr std::size_t block_bytes = 2048;
  constexpr std::size_t blocks_count = 64 * mib / block_bytes;
  std::vector<std::unique_ptr<char[]>> blocks;
  blocks.reserve(blocks_count);
  for (std::size_t i = 0; i < blocks_count; ++i) {
    blocks.push_back(touched_block(block_bytes));
  }
  for (std::size_t i = 0; i < blocks_count; ++i) {
    if (i % 64 != 0) {
      blocks[i].reset();
    }
  }
  const std::size_t freed = resident_bytes();
  give_back_free_memory();
  const std::size_t given_back = resident_bytes();
  EXPECT_GT(freed, given_back + 40 * mib) << "resident before " << freed << ", after " << given_back;
  for (std::size_t i = 0; i < blocks_count; i += 64) {
    EXPECT_EQ(blocks[i][0], 'x');
  }
}
#endif

} // namespace
} // namespace stationmap
