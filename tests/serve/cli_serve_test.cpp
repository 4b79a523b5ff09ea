// The `stationmap serve` command: prints its address, answers, and stops cleanly on SIGINT and SIGTERM.

#include "http_client.hpp"
#include "stationmap/core/outdir.hpp"
#include "test_outdir.hpp"

#include <chrono>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

struct Child {
  pid_t pid = -1;
  int err = -1; // read end of its stderr
};

Child spawn_serve(const fs::path& outdir, const std::vector<std::string>& extra = {}) {
  int fds[2];
  if (::pipe(fds) != 0) {
    throw std::runtime_error("pipe");
  }
  Child c;
  c.pid = ::fork();
  if (c.pid == 0) {
    ::dup2(fds[1], 2);
    ::close(fds[0]);
    std::vector<std::string> args{STATIONMAP_BINARY, "serve", outdir.string(), "--port", "0"};
    args.insert(args.end(), extra.begin(), extra.end());
    std::vector<char*> argv;
    for (auto& a : args) {
      argv.push_back(a.data());
    }
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(fds[1]);
  c.err = fds[0];
  return c;
}

/// Reads stderr into @p all until it contains @p needle; true when it does.
bool read_until(int fd, const std::string& needle, std::string& all, int timeout_ms = 10000) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    if (all.find(needle) != std::string::npos) {
      return true;
    }
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 100) > 0) {
      char buf[4096];
      const auto n = ::read(fd, buf, sizeof buf);
      if (n <= 0) {
        break;
      }
      all.append(buf, static_cast<std::size_t>(n));
    }
  }
  return all.find(needle) != std::string::npos;
}

int wait_exit(pid_t pid, int timeout_ms) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (std::chrono::steady_clock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) {
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, nullptr, 0);
  return -1;
}

class CliServe : public ::testing::TestWithParam<int> {};

} // namespace

TEST_P(CliServe, AnswersThenStopsCleanlyOnSignal) {
  const fs::path dir = fs::temp_directory_path() / ("stationmap_cli_serve_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  (void)stationmap::testing::test_outdir(dir);
  Child c = spawn_serve(dir);
  std::string err;
  const std::string listening = "listening on http://127.0.0.1:";
  ASSERT_TRUE(read_until(c.err, listening, err)) << err;
  ASSERT_TRUE(read_until(c.err, "/ (", err)) << err;
  const int port = std::stoi(err.substr(err.find(listening) + listening.size()));
  const auto r = stationmap::testing::http_get(port, "/tiles/0/0/0.pbf");
  EXPECT_EQ(r.status, 200);
  EXPECT_TRUE(read_until(c.err, "\"GET /tiles/0/0/0.pbf HTTP/1.1\" 200", err))
      << "one log line per request on stderr: " << err;
  // A keep-alive connection left open must not hold up the stop.
  const int idle = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::connect(idle, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  ::kill(c.pid, GetParam());
  EXPECT_EQ(wait_exit(c.pid, 10000), 0) << err;
  EXPECT_TRUE(read_until(c.err, "stopped", err, 2000)) << err;
  ::close(idle);
  ::close(c.err);
  fs::remove_all(dir);
}

INSTANTIATE_TEST_SUITE_P(Signals, CliServe, ::testing::Values(SIGINT, SIGTERM));

TEST(CliServeUsage, MissingOutdirIsAUsageError) {
  Child c = spawn_serve("/nonexistent/stationmap/outdir");
  EXPECT_EQ(wait_exit(c.pid, 10000), 2);
  ::close(c.err);
}

TEST(CliServeUsage, RefusesAFolderWithoutTheMarkerAndABadCorsOrigin) {
  const fs::path dir = fs::temp_directory_path() / ("stationmap_cli_refuse_" + std::to_string(::getpid()));
  fs::remove_all(dir);
  (void)stationmap::testing::test_outdir(dir);
  Child bad_cors = spawn_serve(dir, {"--cors", "example.org"});
  EXPECT_EQ(wait_exit(bad_cors.pid, 10000), 2);
  std::string err;
  EXPECT_TRUE(read_until(bad_cors.err, "--cors", err)) << err;
  ::close(bad_cors.err);
  fs::remove(dir / stationmap::outdir_marker_name);
  Child unmarked = spawn_serve(dir);
  EXPECT_EQ(wait_exit(unmarked.pid, 10000), 2);
  err.clear();
  EXPECT_TRUE(read_until(unmarked.err, "not a stationmap OUTDIR", err)) << err;
  ::close(unmarked.err);
  fs::remove_all(dir);
}
