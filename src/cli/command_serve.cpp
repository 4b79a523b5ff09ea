// stationmap serve OUTDIR [--host 127.0.0.1] [--port 8080] [--threads N] [--cors ORIGIN]

#include "args.hpp"
#include "commands.hpp"
#include "stationmap/serve/server.hpp"

#include <atomic>
#include <iostream>
#include <pthread.h>
#include <signal.h>
#include <thread>

namespace stationmap::cli {
namespace {

const char* const serve_help = R"(stationmap serve OUTDIR [--host 127.0.0.1] [--port 8080] [--threads 2] [--cors ORIGIN]

Serves a built OUTDIR over HTTP/1.1: / the web map, /tiles.json, /tiles/{z}/{x}/{y}.pbf,
/style.json, /data/{layer}.geojson and the other files of OUTDIR (nothing outside it).
OUTDIR must be a folder that `stationmap build` wrote (it holds a .stationmap file).
GET, HEAD and OPTIONS only; one byte range per request.
--port 0 picks a free port. --threads: I/O threads (waiting clients hold none).
--cors ORIGIN lets scripts of that origin (e.g. https://example.org, or * for any) read the
responses; without it no CORS headers are sent. The address is printed on standard error as
"stationmap serve: listening on http://HOST:PORT/"; then one line per request.
SIGINT or SIGTERM stops it cleanly (exit status 0).
)";

} // namespace

int run_serve(const std::vector<std::string>& argv) {
  const Args args(argv, {"--help", "-h"}, {"--host", "--port", "--threads", "--cors"}, "serve");
  if (args.flag("--help") || args.flag("-h")) {
    std::cout << serve_help;
    return 0;
  }
  if (args.positional().size() != 1) {
    throw UsageError("serve: expects one OUTDIR; see `stationmap serve --help`");
  }
  serve::ServeOptions options;
  options.host = args.option("--host", "127.0.0.1");
  options.port = args.int_option("--port", 8080);
  options.threads = args.int_option("--threads", options.threads);
  options.cors_origin = args.option("--cors", "");

  // SIGINT/SIGTERM are blocked in every thread and taken by one waiter, which stops the server.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  serve::Server server(args.positional()[0], options);
  const int port = server.bind();
  std::cerr << "stationmap serve: listening on http://" << options.host << ":" << port << "/ (Ctrl-C stops)"
            << std::endl;
  std::atomic<bool> done{false};
  std::thread waiter([&] {
    int sig = 0;
    sigwait(&signals, &sig);
    if (!done) {
      std::cerr << "stationmap serve: " << (sig == SIGINT ? "SIGINT" : "SIGTERM") << ", stopping" << std::endl;
    }
    server.stop();
  });
  server.run();
  done = true;
  pthread_kill(waiter.native_handle(), SIGTERM); // wakes the waiter when run() ended on its own
  waiter.join();
  std::cerr << "stationmap serve: stopped" << std::endl;
  return 0;
}

} // namespace stationmap::cli
