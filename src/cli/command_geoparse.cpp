// `stationmap geoparse --jsonl [FILE]`: JSON Lines in, one line of resolved places out per line, in order.

#include "args.hpp"
#include "commands.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/core/parallel.hpp"
#include "stationmap/core/utf8.hpp"
#include "stationmap/gazetteer/gazetteer.hpp"
#include "stationmap/geoparse/geoparser.hpp"

#include <cmath>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>

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

double round_to(double v, double scale) {
  return std::round(v * scale) / scale;
}

std::string dump(const nlohmann::json& j) {
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

/// A number as nlohmann::json writes it (shortest round trip; integral values keep ".0").
void append_number(std::string& out, double v) {
  out += dump(nlohmann::json(v));
}

/// One input line, as the geoparser needs it.
struct Request {
  std::string id_json = "null"; ///< the id as JSON, written back as is
  std::string text;
  bool has_spans = false;
  std::vector<Span> spans;
};

// JSON's two-character escapes (RFC 8259, section 7): the letter after the backslash, and the character it stands for
// at the same position.
constexpr std::string_view escape_letters = "\"\\/bfnrt";
constexpr std::string_view escaped_chars = "\"\\/\b\f\n\r\t";

/// A fast reader for the common line {"id": "...", "text": "..."}: no DOM, one pass over the text. Anything
/// it does not expect (spans, escapes in the id, odd values, invalid UTF-8) returns false, and the line goes to
/// the full JSON parser instead, so both give the same result.
bool read_fast(std::string_view line, Request& out) {
  std::size_t i = 0;
  auto ws = [&] {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\n' || line[i] == '\r')) {
      ++i;
    }
  };
  // A JSON string at i (the opening quote) without escapes: its raw contents.
  auto raw_string = [&](std::string_view& value) {
    if (i >= line.size() || line[i] != '"') {
      return false;
    }
    const std::size_t end = line.find_first_of("\"\\", i + 1);
    if (end == std::string_view::npos || line[end] != '"') {
      return false;
    }
    value = line.substr(i + 1, end - i - 1);
    i = end + 1;
    return true;
  };
  auto hex4 = [&](std::size_t at, unsigned& v) {
    if (at + 4 > line.size()) {
      return false;
    }
    v = 0;
    for (std::size_t k = at; k < at + 4; ++k) {
      const char h = line[k];
      v <<= 4U;
      if (h >= '0' && h <= '9') {
        v |= static_cast<unsigned>(h - '0');
      } else if (h >= 'a' && h <= 'f') {
        v |= static_cast<unsigned>(h - 'a' + 10);
      } else if (h >= 'A' && h <= 'F') {
        v |= static_cast<unsigned>(h - 'A' + 10);
      } else {
        return false;
      }
    }
    return true;
  };
  auto decoded_string = [&](std::string& value) {
    if (i >= line.size() || line[i] != '"') {
      return false;
    }
    ++i;
    value.clear();
    while (i < line.size()) {
      const std::size_t stop = line.find_first_of("\"\\", i);
      if (stop == std::string_view::npos) {
        return false;
      }
      value.append(line.substr(i, stop - i));
      i = stop;
      if (line[i] == '"') {
        ++i;
        return true;
      }
      if (i + 1 >= line.size()) {
        return false;
      }
      const char e = line[i + 1];
      i += 2;
      if (e != 'u') {
        const std::size_t k = escape_letters.find(e);
        if (k == std::string_view::npos) {
          return false;
        }
        value.push_back(escaped_chars[k]);
        continue;
      }
      unsigned cp = 0;
      if (!hex4(i, cp)) {
        return false;
      }
      i += 4;
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        unsigned low = 0;
        if (i + 6 > line.size() || line[i] != '\\' || line[i + 1] != 'u' || !hex4(i + 2, low) || low < 0xDC00 ||
            low > 0xDFFF) {
          return false;
        }
        i += 6;
        cp = 0x10000 + ((cp - 0xD800) << 10U) + (low - 0xDC00);
      } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
        return false;
      }
      utf8::append(value, static_cast<char32_t>(cp));
    }
    return false;
  };
  ws();
  if (i >= line.size() || line[i] != '{') {
    return false;
  }
  ++i;
  bool have_text = false;
  for (;;) {
    ws();
    std::string_view key;
    if (!raw_string(key)) {
      return false;
    }
    ws();
    if (i >= line.size() || line[i] != ':') {
      return false;
    }
    ++i;
    ws();
    if (key == "text") {
      if (!decoded_string(out.text)) {
        return false;
      }
      have_text = true;
    } else if (key == "id") {
      std::string_view raw;
      if (i < line.size() && line[i] == '"') {
        const std::size_t start = i;
        if (!raw_string(raw)) {
          return false;
        }
        out.id_json = std::string(line.substr(start, i - start));
      } else {
        const std::size_t start = i;
        while (i < line.size() && line[i] >= '0' && line[i] <= '9') {
          ++i;
        }
        if (i == start) {
          if (line.substr(i, 4) != "null") {
            return false;
          }
          i += 4;
        } else if (line[start] == '0' && i - start > 1) {
          return false;
        }
        out.id_json = std::string(line.substr(start, i - start));
      }
    } else {
      return false; // spans or other members: the full parser
    }
    ws();
    if (i < line.size() && line[i] == ',') {
      ++i;
      continue;
    }
    if (i < line.size() && line[i] == '}') {
      ++i;
      break;
    }
    return false;
  }
  ws();
  return i == line.size() && have_text && utf8::is_valid(line);
}

std::string process_line(const Geoparser& geoparser, const std::string& line, std::size_t line_no, bool& bad) {
  Request request;
  if (!read_fast(line, request)) {
    request = Request{};
    nlohmann::json in;
    try {
      in = nlohmann::json::parse(line);
      if (!in.is_object() || !in.contains("text") || !in["text"].is_string()) {
        throw std::invalid_argument("expected an object with a string \"text\"");
      }
    } catch (const std::exception& e) {
      bad = true;
      std::cerr << "stationmap geoparse: line " << line_no << ": skipped: " << e.what() << '\n';
      nlohmann::ordered_json out;
      out["id"] = nullptr;
      out["places"] = nlohmann::json::array();
      out["error"] = std::string("line ") + std::to_string(line_no) + ": " + e.what();
      return out.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    request.id_json = in.contains("id") ? dump(in["id"]) : "null";
    request.text = in["text"].get<std::string>();
    if (in.contains("spans") && in["spans"].is_array()) {
      request.has_spans = true;
      for (const auto& sp : in["spans"]) {
        if (sp.is_array() && sp.size() == 2 && sp[0].is_number_unsigned() && sp[1].is_number_unsigned()) {
          request.spans.emplace_back(sp[0].get<std::uint32_t>(), sp[1].get<std::uint32_t>());
        } else {
          request.spans.emplace_back(0, 0);
        }
      }
    }
  }
  const std::vector<Mention> mentions =
      request.has_spans ? geoparser.resolve_spans(request.text, request.spans) : geoparser.parse(request.text);
  // Written directly (the same bytes nlohmann::ordered_json::dump() gives, faster).
  std::string o;
  o.reserve(64 + 160 * mentions.size());
  o += "{\"id\":";
  o += request.id_json;
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

} // namespace

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
    parallel_for(lines.size(), static_cast<unsigned>(jobs), [&](std::size_t i) {
      bool b = false;
      results[i] = process_line(geoparser, lines[i], line_no - lines.size() + i + 1, b);
      bad[i] = b ? 1 : 0;
    });
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

} // namespace stationmap::cli
