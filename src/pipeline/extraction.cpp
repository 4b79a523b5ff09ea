// The extraction loop shared by `stationmap extract` and `stationmap build` (extraction.hpp).

#include "extraction.hpp"

#include "read_ahead.hpp"
#include "stationmap/core/parallel.hpp"

#include <utility>

namespace stationmap::detail {

namespace {

/// Batches read ahead of the one being extracted: reading goes on while a batch is extracted, and memory holds
/// a few batches of documents (64 per job each), never the corpus.
constexpr std::size_t batches_ahead = 2;

/// A document as read, with what the reading threads found out about it: its content hash, its cache entry and
/// the claims that entry holds.
struct ReadDocument {
  Document document;
  std::string hash;
  std::optional<ClaimsCache::Entry> entry;
  std::optional<CachedClaims> cached;
};

/// The documents of one batch, and the problems met while reading them (reported before the batch is extracted,
/// as they were when reading and extracting took turns on one thread).
struct ReadBatch {
  std::vector<Problem> problems;
  std::vector<ReadDocument> documents;
};

/// On the reading thread: reads @p inputs and hands the documents of loop.shard to @p put in batches of
/// @p batch_size, then a last one (maybe empty). Problems of reading go to @p problems. Returns what was read.
ingest::ReadCounts read_batches(const std::vector<std::filesystem::path>& inputs, const ExtractionLoop& loop,
                                std::size_t batch_size, ProblemReport& problems, const ReadAhead<ReadBatch>::Put& put) {
  ReadBatch batch;
  ingest::ReadOptions read_options;
  read_options.jobs = loop.jobs;
  const ingest::ReadCounts counts = ingest::read_inputs(
      inputs, read_options,
      [&](Document&& d) {
        if (!in_shard(d.id, loop.shard)) {
          return;
        }
        ReadDocument& read = batch.documents.emplace_back();
        read.hash = document_content_hash(d);
        read.document = std::move(d);
        if (loop.cache != nullptr) {
          read.entry = loop.cache->locate(read.hash);
        }
        if (batch.documents.size() >= batch_size) {
          put(std::exchange(batch, ReadBatch()));
        }
      },
      problems, [&](const Problem& p) { batch.problems.push_back(p); });
  put(std::move(batch));
  return counts;
}

/// Claims of one document: from the cache when it holds them, else extracted now.
ExtractedDocument claims_of(ReadDocument& read, const ExtractionLoop& loop) {
  ExtractedDocument out;
  if (read.entry) {
    read.cached = loop.cache->read(*read.entry, loop.decode_into);
    read.entry.reset(); // its window of the cache file may serve the reading thread again
  }
  if (std::optional<CachedClaims>& found = read.cached;
      found && found->record.content_hash == read.hash && found->record.claims.document == read.document.id) {
    out.record = std::move(found->record);
    out.cache_slot = found->slot;
    out.cached = true;
    return out;
  }
  out.record.content_hash = std::move(read.hash);
  out.record.pipeline = loop.pipeline;
  out.record.claims = loop.extractor->extract(read.document);
  if (loop.serialise) {
    out.line = loop.serialise(out.record);
  }
  return out;
}

} // namespace

ingest::ReadCounts run_extraction(const std::vector<std::filesystem::path>& inputs, const ExtractionLoop& loop,
                                  ProblemReport& problems, const std::function<void(ExtractedDocument&&)>& sink) {
  const std::size_t batch_size = loop.batch_size * loop.jobs;
  ingest::ReadCounts counts; // written by the reading thread before it returns; read once every batch is taken
  ReadAhead<ReadBatch> reading(batches_ahead, [&](const ReadAhead<ReadBatch>::Put& put) {
    counts = read_batches(inputs, loop, batch_size, problems, put);
  });
  std::vector<ExtractedDocument> done;
  std::size_t handed_on = 0;
  while (std::optional<ReadBatch> batch = reading.next()) {
    for (const Problem& p : batch->problems) {
      if (loop.on_problem) {
        loop.on_problem(p);
      }
    }
    done.resize(batch->documents.size());
    parallel_for(done.size(), loop.jobs, [&](std::size_t i) { done[i] = claims_of(batch->documents[i], loop); });
    batch.reset();
    for (ExtractedDocument& d : done) {
      sink(std::move(d));
    }
    handed_on += done.size();
    done.clear();
    if (loop.on_progress) {
      loop.on_progress(handed_on);
    }
  }
  return counts;
}

} // namespace stationmap::detail
