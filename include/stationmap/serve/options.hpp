#pragma once
/// @file
/// What `stationmap serve` can be told (address, threads, CORS) and the limits it holds every client to.

#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

namespace stationmap::serve {

/// Bounds on what one client may cost the server. Each one measured against a hostile client; the defaults
/// leave every request a browser or a tile client sends far inside them.
struct ServeLimits {
  /// Request line plus header fields, in bytes (answered with 431 beyond it). Browsers send under 2 KiB;
  /// 16 KiB leaves room for long cookies of other sites on the same host, as Node.js does.
  std::size_t header_bytes = 16 * 1024;
  /// Header fields per request (431 beyond it). Browsers send about 15.
  std::size_t header_fields = 64;
  /// From waiting for a request (also on an idle keep-alive connection) to its last header byte; a client
  /// that has not sent a whole request head by then is disconnected (slow or half-open clients).
  std::chrono::milliseconds request_deadline{10'000};
  /// Writing a response may take this long plus write_ms_per_mib per MiB of body: a client that stops
  /// reading is disconnected.
  std::chrono::milliseconds write_deadline{30'000};
  std::chrono::milliseconds write_ms_per_mib{1'000};
  /// Tile bytes kept in memory with their ETags, so that a tile is read from the archive once.
  std::size_t tile_cache_bytes = 64U << 20U;
};

struct ServeOptions {
  std::string host = "127.0.0.1";
  int port = 8080; ///< 0: any free port (see Server::port())
  int threads = 2; ///< I/O threads; connections wait without holding one
  /// The one origin allowed to read responses from scripts (Access-Control-Allow-Origin), "*" for any;
  /// empty: no CORS headers at all (the default; the web map is served from the same origin).
  std::string cors_origin;
  ServeLimits limits;
  /// `--review FILE`: the web map gains review controls that append corrections rows to this file (see
  /// extract/corrections.hpp); empty: no review, nothing can be written.
  std::string review_file;
  /// The per-run token every review write must carry; empty: a random one (tests set their own).
  std::string review_token;
  /// Receives one line per request (without newline); default: standard error.
  std::function<void(const std::string&)> log;
};

/// True for "*" or an origin as browsers send it: http or https, a host name or address, an optional port,
/// nothing else (no path, no spaces or control characters that could split a header).
[[nodiscard]] bool is_valid_cors_origin(std::string_view origin);

} // namespace stationmap::serve
