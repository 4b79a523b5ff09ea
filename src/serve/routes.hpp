#pragma once
// The routes of `stationmap serve` (the table is in server.hpp): a request head in, a reply out. Nothing here
// touches a socket; connection.cpp reads heads and writes replies.

#include "file_cache.hpp"
#include "stationmap/serve/options.hpp"
#include "tile_cache.hpp"

#include <boost/beast/http.hpp>
#include <filesystem>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace stationmap::serve {

namespace http = boost::beast::http;
using RequestHead = http::request<http::empty_body>;

/// Beast's string_view (Boost 1.74) as a std::string_view.
inline std::string_view std_view(boost::beast::string_view s) {
  return {s.data(), s.size()};
}

/// A response whose body points into bytes that `owner` keeps alive while it is written (a mapped file, a
/// cached tile, a string made for this request).
struct Reply {
  http::response<http::span_body<const char>> message;
  std::shared_ptr<const void> owner;
};

class ReviewLog;

class Routes {
public:
  Routes(std::filesystem::path root, std::unique_ptr<tiles::TileArchive> archive, const ServeOptions& options);
  ~Routes();

  /// The largest request body the server reads for @p head, or nullopt when its method is refused (405,
  /// before any body is read). GET, HEAD and OPTIONS carry none. A route that needs a body (a token-guarded
  /// POST) returns its own small limit here.
  [[nodiscard]] std::optional<std::size_t> body_limit(const RequestHead& head) const;
  /// The methods body_limit() accepts, for the Allow header of a 405.
  [[nodiscard]] static const char* allowed_methods();

  /// Answers a request whose method body_limit() accepts, with its body (empty when none). Thread-safe.
  [[nodiscard]] Reply answer(const RequestHead& head, std::string_view body = {});
  /// A request refused before it reached a route (400, 405, 413, 431): a plain-text reply with the headers
  /// every reply carries.
  [[nodiscard]] Reply refusal(http::status status, const std::string& message, unsigned version) const;
  /// The host:port for TileJSON's tile URLs when a request names no Host (HTTP/1.0). Set before serving.
  void set_default_host(std::string host);
  /// The port the server listens on; in review mode, the Host names it answers review requests for.
  void set_port(int port);

private:
  [[nodiscard]] Reply options_reply() const;
  Reply route(const RequestHead& head, const std::string& path);
  Reply tile(const RequestHead& head, const std::string& path);
  Reply tilejson(const RequestHead& head);
  Reply static_file(const RequestHead& head, const std::string& url_path);
  Reply file_reply(const RequestHead& head, const std::filesystem::path& file, const char* cache_control);
  void finish(Reply& reply, const RequestHead& head) const;
  void add_common_headers(Reply& reply) const;
  Reply review_post(const RequestHead& head, std::string_view body);
  Reply review_page(const RequestHead& head);

  std::filesystem::path m_root;
  std::unique_ptr<tiles::TileArchive> m_archive;
  std::unique_ptr<TileCache> m_tiles;
  FileCache m_files;
  std::string m_cors_origin;
  std::string m_default_host;
  std::string m_host;                  ///< --host
  std::unique_ptr<ReviewLog> m_review; ///< review mode only
  std::vector<std::string> m_review_hosts;
};

} // namespace stationmap::serve
