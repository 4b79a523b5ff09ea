#pragma once
// The stationmap subcommands. Each returns the process exit status; errors are thrown as stationmap::Error
// and mapped to exit codes in main().

#include <string>
#include <vector>

namespace stationmap::cli {

int run_build(const std::vector<std::string>& args);
int run_extract(const std::vector<std::string>& args);
int run_geoparse(const std::vector<std::string>& args);
int run_serve(const std::vector<std::string>& args);
int run_gazetteer(const std::vector<std::string>& args);

} // namespace stationmap::cli
