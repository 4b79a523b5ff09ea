#pragma once
// Datelines: "DUBLIN, Oct 27 (Wire) - ...", "ATHENS, Ga. - ...", "CANBERRA/AUCKLAND - ...". A dateline names
// where the reporter filed, never a site; the places inside it get the role reason "dateline".

#include <cstddef>
#include <string_view>

namespace stationmap::datelines {

/// The length in bytes of the dateline that opens @p sentence, or 0 when it opens with none. A dateline is a
/// run of upper-case words (place names joined by '/' or spaces) followed by a comma or a dash, and closed by
/// a dash within its first kMaxLength bytes.
std::size_t length(std::string_view sentence);

/// Longest dateline read, in bytes: "WASHINGTON, April 17 (Reuters) -" fits, a sentence clause does not.
inline constexpr std::size_t kMaxLength = 64;

} // namespace stationmap::datelines
