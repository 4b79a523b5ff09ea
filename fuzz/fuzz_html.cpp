// libFuzzer target: HTML article extraction, on raw bytes and on their decoded text.

#include "fuzz_invariants.hpp"
#include "stationmap/ingest/encoding.hpp"
#include "stationmap/ingest/html.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto decoded = stationmap::ingest::decode_to_utf8(bytes, stationmap::ingest::declared_charset(bytes));
  stationmap::Document doc;
  stationmap::ingest::extract_html(decoded.text, doc);
  stationmap::fuzz::check_document(doc, true);
  return 0;
}
