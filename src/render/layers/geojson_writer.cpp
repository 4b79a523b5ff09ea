// GeoJSON layers written by stationmap itself, streamed to the file feature by feature: the bytes GDAL's GeoJSON
// driver writes with RFC7946=YES, COORDINATE_PRECISION=7, WRITE_NAME=YES (the format the files have always had),
// without GDAL's detour of parsing every JSON field into a tree and printing it again.

#include "layers/json_string.hpp"
#include "layers/ogr_writer.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/core/file_io.hpp"

#include <charconv>
#include <cstdio>
#include <string>
#include <string_view>

namespace stationmap::render::detail {

namespace fs = std::filesystem;

namespace {

/// How much of the file is held before it is written out, bytes.
constexpr std::size_t block_bytes = std::size_t{1} << 20U;
/// Decimals of a coordinate (RFC 7946 advises no more than needed: 7 is about 1 cm).
constexpr int coordinate_decimals = 7;
/// Significant digits of a real attribute: as many as a double holds exactly in decimal.
constexpr int real_digits = 15;

/// The index just after the JSON string whose opening quote is at @p open in @p json: found with memchr, the
/// string (most of an evidence array) is copied as a whole.
std::size_t string_end(std::string_view json, std::size_t open) {
  for (std::size_t from = open + 1;;) {
    const std::size_t quote = json.find('"', from);
    if (quote == std::string_view::npos) {
      return json.size();
    }
    std::size_t backslashes = 0; // an odd number before it escapes the quote
    while (quote - backslashes > from && json[quote - backslashes - 1] == '\\') {
      ++backslashes;
    }
    if (backslashes % 2 == 0) {
      return quote + 1;
    }
    from = quote + 1;
  }
}

/// The file's text, written out whenever a block of it is full: what is held stays near block_bytes however long
/// a feature's arrays are (a jurisdiction's evidence runs to megabytes), in one buffer that is used again.
class Blocks {
public:
  explicit Blocks(AtomicFile& file) : m_file(file) {}
  [[nodiscard]] std::string& text() { return m_text; }
  /// Writes the text held out when it is a block or more.
  void write_if_full() {
    if (m_text.size() >= block_bytes) {
      m_file.write(m_text);
      m_text.clear();
    }
  }

private:
  AtomicFile& m_file;
  std::string m_text;
};

/// Compact JSON text (nlohmann's dump) in the spaced layout of the file: "[ 1, 2 ]", "{ "k": "v" }", "[ ]".
/// Strings are copied as they are: both layouts escape them alike.
void append_spaced_json(Blocks& blocks, std::string_view compact) {
  std::string& out = blocks.text();
  for (std::size_t i = 0; i < compact.size(); ++i) {
    const char c = compact[i];
    switch (c) {
    case '"': {
      const std::size_t end = string_end(compact, i);
      out.append(compact.substr(i, end - i));
      i = end - 1;
      blocks.write_if_full();
      break;
    }
    case '[':
    case '{':
      out += c;
      out += ' ';
      if (i + 1 < compact.size() && (compact[i + 1] == ']' || compact[i + 1] == '}')) {
        out += compact[++i]; // "[ ]", "{ }"
      }
      break;
    case ']':
    case '}':
      out += ' ';
      out += c;
      break;
    case ',':
    case ':':
      out += c;
      out += ' ';
      break;
    default:
      out += c;
    }
  }
}

/// A coordinate with 7 decimals, trailing zeros dropped down to one decimal ("26.08", "-74.0").
void append_coordinate(std::string& out, double value) {
  char buffer[64]; // to_chars: the digits printf's "%.7f" writes (both round the exact value), without its
                   // format parsing and locale (a news-like map's link lines have millions of coordinates)
  const auto end =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed, coordinate_decimals).ptr;
  std::string_view text(buffer, static_cast<std::size_t>(end - buffer));
  while (text.ends_with('0') && text[text.size() - 2] != '.') {
    text.remove_suffix(1);
  }
  out += text;
}

/// A real attribute with 15 significant digits, shortest form; "1" becomes "1.0": a real stays a real.
void append_real(std::string& out, double value) {
  char buffer[64];
  const int n = std::snprintf(buffer, sizeof buffer, "%.*g", real_digits, value);
  const std::string_view text(buffer, static_cast<std::size_t>(n));
  out += text;
  if (text.find_first_of(".en") == std::string_view::npos) {
    out += ".0";
  }
}

void append_position(std::string& out, const LonLat& p) {
  out += "[ ";
  append_coordinate(out, p.lon);
  out += ", ";
  append_coordinate(out, p.lat);
  out += " ]";
}

void append_line(std::string& out, const Polyline& line) {
  out += "[ ";
  for (std::size_t i = 0; i < line.size(); ++i) {
    out += i == 0 ? "" : ", ";
    append_position(out, line[i]);
  }
  out += " ]";
}

void append_geometry(std::string& out, const Shape& shape, GeomType type) {
  switch (type) {
  case GeomType::Point:
    out += "{ \"type\": \"Point\", \"coordinates\": ";
    append_position(out, shape.parts.at(0).at(0));
    break;
  case GeomType::Line:
    if (shape.parts.size() == 1) {
      out += "{ \"type\": \"LineString\", \"coordinates\": ";
      append_line(out, shape.parts.front());
      break;
    }
    out += "{ \"type\": \"MultiLineString\", \"coordinates\": [ ";
    for (std::size_t i = 0; i < shape.parts.size(); ++i) {
      out += i == 0 ? "" : ", ";
      append_line(out, shape.parts[i]);
    }
    out += " ]";
    break;
  case GeomType::MultiPolygon:
    throw Error("GeoJSON: polygon layers go through write_geojson_with_gdal");
  }
  out += " }";
}

void append_value(Blocks& blocks, const Value& v, FieldType type) {
  std::string& out = blocks.text();
  if (v.null) {
    out += "null";
    return;
  }
  switch (type) {
  case FieldType::String:
    append_json_quoted(out, v.text);
    break;
  case FieldType::Json:
    append_spaced_json(blocks, v.text);
    break;
  case FieldType::Integer:
    out += std::to_string(v.integer);
    break;
  case FieldType::Boolean:
    out += v.integer != 0 ? "true" : "false";
    break;
  case FieldType::Real:
    append_real(out, v.real);
    break;
  }
}

void append_feature(Blocks& blocks, const Layer& layer, const Row& row) {
  std::string& out = blocks.text();
  out += "{ \"type\": \"Feature\", \"properties\": { ";
  bool first = true;
  for (std::size_t i = 0; i < layer.fields.size(); ++i) {
    const Field& field = layer.fields[i];
    if (!field.in_files) {
      continue;
    }
    out += first ? "" : ", ";
    first = false;
    append_json_quoted(out, field.name);
    out += ": ";
    append_value(blocks, row.values.at(i), field.type);
  }
  out += " }, \"geometry\": ";
  append_geometry(out, row.shape, layer.geom);
  out += " }";
}

} // namespace

bool geojson_through_gdal(const Layer& layer) {
  return layer.geom == GeomType::MultiPolygon; // GDAL orients the rings
}

void write_geojson(const Layer& layer, const fs::path& file) {
  if (geojson_through_gdal(layer)) {
    write_geojson_with_gdal(layer, file);
    return;
  }
  AtomicFile out(file);
  Blocks blocks(out);
  std::string& text = blocks.text();
  text = "{\n\"type\": \"FeatureCollection\",\n\"name\": ";
  append_json_quoted(text, layer.name);
  text += ",\n\"features\": [\n";
  for (std::size_t i = 0; i < layer.rows.size(); ++i) {
    text += i == 0 ? "" : ",\n";
    append_feature(blocks, layer, layer.rows[i]);
    blocks.write_if_full();
  }
  text += "\n]\n}\n";
  out.write(text);
  out.commit();
}

} // namespace stationmap::render::detail
