// `stationmap build INPUT... -o OUTDIR`: the command line of build_map() (pipeline/build_map.hpp).

#include "args.hpp"
#include "commands.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/ingest/reader.hpp"
#include "stationmap/pipeline/build_map.hpp"

#include <algorithm>
#include <iostream>
#include <unistd.h>

namespace stationmap::cli {

namespace {

const char* const help = R"(Usage: stationmap build INPUT... -o OUTDIR [--gazetteer PATH] [--jobs N]
                        [--boundaries FILE] [--postgis "PG:dbname=... host=..."] [--maxzoom Z]
                        [--corrections FILE] [--png]
       stationmap build --claims CLAIMS... -o OUTDIR [same options]

Reads documents (files or folders, recursively: .txt .md .html .pdf .json .jsonl, any common encoding),
finds the places they name, extracts the alleged station sites, home jurisdictions and the ties the
documents state, and writes the map into OUTDIR (GeoJSON, Shapefile, GeoPackage, QGIS project, CSV,
vector tiles). OUTDIR is replaced only when the whole run succeeds. OUTDIR must be a new or empty folder
or a map an earlier build wrote (it holds a .stationmap file), outside the inputs; such maps found among
the inputs are not read.
Exit status: 0 every document was read; 1 some were skipped (named on stderr and in OUTDIR/problems.csv);
2 usage error, or nothing could be mapped.
With --claims, the positional arguments are claims files (`stationmap extract`, e.g. one per shard), merged
into one map; the documents are not read again.
Options:
  -o, --output OUTDIR   where to write the map
  --claims              the arguments are claims files written by `stationmap extract`
  --cache DIR           claims cache: each document's claims kept by content hash and pipeline version, so
                        a rebuild extracts only new or changed documents (removed ones drop out); the map is
                        the same as a clean build's. Default: OUTDIR.cache beside OUTDIR (a folder stationmap
                        creates and marks; skipped with a warning when it may not be written there)
  --no-cache            read and write no cache
  --gazetteer PATH      a .smidx index or GeoNames data instead of the embedded gazetteer
  --jobs N              documents processed in parallel (default: 1)
  --boundaries FILE     jurisdiction boundaries (any GDAL vector source) for a polygon layer
  --postgis CONN        also write the layers into PostgreSQL/PostGIS
  --maxzoom Z           highest tile zoom (default: chosen from the data)
  --png                 also write OUTDIR/map.png, a print map for reports (2000 x 1000 px: basemap, ties,
                        home jurisdictions, stations coloured by status, legend); drawn with GDAL and the
                        DejaVuSans font, no display needed
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

BuildOptions build_options(const Args& args) {
  BuildOptions options;
  options.outdir = args.has("-o") ? args.option("-o") : args.option("--output");
  if (options.outdir.empty()) {
    throw UsageError("build: say where to write the map with -o OUTDIR; see `stationmap build --help`");
  }
  options.jobs = static_cast<unsigned>(std::max(args.int_option("--jobs", 1), 0)); // checked by build_map
  options.gazetteer = args.option("--gazetteer");
  options.boundaries = args.option("--boundaries");
  options.postgis = args.option("--postgis");
  if (args.has("--maxzoom")) {
    options.maxzoom = args.int_option("--maxzoom", 0);
  }
  options.corrections = args.option("--corrections");
  options.cache = args.option("--cache");
  options.use_cache = !args.flag("--no-cache");
  options.png = args.flag("--png");
  return options;
}

} // namespace

int run_build(const std::vector<std::string>& argv) {
  const Args args(
      argv, {"--help", "--claims", "--no-cache", "--png"},
      {"-o", "--output", "--gazetteer", "--jobs", "--boundaries", "--postgis", "--maxzoom", "--corrections", "--cache"},
      "build");
  if (args.flag("--help")) {
    std::cout << help;
    return 0;
  }
  BuildOptions options = build_options(args);
  if (args.positional().empty()) {
    throw UsageError(args.flag("--claims")
                         ? "build: give at least one CLAIMS file after --claims; see `stationmap build --help`"
                         : "build: give at least one INPUT file or folder; see `stationmap build --help`");
  }
  const bool tty = ::isatty(STDERR_FILENO) != 0;
  bool progress_shown = false;
  options.on_problem = [](const Problem& p) { std::cerr << ingest::problem_line(p) << '\n'; };
  options.on_warning = [](const std::string& w) { std::cerr << "stationmap: warning: " << w << '\n'; };
  if (tty) {
    options.on_progress = [&](std::size_t documents) {
      std::cerr << "\rstationmap: mapped " << documents << " documents" << std::flush;
      progress_shown = documents > 0;
    };
  }
  const std::vector<std::filesystem::path> inputs(args.positional().begin(), args.positional().end());
  const BuildSummary summary =
      args.flag("--claims") ? build_map_from_claims(inputs, options) : build_map(inputs, options);
  if (progress_shown) {
    std::cerr << '\n';
  }
  if (!summary.written) {
    std::cerr << "stationmap build: no document could be read from the inputs; nothing to map\n";
    return 2;
  }
  std::cerr << "stationmap: " << summary.documents_read << " documents read (" << summary.documents_cached
            << " from the cache), " << summary.documents_skipped << " skipped; " << summary.stations << " stations, "
            << summary.jurisdictions << " jurisdictions, " << summary.links << " links, " << summary.places
            << " places; " << summary.problems << " problems\n";
  std::cout << "map written to " << options.outdir.string()
            << "/ (stations.geojson, jurisdictions.geojson, links.geojson, "
            << "places.geojson, stationmap.gpkg, stationmap.qgs, shapefile/, tiles.pmtiles, index.html)\n";
  return summary.documents_skipped > 0 ? 1 : 0;
}

} // namespace stationmap::cli
