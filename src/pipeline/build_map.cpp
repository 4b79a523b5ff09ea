// build_map: documents stream in batches through geoparse and extract, are merged, then rendered.

#include "stationmap/pipeline/build_map.hpp"

#include "stationmap/core/csv.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/core/file_io.hpp"
#include "stationmap/core/parallel.hpp"
#include "stationmap/extract/corrections.hpp"
#include "stationmap/extract/country_check.hpp"
#include "stationmap/extract/extractor.hpp"
#include "stationmap/extract/review.hpp"
#include "stationmap/gazetteer/gazetteer.hpp"
#include "stationmap/ingest/reader.hpp"
#include "stationmap/render/layers.hpp"
#include "stationmap/render/staging.hpp"
#include "stationmap/render/web_map.hpp"
#include "stationmap/tiles/tiles.hpp"

namespace stationmap {

namespace {

/// counts.csv: statements of numbers of stations that name no place ("102 stations in 53 countries"). They are
/// a report for the reader, never points on the map.
void write_counts(const ClaimSet& claims, const std::filesystem::path& path) {
  CsvWriter csv({"document", "start", "end", "sentence"});
  for (const Evidence& e : claims.counts) {
    csv.text(e.document).number(e.start).number(e.end).text(e.sentence).end_row();
  }
  write_file_atomic(path, csv.str());
}

Gazetteer open_gazetteer(const BuildOptions& options) {
  return options.gazetteer.empty() ? Gazetteer::open_default() : Gazetteer::open(options.gazetteer);
}

struct ExtractedCorpus {
  std::vector<DocumentClaims> claims;
  ingest::ReadCounts counts;
};

/// Documents stream through in batches: each batch is extracted over options.jobs threads and dropped, so memory
/// holds the claims (what the output needs), not the corpus.
ExtractedCorpus extract_documents(const std::vector<std::filesystem::path>& inputs, const Extractor& extractor,
                                  const BuildOptions& options, ProblemReport& problems) {
  ExtractedCorpus out;
  std::vector<Document> batch;
  const std::size_t batch_size = options.documents_per_batch * options.jobs;
  auto extract_batch = [&] {
    const std::size_t base = out.claims.size();
    out.claims.resize(base + batch.size());
    parallel_for(batch.size(), options.jobs,
                 [&](std::size_t i) { out.claims[base + i] = extractor.extract(batch[i]); });
    batch.clear();
    if (options.on_progress) {
      options.on_progress(out.claims.size());
    }
  };
  ingest::ReadOptions read_options;
  read_options.jobs = options.jobs;
  const auto on_problem = [&](const Problem& p) {
    if (options.on_problem) {
      options.on_problem(p);
    }
  };
  out.counts = ingest::read_inputs(
      inputs, read_options,
      [&](Document&& d) {
        batch.push_back(std::move(d));
        if (batch.size() >= batch_size) {
          extract_batch();
        }
      },
      problems, on_problem);
  extract_batch();
  return out;
}

void warn(const BuildOptions& options, const std::vector<std::string>& warnings) {
  for (const std::string& w : warnings) {
    if (options.on_warning) {
      options.on_warning(w);
    }
  }
}

} // namespace

BuildSummary build_map(const std::vector<std::filesystem::path>& inputs, const BuildOptions& options) {
  if (options.jobs < 1 || options.jobs > 256) {
    throw UsageError("build: --jobs must be between 1 and 256");
  }
  std::vector<std::filesystem::path> read_from = inputs; // everything the build reads stays outside OUTDIR
  if (!options.corrections.empty()) {
    read_from.push_back(options.corrections);
  }
  render::OutputStaging staging(options.outdir, read_from); // refuses a folder stationmap may not replace, first
  const Gazetteer gazetteer = open_gazetteer(options);
  ProblemReport problems;
  // Analysts' corrections: pins act inside extraction, the other rows on the merged claims.
  const CorrectionPass corrections(options.corrections, gazetteer, problems);
  const Extractor extractor(gazetteer, corrections.pins());
  ExtractedCorpus corpus = extract_documents(inputs, extractor, options, problems);
  BuildSummary summary;
  summary.documents_read = corpus.counts.read;
  summary.documents_skipped = corpus.counts.skipped;
  if (corpus.claims.empty()) {
    return summary;
  }
  ClaimSet claim_set = merge_claims(std::move(corpus.claims), problems);
  check_countries(claim_set, geography::CountryIndex::embedded(), problems);
  const std::vector<StaleCorrection> stale = corrections.apply(claim_set, problems);

  render::RenderOptions render_options;
  render_options.boundaries = options.boundaries;
  render_options.postgis = options.postgis;
  const render::RenderSummary rendered = render::write_map(claim_set, problems, staging.dir(), render_options);
  tiles::TileOptions tile_options;
  tile_options.maxzoom = options.maxzoom;
  // Tiles (MBTiles, PMTiles) and the offline web map (style.json, tiles.json, index.html with MapLibre).
  warn(options, tiles::write_tiles_and_web_map(claim_set, staging.dir(), tile_options, &rendered.link_paths).warnings);
  write_counts(claim_set, staging.dir() / "counts.csv");
  render::write_review(review_queue(claim_set, stale), staging.dir());
  if (!render_options.postgis.empty()) {
    render::write_postgis(claim_set, problems, render_options);
  }
  staging.commit();

  summary.stations = rendered.stations;
  summary.jurisdictions = rendered.jurisdictions;
  summary.links = rendered.links;
  summary.places = rendered.places;
  summary.problems = problems.size();
  summary.written = true;
  return summary;
}

} // namespace stationmap
