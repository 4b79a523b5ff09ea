// Hostile and careless clients against a real server on 127.0.0.1: idle and half-open connections, slow
// request heads, oversized heads, methods other than GET/HEAD/OPTIONS, bodies, keep-alive, log escaping, and
// a route that fails.

#include "http_client.hpp"
#include "running_server.hpp"
#include "stationmap/core/file_io.hpp"
#include "stationmap/tiles/archive.hpp"
#include "test_outdir.hpp"

#include <algorithm>
#include <chrono>
#include <gtest/gtest.h>
#include <poll.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace stationmap::testing;
using Clock = std::chrono::steady_clock;

namespace {

class ServeConnection : public ::testing::Test {
protected:
  static void SetUpTestSuite() {
    dir = fs::temp_directory_path() / ("stationmap_conn_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    (void)test_outdir(dir);
  }
  static void TearDownTestSuite() { fs::remove_all(dir); }
  static inline fs::path dir;
};

/// Seconds until the server closes @p fd (recv returns 0 or fails), at most @p limit_s.
double seconds_until_closed(int fd, int limit_s) {
  const auto t0 = Clock::now();
  pollfd p{fd, POLLIN, 0};
  while (::poll(&p, 1, limit_s * 1000) > 0) {
    char buf[4096];
    if (::recv(fd, buf, sizeof buf, 0) <= 0) {
      break;
    }
  }
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

} // namespace

TEST_F(ServeConnection, HalfOpenClientsDoNotDelayANewClient) {
  stationmap::serve::ServeOptions o;
  o.threads = 1; // one I/O thread: a server that gave each waiting client a thread would stall here
  o.limits.request_deadline = std::chrono::seconds(60);
  const RunningServer server(dir, o);
  std::vector<int> idle;
  for (int i = 0; i < 64; ++i) {
    idle.push_back(connect_loopback(server.port()));
    ASSERT_TRUE(send_all(idle.back(), "GET /tiles.json HTTP/1.1\r\nHost: 127.0.0.1\r\n")); // head not finished
  }
  std::vector<int> kept_alive;
  for (int i = 0; i < 16; ++i) { // and keep-alive connections that went quiet after one request
    kept_alive.push_back(connect_loopback(server.port()));
    ASSERT_TRUE(send_all(kept_alive.back(), "GET /style.json HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"));
  }
  const auto t0 = Clock::now();
  const auto r = http_get(server.port(), "/tiles.json");
  const double seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  EXPECT_EQ(r.status, 200);
  EXPECT_LT(seconds, 5.0) << "a new client waited behind idle ones (the bar, measured in benchmarks/, is 0.5 s)";
  for (const int fd : idle) {
    ::close(fd);
  }
  for (const int fd : kept_alive) {
    ::close(fd);
  }
}

TEST_F(ServeConnection, SlowRequestHeadIsDisconnectedAtTheDeadline) {
  stationmap::serve::ServeOptions o;
  o.limits.request_deadline = std::chrono::milliseconds(300);
  const RunningServer server(dir, o);
  const int fd = connect_loopback(server.port());
  ASSERT_TRUE(send_all(fd, "GET /tiles.json HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "));
  EXPECT_LT(seconds_until_closed(fd, 10), 5.0);
  ::close(fd);
  for (int i = 0; i < 100 && server.log().empty(); ++i) { // the line is written as the socket closes
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  const auto log = server.log();
  ASSERT_EQ(log.size(), 1U);
  EXPECT_NE(log[0].find("request deadline passed"), std::string::npos) << log[0];
  // An idle keep-alive connection reaches the same deadline, without a log line.
  const int quiet = connect_loopback(server.port());
  EXPECT_LT(seconds_until_closed(quiet, 10), 5.0);
  ::close(quiet);
  EXPECT_EQ(server.log().size(), 1U);
}

TEST_F(ServeConnection, AClientThatStopsReadingIsDisconnected) {
  stationmap::serve::ServeOptions o;
  o.limits.write_deadline = std::chrono::milliseconds(300);
  o.limits.write_ms_per_mib = std::chrono::milliseconds(0);
  stationmap::write_file_atomic(dir / "big.bin", std::string(32U << 20U, 'b')); // more than socket buffers hold
  const RunningServer server(dir, o);
  const int fd = connect_loopback(server.port());
  ASSERT_TRUE(send_all(fd, "GET /big.bin HTTP/1.1\r\nHost: x\r\n\r\n"));
  std::vector<std::string> log;
  for (int i = 0; i < 500 && log.empty(); ++i) { // the client reads nothing
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    log = server.log();
  }
  ::close(fd);
  fs::remove(dir / "big.bin");
  ASSERT_EQ(log.size(), 1U);
  EXPECT_NE(log[0].find("\"GET /big.bin HTTP/1.1\" 200 33554432"), std::string::npos) << log[0];
  EXPECT_NE(log[0].find("write failed"), std::string::npos) << log[0];
}

TEST_F(ServeConnection, OversizedHeadsAre431) {
  const RunningServer server(dir, {});
  const auto big = http_get(server.port(), "/style.json", "X-Big: " + std::string(20000, 'a') + "\r\n");
  EXPECT_EQ(big.status, 431);
  std::string fields;
  for (int i = 0; i < 65; ++i) {
    fields += "X-F" + std::to_string(i) + ": 1\r\n";
  }
  EXPECT_EQ(http_get(server.port(), "/style.json", fields).status, 431);
  EXPECT_EQ(http_get(server.port(), "/style.json", "X-Fine: " + std::string(8000, 'a') + "\r\n").status, 200);
}

TEST_F(ServeConnection, OnlyGetHeadOptionsAndNoBodies) {
  const RunningServer server(dir, {});
  for (const char* method : {"POST", "PUT", "DELETE", "PATCH", "TRACE", "CONNECT"}) {
    const auto r = http_get(server.port(), "/style.json", "", method);
    EXPECT_EQ(r.status, 405) << method;
    EXPECT_EQ(r.header("allow"), "GET, HEAD, OPTIONS") << method;
    EXPECT_EQ(r.header("connection"), "close") << method;
  }
  // The refusal comes before the body: a client announcing a gigabyte and sending a few bytes is answered.
  const int fd = connect_loopback(server.port());
  ASSERT_TRUE(send_all(fd, "POST /style.json HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000000\r\n\r\nabc"));
  const auto t0 = Clock::now();
  const auto post = parse_response(receive_until_closed(fd));
  ::close(fd);
  EXPECT_EQ(post.status, 405);
  EXPECT_LT(std::chrono::duration<double>(Clock::now() - t0).count(), 5.0);
  const auto chunked = http_get(server.port(), "/style.json", "Transfer-Encoding: chunked\r\n", "POST");
  EXPECT_EQ(chunked.status, 405);
  // A GET with a body is refused too (413), unread.
  EXPECT_EQ(http_get(server.port(), "/style.json", "Content-Length: 5\r\n").status, 413);
  EXPECT_EQ(http_get(server.port(), "/style.json", "Transfer-Encoding: chunked\r\n").status, 413);
}

TEST_F(ServeConnection, KeepAliveServesRequestsInTurn) {
  const RunningServer server(dir, {});
  const int fd = connect_loopback(server.port());
  const std::string get = "GET /style.json HTTP/1.1\r\nHost: x\r\n\r\n";
  ASSERT_TRUE(send_all(fd, get + get + "GET /tiles.json HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"));
  const std::string raw = receive_until_closed(fd);
  ::close(fd);
  std::size_t responses = 0;
  for (auto pos = raw.find("HTTP/1.1 200 OK"); pos != std::string::npos; pos = raw.find("HTTP/1.1 200 OK", pos + 1)) {
    ++responses;
  }
  EXPECT_EQ(responses, 3U);
}

TEST_F(ServeConnection, MalformedRequestsAre400AndLoggedEscaped) {
  const RunningServer server(dir, {});
  EXPECT_EQ(http_raw(server.port(), "GET /style.json HTTP/9.9\r\nHost: x\r\n\r\n").status, 400);
  EXPECT_EQ(http_raw(server.port(), "GET /%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").status, 400);
  // A target with a quote and bytes outside ASCII cannot forge a log field.
  (void)http_raw(server.port(), "GET /a\"b\xff HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  const auto log = server.log();
  ASSERT_FALSE(log.empty());
  EXPECT_NE(log.back().find("\"GET /a\\x22b\\xff HTTP/1.1\""), std::string::npos) << log.back();
}

TEST(ServeFailures, AFailingRouteIs500AndTheServerGoesOn) {
  const fs::path dir = fs::temp_directory_path() / ("stationmap_corrupt_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  (void)test_outdir(dir);
  { // overwrite the tile data of the archive with bytes that are not gzip
    const auto header = stationmap::tiles::PmtilesReader(dir / "tiles.pmtiles").header();
    std::string bytes = stationmap::read_file(dir / "tiles.pmtiles");
    bytes.replace(header.data_offset, header.data_length, header.data_length, 'x');
    stationmap::write_file_atomic(dir / "tiles.pmtiles", bytes);
  }
  const RunningServer server(dir, {});
  EXPECT_EQ(http_get(server.port(), "/tiles/0/0/0.pbf").status, 500); // decompressing it fails
  EXPECT_EQ(http_get(server.port(), "/style.json").status, 200);
  const auto log = server.log();
  const bool logged = std::any_of(log.begin(), log.end(), [](const std::string& line) {
    return line.find("error answering \"/tiles/0/0/0.pbf\"") != std::string::npos;
  });
  EXPECT_TRUE(logged);
  fs::remove_all(dir);
}
