#pragma once
/// @file
/// `stationmap serve`: an HTTP/1.1 server (cpp-httplib, a thread pool) for a built OUTDIR.
///
/// Routes: `/` the web map (index.html); `/tiles.json` TileJSON with absolute tile URLs;
/// `/tiles/{z}/{x}/{y}.pbf` vector tiles from tiles.pmtiles (else tiles.mbtiles): gzip-encoded as stored,
/// 204 for an empty tile in range, 404 for an address out of range, 400 for a malformed one;
/// `/style.json`; `/data/{layer}.geojson` the layers; any other file of OUTDIR. Range requests (206),
/// ETag/If-None-Match (304), Cache-Control, CORS. Never a file outside OUTDIR: dot segments (also
/// percent-encoded), dot files and symlinks that lead out are refused with 404. One log line per request.

#include <atomic>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace stationmap::serve {

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080;  ///< 0: any free port (see Server::port())
  int threads = 64; ///< worker threads: each holds one keep-alive connection at a time
  /// Receives one line per request (without newline); default: standard error.
  std::function<void(const std::string&)> log;
};

/// Resolves a decoded URL path (e.g. "/data/stations.geojson") to a file inside @p root (canonical): nullopt
/// when it does not exist or would leave root (".." or "." segments, dot files, backslashes, NUL, symlinks
/// pointing out).
[[nodiscard]] std::optional<std::filesystem::path> resolve_inside(const std::filesystem::path& root,
                                                                  std::string_view url_path);

class Server {
public:
  /// Throws Error when @p outdir is not a directory or its tile archive cannot be read.
  Server(const std::filesystem::path& outdir, ServeOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Binds the listening socket; returns the port. Throws Error when it cannot.
  int bind();
  /// Serves until stop() (binds first if needed). Returns when stopped.
  void run();
  /// Stops run() from any thread (not from a signal handler).
  void stop();
  [[nodiscard]] int port() const;

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

} // namespace stationmap::serve
