// `stationmap serve`: cpp-httplib server for a built OUTDIR. The route table is in server.hpp.

#include "stationmap/serve/server.hpp"

#include "stationmap/core/error.hpp"
#include "stationmap/core/file_io.hpp"
#include "stationmap/render/tiles/archive.hpp"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <httplib.h>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <sys/socket.h>
#include <thread>

namespace stationmap::serve {
namespace {

namespace fs = std::filesystem;

constexpr std::uintmax_t max_cached_file = 64U << 20U;
constexpr std::uintmax_t max_served_file = 2048ULL << 20U;
const char* const tile_cache_control = "public, max-age=3600";
const char* const revalidate = "no-cache";

thread_local std::chrono::steady_clock::time_point request_start;

std::string content_type_for(const fs::path& p) {
  static const std::map<std::string, std::string> types{{".html", "text/html; charset=utf-8"},
                                                        {".js", "text/javascript; charset=utf-8"},
                                                        {".css", "text/css; charset=utf-8"},
                                                        {".json", "application/json"},
                                                        {".geojson", "application/geo+json"},
                                                        {".pbf", "application/x-protobuf"},
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
  auto it = types.find(p.extension().string());
  return it != types.end() ? it->second : "application/octet-stream";
}

std::string etag_of(std::string_view bytes) {
  std::uint64_t h = 1469598103934665603ULL; // FNV-1a 64
  for (const char c : bytes) {
    h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
  }
  char buf[24];
  std::snprintf(buf, sizeof buf, "\"%016llx\"", static_cast<unsigned long long>(h));
  return buf;
}

/// True when the request's If-None-Match lists @p etag (or "*").
bool not_modified(const httplib::Request& req, const std::string& etag) {
  if (!req.has_header("If-None-Match")) {
    return false;
  }
  const std::string v = req.get_header_value("If-None-Match");
  std::size_t pos = 0;
  while (pos < v.size()) {
    std::size_t end = v.find(',', pos);
    if (end == std::string::npos) {
      end = v.size();
    }
    std::string tag = v.substr(pos, end - pos);
    tag.erase(0, tag.find_first_not_of(" \t"));
    tag.erase(tag.find_last_not_of(" \t") + 1);
    if (tag.rfind("W/", 0) == 0) {
      tag.erase(0, 2);
    }
    if (tag == etag || tag == "*") {
      return true;
    }
    pos = end + 1;
  }
  return false;
}

bool parse_uint(const std::string& s, std::uint64_t& out) {
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

/// The {layer} of "/data/{layer}.geojson" when it is [a-z][a-z0-9_-]{0,63}, else "".
std::string layer_name(const std::string& path) {
  const std::string prefix = "/data/";
  const std::string suffix = ".geojson";
  if (path.size() <= prefix.size() + suffix.size() || path.rfind(prefix, 0) != 0 ||
      path.compare(path.size() - suffix.size(), suffix.size(), suffix) != 0) {
    return "";
  }
  const std::string name = path.substr(prefix.size(), path.size() - prefix.size() - suffix.size());
  if (name.size() > 64 || name[0] < 'a' || name[0] > 'z') {
    return "";
  }
  for (const char c : name) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
      return "";
    }
  }
  return name;
}

struct CachedFile {
  fs::file_time_type mtime;
  std::uintmax_t size = 0;
  std::shared_ptr<const std::string> bytes;
  std::string etag;
};

/// cpp-httplib 0.11 listens with a backlog of 5: 50 clients connecting at once would see dropped SYNs and
/// one-second retries. Linux lets listen() be called again on a listening socket to raise it.
class HttpServer : public httplib::Server {
public:
  void raise_backlog(int backlog) {
    const auto sock = svr_sock_.load();
    if (sock != INVALID_SOCKET) {
      ::listen(sock, backlog);
    }
  }
};

} // namespace

struct Server::Impl {
  fs::path root;
  ServeOptions options;
  HttpServer http;
  std::unique_ptr<tiles::TileArchive> archive;
  int bound_port = -1;
  std::atomic<bool> started{false};
  std::atomic<bool> finished{false};
  std::atomic<bool> stop_requested{false};
  std::mutex cache_mutex;
  std::map<fs::path, CachedFile> cache;
  std::mutex log_mutex;

  void log(const std::string& line) {
    if (options.log) {
      options.log(line);
      return;
    }
    std::lock_guard lock(log_mutex);
    std::fprintf(stderr, "%s\n", line.c_str());
  }

  /// The file's bytes and ETag, cached while its size and mtime stay the same.
  std::optional<CachedFile> load(const fs::path& file) {
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    const auto mtime = fs::last_write_time(file, ec);
    if (ec || size > max_served_file) {
      return std::nullopt;
    }
    {
      std::lock_guard lock(cache_mutex);
      auto it = cache.find(file);
      if (it != cache.end() && it->second.size == size && it->second.mtime == mtime) {
        return it->second;
      }
    }
    CachedFile entry;
    try {
      entry.bytes = std::make_shared<const std::string>(read_file(file, max_served_file));
    } catch (const IoError&) {
      return std::nullopt;
    }
    entry.size = size;
    entry.mtime = mtime;
    entry.etag = etag_of(*entry.bytes);
    if (size <= max_cached_file) {
      std::lock_guard lock(cache_mutex);
      cache[file] = entry;
    }
    return entry;
  }

  static void error(httplib::Response& res, int status, const std::string& message) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(message + "\n", "text/plain; charset=utf-8");
  }

  void send_file(const httplib::Request& req, httplib::Response& res, const fs::path& file, const char* cache_control) {
    auto loaded = load(file);
    if (!loaded) {
      error(res, 404, "not found");
      return;
    }
    res.set_header("ETag", loaded->etag);
    res.set_header("Cache-Control", cache_control);
    res.set_header("Accept-Ranges", "bytes");
    if (not_modified(req, loaded->etag)) {
      res.status = 304;
      return;
    }
    res.set_content(*loaded->bytes, content_type_for(file).c_str());
  }

  void static_file(const httplib::Request& req, httplib::Response& res, const std::string& url_path) {
    auto file = resolve_inside(root, url_path);
    if (file && fs::is_directory(*file)) {
      file = resolve_inside(root, url_path + "/index.html");
    }
    if (!file || !fs::is_regular_file(*file)) {
      error(res, 404, "not found");
      return;
    }
    const auto ext = file->extension().string();
    const bool immutable_ish = ext == ".js" || ext == ".css" || ext == ".pmtiles" || ext == ".mbtiles";
    send_file(req, res, *file, immutable_ish ? tile_cache_control : revalidate);
  }

  void tilejson(const httplib::Request& req, httplib::Response& res) {
    auto file = resolve_inside(root, "/tiles.json");
    auto loaded = file ? load(*file) : std::nullopt;
    if (!loaded) {
      error(res, 404, "tiles.json not found in OUTDIR");
      return;
    }
    nlohmann::ordered_json j;
    try {
      j = nlohmann::ordered_json::parse(*loaded->bytes);
    } catch (const nlohmann::json::exception&) {
      error(res, 500, "tiles.json in OUTDIR is not JSON");
      return;
    }
    const std::string host =
        req.has_header("Host") ? req.get_header_value("Host") : options.host + ":" + std::to_string(bound_port);
    j["tiles"] = nlohmann::ordered_json::array({"http://" + host + "/tiles/{z}/{x}/{y}.pbf"});
    const std::string body = j.dump(2);
    const std::string etag = etag_of(body);
    res.set_header("ETag", etag);
    res.set_header("Cache-Control", revalidate);
    if (not_modified(req, etag)) {
      res.status = 304;
      return;
    }
    res.set_content(body, "application/json");
  }

  void tile(const httplib::Request& req, httplib::Response& res) {
    std::uint64_t z = 0;
    std::uint64_t x = 0;
    std::uint64_t y = 0;
    if (!parse_uint(req.matches[1], z) || !parse_uint(req.matches[2], x) || !parse_uint(req.matches[3], y)) {
      error(res, 400, "bad tile address");
      return;
    }
    if (z > 30 || x >= (std::uint64_t{1} << z) || y >= (std::uint64_t{1} << z)) {
      error(res, 404, "tile address out of range: x and y must be below 2^z");
      return;
    }
    if (!archive) {
      error(res, 404, "no tiles.pmtiles or tiles.mbtiles in OUTDIR");
      return;
    }
    if (static_cast<int>(z) < archive->minzoom() || static_cast<int>(z) > archive->maxzoom()) {
      error(res, 404,
            "zoom out of the tile set's range " + std::to_string(archive->minzoom()) + ".." +
                std::to_string(archive->maxzoom()));
      return;
    }
    auto stored =
        archive->tile(static_cast<std::uint8_t>(z), static_cast<std::uint32_t>(x), static_cast<std::uint32_t>(y));
    res.set_header("Cache-Control", tile_cache_control);
    if (!stored) {
      res.status = 204; // in range, nothing there
      return;
    }
    const std::string etag = etag_of(stored->data);
    res.set_header("ETag", etag);
    res.set_header("Vary", "Accept-Encoding");
    if (not_modified(req, etag)) {
      res.status = 304;
      return;
    }
    const std::string accept = req.get_header_value("Accept-Encoding");
    if (stored->gzipped && accept.find("gzip") == std::string::npos) {
      res.set_content(tiles::gzip_decompress(stored->data), "application/x-protobuf");
      return;
    }
    if (stored->gzipped) {
      res.set_header("Content-Encoding", "gzip");
    }
    res.set_content(stored->data, "application/x-protobuf");
  }

  void route(const httplib::Request& req, httplib::Response& res) {
    const std::string& path = req.path;
    if (path == "/" || path == "/index.html") {
      static_file(req, res, "/index.html");
    } else if (path == "/tiles.json") {
      tilejson(req, res);
    } else if (path.rfind("/tiles/", 0) == 0) {
      error(res, 400, "bad tile address: use /tiles/{z}/{x}/{y}.pbf");
    } else if (const std::string layer = layer_name(path); !layer.empty()) {
      static_file(req, res, "/" + layer + ".geojson");
    } else if (path.rfind("/data/", 0) == 0) {
      error(res, 404, "no such layer: use /data/{layer}.geojson");
    } else {
      static_file(req, res, path);
    }
  }

  void configure() {
    http.new_task_queue = [n = options.threads] { return new httplib::ThreadPool(static_cast<std::size_t>(n)); };
    http.set_tcp_nodelay(true);
    http.set_keep_alive_max_count(100);
    http.set_keep_alive_timeout(5);
    http.set_payload_max_length(1U << 16U);
    http.set_pre_routing_handler([](const httplib::Request&, httplib::Response&) {
      request_start = std::chrono::steady_clock::now();
      return httplib::Server::HandlerResponse::Unhandled;
    });
    http.Get(R"(/tiles/(\d{1,10})/(\d{1,10})/(\d{1,10})\.(?:pbf|mvt))",
             [this](const httplib::Request& req, httplib::Response& res) { tile(req, res); });
    http.Get(R"(.*)", [this](const httplib::Request& req, httplib::Response& res) { route(req, res); });
    http.Options(R"(.*)", [](const httplib::Request&, httplib::Response& res) {
      res.status = 204;
      res.set_header("Access-Control-Allow-Methods", "GET, HEAD, OPTIONS");
      res.set_header("Access-Control-Allow-Headers", "Range, If-None-Match, Content-Type");
      res.set_header("Access-Control-Max-Age", "86400");
    });
    http.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
      res.set_header("Access-Control-Allow-Origin", "*");
      res.set_header("Access-Control-Expose-Headers",
                     "ETag, Content-Range, Content-Length, Accept-Ranges, Content-Encoding");
      res.set_header("X-Content-Type-Options", "nosniff");
    });
    http.set_exception_handler([this](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
      std::string what = "unknown error";
      try {
        std::rethrow_exception(ep);
      } catch (const std::exception& e) {
        what = e.what();
      } catch (...) {
      }
      log("error serving " + req.path + ": " + what);
      error(res, 500, "internal error");
    });
    http.set_logger([this](const httplib::Request& req, const httplib::Response& res) {
      const double ms =
          std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - request_start).count();
      char timing[32];
      std::snprintf(timing, sizeof timing, "%.2fms", ms);
      log(req.remote_addr + " \"" + req.method + " " + req.target + " " + req.version + "\" " +
          std::to_string(res.status) + " " + std::to_string(res.body.size()) + " " + timing);
    });
  }
};

Server::Server(const fs::path& outdir, ServeOptions options) : m_impl(std::make_unique<Impl>()) {
  std::error_code ec;
  m_impl->root = fs::canonical(outdir, ec);
  if (ec || !fs::is_directory(m_impl->root)) {
    throw IoError(outdir.string(), "not a directory (serve expects a built OUTDIR)");
  }
  if (options.threads < 1 || options.threads > 1024) {
    throw UsageError("serve: --threads must be 1..1024");
  }
  if (options.port < 0 || options.port > 65535) {
    throw UsageError("serve: --port must be 0..65535");
  }
  m_impl->options = std::move(options);
  m_impl->archive = tiles::open_tile_archive(m_impl->root);
  m_impl->configure();
}

Server::~Server() {
  stop();
}

int Server::bind() {
  if (m_impl->bound_port >= 0) {
    return m_impl->bound_port;
  }
  const auto& o = m_impl->options;
  if (o.port == 0) {
    m_impl->bound_port = m_impl->http.bind_to_any_port(o.host);
  } else if (m_impl->http.bind_to_port(o.host, o.port)) {
    m_impl->bound_port = o.port;
  }
  m_impl->http.raise_backlog(SOMAXCONN);
  if (m_impl->bound_port <= 0) {
    m_impl->bound_port = -1;
    throw Error("serve: cannot listen on " + o.host + ":" + std::to_string(o.port) +
                " (in use, or not an address of this machine)");
  }
  return m_impl->bound_port;
}

void Server::run() {
  bind();
  m_impl->started = true;
  if (!m_impl->stop_requested) {
    m_impl->http.listen_after_bind();
  }
  m_impl->finished = true;
}

void Server::stop() {
  m_impl->stop_requested = true;
  // Wait for a run() that has started to be listening, so that stop() is never lost.
  while (m_impl->started && !m_impl->finished && !m_impl->http.is_running()) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  m_impl->http.stop();
}

int Server::port() const {
  return m_impl->bound_port;
}

} // namespace stationmap::serve
