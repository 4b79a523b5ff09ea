// The claims cache of `stationmap build` (claims_cache.hpp).

#include "claims_cache.hpp"

#include "stationmap/core/outdir.hpp"
#include "stationmap/pipeline/claims_io.hpp"

namespace stationmap::detail {

namespace {

namespace fs = std::filesystem;

constexpr std::string_view cache_file_name = "claims.jsonl";

/// The value of the string field @p key in a claims line, without parsing the line (claims_line() writes
/// `"key":"value"` with no escapes in these fields: hashes and versions).
std::string_view string_field(std::string_view line, std::string_view key) {
  const std::string pattern = "\"" + std::string(key) + "\":\"";
  const auto at = line.find(pattern);
  if (at == std::string_view::npos) {
    return {};
  }
  const auto start = at + pattern.size();
  const auto end = line.find('"', start);
  return end == std::string_view::npos ? std::string_view{} : line.substr(start, end - start);
}

} // namespace

ClaimsCache::ClaimsCache(fs::path dir, std::string pipeline, const std::vector<fs::path>& inputs)
    : m_dir(std::move(dir)), m_pipeline(std::move(pipeline)) {
  check_outdir(m_dir, inputs);
  fs::create_directories(m_dir);
  if (!is_stationmap_outdir(m_dir)) {
    write_outdir_marker(m_dir);
  }
  const fs::path file = m_dir / cache_file_name;
  std::error_code ec;
  if (fs::is_regular_file(file, ec) && fs::file_size(file, ec) > 0) {
    m_old = MappedFile(file);
    std::string_view rest = m_old.bytes();
    while (!rest.empty()) {
      const auto end = rest.find('\n');
      const std::string_view line = rest.substr(0, end);
      rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
      const std::string_view hash = string_field(line, "content_hash");
      if (!hash.empty() && string_field(line, "pipeline") == m_pipeline) {
        m_lines.emplace(hash, line);
      }
    }
  }
  m_new = std::make_unique<AtomicFile>(file);
}

std::optional<std::string> ClaimsCache::find(const std::string& content_hash) const {
  const auto it = m_lines.find(content_hash);
  if (it == m_lines.end()) {
    return std::nullopt;
  }
  return std::string(it->second);
}

void ClaimsCache::keep(std::string_view line) {
  m_new->write(line);
}

void ClaimsCache::commit() {
  m_new->commit();
}

fs::path default_cache_dir(const fs::path& outdir) {
  fs::path dir = outdir.lexically_normal();
  if (!dir.has_filename()) {
    dir = dir.parent_path(); // "map/" is "map"
  }
  return dir.parent_path() / (dir.filename().string() + ".cache");
}

} // namespace stationmap::detail
