// libFuzzer target: binary sniffing, charset detection and conversion; the output must be valid UTF-8.

#include "fuzz_invariants.hpp"
#include "stationmap/ingest/encoding.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  (void)stationmap::ingest::binary_reason(bytes);
  const auto decoded = stationmap::ingest::decode_to_utf8(bytes, stationmap::ingest::declared_charset(bytes));
  stationmap::fuzz::check(stationmap::utf8::is_valid(decoded.text));
  stationmap::fuzz::check(!decoded.encoding.empty());
  if (decoded.encoding == "UTF-8" && decoded.replaced == 0 && decoded.nuls_removed == 0) {
    // a clean UTF-8 decoding is the identity (apart from a byte-order mark)
    std::string_view expected = bytes;
    if (expected.substr(0, 3) == "\xEF\xBB\xBF")
      expected.remove_prefix(3);
    stationmap::fuzz::check(decoded.text == expected);
  }
  return 0;
}
