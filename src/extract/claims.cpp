// Status names: the one spelling every output writes.

#include "stationmap/extract/claims.hpp"

#include <algorithm>

namespace stationmap {

std::string_view status_name(Status status) {
  switch (status) {
  case Status::Closed:
    return "closed";
  case Status::OrderedClosed:
    return "ordered closed";
  case Status::UnderInvestigation:
    return "under investigation";
  case Status::Confirmed:
    return "confirmed";
  case Status::Denied:
    return "denied";
  case Status::Suspected:
    return "suspected";
  case Status::Alleged:
    return "alleged";
  }
  return "alleged";
}

std::optional<Status> parse_status(std::string_view name) {
  const auto it =
      std::find_if(all_statuses.begin(), all_statuses.end(), [name](Status s) { return status_name(s) == name; });
  return it == all_statuses.end() ? std::nullopt : std::optional<Status>(*it);
}

} // namespace stationmap
