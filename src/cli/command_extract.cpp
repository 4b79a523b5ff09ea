// `stationmap extract INPUT... -o CLAIMS [--shard K/N]`: the command line of extract_claims()
// (pipeline/extract_claims.hpp).

#include "args.hpp"
#include "commands.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/ingest/reader.hpp"
#include "stationmap/pipeline/extract_claims.hpp"

#include <algorithm>
#include <iostream>

namespace stationmap::cli {

namespace {

const char* const help = R"(Usage: stationmap extract INPUT... -o CLAIMS [--shard K/N] [--gazetteer PATH] [--jobs N]
                          [--corrections FILE]

Reads documents (files or folders, as `stationmap build` does), extracts what each claims (places named and
their roles, alleged station sites, home jurisdictions, stated ties, with their sentences) and writes CLAIMS:
JSON Lines, one document per line with its content hash and the pipeline version, sorted by document id.
`stationmap build --claims CLAIMS... -o OUTDIR` merges claims files into the map. CLAIMS is written whole or
not at all, and replaces only an earlier claims file: any other existing file is refused.
Exit status: 0 every document was read; 1 some were skipped (named on stderr and kept as problem records);
2 usage error.
Options:
  -o, --output CLAIMS   the claims file to write
  --shard K/N           extract only shard K of N: a stable 1/N of the documents, chosen by a hash of each
                        document's id (not by order), so N processes or machines given the same inputs
                        extract every document exactly once; merge them with `build --claims`
  --gazetteer PATH      a .smidx index or GeoNames data instead of the embedded gazetteer (use the same one
                        for every shard)
  --jobs N              documents processed in parallel (default: 1)
  --corrections FILE    analysts' corrections: their `pin` rows act during extraction (the other rows are
                        applied by `build --claims ... --corrections FILE`)
)";

} // namespace

int run_extract(const std::vector<std::string>& argv) {
  const Args args(argv, {"--help"}, {"-o", "--output", "--gazetteer", "--jobs", "--shard", "--corrections"}, "extract");
  if (args.flag("--help")) {
    std::cout << help;
    return 0;
  }
  ExtractOptions options;
  options.output = args.has("-o") ? args.option("-o") : args.option("--output");
  if (options.output.empty()) {
    throw UsageError("extract: say where to write the claims with -o CLAIMS; see `stationmap extract --help`");
  }
  if (args.positional().empty()) {
    throw UsageError("extract: give at least one INPUT file or folder; see `stationmap extract --help`");
  }
  options.jobs = static_cast<unsigned>(std::max(args.int_option("--jobs", 1), 0)); // checked by extract_claims
  options.gazetteer = args.option("--gazetteer");
  options.corrections = args.option("--corrections");
  if (args.has("--shard")) {
    options.shard = parse_shard(args.option("--shard"));
  }
  options.on_problem = [](const Problem& p) { std::cerr << ingest::problem_line(p) << '\n'; };
  const std::vector<std::filesystem::path> inputs(args.positional().begin(), args.positional().end());
  const ExtractSummary summary = extract_claims(inputs, options);
  std::cerr << "stationmap: " << summary.documents_read << " documents read, " << summary.documents_skipped
            << " skipped; " << summary.documents_extracted << " extracted into " << options.output.string();
  if (options.shard.count > 1) {
    std::cerr << " (shard " << options.shard.index << "/" << options.shard.count << ")";
  }
  std::cerr << '\n';
  return summary.documents_skipped > 0 ? 1 : 0;
}

} // namespace stationmap::cli
