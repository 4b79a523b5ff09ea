#pragma once
// Internal to the pipeline: the extraction loop that `stationmap extract` and `stationmap build` share.
// Documents stream from the inputs in batches; each batch is extracted over a few threads (or taken from the
// cache when the document and the pipeline are unchanged) and handed on as claims records in read order.
// The inputs are read on a thread of their own, a few batches ahead (read_ahead.hpp): reading, parsing, the
// content hash and finding a document's cache entry overlap the extraction, at any --jobs; this reading thread
// comes in addition to the extracting ones (a rebuild from the cache at --jobs 1 runs on two threads). Cached claims
// are decoded on the extracting threads (a decoding thread of its own measured no faster).

#include "claims_cache.hpp"
#include "stationmap/core/problem_report.hpp"
#include "stationmap/extract/extractor.hpp"
#include "stationmap/ingest/reader.hpp"
#include "stationmap/pipeline/claims_io.hpp"
#include "stationmap/pipeline/extract_claims.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace stationmap::detail {

/// A record's serialised form: a claims line (claims_line()) or a cache entry (ClaimsCache::entry()).
using Serialise = std::function<std::string(const DocumentRecord&)>;

/// One document's claims as the loop hands them on.
struct ExtractedDocument {
  DocumentRecord record;
  std::string line;           ///< the record serialised, when ExtractionLoop::serialise is given (not when cached)
  bool cached = false;        ///< taken from the cache, not extracted
  std::size_t cache_slot = 0; ///< when cached: CachedClaims::slot
};

struct ExtractionLoop {
  const Extractor* extractor = nullptr;
  std::string pipeline;        ///< pipeline_version() written into each record
  Shard shard;                 ///< the documents this run extracts
  unsigned jobs = 1;           ///< threads
  std::size_t batch_size = 64; ///< documents per thread held at once
  Serialise serialise;         ///< optional: also serialise each record (in the worker threads)
  /// Optional: earlier claims, looked up by content hash (on the reading thread) and read with the shared values
  /// of decode_into when given (ClaimsCache::read()).
  const ClaimsCache* cache = nullptr;
  ClaimMerger* decode_into = nullptr;
  std::function<void(const Problem&)> on_problem;
  std::function<void(std::size_t)> on_progress;
};

/// Reads @p inputs and extracts the documents of loop.shard, calling @p sink with each in read order. Problems
/// of reading go to @p problems. Returns what the reader read.
ingest::ReadCounts run_extraction(const std::vector<std::filesystem::path>& inputs, const ExtractionLoop& loop,
                                  ProblemReport& problems, const std::function<void(ExtractedDocument&&)>& sink);

} // namespace stationmap::detail
