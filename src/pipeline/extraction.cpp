// The extraction loop shared by `stationmap extract` and `stationmap build` (extraction.hpp).

#include "extraction.hpp"

#include "stationmap/core/parallel.hpp"

namespace stationmap::detail {

namespace {

/// Claims of one document: from the cache when it holds them, else extracted now.
ExtractedDocument claims_of(const Document& document, const ExtractionLoop& loop) {
  ExtractedDocument out;
  const std::string hash = document_content_hash(document);
  if (loop.cached) {
    if (std::optional<CachedClaims> found = loop.cached(hash);
        found && found->record.content_hash == hash && found->record.claims.document == document.id) {
      out.record = std::move(found->record);
      out.cache_slot = found->slot;
      out.cached = true;
      return out;
    }
  }
  out.record.content_hash = hash;
  out.record.pipeline = loop.pipeline;
  out.record.claims = loop.extractor->extract(document);
  if (loop.serialise) {
    out.line = loop.serialise(out.record);
  }
  return out;
}

} // namespace

ingest::ReadCounts run_extraction(const std::vector<std::filesystem::path>& inputs, const ExtractionLoop& loop,
                                  ProblemReport& problems, const std::function<void(ExtractedDocument&&)>& sink) {
  std::vector<Document> batch;
  std::vector<ExtractedDocument> done;
  std::size_t handed_on = 0;
  const std::size_t batch_size = loop.batch_size * loop.jobs;
  auto extract_batch = [&] {
    done.resize(batch.size());
    parallel_for(batch.size(), loop.jobs, [&](std::size_t i) { done[i] = claims_of(batch[i], loop); });
    batch.clear();
    for (ExtractedDocument& d : done) {
      sink(std::move(d));
    }
    handed_on += done.size();
    done.clear();
    if (loop.on_progress) {
      loop.on_progress(handed_on);
    }
  };
  ingest::ReadOptions read_options;
  read_options.jobs = loop.jobs;
  const auto on_problem = [&](const Problem& p) {
    if (loop.on_problem) {
      loop.on_problem(p);
    }
  };
  const ingest::ReadCounts counts = ingest::read_inputs(
      inputs, read_options,
      [&](Document&& d) {
        if (!in_shard(d.id, loop.shard)) {
          return;
        }
        batch.push_back(std::move(d));
        if (batch.size() >= batch_size) {
          extract_batch();
        }
      },
      problems, on_problem);
  extract_batch();
  return counts;
}

} // namespace stationmap::detail
