// build_map: documents stream in batches through geoparse and extract, are merged, then rendered.

#include "stationmap/pipeline/build_map.hpp"

#include "claims_cache.hpp"
#include "extraction.hpp"
#include "stationmap/core/csv.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/core/file_io.hpp"
#include "stationmap/core/outdir.hpp"
#include "stationmap/core/sha256.hpp"
#include "stationmap/extract/corrections.hpp"
#include "stationmap/extract/country_check.hpp"
#include "stationmap/extract/extractor.hpp"
#include "stationmap/extract/review.hpp"
#include "stationmap/gazetteer/gazetteer.hpp"
#include "stationmap/ingest/reader.hpp"
#include "stationmap/pipeline/claims_io.hpp"
#include "stationmap/pipeline/extract_claims.hpp"
#include "stationmap/render/layers.hpp"
#include "stationmap/render/staging.hpp"
#include "stationmap/render/web_map.hpp"
#include "stationmap/tiles/tiles.hpp"

#include <algorithm>
#include <memory>
#include <set>
#include <tuple>
#include <unordered_map>
#include <variant>

namespace stationmap {

namespace {

/// counts.csv: statements of numbers of stations that name no place ("102 stations in 53 countries"). They are
/// a report for the reader, never points on the map.
void write_counts(const ClaimSet& claims, const std::filesystem::path& path) {
  CsvFile csv(path, {"document", "start", "end", "sentence"});
  for (const Evidence& e : claims.counts) {
    csv.row().text(e.document()).number(e.start).number(e.end).text(e.sentence()).end_row();
  }
  csv.commit();
}

Gazetteer open_gazetteer(const BuildOptions& options) {
  return options.gazetteer.empty() ? Gazetteer::open_default() : Gazetteer::open(options.gazetteer);
}

void warn(const BuildOptions& options, const std::vector<std::string>& warnings) {
  for (const std::string& w : warnings) {
    if (options.on_warning) {
      options.on_warning(w);
    }
  }
}

bool is_skip(const Problem& p) {
  return p.kind == ingest::skipped_file_kind || p.kind == ingest::skipped_document_kind;
}

/// Every document's claims, merged as they come, and what the reader read. Documents stream through in batches that
/// are extracted, folded into the merger and dropped, so memory holds the merged claims (what the output needs),
/// neither the corpus nor each document's claims.
struct ExtractedCorpus {
  ClaimMerger claims;
  ingest::ReadCounts counts;
  std::size_t cached = 0; ///< documents whose claims came from the cache
};

ExtractedCorpus extract_documents(const std::vector<std::filesystem::path>& inputs, const Extractor& extractor,
                                  const std::string& pipeline, detail::ClaimsCache* cache, const BuildOptions& options,
                                  ProblemReport& problems) {
  detail::ExtractionLoop loop;
  loop.extractor = &extractor;
  loop.pipeline = pipeline;
  loop.jobs = options.jobs;
  loop.batch_size = options.documents_per_batch;
  loop.on_problem = options.on_problem;
  loop.on_progress = options.on_progress;
  ExtractedCorpus out;
  if (cache != nullptr) {
    loop.serialise = &detail::ClaimsCache::entry;
    loop.cache = cache;
    loop.decode_into = &out.claims; // decoded with the merger's shared values: added with add_shared() below
  }
  out.counts = detail::run_extraction(inputs, loop, problems, [&](detail::ExtractedDocument&& d) {
    if (cache != nullptr && d.cached) {
      cache->keep_cached(d.cache_slot);
    } else if (cache != nullptr) {
      cache->keep(d.line);
    }
    out.cached += d.cached ? 1U : 0U;
    if (d.cached) {
      out.claims.add_shared(std::move(d.record.claims));
    } else {
      out.claims.add(std::move(d.record.claims));
    }
  });
  return out;
}

/// The documents records of claims files, each document once: of several records with one document id, the first
/// by content hash (whatever order the files and lines come in).
class ClaimsFileDocuments {
public:
  /// Whether to merge @p record: the first record of its document, unless a record with a smaller content hash
  /// has been seen (then a second reading is needed: needs_second_reading()).
  bool take(const DocumentRecord& record) {
    const std::string& id = record.claims.document;
    auto [it, fresh] = m_taken.try_emplace(id, record.content_hash);
    if (fresh) {
      return true;
    }
    if (record.content_hash != it->second) {
      std::set<std::string>& hashes = m_duplicates[id];
      hashes.insert(it->second);
      hashes.insert(record.content_hash);
      m_out_of_order = m_out_of_order || record.content_hash < it->second;
    }
    return false;
  }
  /// True when a document's first record by content hash came after another was taken.
  [[nodiscard]] bool needs_second_reading() const { return m_out_of_order; }
  /// For a second reading: takes only each document's first record by content hash.
  void take_first_by_hash() {
    for (auto& [id, hash] : m_taken) {
      const auto it = m_duplicates.find(id);
      hash = it == m_duplicates.end() ? hash : *it->second.begin();
    }
    m_pending = m_taken;
  }
  /// In a second reading: whether to merge @p record.
  bool take_again(const DocumentRecord& record) {
    const auto it = m_pending.find(record.claims.document);
    if (it == m_pending.end() || it->second != record.content_hash) {
      return false;
    }
    m_pending.erase(it);
    return true;
  }
  [[nodiscard]] std::size_t documents() const { return m_taken.size(); }
  void report(ProblemReport& problems) const {
    for (const auto& [id, hashes] : m_duplicates) {
      problems.add({id, "duplicate-document",
                    "the claims files hold two different documents with this id; the first (by content hash) "
                    "is mapped"});
    }
  }

private:
  std::unordered_map<std::string, std::string> m_taken; ///< document id -> content hash merged
  std::map<std::string, std::set<std::string>> m_duplicates;
  std::unordered_map<std::string, std::string> m_pending;
  bool m_out_of_order = false;
};

/// The claims of every document in @p files, each document once; problem records go to @p problems.
ExtractedCorpus read_claims_files(const std::vector<std::filesystem::path>& files, const BuildOptions& options,
                                  ProblemReport& problems) {
  std::set<std::string> pipelines;
  ClaimsFileDocuments documents;
  ExtractedCorpus out;
  for (const std::filesystem::path& file : files) {
    read_claims_file(file, [&](ClaimsRecord&& r) {
      if (auto* p = std::get_if<ProblemRecord>(&r)) {
        pipelines.insert(p->pipeline);
        out.counts.skipped += is_skip(p->problem) ? 1U : 0U;
        problems.add(std::move(p->problem));
      } else {
        auto& d = std::get<DocumentRecord>(r);
        pipelines.insert(d.pipeline);
        if (documents.take(d)) {
          out.claims.add(std::move(d.claims));
        }
      }
    });
  }
  if (documents.needs_second_reading()) { // rare: the files hold one document twice, the smaller hash later
    documents.take_first_by_hash();
    out.claims = ClaimMerger();
    for (const std::filesystem::path& file : files) {
      read_claims_file(file, [&](ClaimsRecord&& r) {
        if (auto* d = std::get_if<DocumentRecord>(&r); d != nullptr && documents.take_again(*d)) {
          out.claims.add(std::move(d->claims));
        }
      });
    }
  }
  documents.report(problems);
  if (pipelines.size() > 1) {
    warn(options, {"the claims files come from " + std::to_string(pipelines.size()) +
                   " different pipeline versions; extract them again with one stationmap for a consistent map"});
  }
  out.counts.read = documents.documents();
  return out;
}

} // namespace

namespace {

/// The second half of every build: merge the claims, apply corrections, write every output into the staging
/// folder and put it in place. The files that depend on no document are kept in @p keep_in (the cache folder)
/// when given.
BuildSummary write_map(ExtractedCorpus corpus, const CorrectionPass& corrections, ProblemReport& problems,
                       render::OutputStaging& staging, const BuildOptions& options,
                       const std::filesystem::path& keep_in = {}) {
  BuildSummary summary;
  summary.documents_read = corpus.counts.read;
  summary.documents_skipped = corpus.counts.skipped;
  summary.documents_cached = corpus.cached;
  if (corpus.claims.documents() == 0) {
    return summary;
  }
  ClaimSet claim_set = corpus.claims.finish(problems);
  check_countries(claim_set, geography::CountryIndex::embedded(), problems);
  const std::vector<StaleCorrection> stale = corrections.apply(claim_set, problems);
  drop_candidates_at_stations(claim_set); // an analyst's add_station or move may have placed one there

  render::RenderOptions render_options;
  render_options.boundaries = options.boundaries;
  render_options.postgis = options.postgis;
  render_options.print_map = options.png;
  write_counts(claim_set, staging.dir() / "counts.csv");
  render::write_review(review_queue(claim_set, stale), staging.dir());
  // The render stage takes the claims and lets them go as it draws them; the tiles take the rendered features.
  render::RenderSummary rendered = render::write_map(std::move(claim_set), problems, staging.dir(), render_options);
  tiles::TileOptions tile_options;
  tile_options.maxzoom = options.maxzoom;
  // Tiles (MBTiles, PMTiles) and the offline web map (style.json, tiles.json, index.html with MapLibre).
  warn(options, render::write_tiles_and_web_map(std::move(rendered.tile_features), staging.dir(), tile_options, keep_in)
                    .warnings);
  staging.commit();

  summary.stations = rendered.stations;
  summary.jurisdictions = rendered.jurisdictions;
  summary.links = rendered.links;
  summary.places = rendered.places;
  summary.problems = problems.size();
  summary.written = true;
  return summary;
}

void check_jobs(const BuildOptions& options) {
  if (options.jobs < 1 || options.jobs > 256) {
    throw UsageError("build: --jobs must be between 1 and 256");
  }
}

/// Everything the build reads: it all stays outside OUTDIR.
std::vector<std::filesystem::path> read_from(std::vector<std::filesystem::path> inputs, const BuildOptions& options) {
  if (!options.corrections.empty()) {
    inputs.push_back(options.corrections);
  }
  return inputs;
}

/// Claims extracted with pins depend on the corrections file: its digest joins the pipeline version, so that a
/// cache never hands back claims pinned differently.
std::string pipeline_with_pins(std::string pipeline, const CorrectionPass& corrections, const BuildOptions& options) {
  if (corrections.pins() != nullptr) {
    pipeline += "; pins " + sha256_hex(read_file(options.corrections)).substr(0, 16);
  }
  return pipeline;
}

/// The build's claims cache, or none (options.use_cache false, or the default folder cannot be used).
std::unique_ptr<detail::ClaimsCache>
open_cache(const BuildOptions& options, const std::vector<std::filesystem::path>& inputs, const std::string& pipeline) {
  if (!options.use_cache) {
    return nullptr;
  }
  if (!options.cache.empty()) {
    return std::make_unique<detail::ClaimsCache>(options.cache, pipeline, inputs, options.on_warning);
  }
  const std::filesystem::path dir = detail::default_cache_dir(options.outdir);
  try {
    return std::make_unique<detail::ClaimsCache>(dir, pipeline, inputs, options.on_warning);
  } catch (const OutdirRefused& e) {
    warn(options, {std::string("building without a claims cache: ") + e.what()});
    return nullptr;
  }
}

} // namespace

BuildSummary build_map(const std::vector<std::filesystem::path>& inputs, const BuildOptions& options) {
  check_jobs(options);
  render::OutputStaging staging(options.outdir, read_from(inputs, options)); // refuses a folder stationmap may
                                                                             // not replace, first
  const Gazetteer gazetteer = open_gazetteer(options);
  ProblemReport problems;
  // Analysts' corrections: pins act inside extraction, the other rows on the merged claims.
  const CorrectionPass corrections(options.corrections, gazetteer, problems);
  const Extractor extractor(gazetteer, corrections.pins());
  const std::string pipeline = pipeline_with_pins(pipeline_version(gazetteer), corrections, options);
  const std::unique_ptr<detail::ClaimsCache> cache = open_cache(options, read_from(inputs, options), pipeline);
  ExtractedCorpus corpus = extract_documents(inputs, extractor, pipeline, cache.get(), options, problems);
  gazetteer.let_go_of_pages(); // names are looked up no more (but for a few corrections): its memory goes back
  const BuildSummary summary = write_map(std::move(corpus), corrections, problems, staging, options,
                                         cache ? cache->dir() : std::filesystem::path());
  if (cache && summary.written) {
    cache->commit(); // the documents of this build, no others: removed documents drop out
  }
  return summary;
}

BuildSummary build_map_from_claims(const std::vector<std::filesystem::path>& claims, const BuildOptions& options) {
  check_jobs(options);
  render::OutputStaging staging(options.outdir, read_from(claims, options));
  const Gazetteer gazetteer = open_gazetteer(options);
  ProblemReport problems;
  const CorrectionPass corrections(options.corrections, gazetteer, problems);
  ExtractedCorpus corpus = read_claims_files(claims, options, problems);
  return write_map(std::move(corpus), corrections, problems, staging, options);
}

} // namespace stationmap
