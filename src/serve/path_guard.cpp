// Maps URL paths to files inside OUTDIR and nowhere else.

#include "stationmap/serve/server.hpp"

#include <algorithm>

namespace stationmap::serve {

std::optional<std::filesystem::path> resolve_inside(const std::filesystem::path& root, std::string_view url_path) {
  if (url_path.empty() || url_path.front() != '/' || url_path.find('\0') != std::string_view::npos ||
      url_path.find('\\') != std::string_view::npos) {
    return std::nullopt;
  }
  std::filesystem::path joined = root;
  std::size_t pos = 1;
  while (pos <= url_path.size()) {
    const std::size_t slash = std::min(url_path.find('/', pos), url_path.size());
    const std::string_view segment = url_path.substr(pos, slash - pos);
    pos = slash + 1;
    if (segment.empty()) {
      continue;
    }
    if (segment.front() == '.') { // "..", "." and dot files (.git, .tmp...) are never served
      return std::nullopt;
    }
    joined /= std::string(segment);
  }
  std::error_code ec;
  const std::filesystem::path real = std::filesystem::canonical(joined, ec); // follows symlinks
  if (ec) {
    return std::nullopt;
  }
  // Inside root: root's components are a prefix of real's.
  auto [r, p] = std::mismatch(root.begin(), root.end(), real.begin(), real.end());
  if (r != root.end()) {
    return std::nullopt;
  }
  return real;
}

} // namespace stationmap::serve
