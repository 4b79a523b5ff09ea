// stationmap: maps alleged overseas police service stations from documents. This file only dispatches to
// the subcommands and maps errors to exit codes (0 ok, 1 some input skipped, 2 usage error or failure).

#include "commands.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/core/memory.hpp"

#include <iostream>
#include <string>
#include <vector>

namespace {

const char* const usage = R"(stationmap: map alleged overseas police service stations from documents

Usage:
  stationmap build INPUT... -o OUTDIR [--gazetteer PATH] [--jobs N]
  stationmap extract INPUT... -o CLAIMS [--shard K/N]
  stationmap build --claims CLAIMS... -o OUTDIR
  stationmap geoparse --jsonl [FILE] [--gazetteer PATH] [--jobs N]
  stationmap serve OUTDIR [--host 127.0.0.1] [--port 8080]
  stationmap gazetteer lookup NAME [--json] [--gazetteer PATH]
  stationmap gazetteer index SOURCE -o FILE.smidx

Run `stationmap COMMAND --help` for the options of a command.
)";

} // namespace

int main(int argc, char** argv) {
  std::ios::sync_with_stdio(false);
  stationmap::allocate_large_blocks_apart();
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
    std::cout << usage;
    return args.empty() ? 2 : 0;
  }
  const std::string& command = args[0];
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  try {
    if (command == "build") {
      return stationmap::cli::run_build(rest);
    }
    if (command == "extract") {
      return stationmap::cli::run_extract(rest);
    }
    if (command == "geoparse") {
      return stationmap::cli::run_geoparse(rest);
    }
    if (command == "serve") {
      return stationmap::cli::run_serve(rest);
    }
    if (command == "gazetteer") {
      return stationmap::cli::run_gazetteer(rest);
    }
    if (command == "--version") {
      std::cout << "stationmap 0.1.0\n";
      return 0;
    }
    std::cerr << "stationmap: unknown command '" << command << "'\n\n" << usage;
    return 2;
  } catch (const stationmap::UsageError& e) {
    std::cerr << "stationmap: " << e.what() << '\n';
    return 2;
  } catch (const stationmap::Error& e) {
    std::cerr << "stationmap " << command << ": error: " << e.what() << '\n';
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "stationmap " << command << ": internal error: " << e.what() << '\n';
    return 2;
  }
}
