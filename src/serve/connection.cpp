// One client connection (see connection.hpp), on Boost.Beast.

#include "connection.hpp"

#include "stationmap/serve/http_text.hpp"

#include <boost/asio/dispatch.hpp>
#include <boost/beast/core.hpp>
#include <chrono>
#include <cstdio>
#include <iterator>
#include <limits>
#include <optional>

namespace stationmap::serve {
namespace {

namespace beast = boost::beast;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

/// After a refusal the server stops sending and reads what the client still sends (a body it refused) for a
/// moment, so that closing does not reset the connection before the client has read the refusal.
constexpr std::chrono::milliseconds drain_time{1'000};
constexpr std::size_t drain_bytes = 64U << 10U;

bool is_parse_error(const beast::error_code& ec) {
  return ec.category() == beast::http::make_error_code(http::error::bad_target).category();
}

std::string remote_of(const tcp::socket& socket) {
  beast::error_code ec;
  const auto endpoint = socket.remote_endpoint(ec);
  return ec ? std::string("-") : endpoint.address().to_string();
}

class Connection : public std::enable_shared_from_this<Connection> {
public:
  Connection(tcp::socket&& socket, Routes& routes, const ServeLimits& limits, const LogSink& log)
      : m_remote(remote_of(socket)), m_stream(std::move(socket)), m_routes(routes), m_limits(limits), m_log(log) {}

  void start() {
    net::dispatch(m_stream.get_executor(), beast::bind_front_handler(&Connection::read_head, shared_from_this()));
  }

private:
  void read_head() {
    m_body_head.reset();
    m_parser.emplace();
    m_parser->header_limit(static_cast<std::uint32_t>(m_limits.header_bytes));
    // The head alone is read here; whether a body may follow is the routes' decision (on_head), so the
    // parser must not reject a large Content-Length before the method is known.
    m_parser->body_limit(std::numeric_limits<std::uint64_t>::max());
    m_stream.expires_after(m_limits.request_deadline);
    http::async_read_header(m_stream, m_buffer, *m_parser,
                            beast::bind_front_handler(&Connection::on_head, shared_from_this()));
  }

  void on_head(beast::error_code ec, std::size_t /*bytes*/) {
    m_start = Clock::now();
    if (ec) {
      on_read_error(ec);
      return;
    }
    const RequestHead& head = m_parser->get();
    if (static_cast<std::size_t>(std::distance(head.begin(), head.end())) > m_limits.header_fields) {
      refuse(http::status::request_header_fields_too_large,
             "more than " + std::to_string(m_limits.header_fields) + " header fields");
      return;
    }
    const auto body_limit = m_routes.body_limit(head);
    if (!body_limit) {
      refuse(http::status::method_not_allowed, "method not allowed: use GET, HEAD or OPTIONS");
      return;
    }
    if (!m_parser->is_done()) {
      if (*body_limit == 0) {
        refuse(http::status::payload_too_large, "this request takes no body");
        return;
      }
      read_body(*body_limit);
      return;
    }
    send(answer(head, {}), head.keep_alive());
  }

  /// A route that takes a body (the token-guarded review POST) gets it whole, up to its limit (413 beyond).
  void read_body(std::size_t limit) {
    const auto length = m_parser->content_length();
    if (!length || *length > limit) {
      refuse(http::status::payload_too_large,
             "a body of at most " + std::to_string(limit) + " bytes, with Content-Length, is taken here");
      return;
    }
    m_body_head.emplace();
    m_body_head->base() = m_parser->get().base(); // for the log, whatever happens to the body
    m_body_parser.emplace(std::move(*m_parser));
    m_body_parser->body_limit(limit);
    http::async_read(m_stream, m_buffer, *m_body_parser,
                     beast::bind_front_handler(&Connection::on_body, shared_from_this()));
  }

  void on_body(beast::error_code ec, std::size_t /*bytes*/) {
    if (ec) {
      m_body_parser.reset();
      if (ec == http::error::body_limit) {
        send(m_routes.refusal(http::status::payload_too_large, "request body too large", 11), false);
      }
      return; // the client closed or timed out mid-body: nothing to say
    }
    const auto& request = m_body_parser->get();
    m_body_head.emplace();
    m_body_head->base() = request.base();
    const std::string body = request.body();
    m_body_parser.reset();
    send(answer(*m_body_head, body), m_body_head->keep_alive());
  }

  /// The routes' reply; a route that fails (a corrupt tile, no memory) gets 500 and a log line, and the
  /// server goes on.
  Reply answer(const RequestHead& head, std::string_view body) {
    try {
      return m_routes.answer(head, body);
    } catch (const std::exception& e) {
      log_line("error answering \"" + escape_for_log(std::string(head.target())) + "\": " + escape_for_log(e.what()));
      return m_routes.refusal(http::status::internal_server_error, "internal error", head.version());
    }
  }

  void on_read_error(const beast::error_code& ec) {
    if (ec == http::error::header_limit) {
      refuse(http::status::request_header_fields_too_large,
             "request head longer than " + std::to_string(m_limits.header_bytes) + " bytes");
    } else if (is_parse_error(ec) && ec != http::error::end_of_stream && ec != http::error::partial_message) {
      refuse(http::status::bad_request, "malformed request: " + ec.message());
    } else if (ec == beast::error::timeout && m_parser->got_some()) {
      log_line("- request deadline passed (" + std::to_string(m_limits.request_deadline.count()) +
               " ms): disconnected");
    }
    // Otherwise the client closed, or an idle connection reached its deadline: nothing to say.
  }

  /// Answers a request the routes never see, then closes the connection (its body, if any, stays unread).
  void refuse(http::status status, const std::string& message) {
    Reply reply = m_routes.refusal(status, message, m_parser->get().version());
    if (status == http::status::method_not_allowed) {
      reply.message.set(http::field::allow, Routes::allowed_methods());
    }
    send(std::move(reply), false);
  }

  void send(Reply reply, bool keep_alive) {
    m_reply = std::move(reply);
    m_reply.message.keep_alive(keep_alive);
    const auto mib = m_reply.message.body().size() >> 20U;
    m_stream.expires_after(m_limits.write_deadline + m_limits.write_ms_per_mib * static_cast<long>(mib));
    http::async_write(m_stream, m_reply.message,
                      beast::bind_front_handler(&Connection::on_written, shared_from_this()));
  }

  void on_written(beast::error_code ec, std::size_t bytes) {
    log_request(bytes, ec);
    if (ec) {
      return;
    }
    if (!m_reply.message.keep_alive()) {
      close_gracefully();
      return;
    }
    m_reply = {};
    read_head();
  }

  void close_gracefully() {
    beast::error_code ignored;
    m_stream.socket().shutdown(tcp::socket::shutdown_send, ignored);
    m_stream.expires_after(drain_time);
    m_drained = 0;
    drain();
  }

  void drain() {
    m_stream.async_read_some(net::buffer(m_drain_buffer),
                             [self = shared_from_this()](beast::error_code ec, std::size_t n) {
                               self->m_drained += n;
                               if (!ec && self->m_drained < drain_bytes) {
                                 self->drain();
                               }
                             });
  }

  void log_request(std::size_t bytes_written, const beast::error_code& ec) {
    // A request whose body was read has its head in m_body_head (m_parser gave its message up).
    const RequestHead& head = m_body_head ? *m_body_head : m_parser->get();
    const double ms = std::chrono::duration<double, std::milli>(Clock::now() - m_start).count();
    char timing[32];
    std::snprintf(timing, sizeof timing, "%.2fms", ms);
    const unsigned version = head.version();
    const std::string request_line = std::string(head.method_string()) + " " + std::string(head.target()) + " HTTP/" +
                                     std::to_string(version / 10) + "." + std::to_string(version % 10);
    log_line("\"" + escape_for_log(request_line) + "\" " + std::to_string(m_reply.message.result_int()) + " " +
             std::to_string(m_reply.message.body().size()) + " " + timing +
             (ec ? " (write failed after " + std::to_string(bytes_written) + " bytes: " + ec.message() + ")" : ""));
  }

  void log_line(const std::string& text) const { m_log(m_remote + " " + text); }

  std::string m_remote;
  beast::tcp_stream m_stream;
  Routes& m_routes;
  const ServeLimits& m_limits;
  const LogSink& m_log;
  beast::flat_buffer m_buffer;
  std::optional<http::request_parser<http::empty_body>> m_parser;
  std::optional<http::request_parser<http::string_body>> m_body_parser;
  std::optional<RequestHead> m_body_head;
  Reply m_reply;
  Clock::time_point m_start;
  std::array<char, 4096> m_drain_buffer{};
  std::size_t m_drained = 0;
};

} // namespace

void start_connection(tcp::socket socket, Routes& routes, const ServeLimits& limits, const LogSink& log) {
  std::make_shared<Connection>(std::move(socket), routes, limits, log)->start();
}

} // namespace stationmap::serve
