// Walking inputs and reading files: formats, limits, problems.

#include "stationmap/ingest/reader.hpp"

#include "document_builder.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/core/outdir.hpp"
#include "stationmap/ingest/encoding.hpp"
#include "stationmap/ingest/html.hpp"
#include "stationmap/ingest/jsonl.hpp"
#include "stationmap/ingest/markdown.hpp"
#include "stationmap/ingest/pdf.hpp"

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <fcntl.h>
#include <map>
#include <mutex>
#include <optional>
#include <sys/stat.h>
#include <thread>
#include <unistd.h>

namespace stationmap::ingest {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; });
  return s;
}

std::string human_size(std::uintmax_t bytes) {
  const char* units[] = {"bytes", "KiB", "MiB", "GiB", "TiB"};
  double value = static_cast<double>(bytes);
  std::size_t unit = 0;
  while (value >= 1024 && unit + 1 < std::size(units)) {
    value /= 1024;
    ++unit;
  }
  char buf[32];
  std::snprintf(buf, sizeof buf, unit == 0 ? "%.0f %s" : "%.1f %s", value, units[unit]);
  return buf;
}

std::string errno_reason(int err) {
  switch (err) {
  case EACCES:
  case EPERM:
    return "permission denied";
  case ELOOP:
    return "symbolic link loop";
  case ENOENT:
    return "no such file or folder";
  case ENAMETOOLONG:
    return "path too long";
  default:
    return std::strerror(err);
  }
}

/// Why stat() failed on @p path, telling a broken symbolic link from a missing file.
std::string stat_failure(const fs::path& path, int err) {
  struct stat link_info {};
  if (err == ENOENT && ::lstat(path.c_str(), &link_info) == 0 && S_ISLNK(link_info.st_mode)) {
    return "broken symbolic link (its target does not exist)";
  }
  return errno_reason(err);
}

const char* special_file_kind(mode_t mode) {
  if (S_ISFIFO(mode))
    return "a named pipe";
  if (S_ISSOCK(mode))
    return "a socket";
  if (S_ISCHR(mode) || S_ISBLK(mode))
    return "a device";
  return "not a regular file";
}

Problem skip_problem(const fs::path& path, std::string reason) {
  return {path.string(), skipped_file_kind, std::move(reason)};
}

class FileDescriptor {
public:
  explicit FileDescriptor(int fd) : m_fd(fd) {}
  ~FileDescriptor() {
    if (m_fd >= 0)
      ::close(m_fd);
  }
  FileDescriptor(const FileDescriptor&) = delete;
  FileDescriptor& operator=(const FileDescriptor&) = delete;
  [[nodiscard]] int get() const { return m_fd; }

private:
  int m_fd;
};

/// Reads up to @p n bytes; returns bytes read (0 at end), or -1 with errno set.
ssize_t read_some(int fd, char* buffer, std::size_t n) {
  for (;;) {
    const ssize_t got = ::read(fd, buffer, n);
    if (got >= 0 || errno != EINTR)
      return got;
  }
}

enum class Format { Text, Markdown, Html, Pdf, Json, Jsonl, Unknown };

Format format_by_extension(const fs::path& path) {
  const std::string ext = lower(path.extension().string());
  if (ext == ".txt" || ext == ".text")
    return Format::Text;
  if (ext == ".md" || ext == ".markdown")
    return Format::Markdown;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml" || ext == ".shtml")
    return Format::Html;
  if (ext == ".pdf")
    return Format::Pdf;
  if (ext == ".json")
    return Format::Json;
  if (ext == ".jsonl" || ext == ".ndjson")
    return Format::Jsonl;
  return Format::Unknown;
}

Format format_by_content(std::string_view bytes) {
  if (bytes.substr(0, 5) == "%PDF-")
    return Format::Pdf;
  std::string head = lower(std::string(bytes.substr(0, 1024)));
  if (head.find("<html") != std::string::npos || head.find("<!doctype html") != std::string::npos)
    return Format::Html;
  return Format::Text;
}

/// Length of the longest line of @p bytes.
std::size_t longest_line(std::string_view bytes) {
  std::size_t longest = 0;
  const char* p = bytes.data();
  const char* const end = bytes.data() + bytes.size();
  while (p < end) {
    const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    const char* line_end = nl == nullptr ? end : static_cast<const char*>(nl);
    longest = std::max(longest, static_cast<std::size_t>(line_end - p));
    p = line_end + 1;
  }
  return longest;
}

/// Streams a JSON Lines file line by line with a bounded buffer.
std::size_t stream_jsonl(const InputFile& file, int fd, const ReadOptions& options, const DocumentSink& sink,
                         const std::function<void(Problem&&)>& on_problem) {
  const JsonSource source{file.id, file.path.string()};
  std::size_t skipped = 0;
  const auto bad = [&](std::size_t line_number, const std::string& reason) {
    ++skipped;
    on_problem({file.path.string() + ":" + std::to_string(line_number), skipped_document_kind, reason});
  };
  std::vector<char> buffer(1 << 20);
  std::string line;
  std::size_t line_number = 0;
  std::size_t overflow = 0; // bytes of a too-long line seen so far
  bool first_chunk = true;
  const auto finish_line = [&](std::string_view text) { // text: the line, or the part of it kept
    ++line_number;
    if (overflow > 0) {
      bad(line_number, "line of " + human_size(overflow) + ", over the limit of " + human_size(options.max_line_bytes) +
                           " per line");
    } else if (text.find_first_not_of(" \t\r") != std::string_view::npos) {
      auto result = parse_jsonl_line(text, line_number, source);
      if (auto* doc = std::get_if<Document>(&result)) {
        sink(std::move(*doc));
      } else {
        bad(line_number, std::get<std::string>(result));
      }
    }
    line.clear();
    overflow = 0;
  };
  for (;;) {
    const ssize_t got = read_some(fd, buffer.data(), buffer.size());
    if (got < 0) {
      on_problem(skip_problem(file.path,
                              "read error after " + std::to_string(line_number) + " lines: " + errno_reason(errno)));
      return skipped + 1;
    }
    if (got == 0)
      break;
    std::string_view chunk(buffer.data(), static_cast<std::size_t>(got));
    if (first_chunk) {
      first_chunk = false;
      if (auto reason = binary_reason(chunk)) {
        on_problem(skip_problem(file.path, *reason));
        return 1;
      }
    }
    while (!chunk.empty()) {
      const std::size_t nl = chunk.find('\n');
      const std::string_view part = chunk.substr(0, nl);
      if (nl != std::string_view::npos && line.empty() && overflow == 0 && part.size() <= options.max_line_bytes) {
        finish_line(part); // a whole line in the buffer: read where it is
        chunk.remove_prefix(nl + 1);
        continue;
      }
      if (overflow > 0 || line.size() + part.size() > options.max_line_bytes) {
        overflow += line.size() + part.size();
        line.clear();
        line.shrink_to_fit();
      } else {
        line.append(part);
      }
      if (nl == std::string_view::npos)
        break;
      finish_line(line);
      chunk.remove_prefix(nl + 1);
    }
  }
  if (!line.empty() || overflow > 0)
    finish_line(line);
  return skipped;
}

std::size_t read_file_impl(const InputFile& file, const ReadOptions& options, const DocumentSink& sink,
                           const std::function<void(Problem&&)>& on_problem) {
  const auto skip = [&](std::string reason) -> std::size_t {
    on_problem(skip_problem(file.path, std::move(reason)));
    return 1;
  };
  struct stat info {};
  if (::stat(file.path.c_str(), &info) != 0)
    return skip(stat_failure(file.path, errno));
  if (S_ISDIR(info.st_mode))
    return skip("is a folder");
  if (!S_ISREG(info.st_mode))
    return skip(std::string("not a document: ") + special_file_kind(info.st_mode));
  const FileDescriptor fd(::open(file.path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC));
  if (fd.get() < 0)
    return skip("cannot open: " + errno_reason(errno));
  Format format = format_by_extension(file.path);
  if (format == Format::Jsonl)
    return stream_jsonl(file, fd.get(), options, sink, on_problem);
  const auto size = static_cast<std::uintmax_t>(info.st_size);
  if (size > options.max_file_bytes) {
    return skip("file of " + human_size(size) + " is over the size limit of " + human_size(options.max_file_bytes));
  }
  std::string bytes(static_cast<std::size_t>(size), '\0');
  std::size_t have = 0;
  while (have < bytes.size()) {
    const ssize_t got = read_some(fd.get(), bytes.data() + have, bytes.size() - have);
    if (got < 0)
      return skip("read error: " + errno_reason(errno));
    if (got == 0)
      break;
    have += static_cast<std::size_t>(got);
  }
  bytes.resize(have);
  if (bytes.empty())
    return skip("empty file");
  if (format == Format::Unknown)
    format = format_by_content(bytes);
  if (format == Format::Pdf || bytes.substr(0, 5) == "%PDF-") {
    bytes.clear();
    bytes.shrink_to_fit(); // the PDF reader's child reads the file itself
    Document doc;
    doc.id = file.id;
    doc.path = file.path.string();
    doc.format = "pdf";
    doc.encoding = "PDF";
    extract_pdf_isolated(file.path, doc, options.pdf);
    sink(std::move(doc));
    return 0;
  }
  if (auto reason = binary_reason(bytes))
    return skip(*reason);
  if (format == Format::Json) {
    std::size_t skipped = 0;
    parse_json_file(bytes, {file.id, file.path.string()}, options.max_line_bytes, sink,
                    [&](std::size_t n, const std::string& reason) {
                      ++skipped;
                      on_problem({file.path.string() + ":" + std::to_string(n), skipped_document_kind, reason});
                    });
    return skipped;
  }
  if (const std::size_t longest = longest_line(bytes); longest > options.max_line_bytes) {
    return skip("a single line of " + human_size(longest) + ", over the limit of " +
                human_size(options.max_line_bytes) + " per line: not a readable document");
  }
  Document doc;
  doc.id = file.id;
  doc.path = file.path.string();
  const std::string declared = format == Format::Html ? declared_charset(bytes) : std::string();
  DecodedText decoded = decode_to_utf8(bytes, declared);
  bytes.clear();
  bytes.shrink_to_fit();
  doc.encoding = decoded.encoding;
  if (decoded.replaced > 0) {
    on_problem({file.path.string(), decoding_kind,
                std::to_string(decoded.replaced) + " invalid byte sequence(s) in " + decoded.encoding +
                    " replaced with U+FFFD"});
  }
  if (decoded.nuls_removed > 0) {
    on_problem({file.path.string(), decoding_kind, std::to_string(decoded.nuls_removed) + " NUL byte(s) removed"});
  }
  switch (format) {
  case Format::Html:
    doc.format = "html";
    extract_html(decoded.text, doc);
    break;
  case Format::Markdown:
    doc.format = "markdown";
    extract_markdown(decoded.text, doc);
    break;
  default:
    doc.format = "text";
    extract_plain_text(decoded.text, doc);
    break;
  }
  if (doc.text.empty())
    return skip("no text found in the " + doc.format + " document");
  sink(std::move(doc));
  return 0;
}

} // namespace

void list_inputs(const std::vector<fs::path>& inputs, const std::function<void(InputFile&&)>& on_file,
                 const std::function<void(Problem&&)>& on_problem) {
  struct Frame {
    fs::path dir;
    std::string id_prefix;
    std::vector<std::string> names;
    std::size_t next = 0;
    dev_t dev = 0;
    ino_t ino = 0;
  };
  std::vector<Frame> stack;
  const auto open_folder = [&](const fs::path& dir, std::string id_prefix, const struct stat& info) {
    for (const auto& frame : stack) {
      if (frame.dev == info.st_dev && frame.ino == info.st_ino) {
        on_problem(skip_problem(dir, "symbolic link loop: leads back to the folder " + frame.dir.string()));
        return;
      }
    }
    if (is_stationmap_outdir(dir)) {
      on_problem({dir.string(), skipped_map_kind,
                  "a map stationmap wrote (it holds " + std::string(outdir_marker_name) + "): not read as documents"});
      return;
    }
    Frame frame{dir, std::move(id_prefix), {}, 0, info.st_dev, info.st_ino};
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      frame.names.push_back(it->path().filename().string());
    }
    if (ec) {
      on_problem(skip_problem(dir, "cannot read the folder: " + errno_reason(ec.value())));
      return;
    }
    std::sort(frame.names.begin(), frame.names.end());
    stack.push_back(std::move(frame));
  };
  const auto visit = [&](const fs::path& path, std::string id) {
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) {
      on_problem(skip_problem(path, stat_failure(path, errno)));
    } else if (S_ISDIR(info.st_mode)) {
      open_folder(path, std::move(id), info);
    } else if (S_ISREG(info.st_mode)) {
      on_file({path, std::move(id)});
    } else {
      on_problem(skip_problem(path, std::string("not a document: ") + special_file_kind(info.st_mode)));
    }
  };
  for (const auto& input : inputs) {
    struct stat info {};
    if (::stat(input.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) {
      open_folder(input, "", info);
    } else {
      visit(input, input.filename().string());
    }
    while (!stack.empty()) {
      Frame& top = stack.back();
      if (top.next >= top.names.size()) {
        stack.pop_back();
        continue;
      }
      const std::string name = top.names[top.next++];
      if (name.empty() || name[0] == '.')
        continue; // hidden files and folders (.git, .DS_Store)
      std::string id = top.id_prefix.empty() ? name : top.id_prefix + "/" + name;
      visit(top.dir / name, std::move(id)); // may push onto the stack: `top` is not used after this
    }
  }
}

std::size_t read_document(const InputFile& file, const ReadOptions& options, const DocumentSink& sink,
                          const std::function<void(Problem&&)>& on_problem) {
  try {
    return read_file_impl(file, options, sink, on_problem);
  } catch (const std::bad_alloc&) {
    on_problem(skip_problem(file.path, "out of memory while reading it"));
  } catch (const std::exception& e) {
    on_problem(skip_problem(file.path, e.what()));
  }
  return 1;
}

FileResult read_document(const InputFile& file, const ReadOptions& options) {
  FileResult result;
  result.skipped = read_document(
      file, options, [&](Document&& doc) { result.documents.push_back(std::move(doc)); },
      [&](Problem&& problem) { result.problems.push_back(std::move(problem)); });
  return result;
}

ReadCounts read_inputs(const std::vector<fs::path>& inputs, const ReadOptions& options, const DocumentSink& sink,
                       ProblemReport& problems, const ProblemListener& listener) {
  ReadCounts counts;
  const auto report = [&](Problem&& problem) {
    if (listener)
      listener(problem);
    problems.add(std::move(problem));
  };
  const auto deliver = [&](Document&& doc) {
    ++counts.read;
    sink(std::move(doc));
  };
  const auto count_listing_skip = [&](Problem&& problem) {
    if (problem.kind == skipped_file_kind)
      ++counts.skipped;
    report(std::move(problem));
  };
  if (options.jobs <= 1) {
    list_inputs(
        inputs, [&](InputFile&& file) { counts.skipped += read_document(file, options, deliver, report); },
        count_listing_skip);
    return counts;
  }
  // Parallel: workers read whole files ahead, in a bounded window; this thread delivers in input order.
  // JSON Lines corpora are streamed here, when their turn comes, so they are never held whole.
  // Problems met while listing keep their place among the files, so that reports come in the same order.
  struct Item {
    InputFile file;
    std::optional<Problem> problem;
  };
  std::vector<Item> files;
  list_inputs(
      inputs,
      [&](InputFile&& file) {
        files.push_back({std::move(file), std::nullopt});
      },
      [&](Problem&& problem) {
        files.push_back({{}, std::move(problem)});
      });
  const std::size_t window = static_cast<std::size_t>(options.jobs) * 4;
  std::mutex mutex;
  std::condition_variable changed;
  std::map<std::size_t, FileResult> ready;
  std::size_t next_claim = 0;
  std::size_t delivered = 0;
  bool stop = false;
  const auto is_jsonl = [&](std::size_t i) { return format_by_extension(files[i].file.path) == Format::Jsonl; };
  const auto work = [&] {
    for (;;) {
      std::size_t i = 0;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return stop || next_claim >= files.size() || next_claim < delivered + window; });
        if (stop || next_claim >= files.size())
          return;
        i = next_claim++;
      }
      FileResult result = is_jsonl(i) || files[i].problem ? FileResult{} : read_document(files[i].file, options);
      const std::lock_guard lock(mutex);
      ready.emplace(i, std::move(result));
      changed.notify_all();
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < options.jobs; ++t)
    workers.emplace_back(work);
  const auto stop_workers = [&] {
    {
      const std::lock_guard lock(mutex);
      stop = true;
    }
    changed.notify_all();
    for (auto& worker : workers)
      worker.join();
  };
  try {
    for (std::size_t i = 0; i < files.size(); ++i) {
      FileResult result;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return ready.count(i) > 0; });
        result = std::move(ready.at(i));
        ready.erase(i);
      }
      if (files[i].problem) {
        count_listing_skip(std::move(*files[i].problem));
      } else if (is_jsonl(i)) {
        counts.skipped += read_document(files[i].file, options, deliver, report);
      } else {
        for (auto& problem : result.problems)
          report(std::move(problem));
        for (auto& doc : result.documents)
          deliver(std::move(doc));
        counts.skipped += result.skipped;
      }
      {
        const std::lock_guard lock(mutex);
        delivered = i + 1;
      }
      changed.notify_all();
    }
  } catch (...) {
    stop_workers();
    throw;
  }
  stop_workers();
  return counts;
}

std::string problem_line(const Problem& problem) {
  const bool skipped = problem.kind == skipped_file_kind || problem.kind == skipped_document_kind;
  return std::string("stationmap: ") + (skipped ? "skipped " : "warning ") + problem.file + ": " + problem.detail;
}

} // namespace stationmap::ingest
