#include "stationmap/ingest/document.hpp"

#include "stationmap/core/enum_names.hpp"

namespace stationmap {

namespace {

/// The block kinds' names, in the order of the enum.
constexpr auto block_kind_names =
    enum_names(BlockKind::Quote, {"body", "title", "caption", "byline", "navigation", "table", "quote"});

} // namespace

const char* to_string(BlockKind kind) noexcept {
  return block_kind_names(kind);
}

} // namespace stationmap
