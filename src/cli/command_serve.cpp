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
                        [--review FILE [--review-remote]]

Serves a built OUTDIR over HTTP/1.1: / the web map, /tiles.json, /tiles/{z}/{x}/{y}.pbf,
/style.json, /data/{layer}.geojson and the other files of OUTDIR (nothing outside it).
OUTDIR must be a folder that `stationmap build` wrote (it holds a .stationmap file).
GET, HEAD and OPTIONS only; one byte range per request.
--port 0 picks a free port. --threads: I/O threads (waiting clients hold none).
--cors ORIGIN lets scripts of that origin (e.g. https://example.org, or * for any) read the
responses; without it no CORS headers are sent. The address is printed on standard error as
"stationmap serve: listening on http://HOST:PORT/"; then one line per request.
SIGINT or SIGTERM stops it cleanly (exit status 0).
--review FILE: review mode. Each station's popup gains Confirm, Reject (with a note), Move, Link and
Status controls; each decision is appended to FILE as a row of a corrections file (created with its
header when missing; one writer at a time) and a banner says a rebuild is needed:
`stationmap build INPUT... -o OUTDIR --corrections FILE`. Writes need the token that this run puts
into the page (a POST to /review/corrections with an X-Stationmap-Token header, from the server's own
address), so no other site can append. Review mode listens on loopback only (127.0.0.1, ::1,
localhost) unless --review-remote is given, and does not combine with --cors.
)";

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

} // namespace

int run_serve(const std::vector<std::string>& argv) {
  const Args args(argv, {"--help", "-h", "--review-remote"}, {"--host", "--port", "--threads", "--cors", "--review"},
                  "serve");
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
  options.review_file = args.option("--review", "");
  if (!options.review_file.empty() && !args.flag("--review-remote") && !is_loopback(options.host)) {
    throw UsageError("serve: --review listens on loopback only (--host 127.0.0.1, ::1 or localhost); add "
                     "--review-remote to let other machines append corrections");
  }

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
  if (!options.review_file.empty()) {
    std::cerr << "stationmap serve: review mode: decisions are appended to " << options.review_file << std::endl;
  }
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
