#pragma once
/// @file
/// The first half of the pipeline on its own: documents -> claims file (`stationmap extract`), so that
/// extraction can run in shards on many machines and `stationmap build --claims` merges the shards into a map.

#include "stationmap/core/problem_report.hpp"
#include "stationmap/gazetteer/gazetteer.hpp"

#include <cstddef>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace stationmap {

/// Shard K of N (K from 1): a stable 1/N of the documents, chosen by a hash of each document's id, so the
/// same document lands in the same shard whatever the order or number of the inputs.
struct Shard {
  unsigned index = 1; ///< K
  unsigned count = 1; ///< N
};

/// Reads "K/N" (1 <= K <= N <= 100000). Throws UsageError.
Shard parse_shard(std::string_view text);

/// True when the document (or problem) with id @p id belongs to @p shard.
bool in_shard(std::string_view id, const Shard& shard);

/// What produced a record: program version, claims format, a fingerprint of the extraction sources, lexicons and
/// geodata, and the gazetteer's size. Claims with another pipeline version are never reused from a cache.
std::string pipeline_version(const Gazetteer& gazetteer);

struct ExtractOptions {
  std::filesystem::path output;      ///< the claims file to write (replaced only when it is a claims file)
  std::filesystem::path gazetteer;   ///< a .smidx index or GeoNames data; empty: the embedded gazetteer
  std::filesystem::path corrections; ///< analysts' corrections: their `pin` rows act during extraction
  unsigned jobs = 1;
  Shard shard;
  std::size_t documents_per_batch = 64;
  std::function<void(const Problem&)> on_problem;
  std::function<void(std::size_t documents)> on_progress;
};

struct ExtractSummary {
  std::size_t documents_read = 0;      ///< by the reader, in every shard
  std::size_t documents_skipped = 0;   ///< by the reader, in every shard
  std::size_t documents_extracted = 0; ///< in this shard: the document records written
  std::size_t problems = 0;            ///< problem records written (this shard's)
};

/// Extracts the documents of options.shard from @p inputs into options.output: problem records first (sorted),
/// then one document record per line sorted by document id. The file appears whole or not at all. Throws
/// UsageError for bad options, OutdirRefused when the output is a file stationmap did not write or lies among
/// the inputs.
ExtractSummary extract_claims(const std::vector<std::filesystem::path>& inputs, const ExtractOptions& options);

/// Throws OutdirRefused unless @p file may be written as a claims file: it does not exist, is empty or is a
/// claims file, and is not among @p inputs nor inside one of them.
void check_claims_output(const std::filesystem::path& file, const std::vector<std::filesystem::path>& inputs);

} // namespace stationmap
