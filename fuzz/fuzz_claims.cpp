// libFuzzer target: the claims readers of the pipeline, a claims line (JSON) and a claims cache record (binary).
// Whatever the bytes, they are refused with FormatError or read; what was read is written and read back alike.

#include "claims_binary.hpp"
#include "fuzz_invariants.hpp"
#include "stationmap/core/error.hpp"
#include "stationmap/pipeline/claims_io.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    const stationmap::ClaimsRecord record = stationmap::parse_claims_line(bytes);
    if (const auto* d = std::get_if<stationmap::DocumentRecord>(&record)) {
      const std::string line = stationmap::claims_line(*d);
      const auto again = stationmap::parse_claims_line(std::string_view(line).substr(0, line.size() - 1));
      stationmap::fuzz::check(stationmap::claims_line(std::get<stationmap::DocumentRecord>(again)) == line);
    }
  } catch (const stationmap::FormatError&) {
  }
  try {
    const stationmap::DocumentRecord record = stationmap::detail::decode_record(bytes);
    stationmap::fuzz::check(stationmap::detail::encode_record(
                                stationmap::detail::decode_record(stationmap::detail::encode_record(record))) ==
                            stationmap::detail::encode_record(record));
  } catch (const stationmap::FormatError&) {
  }
  return 0;
}
