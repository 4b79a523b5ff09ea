// Review mode: token and origin checks, and appending checked corrections rows to the review file.

#include "review.hpp"

#include "stationmap/core/error.hpp"
#include "stationmap/core/problem_report.hpp"
#include "stationmap/extract/corrections.hpp"

#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <random>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace stationmap::serve {
namespace {

/// Longest field the review controls may post (a note of a few sentences).
constexpr std::size_t max_field_bytes = 2000;

/// Compares without stopping at the first difference, so that timing tells nothing about the token.
bool same_secret(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) {
    return false;
  }
  unsigned char diff = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    diff = static_cast<unsigned char>(diff | (static_cast<unsigned char>(a[i]) ^ static_cast<unsigned char>(b[i])));
  }
  return diff == 0;
}

std::string field_of(const RequestHead& head, std::string_view name) {
  const auto it = head.find(boost::beast::string_view(name.data(), name.size()));
  return it == head.end() ? std::string() : std::string(std_view(it->value()));
}

std::string json_message(std::string_view key, const std::string& text) {
  nlohmann::json j;
  j[std::string(key)] = text;
  return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

/// Writes all of @p text at the end of the open file @p fd.
void write_all(int fd, std::string_view text, const std::filesystem::path& file) {
  while (!text.empty()) {
    const ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0) {
      throw IoError(file.string(), "cannot append a correction");
    }
    text.remove_prefix(static_cast<std::size_t>(n));
  }
}

/// An exclusive lock on an open file for as long as it lives.
class FileLock {
public:
  explicit FileLock(int fd) : m_fd(fd) { ::flock(m_fd, LOCK_EX); }
  ~FileLock() { ::flock(m_fd, LOCK_UN); }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

private:
  int m_fd;
};

/// Appends @p row to @p file under an exclusive lock: the header first when the file is empty, a line break
/// first when its last line has none, then the row in one write, flushed to disk.
void append_row(const std::filesystem::path& file, const std::string& row) {
  const int fd = ::open(file.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    throw IoError(file.string(), "cannot open the review file for appending");
  }
  try {
    const FileLock lock(fd);
    struct stat st {};
    std::string text;
    if (::fstat(fd, &st) == 0 && st.st_size == 0) {
      text = corrections_header();
    } else {
      const int reader = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
      char last = '\n';
      if (reader >= 0) {
        if (::pread(reader, &last, 1, st.st_size - 1) != 1) {
          last = '\n';
        }
        ::close(reader);
      }
      text = last == '\n' ? "" : "\n";
    }
    text += row;
    write_all(fd, text, file);
    ::fsync(fd);
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);
}

} // namespace

std::string new_review_token() {
  std::random_device device;
  std::string token;
  static constexpr char hex[] = "0123456789abcdef";
  for (int i = 0; i < 8; ++i) {
    const auto word = device();
    for (int shift = 0; shift < 16; shift += 4) {
      token += hex[(word >> static_cast<unsigned>(shift)) & 0xFU];
    }
  }
  return token;
}

ReviewLog::ReviewLog(std::filesystem::path file, std::string token)
    : m_file(std::move(file)), m_token(std::move(token)) {
  std::error_code ec;
  if (std::filesystem::is_directory(m_file, ec)) {
    throw UsageError("serve: --review expects a corrections file, not the folder " + m_file.string());
  }
  if (std::filesystem::exists(m_file, ec)) {
    ProblemReport problems; // a file that is not a corrections file is refused now, not at the first append
    (void)read_corrections(m_file, problems);
  }
}

bool ReviewLog::authorised(const RequestHead& head, const std::vector<std::string>& hosts) const {
  const std::string host = field_of(head, "Host");
  if (std::find(hosts.begin(), hosts.end(), host) == hosts.end()) {
    return false; // another name for this address (DNS rebinding) or no Host at all
  }
  const std::string origin = field_of(head, "Origin");
  if (!origin.empty() && origin != "http://" + host) {
    return false; // a page of another site
  }
  return same_secret(field_of(head, token_header), m_token);
}

std::pair<http::status, std::string> ReviewLog::post(std::string_view body) {
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(body);
  } catch (const nlohmann::json::exception&) {
    return {http::status::bad_request, json_message("error", "the body is not JSON")};
  }
  std::array<std::string, 4> fields;
  const std::array<const char*, 4> names = {"action", "target", "value", "note"};
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (!j.is_object() || (j.contains(names[i]) && !j[names[i]].is_string())) {
      return {http::status::bad_request, json_message("error", std::string(names[i]) + " must be a string")};
    }
    fields[i] = j.value(names[i], "");
    if (fields[i].size() > max_field_bytes) {
      return {http::status::bad_request, json_message("error", std::string(names[i]) + " is too long")};
    }
  }
  const std::string row = correction_row_csv(fields[0], fields[1], fields[2], fields[3]);
  ProblemReport problems; // the row is checked exactly as `build --corrections` will read it
  const CorrectionSet checked = parse_corrections(std::string(corrections_header()) + row, "review", problems);
  if (checked.rows.size() != 1) {
    const auto found = problems.sorted();
    const std::string why = found.empty() ? "not a correction" : found.front().detail;
    return {http::status::bad_request, json_message("error", why.substr(why.find(": ") + 2))};
  }
  const std::lock_guard lock(m_mutex);
  append_row(m_file, row);
  ++m_appended;
  nlohmann::json reply;
  reply["appended"] = m_appended;
  reply["file"] = m_file.filename().string();
  return {http::status::created, reply.dump()};
}

std::string ReviewLog::status_json() const {
  const std::lock_guard lock(m_mutex);
  nlohmann::json reply;
  reply["appended"] = m_appended;
  reply["file"] = m_file.filename().string();
  return reply.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string ReviewLog::page_with_token(std::string_view html) const {
  const std::string meta = "<meta name=\"stationmap-review\" content=\"" + m_token + "\">\n";
  const auto head_end = html.find("</head>");
  if (head_end == std::string_view::npos) {
    return meta + std::string(html);
  }
  return std::string(html.substr(0, head_end)) + meta + std::string(html.substr(head_end));
}

} // namespace stationmap::serve
