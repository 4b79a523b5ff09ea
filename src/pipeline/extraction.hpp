#pragma once
// Internal to the pipeline: the extraction loop that `stationmap extract` and `stationmap build` share.
// Documents stream from the inputs in batches; each batch is extracted over a few threads (or taken from the
// cache when the document and the pipeline are unchanged) and handed on as claims records in read order.

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

/// Where earlier claims can be found by document: returns the claims line of a document with this content
/// hash and pipeline, if kept.
using CachedLine = std::function<std::optional<std::string>(const std::string& content_hash)>;

/// One document's claims as the loop hands them on.
struct ExtractedDocument {
  DocumentRecord record;
  std::string line;    ///< claims_line(record), when ExtractionLoop::lines asked for it
  bool cached = false; ///< taken from the cache, not extracted
};

struct ExtractionLoop {
  const Extractor* extractor = nullptr;
  std::string pipeline;        ///< pipeline_version() written into each record
  Shard shard;                 ///< the documents this run extracts
  unsigned jobs = 1;           ///< threads
  std::size_t batch_size = 64; ///< documents per thread held at once
  bool lines = false;          ///< also serialise each record (in the worker threads)
  CachedLine cached;           ///< optional: earlier claims
  std::function<void(const Problem&)> on_problem;
  std::function<void(std::size_t)> on_progress;
};

/// Reads @p inputs and extracts the documents of loop.shard, calling @p sink with each in read order. Problems
/// of reading go to @p problems. Returns what the reader read.
ingest::ReadCounts run_extraction(const std::vector<std::filesystem::path>& inputs, const ExtractionLoop& loop,
                                  ProblemReport& problems, const std::function<void(ExtractedDocument&&)>& sink);

} // namespace stationmap::detail
