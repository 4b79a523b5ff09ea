#include "stationmap/ingest/document.hpp"

namespace stationmap {

const char* to_string(BlockKind kind) noexcept {
  switch (kind) {
  case BlockKind::Body:
    return "body";
  case BlockKind::Title:
    return "title";
  case BlockKind::Caption:
    return "caption";
  case BlockKind::Byline:
    return "byline";
  case BlockKind::Navigation:
    return "navigation";
  case BlockKind::Table:
    return "table";
  case BlockKind::Quote:
    return "quote";
  }
  return "body";
}

} // namespace stationmap
