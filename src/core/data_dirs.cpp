#include "stationmap/core/data_dirs.hpp"

namespace stationmap {

namespace fs = std::filesystem;

fs::path running_executable() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe;
}

fs::path share_dir_beside(const fs::path& executable) {
  return (executable.parent_path() / ".." / "share" / "stationmap").lexically_normal();
}

fs::path find_data_dir(const fs::path& executable, const fs::path& relative, const fs::path& marker,
                       const std::vector<fs::path>& compiled_in) {
  std::vector<fs::path> candidates;
  if (!executable.empty()) {
    candidates.push_back(share_dir_beside(executable) / relative);
  }
  candidates.insert(candidates.end(), compiled_in.begin(), compiled_in.end());
  for (const fs::path& dir : candidates) {
    std::error_code ec;
    if (fs::is_regular_file(dir / marker, ec)) {
      return dir;
    }
  }
  return {};
}

} // namespace stationmap
