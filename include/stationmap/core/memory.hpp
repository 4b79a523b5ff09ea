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

/// Gives the free memory inside the heap back to the system, not only its top: the free pages between the blocks
/// still in use (glibc: malloc_trim(0)). For the moment a stage has let go of most of what it held while small
/// blocks it made stay scattered among the freed ones: glibc returns only the heap's top by itself, so those pages
/// stayed resident under the next stage (news-like 100,000 documents: 250 MB free of a 340 MB heap when the tiles
/// start, about 130 MB of it in whole pages). A freed page that is used again is faulted in again, zeroed: cheap
/// next to a stage. Does nothing where the C library has no such call.
void give_back_free_memory() noexcept;

} // namespace stationmap
