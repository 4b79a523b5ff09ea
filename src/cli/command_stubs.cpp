// Subcommands whose stages are still being built.

#include "commands.hpp"
#include "stationmap/core/error.hpp"

namespace stationmap::cli {

}  // namespace stationmap::cli
