#include "stationmap/core/memory.hpp"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace stationmap {

void allocate_large_blocks_apart() noexcept {
#if defined(__GLIBC__)
  ::mallopt(M_MMAP_THRESHOLD, static_cast<int>(large_block_bytes)); // fixed: no longer raised as blocks are freed
#endif
}

void give_back_free_memory() noexcept {
#if defined(__GLIBC__)
  ::malloc_trim(0);
#endif
}

} // namespace stationmap
