#pragma once
// A minimal blocking HTTP/1.1 client for the serve tests: sends the request bytes exactly as given (so
// tests can send "../" and "%2e%2e" unnormalised), reads the response until the server closes.

#include <arpa/inet.h>
#include <map>
#include <netinet/in.h>
#include <stdexcept>
#include <string>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

namespace stationmap::testing {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers; // lower-case names
  std::string body;
  [[nodiscard]] std::string header(const std::string& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? "" : it->second;
  }
};

/// A socket connected to 127.0.0.1:@p port, with a receive timeout of @p timeout_s seconds.
inline int connect_loopback(int port, int timeout_s = 10) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) {
    throw std::runtime_error("socket failed");
  }
  timeval tv{timeout_s, 0};
  ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    throw std::runtime_error("connect failed");
  }
  return fd;
}

/// Sends all of @p bytes; false when the connection broke.
inline bool send_all(int fd, const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const auto n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) {
      return false;
    }
    sent += static_cast<std::size_t>(n);
  }
  return true;
}

/// Everything the server sends on @p fd until it closes the connection (or the receive timeout passes).
inline std::string receive_until_closed(int fd) {
  std::string raw;
  char buf[65536];
  for (;;) {
    const auto n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) {
      break;
    }
    raw.append(buf, static_cast<std::size_t>(n));
  }
  return raw;
}

/// Parses one HTTP/1.x response (head and the rest as body).
inline HttpResponse parse_response(const std::string& raw) {
  HttpResponse r;
  const auto head_end = raw.find("\r\n\r\n");
  if (raw.rfind("HTTP/1.", 0) != 0 || head_end == std::string::npos) {
    throw std::runtime_error("bad response: " + raw.substr(0, 80));
  }
  r.status = std::stoi(raw.substr(9, 3));
  std::size_t pos = raw.find("\r\n") + 2;
  while (pos < head_end) {
    const auto eol = raw.find("\r\n", pos);
    const std::string line = raw.substr(pos, eol - pos);
    const auto colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (auto& c : name) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      }
      r.headers[name] = line.substr(line.find_first_not_of(' ', colon + 1));
    }
    pos = eol + 2;
  }
  r.body = raw.substr(head_end + 4);
  return r;
}

/// Reads one response on a keep-alive connection: its head, then Content-Length bytes of body (none for
/// 204 and 304). Throws when the connection ends first.
inline HttpResponse read_one_response(int fd) {
  std::string raw;
  char buf[65536];
  std::size_t head_end = std::string::npos;
  std::size_t want = 0;
  for (;;) {
    if (head_end == std::string::npos && (head_end = raw.find("\r\n\r\n")) != std::string::npos) {
      const HttpResponse head = parse_response(raw.substr(0, head_end + 4));
      const std::string length = head.header("content-length");
      want = head_end + 4 + (length.empty() ? 0 : std::stoul(length));
    }
    if (head_end != std::string::npos && raw.size() >= want) {
      return parse_response(raw.substr(0, want));
    }
    const auto n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) {
      throw std::runtime_error("connection ended before the response did");
    }
    raw.append(buf, static_cast<std::size_t>(n));
  }
}

inline HttpResponse http_raw(int port, const std::string& request) {
  const int fd = connect_loopback(port);
  if (!send_all(fd, request)) {
    ::close(fd);
    throw std::runtime_error("send failed");
  }
  const std::string raw = receive_until_closed(fd);
  ::close(fd);
  return parse_response(raw);
}

/// GET @p target with extra header lines (each ending in \r\n), connection closed after the response.
inline HttpResponse http_get(int port, const std::string& target, const std::string& extra_headers = "",
                             const std::string& method = "GET") {
  return http_raw(port, method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port) +
                            "\r\nConnection: close\r\n" + extra_headers + "\r\n");
}

} // namespace stationmap::testing
