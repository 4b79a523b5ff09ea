// The routes of `stationmap serve` (see routes.hpp and the table in server.hpp).

#include "routes.hpp"

#include "review.hpp"
#include "stationmap/serve/http_text.hpp"
#include "stationmap/serve/server.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <nlohmann/json.hpp>

namespace stationmap::serve {
namespace {

namespace fs = std::filesystem;

/// Tiles and archives change only with a rebuild: an hour in caches. Everything else is revalidated.
const char* const tile_cache_control = "public, max-age=3600";
const char* const revalidate = "no-cache";
const char* const tile_type = "application/x-protobuf";

std::string content_type_for(const fs::path& p) {
  static const std::map<std::string, std::string> types{{".html", "text/html; charset=utf-8"},
                                                        {".js", "text/javascript; charset=utf-8"},
                                                        {".css", "text/css; charset=utf-8"},
                                                        {".json", "application/json"},
                                                        {".geojson", "application/geo+json"},
                                                        {".pbf", tile_type},
                                                        {".mvt", "application/vnd.mapbox-vector-tile"},
                                                        {".pmtiles", "application/vnd.pmtiles"},
                                                        {".mbtiles", "application/vnd.sqlite3"},
                                                        {".gpkg", "application/geopackage+sqlite3"},
                                                        {".csv", "text/csv; charset=utf-8"},
                                                        {".txt", "text/plain; charset=utf-8"},
                                                        {".qgs", "application/xml"},
                                                        {".qml", "application/xml"},
                                                        {".png", "image/png"},
                                                        {".svg", "image/svg+xml"},
                                                        {".map", "application/json"}};
  const auto it = types.find(p.extension().string());
  return it != types.end() ? it->second : "application/octet-stream";
}

/// A reply whose body is @p bytes, kept alive by @p owner.
Reply body_reply(http::status status, std::shared_ptr<const void> owner, std::string_view bytes,
                 const std::string& type) {
  Reply r;
  r.message.result(status);
  r.message.set(http::field::content_type, type);
  r.message.body() = {bytes.data(), bytes.size()};
  r.owner = std::move(owner);
  return r;
}

Reply string_reply(http::status status, std::string text, const std::string& type) {
  auto owned = std::make_shared<const std::string>(std::move(text));
  const std::string_view view = *owned;
  return body_reply(status, std::move(owned), view, type);
}

/// A plain-text error message.
Reply error(http::status status, const std::string& message) {
  Reply r = string_reply(status, message + "\n", "text/plain; charset=utf-8");
  r.message.set(http::field::cache_control, "no-store");
  return r;
}

Reply not_modified_reply() {
  Reply r;
  r.message.result(http::status::not_modified);
  return r;
}

/// A decimal tile coordinate: 1 to 10 digits.
std::optional<std::uint64_t> tile_number(std::string_view s) {
  std::uint64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || s.size() > 10 || ec != std::errc() || end != s.data() + s.size()) {
    return std::nullopt;
  }
  return v;
}

struct TileAddress {
  std::uint64_t z = 0, x = 0, y = 0;
};

/// The address in "/tiles/{z}/{x}/{y}.pbf" (or .mvt); nullopt when the path has another shape.
std::optional<TileAddress> parse_tile_path(std::string_view path) {
  path.remove_prefix(std::string_view("/tiles/").size());
  const auto dot = path.rfind('.');
  if (dot == std::string_view::npos || (path.substr(dot) != ".pbf" && path.substr(dot) != ".mvt")) {
    return std::nullopt;
  }
  path = path.substr(0, dot);
  const auto slash1 = path.find('/');
  const auto slash2 = slash1 == std::string_view::npos ? slash1 : path.find('/', slash1 + 1);
  if (slash2 == std::string_view::npos) {
    return std::nullopt;
  }
  const auto z = tile_number(path.substr(0, slash1));
  const auto x = tile_number(path.substr(slash1 + 1, slash2 - slash1 - 1));
  const auto y = tile_number(path.substr(slash2 + 1));
  if (!z || !x || !y) {
    return std::nullopt;
  }
  return TileAddress{*z, *x, *y};
}

/// The {layer} of "/data/{layer}.geojson" when it is [a-z][a-z0-9_-]{0,63}, else "".
std::string layer_name(std::string_view path) {
  constexpr std::string_view prefix = "/data/";
  constexpr std::string_view suffix = ".geojson";
  if (path.size() <= prefix.size() + suffix.size() || path.substr(0, prefix.size()) != prefix ||
      path.substr(path.size() - suffix.size()) != suffix) {
    return "";
  }
  const std::string_view name = path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
  if (name.size() > 64 || name[0] < 'a' || name[0] > 'z') {
    return "";
  }
  for (const char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
      return "";
    }
  }
  return std::string(name);
}

bool not_modified(const RequestHead& head, std::string_view etag) {
  const auto it = head.find(http::field::if_none_match);
  return it != head.end() && etag_listed(std_view(it->value()), etag);
}

bool accepts_gzip(const RequestHead& head) {
  const auto it = head.find(http::field::accept_encoding);
  return it != head.end() && it->value().find("gzip") != std::string_view::npos;
}

} // namespace

Routes::Routes(fs::path root, std::unique_ptr<tiles::TileArchive> archive, const ServeOptions& options)
    : m_root(std::move(root)), m_archive(std::move(archive)), m_cors_origin(options.cors_origin), m_host(options.host) {
  if (m_archive) {
    m_tiles = std::make_unique<TileCache>(*m_archive, options.limits.tile_cache_bytes);
  }
  if (!options.review_file.empty()) {
    m_review = std::make_unique<ReviewLog>(options.review_file,
                                           options.review_token.empty() ? new_review_token() : options.review_token);
  }
}

Routes::~Routes() = default;

void Routes::set_port(int port) {
  const std::string p = ":" + std::to_string(port);
  m_review_hosts = {"127.0.0.1" + p, "localhost" + p, "[::1]" + p};
  if (m_host.find(':') != std::string::npos && m_host.front() != '[') {
    m_review_hosts.push_back("[" + m_host + "]" + p);
  } else {
    m_review_hosts.push_back(m_host + p);
  }
}

void Routes::set_default_host(std::string host) {
  m_default_host = std::move(host);
}

std::optional<std::size_t> Routes::body_limit(const RequestHead& head) const {
  if (m_review && head.method() == http::verb::post) { // review mode: one POST route, small bodies
    const auto path = decode_target_path(std_view(head.target()));
    return path && *path == review_path ? std::optional<std::size_t>(review_body_limit) : std::nullopt;
  }
  switch (head.method()) {
  case http::verb::get:
  case http::verb::head:
  case http::verb::options:
    return 0;
  default:
    return std::nullopt;
  }
}

const char* Routes::allowed_methods() {
  return "GET, HEAD, OPTIONS";
}

Reply Routes::answer(const RequestHead& head, std::string_view body) {
  Reply reply;
  if (head.method() == http::verb::post) {
    reply = review_post(head, body);
  } else if (head.method() == http::verb::options) {
    reply = options_reply();
  } else if (const auto path = decode_target_path(std_view(head.target()))) {
    reply = route(head, *path);
  } else {
    reply = error(http::status::bad_request, "bad request target");
  }
  finish(reply, head);
  return reply;
}

Reply Routes::refusal(http::status status, const std::string& message, unsigned version) const {
  Reply r = error(status, message);
  r.message.version(version);
  add_common_headers(r);
  r.message.content_length(r.message.body().size());
  return r;
}

Reply Routes::options_reply() const {
  Reply r;
  r.message.result(http::status::no_content);
  r.message.set(http::field::allow, allowed_methods());
  if (!m_cors_origin.empty()) { // a CORS preflight is answered only for the allowed origin
    r.message.set(http::field::access_control_allow_methods, allowed_methods());
    r.message.set(http::field::access_control_allow_headers, "Range, If-None-Match");
    r.message.set(http::field::access_control_max_age, "86400");
  }
  return r;
}

Reply Routes::route(const RequestHead& head, const std::string& path) {
  if (m_review && (path == "/" || path == "/index.html" || path == review_status_path)) {
    return review_page(head);
  }
  if (path == "/" || path == "/index.html") {
    return static_file(head, "/index.html");
  }
  if (path == "/tiles.json") {
    return tilejson(head);
  }
  if (path.rfind("/tiles/", 0) == 0) {
    return tile(head, path);
  }
  if (const std::string layer = layer_name(path); !layer.empty()) {
    return static_file(head, "/" + layer + ".geojson");
  }
  if (path.rfind("/data/", 0) == 0) {
    return error(http::status::not_found, "no such layer: use /data/{layer}.geojson");
  }
  return static_file(head, path);
}

Reply Routes::tile(const RequestHead& head, const std::string& path) {
  const auto address = parse_tile_path(path);
  if (!address) {
    return error(http::status::bad_request, "bad tile address: use /tiles/{z}/{x}/{y}.pbf");
  }
  const auto [z, x, y] = *address;
  if (z > 30 || x >= (std::uint64_t{1} << z) || y >= (std::uint64_t{1} << z)) {
    return error(http::status::not_found, "tile address out of range: x and y must be below 2^z");
  }
  if (!m_tiles) {
    return error(http::status::not_found, "no tiles.pmtiles or tiles.mbtiles in OUTDIR");
  }
  if (static_cast<int>(z) < m_archive->minzoom() || static_cast<int>(z) > m_archive->maxzoom()) {
    return error(http::status::not_found, "zoom out of the tile set's range " + std::to_string(m_archive->minzoom()) +
                                              ".." + std::to_string(m_archive->maxzoom()));
  }
  const ServedTile served =
      m_tiles->get(static_cast<std::uint8_t>(z), static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(y));
  Reply r;
  if (!served.bytes) {
    r.message.result(http::status::no_content); // in range, nothing there
  } else if (not_modified(head, served.etag)) {
    r = not_modified_reply();
  } else if (served.gzipped && !accepts_gzip(head)) {
    r = string_reply(http::status::ok, tiles::gzip_decompress(*served.bytes), tile_type);
  } else {
    r = body_reply(http::status::ok, served.bytes, *served.bytes, tile_type);
    if (served.gzipped) {
      r.message.set(http::field::content_encoding, "gzip");
    }
  }
  r.message.set(http::field::cache_control, tile_cache_control);
  if (served.bytes) {
    r.message.set(http::field::etag, served.etag);
    r.message.set(http::field::vary, "Accept-Encoding");
  }
  return r;
}

Reply Routes::tilejson(const RequestHead& head) {
  const auto file = resolve_inside(m_root, "/tiles.json");
  const auto served = file ? m_files.get(*file) : nullptr;
  if (!served) {
    return error(http::status::not_found, "tiles.json not found in OUTDIR");
  }
  nlohmann::ordered_json j;
  try {
    j = nlohmann::ordered_json::parse(served->bytes.bytes());
  } catch (const nlohmann::json::exception&) {
    return error(http::status::internal_server_error, "tiles.json in OUTDIR is not JSON");
  }
  const auto host = head.find(http::field::host);
  const std::string origin = host != head.end() ? std::string(host->value()) : m_default_host;
  j["tiles"] = nlohmann::ordered_json::array({"http://" + origin + "/tiles/{z}/{x}/{y}.pbf"});
  std::string body = j.dump(2);
  const std::string etag = content_etag(body);
  Reply r = not_modified(head, etag) ? not_modified_reply()
                                     : string_reply(http::status::ok, std::move(body), "application/json");
  r.message.set(http::field::etag, etag);
  r.message.set(http::field::cache_control, revalidate);
  return r;
}

Reply Routes::static_file(const RequestHead& head, const std::string& url_path) {
  auto file = resolve_inside(m_root, url_path);
  std::error_code ec;
  if (file && fs::is_directory(*file, ec)) {
    file = resolve_inside(m_root, url_path + "/index.html");
  }
  if (!file || !fs::is_regular_file(*file, ec)) {
    return error(http::status::not_found, "not found");
  }
  const auto ext = file->extension().string();
  const bool rarely_changes = ext == ".js" || ext == ".css" || ext == ".pmtiles" || ext == ".mbtiles";
  return file_reply(head, *file, rarely_changes ? tile_cache_control : revalidate);
}

Reply Routes::file_reply(const RequestHead& head, const fs::path& file, const char* cache_control) {
  const auto served = m_files.get(file);
  if (!served) {
    return error(http::status::not_found, "not found");
  }
  const std::string_view bytes = served->bytes.bytes();
  const auto range_field = head.find(http::field::range);
  const RangeRequest range =
      range_field == head.end() ? RangeRequest{} : parse_range(std_view(range_field->value()), bytes.size());
  Reply r;
  if (not_modified(head, served->etag)) {
    r = not_modified_reply();
  } else if (range.kind == RangeRequest::Kind::unsatisfiable) {
    r = error(http::status::range_not_satisfiable, "one satisfiable byte range per request");
    r.message.set(http::field::content_range, "bytes */" + std::to_string(bytes.size()));
  } else if (range.kind == RangeRequest::Kind::one_range) {
    const auto [first, last] = range.range;
    r = body_reply(http::status::partial_content, served, bytes.substr(first, last - first + 1),
                   content_type_for(file));
    r.message.set(http::field::content_range,
                  "bytes " + std::to_string(first) + "-" + std::to_string(last) + "/" + std::to_string(bytes.size()));
  } else {
    r = body_reply(http::status::ok, served, bytes, content_type_for(file));
  }
  r.message.set(http::field::etag, served->etag);
  r.message.set(http::field::accept_ranges, "bytes");
  if (r.message.result() != http::status::range_not_satisfiable) {
    r.message.set(http::field::cache_control, cache_control);
  }
  return r;
}

/// Review mode: the web map with the run's token, and the banner's status; only for this server's own Host.
Reply Routes::review_page(const RequestHead& head) {
  const auto host = head.find(http::field::host);
  if (host == head.end() ||
      std::find(m_review_hosts.begin(), m_review_hosts.end(), std_view(host->value())) == m_review_hosts.end()) {
    return error(http::status::forbidden, "review mode answers only to its own address");
  }
  const auto path = decode_target_path(std_view(head.target()));
  Reply r;
  if (path && *path == review_status_path) {
    if (!m_review->authorised(head, m_review_hosts)) {
      return error(http::status::forbidden, "a review request needs the page's token");
    }
    r = string_reply(http::status::ok, m_review->status_json(), "application/json");
  } else {
    const auto file = resolve_inside(m_root, "/index.html");
    const auto served = file ? m_files.get(*file) : nullptr;
    if (!served) {
      return error(http::status::not_found, "index.html not found in OUTDIR");
    }
    r = string_reply(http::status::ok, m_review->page_with_token(served->bytes.bytes()), "text/html; charset=utf-8");
  }
  r.message.set(http::field::cache_control, "no-store");
  return r;
}

/// Review mode: one correction posted by the web map, checked and appended to the review file.
Reply Routes::review_post(const RequestHead& head, std::string_view body) {
  if (!m_review) {
    return error(http::status::method_not_allowed, "method not allowed: use GET, HEAD or OPTIONS");
  }
  if (!m_review->authorised(head, m_review_hosts)) {
    return error(http::status::forbidden, "a review request needs the page's token, from the page's own address");
  }
  const auto type = head.find(http::field::content_type);
  if (type == head.end() || std_view(type->value()).substr(0, 16) != "application/json") {
    return error(http::status::unsupported_media_type, "a correction is posted as application/json");
  }
  auto [status, message] = m_review->post(body);
  Reply r = string_reply(status, std::move(message), "application/json");
  r.message.set(http::field::cache_control, "no-store");
  return r;
}

void Routes::finish(Reply& reply, const RequestHead& head) const {
  reply.message.version(head.version());
  add_common_headers(reply);
  const auto status = reply.message.result();
  if (status != http::status::no_content && status != http::status::not_modified) {
    reply.message.content_length(reply.message.body().size());
  }
  if (head.method() == http::verb::head) { // the length of the body a GET would get, and no body
    reply.message.body() = {};
  }
}

void Routes::add_common_headers(Reply& reply) const {
  reply.message.set("X-Content-Type-Options", "nosniff");
  if (!m_cors_origin.empty()) {
    reply.message.set(http::field::access_control_allow_origin, m_cors_origin);
    reply.message.set(http::field::access_control_expose_headers,
                      "ETag, Content-Range, Content-Length, Accept-Ranges, Content-Encoding");
    if (m_cors_origin != "*") { // responses differ by Origin for caches
      const auto vary = reply.message.find(http::field::vary);
      reply.message.set(http::field::vary,
                        vary == reply.message.end() ? std::string("Origin") : std::string(vary->value()) + ", Origin");
    }
  }
}

} // namespace stationmap::serve
