#pragma once
// Internal to the pipeline: the extraction loop that `stationmap extract` and `stationmap build` share.
// Documents stream from the inputs in batches; each batch is extracted over a few threads (or taken from the
// cache when the document and the pipeline are unchanged) and handed on as claims records in read order.

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

/// Where earlier claims can be found by document: the claims of a document with this content hash (and the
/// loop's pipeline), with their serialised form, if kept.
using CachedRecord = std::function<std::optional<CachedClaims>(const std::string& content_hash)>;

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
  CachedRecord cached;         ///< optional: earlier claims
  std::function<void(const Problem&)> on_problem;
  std::function<void(std::size_t)> on_progress;
};

/// Reads @p inputs and extracts the documents of loop.shard, calling @p sink with each in read order. Problems
/// of reading go to @p problems. Returns what the reader read.
ingest::ReadCounts run_extraction(const std::vector<std::filesystem::path>& inputs, const ExtractionLoop& loop,
                                  ProblemReport& problems, const std::function<void(ExtractedDocument&&)>& sink);

} // namespace stationmap::detail
