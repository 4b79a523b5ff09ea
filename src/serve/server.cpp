// `stationmap serve`: the listening socket, the I/O threads and the log (routes.cpp answers, connection.cpp
// talks to each client).

#include "stationmap/serve/server.hpp"

#include "connection.hpp"
#include "routes.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/core/outdir.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <cstdio>
#include <mutex>
#include <thread>
#include <vector>

namespace stationmap::serve {
namespace {

namespace fs = std::filesystem;
namespace net = boost::asio;
using tcp = net::ip::tcp;

/// When accept() fails (out of file descriptors), the server waits this long before accepting again instead
/// of spinning; the clients it holds finish or reach their deadlines meanwhile.
constexpr std::chrono::milliseconds accept_retry{50};

} // namespace

void require_stationmap_outdir(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    throw IoError(dir.string(), "not a directory (serve expects an OUTDIR that `stationmap build` wrote)");
  }
  if (!is_stationmap_outdir(dir)) {
    throw IoError(dir.string(), "not a stationmap OUTDIR (no " + std::string(outdir_marker_name) +
                                    " file): serve only publishes folders that `stationmap build` wrote");
  }
}

bool is_valid_cors_origin(std::string_view origin) {
  if (origin == "*") {
    return true;
  }
  const auto scheme_end = origin.find("://");
  if (scheme_end == std::string_view::npos ||
      (origin.substr(0, scheme_end) != "http" && origin.substr(0, scheme_end) != "https")) {
    return false;
  }
  const std::string_view authority = origin.substr(scheme_end + 3);
  const auto colon = authority.rfind(':');
  const std::string_view host = authority.substr(0, colon);
  const std::string_view port = colon == std::string_view::npos ? std::string_view{} : authority.substr(colon + 1);
  if (host.empty() || (colon != std::string_view::npos && (port.empty() || port.size() > 5))) {
    return false;
  }
  for (const char c : host) {
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-')) {
      return false;
    }
  }
  for (const char c : port) {
    if (c < '0' || c > '9') {
      return false;
    }
  }
  return true;
}

struct Server::Impl {
  ServeOptions options;
  std::unique_ptr<Routes> routes;
  LogSink log;
  std::mutex log_mutex;
  int bound_port = -1;
  net::io_context io; // after routes and log: connections waiting in it refer to them
  tcp::acceptor acceptor{io};
  net::steady_timer accept_timer{io};

  void write_log(const std::string& line) {
    if (options.log) {
      options.log(line);
      return;
    }
    std::lock_guard lock(log_mutex);
    std::fprintf(stderr, "%s\n", line.c_str());
  }

  void accept() {
    acceptor.async_accept(net::make_strand(io), [this](boost::system::error_code ec, tcp::socket socket) {
      if (!acceptor.is_open()) {
        return;
      }
      if (ec) {
        accept_timer.expires_after(accept_retry);
        accept_timer.async_wait([this](boost::system::error_code) { accept(); });
        return;
      }
      socket.set_option(tcp::no_delay(true), ec);
      start_connection(std::move(socket), *routes, options.limits, log);
      accept();
    });
  }

  void listen() {
    tcp::resolver resolver(io);
    boost::system::error_code ec;
    const auto found = resolver.resolve(options.host, std::to_string(options.port), ec);
    if (ec || found.empty()) {
      throw Error("serve: cannot resolve --host " + options.host + ": " + ec.message());
    }
    const tcp::endpoint endpoint = *found.begin();
    acceptor.open(endpoint.protocol(), ec);
    if (!ec) {
      acceptor.set_option(net::socket_base::reuse_address(true), ec);
    }
    if (!ec) {
      acceptor.bind(endpoint, ec);
    }
    if (!ec) {
      acceptor.listen(net::socket_base::max_listen_connections, ec);
    }
    if (ec) {
      throw Error("serve: cannot listen on " + options.host + ":" + std::to_string(options.port) + " (" + ec.message() +
                  ")");
    }
    bound_port = acceptor.local_endpoint().port();
    routes->set_default_host(options.host + ":" + std::to_string(bound_port));
    routes->set_port(bound_port);
  }
};

Server::Server(const fs::path& outdir, ServeOptions options) : m_impl(std::make_unique<Impl>()) {
  if (options.threads < 1 || options.threads > 1024) {
    throw UsageError("serve: --threads must be 1..1024");
  }
  if (options.port < 0 || options.port > 65535) {
    throw UsageError("serve: --port must be 0..65535");
  }
  if (!options.cors_origin.empty() && !is_valid_cors_origin(options.cors_origin)) {
    throw UsageError("serve: --cors expects an origin such as https://example.org (scheme, host, optional "
                     "port) or *");
  }
  if (!options.review_file.empty() && !options.cors_origin.empty()) {
    throw UsageError("serve: --review and --cors do not go together: another site's scripts could read the "
                     "page that carries the review token");
  }
  require_stationmap_outdir(outdir);
  const fs::path root = fs::canonical(outdir);
  m_impl->options = std::move(options);
  m_impl->routes = std::make_unique<Routes>(root, tiles::open_tile_archive(root), m_impl->options);
  m_impl->log = [impl = m_impl.get()](const std::string& line) { impl->write_log(line); };
}

Server::~Server() {
  stop();
}

int Server::bind() {
  if (m_impl->bound_port < 0) {
    m_impl->listen();
  }
  return m_impl->bound_port;
}

void Server::run() {
  bind();
  m_impl->accept();
  std::vector<std::thread> helpers;
  for (int i = 1; i < m_impl->options.threads; ++i) {
    helpers.emplace_back([this] { m_impl->io.run(); });
  }
  m_impl->io.run();
  for (auto& t : helpers) {
    t.join();
  }
}

void Server::stop() {
  m_impl->io.stop();
}

int Server::port() const {
  return m_impl->bound_port;
}

} // namespace stationmap::serve
