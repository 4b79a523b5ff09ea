#pragma once
/// @file
/// Where stationmap finds the data it ships beside its code (the web map template and MapLibre, the Natural
/// Earth basemap, the gazetteer index): first beside the running executable, in <exe dir>/../share/stationmap
/// (the build tree stages them into <build>/share/stationmap at build time, next to <build>/src/stationmap;
/// `cmake --install` puts them into <prefix>/share/stationmap, next to <prefix>/bin), then in the folders
/// compiled in (the source tree, the install prefix). So a build whose source folder was moved or deleted, and
/// a copied or installed executable, still find them.

#include <filesystem>
#include <vector>

namespace stationmap {

/// The running executable (/proc/self/exe); empty when the system does not say.
[[nodiscard]] std::filesystem::path running_executable();

/// The data folder beside @p executable: <its folder>/../share/stationmap, lexically normalised.
[[nodiscard]] std::filesystem::path share_dir_beside(const std::filesystem::path& executable);

/// The first folder that holds @p marker (a file, relative to the folder): share_dir_beside(@p executable) /
/// @p relative, then each of @p compiled_in in order. Empty when none does.
[[nodiscard]] std::filesystem::path find_data_dir(const std::filesystem::path& executable,
                                                  const std::filesystem::path& relative,
                                                  const std::filesystem::path& marker,
                                                  const std::vector<std::filesystem::path>& compiled_in);

} // namespace stationmap
