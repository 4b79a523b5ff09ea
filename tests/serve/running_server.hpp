#pragma once
// A stationmap::serve::Server on 127.0.0.1 and a free port, running on its own thread for one test, with
// the log lines it wrote.

#include "stationmap/serve/server.hpp"

#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace stationmap::testing {

class RunningServer {
public:
  RunningServer(const std::filesystem::path& outdir, serve::ServeOptions options) {
    options.host = "127.0.0.1";
    options.port = 0;
    options.log = [this](const std::string& line) {
      std::lock_guard lock(m_mutex);
      m_log.push_back(line);
    };
    m_server = std::make_unique<serve::Server>(outdir, std::move(options));
    m_port = m_server->bind();
    m_thread = std::thread([this] { m_server->run(); });
  }
  ~RunningServer() {
    m_server->stop();
    m_thread.join();
  }
  RunningServer(const RunningServer&) = delete;
  RunningServer& operator=(const RunningServer&) = delete;

  [[nodiscard]] int port() const { return m_port; }
  [[nodiscard]] std::vector<std::string> log() const {
    std::lock_guard lock(m_mutex);
    return m_log;
  }

private:
  std::unique_ptr<serve::Server> m_server;
  std::thread m_thread;
  int m_port = 0;
  mutable std::mutex m_mutex;
  std::vector<std::string> m_log;
};

} // namespace stationmap::testing
