// `stationmap build INPUT... -o OUTDIR`: ingest -> geoparse -> extract -> render, into a staged OUTDIR that
// replaces the previous one only when everything succeeded.

#include "args.hpp"
#include "commands.hpp"
#include "stationmap/core/csv.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/core/file_io.hpp"
#include "stationmap/core/problem_report.hpp"
#include "stationmap/extract/corrections.hpp"
#include "stationmap/extract/country_check.hpp"
#include "stationmap/extract/extractor.hpp"
#include "stationmap/extract/review.hpp"
#include "stationmap/gazetteer/gazetteer.hpp"
#include "stationmap/ingest/reader.hpp"
#include "stationmap/render/layers.hpp"
#include "stationmap/render/staging.hpp"
#include "stationmap/render/tiles/tiles.hpp"
#include "stationmap/render/tiles/web.hpp"

#include <atomic>
#include <iostream>
#include <thread>
#include <unistd.h>

namespace stationmap::cli {

namespace {

const char* const help = R"(Usage: stationmap build INPUT... -o OUTDIR [--gazetteer PATH] [--jobs N]
                        [--boundaries FILE] [--postgis "PG:dbname=... host=..."] [--maxzoom Z]
                        [--corrections FILE]

Reads documents (files or folders, recursively: .txt .md .html .pdf .json .jsonl, any common encoding),
finds the places they name, extracts the alleged station sites, home jurisdictions and the ties the
documents state, and writes the map into OUTDIR (GeoJSON, Shapefile, GeoPackage, QGIS project, CSV,
vector tiles). OUTDIR is replaced only when the whole run succeeds. OUTDIR must be a new or empty folder
or a map an earlier build wrote (it holds a .stationmap file), outside the inputs; such maps found among
the inputs are not read.
Exit status: 0 every document was read; 1 some were skipped (named on stderr and in OUTDIR/problems.csv);
2 usage error, or nothing could be mapped.
Options:
  -o, --output OUTDIR   where to write the map
  --gazetteer PATH      a .smidx index or GeoNames data instead of the embedded gazetteer
  --jobs N              documents processed in parallel (default: 1)
  --boundaries FILE     jurisdiction boundaries (any GDAL vector source) for a polygon layer
  --postgis CONN        also write the layers into PostgreSQL/PostGIS
  --maxzoom Z           highest tile zoom (default: chosen from the data)
  --corrections FILE    analysts' decisions, applied on every build in file order: a UTF-8 CSV with
                        the header action,target,value,note and one decision per row:
      reject       station_id or name   -                    not a station (place kept, role rejected,
                                                             note as reason)
      confirm      station_id or name   -                    verified = true
      move         station_id or name   LAT LON|geonameid:N  the site's point and place change
      pin          NAME@DOCUMENT|NAME@* LAT LON|geonameid:N  every mention of NAME there resolves to
                                                             this place, before roles are decided
      add_station  name                 LAT LON|geonameid:N  a site from a source the corpus lacks
                                                             (note: the source)
      add_link     station_id or name   jurisdiction_id|name add a tie
      remove_link  station_id or name   jurisdiction_id|name drop a tie
      set_status   station_id or name   STATUS[@YYYY-MM-DD]  alleged, suspected, confirmed, denied, under
                                                             investigation, ordered closed, closed
                        Every feature a row touched lists it in its `corrections` property. A row whose
                        target is not in the build is a stale-correction line in problems.csv and
                        review.csv; a malformed row is a malformed-correction line naming its line; both
                        are skipped and the build goes on. `stationmap serve OUTDIR --review FILE` lets
                        the web map append rows.
)";

/// counts.csv: statements of numbers of stations that name no place ("102 stations in 53 countries"). They are
/// a report for the reader, never points on the map.
void write_counts(const ClaimSet& claims, const std::filesystem::path& path) {
  CsvWriter csv({"document", "start", "end", "sentence"});
  for (const Evidence& e : claims.counts) {
    csv.text(e.document).number(e.start).number(e.end).text(e.sentence).end_row();
  }
  write_file_atomic(path, csv.str());
}

} // namespace

int run_build(const std::vector<std::string>& argv) {
  const Args args(
      argv, {"--help"},
      {"-o", "--output", "--gazetteer", "--jobs", "--boundaries", "--postgis", "--maxzoom", "--corrections"}, "build");
  if (args.flag("--help")) {
    std::cout << help;
    return 0;
  }
  const std::string outdir = args.has("-o") ? args.option("-o") : args.option("--output");
  if (outdir.empty()) {
    throw UsageError("build: say where to write the map with -o OUTDIR; see `stationmap build --help`");
  }
  if (args.positional().empty()) {
    throw UsageError("build: give at least one INPUT file or folder; see `stationmap build --help`");
  }
  const int jobs = args.int_option("--jobs", 1);
  if (jobs < 1 || jobs > 256) {
    throw UsageError("build: --jobs must be between 1 and 256");
  }
  const std::vector<std::filesystem::path> inputs(args.positional().begin(), args.positional().end());
  std::vector<std::filesystem::path> read_from = inputs; // everything the build reads stays outside OUTDIR
  if (args.has("--corrections")) {
    read_from.emplace_back(args.option("--corrections"));
  }
  render::OutputStaging staging(outdir, read_from); // refuses a folder stationmap may not replace, before reading
  const Gazetteer gazetteer =
      args.has("--gazetteer") ? Gazetteer::open(args.option("--gazetteer")) : Gazetteer::open_default();
  ProblemReport problems;
  // Analysts' corrections: pins act inside extraction, the other rows on the merged claims.
  const CorrectionPass corrections(args.option("--corrections"), gazetteer, problems);
  const Extractor extractor(gazetteer, corrections.pins());
  ingest::ReadOptions read_options;
  read_options.jobs = static_cast<unsigned>(jobs);
  const bool tty = ::isatty(STDERR_FILENO) != 0;

  // Documents stream through in batches: each batch is extracted over --jobs threads and dropped, so memory
  // holds the claims (what the output needs), not the corpus.
  std::vector<DocumentClaims> claims;
  std::vector<Document> batch;
  const std::size_t batch_size = 64 * static_cast<std::size_t>(jobs);
  auto extract_batch = [&] {
    const std::size_t base = claims.size();
    claims.resize(base + batch.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
      for (std::size_t i = next++; i < batch.size(); i = next++) {
        claims[base + i] = extractor.extract(batch[i]);
      }
    };
    {
      std::vector<std::jthread> threads;
      for (int w = 1; w < jobs; ++w) {
        threads.emplace_back(work);
      }
      work();
    }
    batch.clear();
    if (tty) {
      std::cerr << "\rstationmap: mapped " << claims.size() << " documents" << std::flush;
    }
  };
  const ingest::ReadCounts counts = ingest::read_inputs(
      inputs, read_options,
      [&](Document&& d) {
        batch.push_back(std::move(d));
        if (batch.size() >= batch_size) {
          extract_batch();
        }
      },
      problems, [](const Problem& p) { std::cerr << ingest::problem_line(p) << '\n'; });
  extract_batch();
  if (tty && !claims.empty()) {
    std::cerr << '\n';
  }
  if (claims.empty()) {
    std::cerr << "stationmap build: no document could be read from the inputs; nothing to map\n";
    return 2;
  }
  ClaimSet claim_set = merge_claims(std::move(claims), problems);
  check_countries(claim_set, geography::CountryIndex::embedded(), problems);
  const std::vector<StaleCorrection> stale = corrections.apply(claim_set, problems);

  render::RenderOptions options;
  options.boundaries = args.option("--boundaries");
  options.postgis = args.option("--postgis");
  const render::RenderSummary summary = render::write_map(claim_set, problems, staging.dir(), options);
  tiles::TileOptions tile_options;
  if (args.has("--maxzoom")) {
    tile_options.maxzoom = args.int_option("--maxzoom", 0);
  }
  // Tiles (MBTiles, PMTiles) and the offline web map (style.json, tiles.json, index.html with MapLibre).
  const tiles::TileOutputs tile_outputs = tiles::write_tiles_and_web_map(claim_set, staging.dir(), tile_options);
  for (const std::string& warning : tile_outputs.warnings) {
    std::cerr << "stationmap: warning: " << warning << '\n';
  }
  write_counts(claim_set, staging.dir() / "counts.csv");
  render::write_review(review_queue(claim_set, stale), staging.dir());
  if (!options.postgis.empty()) {
    render::write_postgis(claim_set, problems, options);
  }
  staging.commit();

  std::cerr << "stationmap: " << counts.read << " documents read, " << counts.skipped << " skipped; "
            << summary.stations << " stations, " << summary.jurisdictions << " jurisdictions, " << summary.links
            << " links, " << summary.places << " places; " << problems.size() << " problems\n";
  std::cout << "map written to " << outdir << "/ (stations.geojson, jurisdictions.geojson, links.geojson, "
            << "places.geojson, stationmap.gpkg, stationmap.qgs, shapefile/, tiles.pmtiles, index.html)\n";
  return counts.skipped > 0 ? 1 : 0;
}

} // namespace stationmap::cli
