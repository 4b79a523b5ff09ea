#pragma once
// One client connection: reads request heads within the limits, refuses what the routes do not take before
// reading any body, writes replies and keeps the connection while the client asks for it. Waiting costs a
// socket and a timer, never a thread: idle or half-open clients cannot keep others waiting.

#include "routes.hpp"

#include <boost/asio/ip/tcp.hpp>
#include <functional>
#include <string>

namespace stationmap::serve {

/// Receives one line per request; called from any I/O thread.
using LogSink = std::function<void(const std::string&)>;

/// Serves requests on @p socket until the client closes, a limit is passed, or the io_context stops. @p routes,
/// @p limits and @p log must outlive the io_context the socket belongs to.
void start_connection(boost::asio::ip::tcp::socket socket, Routes& routes, const ServeLimits& limits,
                      const LogSink& log);

} // namespace stationmap::serve
