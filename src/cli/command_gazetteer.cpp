// `stationmap gazetteer lookup NAME` and `stationmap gazetteer index SOURCE -o FILE`.

#include "args.hpp"
#include "commands.hpp"
#include "stationmap/core/file_io.hpp"
#include "stationmap/gazetteer/gazetteer.hpp"
#include "stationmap/gazetteer/name_kind.hpp"

#include <iomanip>
#include <iostream>
#include <nlohmann/json.hpp>

namespace stationmap::cli {

namespace {

const char* const lookup_help = R"(Usage: stationmap gazetteer lookup NAME [--json] [--gazetteer PATH]

Prints every gazetteer entry named NAME (case-, width- and diacritic-insensitive; Chinese names too),
most populous first. NAME "-" reads one name per line from standard input and prints one JSON line each:
  {"query": NAME, "candidates": [...]}
Options:
  --json            print JSON instead of a table
  --gazetteer PATH  a .smidx index or GeoNames data (folder or allCountries.txt) instead of the embedded one
)";

const char* const index_help = R"(Usage: stationmap gazetteer index SOURCE -o FILE.smidx

Builds a gazetteer index from GeoNames-format data: SOURCE is a folder (places.txt.gz or allCountries.txt,
with admin1CodesASCII.txt, admin2Codes.txt and alternateNamesV2.txt when present) or one geoname table file.
The build runs this on geodata/ to make the embedded index.
)";

nlohmann::ordered_json to_json(const Candidate& c) {
  const Place& p = c.place;
  nlohmann::ordered_json j;
  j["id"] = p.id;
  j["geonameid"] = p.geonameid ? nlohmann::ordered_json(*p.geonameid) : nlohmann::ordered_json(nullptr);
  j["name"] = p.name;
  j["matched_name"] = c.matched_name;
  j["language"] = c.language;
  j["lat"] = p.lat;
  j["lon"] = p.lon;
  j["feature_class"] = std::string(1, p.feature_class);
  j["feature_code"] = p.feature_code;
  j["country"] = p.country;
  j["admin1_code"] = p.admin1_code;
  j["admin1_name"] = p.admin1_name;
  j["admin2_code"] = p.admin2_code;
  j["admin2_name"] = p.admin2_name;
  j["population"] = p.population;
  j["demonym"] = (c.name_flags & name_kind::demonym) != 0;
  j["abbreviation"] = (c.name_flags & name_kind::abbreviation) != 0;
  return j;
}

Gazetteer open_gazetteer(const Args& args) {
  return args.has("--gazetteer") ? Gazetteer::open(args.option("--gazetteer")) : Gazetteer::open_default();
}

int run_lookup(const std::vector<std::string>& argv) {
  const Args args(argv, {"--json", "--help"}, {"--gazetteer"}, "gazetteer lookup");
  if (args.flag("--help")) {
    std::cout << lookup_help;
    return 0;
  }
  if (args.positional().size() != 1) {
    throw UsageError("gazetteer lookup: give exactly one NAME (quote names with spaces), or - for standard input");
  }
  const Gazetteer gaz = open_gazetteer(args);
  const std::string& name = args.positional()[0];
  if (name == "-") {
    std::string line;
    while (std::getline(std::cin, line)) {
      nlohmann::ordered_json out;
      out["query"] = line;
      out["candidates"] = nlohmann::ordered_json::array();
      for (const Candidate& c : gaz.lookup(line)) {
        out["candidates"].push_back(to_json(c));
      }
      std::cout << out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    }
    return 0;
  }
  const auto candidates = gaz.lookup(name);
  if (args.flag("--json")) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const Candidate& c : candidates) {
      out.push_back(to_json(c));
    }
    std::cout << out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    return 0;
  }
  if (candidates.empty()) {
    std::cout << "no gazetteer entry named '" << name << "'\n";
    return 0;
  }
  for (const Candidate& c : candidates) {
    const Place& p = c.place;
    std::cout << std::left << std::setw(28) << p.name << ' ' << std::setw(6) << p.feature_code << ' ' << p.country
              << ' ' << std::setw(24) << (p.admin1_name.empty() ? p.admin1_code : p.admin1_name) << ' ' << std::right
              << std::fixed << std::setprecision(5) << std::setw(10) << p.lat << ' ' << std::setw(11) << p.lon
              << "  pop " << p.population << "  id " << p.id;
    if (c.matched_name != p.name) {
      std::cout << "  (as \"" << c.matched_name << '"' << (c.language.empty() ? "" : ", " + c.language) << ')';
    }
    std::cout << '\n';
  }
  return 0;
}

int run_index(const std::vector<std::string>& argv) {
  const Args args(argv, {"--help", "--quiet"}, {"-o", "--output"}, "gazetteer index");
  if (args.flag("--help")) {
    std::cout << index_help;
    return 0;
  }
  const std::string out = args.has("-o") ? args.option("-o") : args.option("--output");
  if (args.positional().size() != 1 || out.empty()) {
    throw UsageError("gazetteer index: give SOURCE and -o FILE.smidx; see `stationmap gazetteer index --help`");
  }
  const std::string bytes = build_gazetteer_index(args.positional()[0], args.flag("--quiet") ? nullptr : &std::cerr);
  write_file_atomic(out, bytes);
  if (!args.flag("--quiet")) {
    std::cerr << "gazetteer: wrote " << out << " (" << bytes.size() / (1024 * 1024) << " MB)\n";
  }
  return 0;
}

} // namespace

int run_gazetteer(const std::vector<std::string>& args) {
  if (args.empty() || args[0] == "--help") {
    std::cout << lookup_help << '\n' << index_help;
    return args.empty() ? 2 : 0;
  }
  const std::vector<std::string> rest(args.begin() + 1, args.end());
  if (args[0] == "lookup") {
    return run_lookup(rest);
  }
  if (args[0] == "index") {
    return run_index(rest);
  }
  throw UsageError("gazetteer: unknown subcommand '" + args[0] + "'; use `lookup` or `index`");
}

} // namespace stationmap::cli
