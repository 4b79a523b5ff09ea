// PDF text in a child process: the `stationmap-pdf-text` helper, its limits, and the format in which it hands
// the text back.

#include "stationmap/core/data_dirs.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/core/file_io.hpp"
#include "stationmap/ingest/pdf.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char** environ; // NOLINT: POSIX names it so

namespace stationmap::ingest {

namespace fs = std::filesystem;

namespace {

constexpr const char* helper_name = "stationmap-pdf-text";
/// Exit statuses of the helper (besides 0).
constexpr int exit_usage = 2;
constexpr int exit_no_text = 3;
constexpr int exit_out_of_memory = 4;

// The helper's output: title, date and text, each as its length in bytes, a newline and the bytes; then the
// number of blocks and a line "start end kind" for each.

void put_field(std::string& out, std::string_view field) {
  out += std::to_string(field.size());
  out += '\n';
  out += field;
}

std::string encode(const Document& doc) {
  std::string out;
  put_field(out, doc.title);
  put_field(out, doc.date);
  put_field(out, doc.text);
  out += std::to_string(doc.blocks.size()) + '\n';
  for (const TextBlock& b : doc.blocks) {
    out +=
        std::to_string(b.start) + ' ' + std::to_string(b.end) + ' ' + std::to_string(static_cast<int>(b.kind)) + '\n';
  }
  return out;
}

/// Reads the decimal number ending at the next @p end character of @p in (removing both).
unsigned long long take_number(std::string_view& in, char end) {
  const std::size_t stop = in.find(end);
  if (stop == std::string_view::npos || stop == 0 || stop > 20) {
    throw FormatError("the PDF reader's output is garbled");
  }
  unsigned long long value = 0;
  for (const char c : in.substr(0, stop)) {
    if (c < '0' || c > '9') {
      throw FormatError("the PDF reader's output is garbled");
    }
    value = value * 10 + static_cast<unsigned long long>(c - '0');
  }
  in.remove_prefix(stop + 1);
  return value;
}

std::string take_field(std::string_view& in) {
  const auto size = take_number(in, '\n');
  if (size > in.size()) {
    throw FormatError("the PDF reader's output is cut short");
  }
  std::string field(in.substr(0, size));
  in.remove_prefix(size);
  return field;
}

void decode(std::string_view in, Document& doc) {
  doc.title = take_field(in);
  doc.date = take_field(in);
  doc.text = take_field(in);
  const auto blocks = take_number(in, '\n');
  for (unsigned long long i = 0; i < blocks; ++i) {
    TextBlock block;
    block.start = static_cast<std::uint32_t>(take_number(in, ' '));
    block.end = static_cast<std::uint32_t>(take_number(in, ' '));
    block.kind = static_cast<BlockKind>(take_number(in, '\n'));
    doc.blocks.push_back(block);
  }
}

fs::path helper_path() {
  if (const char* named = std::getenv("STATIONMAP_PDF_HELPER"); named != nullptr && *named != '\0') {
    return named;
  }
  std::error_code ec;
  const fs::path self = running_executable();
  if (!self.empty() && fs::exists(self.parent_path() / helper_name, ec)) {
    return self.parent_path() / helper_name;
  }
  return STATIONMAP_PDF_HELPER_BUILD_PATH;
}

std::string mib(std::uint64_t bytes) {
  return bytes < 1024 * 1024 ? std::to_string(bytes) + " bytes" : std::to_string(bytes / (1024 * 1024)) + " MiB";
}

/// What the child did: its wait status and output, or that the parent stopped it.
struct ChildRun {
  int status = 0;
  std::string out;
  bool timed_out = false;
  bool too_much_output = false;
};

/// Starts @p argv[0] with stdout into a pipe (stdin and stderr on /dev/null); returns its pid and the pipe.
std::pair<pid_t, int> spawn(const std::vector<std::string>& args) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    throw IoError(args[0], std::string("cannot make a pipe: ") + std::strerror(errno));
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  std::vector<char*> argv;
  for (const std::string& a : args) {
    argv.push_back(const_cast<char*>(a.c_str())); // NOLINT: posix_spawn's signature
  }
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int err = ::posix_spawn(&pid, args[0].c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[1]);
  if (err != 0) {
    ::close(fds[0]);
    throw IoError(args[0], std::string("cannot start the PDF reader: ") + std::strerror(err));
  }
  return {pid, fds[0]};
}

/// Collects the child's output until it closes stdout, the deadline passes or the output is too long (the
/// child is then killed), and waits for it.
ChildRun collect(pid_t pid, int fd, const PdfLimits& limits) {
  ChildRun run;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(limits.max_seconds);
  const std::size_t max_output = limits.max_text_bytes + 4096; // the text and its few lines of framing
  std::vector<char> buffer(1 << 16);
  for (;;) {
    const auto left =
        std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      run.timed_out = true;
      break;
    }
    pollfd p{fd, POLLIN, 0};
    const int ready = ::poll(&p, 1, static_cast<int>(left.count()));
    if (ready < 0 && errno == EINTR) {
      continue;
    }
    if (ready == 0) {
      continue; // the deadline check above ends the wait
    }
    const ssize_t got = ::read(fd, buffer.data(), buffer.size());
    if (got < 0 && errno == EINTR) {
      continue;
    }
    if (got <= 0) {
      break;
    }
    run.out.append(buffer.data(), static_cast<std::size_t>(got));
    if (run.out.size() > max_output) {
      run.too_much_output = true;
      break;
    }
  }
  ::close(fd);
  if (run.timed_out || run.too_much_output) {
    ::kill(pid, SIGKILL);
  }
  while (::waitpid(pid, &run.status, 0) < 0 && errno == EINTR) {
  }
  return run;
}

/// Turns the child's end into the document or the FormatError that names what happened.
void interpret(const ChildRun& run, Document& doc, const PdfLimits& limits) {
  if (run.timed_out) {
    throw FormatError("the PDF reader took longer than " + std::to_string(limits.max_seconds) + " s on it");
  }
  if (run.too_much_output) {
    throw FormatError("the PDF's text is over the limit of " + mib(limits.max_text_bytes));
  }
  if (WIFSIGNALED(run.status)) {
    const int sig = WTERMSIG(run.status);
    if (sig == SIGXCPU) {
      throw FormatError("the PDF reader used more than " + std::to_string(limits.max_seconds) + " s of CPU on it");
    }
    const char* name = ::sigdescr_np(sig);
    throw FormatError("the PDF reader crashed on it (signal " + std::to_string(sig) +
                      (name ? std::string(", ") + name : "") + ")");
  }
  const int code = WIFEXITED(run.status) ? WEXITSTATUS(run.status) : -1;
  if (code == exit_no_text) {
    throw FormatError(run.out);
  }
  if (code == exit_out_of_memory) {
    throw FormatError("the PDF reader needed more than its " + mib(limits.max_memory_bytes) + " of memory");
  }
  if (code != 0) {
    throw FormatError("the PDF reader failed (exit status " + std::to_string(code) + ")");
  }
  decode(run.out, doc);
  if (doc.text.size() > limits.max_text_bytes) {
    throw FormatError("the PDF's text is over the limit of " + mib(limits.max_text_bytes));
  }
}

void limit(int resource, rlim_t soft, rlim_t hard) {
  const rlimit value{soft, hard};
  ::setrlimit(resource, &value);
}

/// The memory and CPU limits, applied by the helper to itself before it opens the PDF. Address-space limits
/// break AddressSanitizer's shadow memory, so sanitized builds keep only the CPU limit.
void apply_limits(std::uint64_t memory, unsigned seconds) {
#if !defined(__SANITIZE_ADDRESS__)
  limit(RLIMIT_AS, memory, memory);
#else
  (void)memory;
#endif
  limit(RLIMIT_CPU, seconds, seconds + 1);
}

bool write_all(std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t put = ::write(STDOUT_FILENO, bytes.data(), bytes.size());
    if (put < 0 && errno == EINTR) {
      continue;
    }
    if (put <= 0) {
      return false;
    }
    bytes.remove_prefix(static_cast<std::size_t>(put));
  }
  return true;
}

} // namespace

void extract_pdf_isolated(const fs::path& path, Document& doc, const PdfLimits& limits) {
  const std::vector<std::string> args = {helper_path().string(),
                                         "--max-memory",
                                         std::to_string(limits.max_memory_bytes),
                                         "--max-seconds",
                                         std::to_string(limits.max_seconds),
                                         "--",
                                         path.string()};
  const auto [pid, fd] = spawn(args);
  const ChildRun run = collect(pid, fd, limits);
  interpret(run, doc, limits);
}

int pdf_text_helper_main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() != 6 || args[0] != "--max-memory" || args[2] != "--max-seconds" || args[4] != "--") {
    std::fputs("usage: stationmap-pdf-text --max-memory BYTES --max-seconds S -- FILE.pdf\n"
               "(run by stationmap to read one PDF in a child process)\n",
               stderr);
    return exit_usage;
  }
  apply_limits(std::stoull(args[1]), static_cast<unsigned>(std::stoul(args[3])));
  const std::string& path = args[5];
  if (const char* hook = std::getenv("STATIONMAP_PDF_TEST_ABORT");
      hook != nullptr && *hook != '\0' && path.find(hook) != std::string::npos) {
    std::abort(); // test hook: a crash inside the PDF reader (see pdf.hpp)
  }
  try {
    Document doc;
    extract_pdf(read_file(path), doc);
    return write_all(encode(doc)) ? 0 : 1;
  } catch (const std::bad_alloc&) {
    return exit_out_of_memory;
  } catch (const std::exception& e) {
    write_all(e.what());
    return exit_no_text;
  }
}

} // namespace stationmap::ingest
