// JSON and JSON Lines corpora.

#include "stationmap/ingest/jsonl.hpp"

#include "document_builder.hpp"
#include "json_stream.hpp"
#include "stationmap/core/byte_scan.hpp"
#include "stationmap/ingest/encoding.hpp"
#include "stationmap/ingest/html.hpp"

#include <algorithm>
#include <array>
#include <forward_list>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>
#include <vector>

namespace stationmap::ingest {

namespace {

using json = nlohmann::json;

std::string string_field(const json& obj, std::initializer_list<const char*> keys) {
  for (const char* key : keys) {
    const auto it = obj.find(key);
    if (it == obj.end())
      continue;
    if (it->is_string() && !it->get_ref<const std::string&>().empty())
      return it->get<std::string>();
    if (it->is_number_integer())
      return std::to_string(it->get<long long>());
    if (it->is_object()) {
      const auto name = it->find("name");
      if (name != it->end() && name->is_string())
        return name->get<std::string>();
    }
  }
  return {};
}

/// The members of a flat JSON object whose values are all strings (the usual JSON Lines document), in order.
/// Keys and values view the line's text; the few that hold escapes are unescaped into `unescaped`.
struct FlatObject {
  std::vector<std::pair<std::string_view, std::string_view>> members;
  std::forward_list<std::string> unescaped; // nodes stay put: views of them stay valid
};

/// The first of @p keys whose value is a non-empty string, as string_field() reads a parsed object.
std::string_view string_field(const FlatObject& obj, std::initializer_list<std::string_view> keys) {
  for (const std::string_view key : keys) {
    for (const auto& [name, value] : obj.members) {
      if (name == key && !value.empty()) {
        return value;
      }
    }
  }
  return {};
}

/// The position of the first byte of @p text from @p pos on that ends a run of plain string characters (a quote, a
/// backslash, a control character), or npos.
std::size_t string_run_end(std::string_view text, std::size_t pos) {
  const std::size_t stop = pos + byte_scan::first_of_or_below(text.substr(pos), "\"\\", 0x20);
  return stop < text.size() ? stop : std::string_view::npos;
}

/// Reads a JSON string at @p pos (just after its opening quote), up to its closing quote: a view of @p text when
/// it holds no escape, else its unescaped value kept in @p obj. Nullopt for what the fast reader leaves to the full
/// parser: \u escapes, control characters, a string that does not end.
std::optional<std::string_view> read_plain_string(std::string_view text, std::size_t& pos, FlatObject& obj) {
  const std::size_t start = pos;
  std::string* out = nullptr; // the unescaped value, once there is an escape
  while (pos < text.size()) {
    const std::size_t stop = string_run_end(text, pos);
    if (stop == std::string_view::npos || (text[stop] != '"' && text[stop] != '\\')) {
      return std::nullopt; // no end, or a control character
    }
    if (out != nullptr) {
      out->append(text.substr(pos, stop - pos));
    }
    pos = stop + 1;
    if (text[stop] == '"') {
      return out == nullptr ? text.substr(start, stop - start) : std::string_view(*out);
    }
    if (pos >= text.size()) {
      return std::nullopt;
    }
    constexpr std::string_view escaped = "\"\\/bfnrt";
    constexpr std::string_view meaning = "\"\\/\b\f\n\r\t";
    const std::size_t which = escaped.find(text[pos]);
    if (which == std::string_view::npos) {
      return std::nullopt; // \u (or an invalid escape): the full parser
    }
    if (out == nullptr) {
      out = &obj.unescaped.emplace_front(text.substr(start, stop - start));
    }
    *out += meaning[which];
    ++pos;
  }
  return std::nullopt;
}

/// @p text as a flat object of string values (FlatObject), without building a JSON tree; nullopt when it is
/// anything else (nested values, numbers, literals, \u escapes, a repeated key, not JSON): then the full parser
/// reads it and reports what is wrong, so both give the same documents and problems. The object views @p text.
std::optional<FlatObject> flat_string_object(std::string_view text, std::size_t max_bytes) {
  constexpr std::string_view space = " \t\n\r";
  std::size_t pos = text.find_first_not_of(space);
  if (pos == std::string_view::npos || text[pos] != '{') {
    return std::nullopt;
  }
  FlatObject out;
  out.members.reserve(8); // the usual document has a handful of fields
  std::size_t bytes = 0;
  const auto next = [&] { // the next character that is not white space, or '\0' at the end
    pos = text.find_first_not_of(space, pos);
    return pos == std::string_view::npos ? '\0' : text[pos];
  };
  ++pos;
  if (next() == '}') {
    ++pos;
    return next() == '\0' ? std::optional<FlatObject>(std::move(out)) : std::nullopt;
  }
  for (;;) {
    if (next() != '"') {
      return std::nullopt;
    }
    const std::optional<std::string_view> key = read_plain_string(text, ++pos, out);
    if (!key || next() != ':') {
      return std::nullopt;
    }
    ++pos;
    if (next() != '"') {
      return std::nullopt;
    }
    const std::optional<std::string_view> value = read_plain_string(text, ++pos, out);
    if (!value) {
      return std::nullopt;
    }
    bytes += key->size() + value->size();
    if (bytes > max_bytes / 2 || // near the limit: the full parser counts exactly
        std::any_of(out.members.begin(), out.members.end(), [&](const auto& member) { return member.first == *key; })) {
      return std::nullopt;
    }
    out.members.emplace_back(*key, *value);
    const char c = next();
    ++pos;
    if (c == '}') {
      return next() == '\0' ? std::optional<FlatObject>(std::move(out)) : std::nullopt;
    }
    if (c != ',') {
      return std::nullopt;
    }
  }
}

/// Makes a document from a parsed object; @p index names it when it has no id. Returns a reason on failure.
template <class Object>
std::variant<Document, std::string> from_members(const Object& obj, const std::string& fallback_id,
                                                 const JsonSource& source, bool whole_file) {
  Document doc;
  const std::string id(string_field(obj, {"id", "doc_id", "document_id", "guid"}));
  if (whole_file && id.empty()) {
    doc.id = source.file_id;
  } else { // <file id>#<id>
    const std::string_view local = id.empty() ? fallback_id : id;
    doc.id.reserve(source.file_id.size() + 1 + local.size());
    doc.id.append(source.file_id).append(1, '#').append(local);
  }
  doc.path = source.path;
  doc.format = "jsonl";
  doc.encoding = "UTF-8";
  doc.title = string_field(obj, {"title", "headline"});
  doc.url = string_field(obj, {"url", "link", "canonical_url"});
  doc.date =
      detail::iso_date(string_field(obj, {"date", "published", "published_at", "publish_date", "datePublished"}));
  doc.outlet = string_field(obj, {"outlet", "source", "site", "site_name", "publisher"});
  std::string text(string_field(obj, {"text", "body", "content", "full_text", "article"}));
  if (!text.empty()) {
    doc.text = std::move(text);
  } else if (std::string html(string_field(obj, {"html", "raw_html"})); !html.empty()) {
    doc.format = "html";
    extract_html(html, doc);
  }
  if (doc.text.find_first_not_of(" \t\r\n") == std::string::npos) {
    return std::string(id.empty() ? "" : "id \"" + id + "\": ") + "no \"text\" field (or it is empty)";
  }
  return doc;
}

std::variant<Document, std::string> from_object(const json& obj, const std::string& fallback_id,
                                                const JsonSource& source, bool whole_file) {
  if (!obj.is_object())
    return std::string("not a JSON object");
  return from_members(obj, fallback_id, source, whole_file);
}

/// Keys under which a top-level object holds its list of documents.
constexpr std::array<std::string_view, 4> list_keys = {"documents", "articles", "items", "data"};

} // namespace

std::variant<Document, std::string> parse_jsonl_line(std::string_view line, std::size_t line_number,
                                                     const JsonSource& source) {
  if (line.substr(0, 3) == "\xEF\xBB\xBF")
    line.remove_prefix(3);
  std::string converted;
  std::string_view text = line; // as it is when it is clean UTF-8, else converted
  if (line.substr(0, 3) == "\xEF\xBB\xBF" || clean_utf8_length(line) != line.size()) {
    converted = convert_to_utf8(line, "UTF-8").text; // replaces invalid bytes, drops NULs
    text = converted;
  }
  const detail::JsonLimits limits;
  if (std::optional<FlatObject> flat = flat_string_object(text, limits.max_value_bytes)) {
    return from_members(*flat, std::to_string(line_number), source, false);
  }
  auto parsed = detail::parse_json_value(text, limits);
  if (auto* reason = std::get_if<std::string>(&parsed)) {
    return std::move(*reason);
  }
  return from_object(std::get<json>(parsed), std::to_string(line_number), source, false);
}

void parse_jsonl(std::string_view bytes, const JsonSource& source, std::size_t max_line_bytes,
                 const std::function<void(Document&&)>& sink, const BadLineHandler& bad) {
  std::size_t pos = 0;
  std::size_t line_number = 0;
  while (pos < bytes.size()) {
    std::size_t end = bytes.find('\n', pos);
    if (end == std::string_view::npos)
      end = bytes.size();
    ++line_number;
    const std::string_view line = bytes.substr(pos, end - pos);
    pos = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos)
      continue;
    if (line.size() > max_line_bytes) {
      bad(line_number, "line of " + std::to_string(line.size()) + " bytes, over the limit of " +
                           std::to_string(max_line_bytes) + " bytes per line");
      continue;
    }
    auto result = parse_jsonl_line(line, line_number, source);
    if (auto* doc = std::get_if<Document>(&result)) {
      sink(std::move(*doc));
    } else {
      bad(line_number, std::get<std::string>(result));
    }
  }
}

void parse_json_file(std::string_view bytes, const JsonSource& source, std::size_t max_line_bytes,
                     const std::function<void(Document&&)>& sink, const BadLineHandler& bad) {
  if (bytes.substr(0, 3) == "\xEF\xBB\xBF")
    bytes.remove_prefix(3);
  const DecodedText decoded = convert_to_utf8(bytes, "UTF-8");
  detail::JsonLimits limits;
  limits.max_value_bytes = max_line_bytes; // a document in a .json file may be as large as a JSON Lines line
  const auto each_element = [&](std::size_t index, std::variant<json, std::string>&& element) {
    auto result = std::holds_alternative<json>(element)
                      ? from_object(std::get<json>(element), std::to_string(index), source, false)
                      : std::variant<Document, std::string>(std::get<std::string>(std::move(element)));
    if (auto* doc = std::get_if<Document>(&result)) {
      sink(std::move(*doc));
    } else {
      bad(index, "element " + std::to_string(index) + ": " + std::get<std::string>(result));
    }
  };
  detail::JsonStreamResult read = detail::stream_json_documents(decoded.text, limits, list_keys, each_element);
  if (read.ok && !read.streamed) {
    auto result = from_object(read.root, "1", source, true);
    if (auto* doc = std::get_if<Document>(&result)) {
      sink(std::move(*doc));
    } else {
      bad(1, std::get<std::string>(result));
    }
  } else if (!read.ok && read.invalid && !read.streamed) {
    parse_jsonl(bytes, source, max_line_bytes, sink, bad); // not one JSON value: JSON Lines named .json
  } else if (!read.ok) {
    const std::size_t where = std::max<std::size_t>(read.elements, 1);
    bad(where, (read.streamed ? "element " + std::to_string(where) + ": " : std::string()) + read.error +
                   (read.streamed ? "; the rest of the file is not read" : ""));
  }
}

} // namespace stationmap::ingest
