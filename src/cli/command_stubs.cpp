// Subcommands whose stages are still being built.

#include "commands.hpp"
#include "stationmap/core/error.hpp"

namespace stationmap::cli {

int run_serve(const std::vector<std::string>& /*args*/) {
  throw Error("serve: not implemented yet");
}

}  // namespace stationmap::cli
