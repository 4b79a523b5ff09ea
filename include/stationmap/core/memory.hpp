#pragma once
/// @file
/// How the process allocates memory: set once, by the executable, before any work.

#include <cstddef>

namespace stationmap {

/// Blocks from this size up (a layer's JSON arrays, writer buffers, a zoom's tile pools) are mapped apart.
inline constexpr std::size_t large_block_bytes = std::size_t{256} << 10U;

/// Large blocks (large_block_bytes and up) are mapped apart and go back to the system as soon as they are freed
/// (glibc: a fixed M_MMAP_THRESHOLD). Left to itself, glibc raises that threshold each time a large block is freed,
/// so that later large blocks come from the heap, whose freed space stays resident under the small blocks that
/// outlive them (tile attributes among a layer's freed rows): a build's peak then held about 60 MB more (news-like
/// 100,000 documents). Does nothing where the C library has no such setting.
void allocate_large_blocks_apart() noexcept;

} // namespace stationmap
