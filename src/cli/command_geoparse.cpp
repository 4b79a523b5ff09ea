// `stationmap geoparse --jsonl [FILE]`: JSON Lines in, one line of resolved places out per line, in order.

#include "args.hpp"
#include "commands.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/gazetteer/gazetteer.hpp"
#include "stationmap/geoparse/geoparser.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <iostream>
#include <thread>

namespace stationmap::cli {

namespace {

const char* const help = R"(Usage: stationmap geoparse --jsonl [FILE] [--gazetteer PATH] [--jobs N]

Reads JSON Lines {"id": str, "text": str} from FILE or standard input and writes one line per input line:
  {"id": str, "places": [{"start", "end", "text", "lat", "lon", "geonameid", "feature_code", "country",
                          "confidence"}]}
Offsets are Unicode code points, end exclusive. With "spans": [[start, end], ...] on an input line, exactly
those spans are resolved, one place per span, lat/lon null where none fits.
Options:
  --gazetteer PATH  a .smidx index or GeoNames data instead of the embedded gazetteer
  --jobs N          spread lines over N threads (default 1); output order is kept
)";

double round_to(double v, double scale) { return std::round(v * scale) / scale; }

std::string dump(const nlohmann::json& j) { return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace); }

/// A number as nlohmann::json writes it (shortest round trip; integral values keep ".0").
void append_number(std::string& out, double v) { out += dump(nlohmann::json(v)); }

std::string process_line(const Geoparser& geoparser, const std::string& line, std::size_t line_no, bool& bad) {
  nlohmann::ordered_json out;
  nlohmann::json in;
  try {
    in = nlohmann::json::parse(line);
    if (!in.is_object() || !in.contains("text") || !in["text"].is_string()) {
      throw std::invalid_argument("expected an object with a string \"text\"");
    }
  } catch (const std::exception& e) {
    bad = true;
    std::cerr << "stationmap geoparse: line " << line_no << ": skipped: " << e.what() << '\n';
    out["id"] = nullptr;
    out["places"] = nlohmann::json::array();
    out["error"] = std::string("line ") + std::to_string(line_no) + ": " + e.what();
    return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  const std::string& text = in["text"].get_ref<const std::string&>();
  std::vector<Mention> mentions;
  if (in.contains("spans") && in["spans"].is_array()) {
    std::vector<Span> spans;
    for (const auto& s : in["spans"]) {
      if (s.is_array() && s.size() == 2 && s[0].is_number_unsigned() && s[1].is_number_unsigned()) {
        spans.emplace_back(s[0].get<std::uint32_t>(), s[1].get<std::uint32_t>());
      } else {
        spans.emplace_back(0, 0);
      }
    }
    mentions = geoparser.resolve_spans(text, spans);
  } else {
    mentions = geoparser.parse(text);
  }
  // Written directly (the same bytes nlohmann::ordered_json::dump() gives, faster).
  std::string o;
  o.reserve(64 + 160 * mentions.size());
  o += "{\"id\":";
  o += in.contains("id") ? dump(in["id"]) : "null";
  o += ",\"places\":[";
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    const Mention& m = mentions[i];
    if (i > 0) {
      o += ',';
    }
    o += "{\"start\":" + std::to_string(m.start) + ",\"end\":" + std::to_string(m.end) + ",\"text\":";
    o += dump(nlohmann::json(m.text));
    if (m.place) {
      o += ",\"lat\":";
      append_number(o, round_to(m.place->lat, 1e7));
      o += ",\"lon\":";
      append_number(o, round_to(m.place->lon, 1e7));
      o += ",\"geonameid\":";
      o += m.place->geonameid ? std::to_string(*m.place->geonameid) : "null";
      o += ",\"name\":" + dump(nlohmann::json(m.place->name));
      o += ",\"feature_code\":" + dump(nlohmann::json(m.place->feature_code));
      o += ",\"country\":" + dump(nlohmann::json(m.place->country));
    } else {
      o += ",\"lat\":null,\"lon\":null,\"geonameid\":null,\"name\":null,\"feature_code\":null,\"country\":null";
    }
    o += ",\"confidence\":";
    append_number(o, round_to(m.confidence, 1e4));
    o += '}';
  }
  o += "]}";
  return o;
}

}  // namespace

int run_geoparse(const std::vector<std::string>& argv) {
  const Args args(argv, {"--jsonl", "--help"}, {"--gazetteer", "--jobs"}, "geoparse");
  if (args.flag("--help")) {
    std::cout << help;
    return 0;
  }
  if (!args.flag("--jsonl")) {
    throw UsageError("geoparse: only --jsonl input is supported; see `stationmap geoparse --help`");
  }
  if (args.positional().size() > 1) {
    throw UsageError("geoparse: give at most one FILE (or none to read standard input)");
  }
  const int jobs = args.int_option("--jobs", 1);
  if (jobs < 1 || jobs > 256) {
    throw UsageError("geoparse: --jobs must be between 1 and 256");
  }
  std::ifstream file;
  std::istream* in = &std::cin;
  if (!args.positional().empty() && args.positional()[0] != "-") {
    file.open(args.positional()[0], std::ios::binary);
    if (!file) {
      throw IoError(args.positional()[0], "cannot open for reading");
    }
    in = &file;
  }
  const Gazetteer gazetteer =
      args.has("--gazetteer") ? Gazetteer::open(args.option("--gazetteer")) : Gazetteer::open_default();
  const Geoparser geoparser(gazetteer);

  bool any_bad = false;
  std::size_t line_no = 0;
  const std::size_t batch_size = 64 * static_cast<std::size_t>(jobs);
  std::vector<std::string> lines;
  std::vector<std::string> results;
  std::vector<char> bad;
  auto flush = [&] {
    results.assign(lines.size(), {});
    bad.assign(lines.size(), 0);
    auto work = [&](std::size_t worker) {
      for (std::size_t i = worker; i < lines.size(); i += static_cast<std::size_t>(jobs)) {
        bool b = false;
        results[i] = process_line(geoparser, lines[i], line_no - lines.size() + i + 1, b);
        bad[i] = b ? 1 : 0;
      }
    };
    if (jobs == 1) {
      work(0);
    } else {
      std::vector<std::jthread> threads;
      for (int w = 0; w < jobs; ++w) {
        threads.emplace_back(work, static_cast<std::size_t>(w));
      }
    }
    for (std::size_t i = 0; i < lines.size(); ++i) {
      std::cout << results[i] << '\n';
      any_bad = any_bad || bad[i] != 0;
    }
    lines.clear();
  };
  std::string line;
  while (std::getline(*in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') {
      line.pop_back();
    }
    if (line.find_first_not_of(" \t") == std::string::npos) {
      --line_no;
      continue;
    }
    lines.push_back(std::move(line));
    if (lines.size() >= batch_size) {
      flush();
    }
  }
  flush();
  std::cout.flush();
  return any_bad ? 1 : 0;
}

}  // namespace stationmap::cli
