#pragma once
/// @file
/// `stationmap serve`: an HTTP/1.1 server for a built OUTDIR (Boost.Beast on Asio: every connection waits
/// without holding a thread, so idle and half-open clients never keep a new client waiting).
///
/// Routes: `/` the web map (index.html); `/tiles.json` TileJSON with absolute tile URLs;
/// `/tiles/{z}/{x}/{y}.pbf` vector tiles from tiles.pmtiles (else tiles.mbtiles): gzip-encoded as stored,
/// 204 for an empty tile in range, 404 for an address out of range, 400 for a malformed one;
/// `/style.json`; `/data/{layer}.geojson` the layers; any other file of OUTDIR. One byte range per request
/// (206; a list of ranges gets 416), ETag/If-None-Match (304), Cache-Control; CORS headers only for the
/// origin given in ServeOptions::cors_origin. GET, HEAD and OPTIONS only: other methods get 405 before any
/// body is read. Request heads are bounded in size, field count and time (ServeLimits). Files are mapped
/// once and tiles read from the archive once. Never a file outside OUTDIR: dot segments (also
/// percent-encoded), dot files and symlinks that lead out are refused with 404. One log line per request,
/// its request line escaped.

#include "stationmap/serve/options.hpp"

#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>

namespace stationmap::serve {

/// Resolves a decoded URL path (e.g. "/data/stations.geojson") to a file inside @p root (canonical): nullopt
/// when it does not exist or would leave root (".." or "." segments, dot files, backslashes, NUL, symlinks
/// pointing out).
[[nodiscard]] std::optional<std::filesystem::path> resolve_inside(const std::filesystem::path& root,
                                                                  std::string_view url_path);

/// Throws IoError unless @p dir is a folder that `stationmap build` wrote (it holds the OUTDIR marker file):
/// serve never publishes an arbitrary folder such as a home directory.
void require_stationmap_outdir(const std::filesystem::path& dir);

class Server {
public:
  /// Throws Error when @p outdir is not a stationmap OUTDIR or its tile archive cannot be read, UsageError
  /// for invalid options.
  Server(const std::filesystem::path& outdir, ServeOptions options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  /// Binds the listening socket; returns the port. Throws Error when it cannot.
  int bind();
  /// Serves until stop() (binds first if needed). Returns when stopped.
  void run();
  /// Stops run() from any thread (not from a signal handler); a stop() before run() makes run() return at once.
  void stop();
  [[nodiscard]] int port() const;

private:
  struct Impl;
  std::unique_ptr<Impl> m_impl;
};

} // namespace stationmap::serve
