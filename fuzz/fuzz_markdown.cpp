// libFuzzer target: Markdown and plain text.

#include "fuzz_invariants.hpp"
#include "stationmap/ingest/encoding.hpp"
#include "stationmap/ingest/markdown.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const auto decoded = stationmap::ingest::convert_to_utf8(bytes, "UTF-8");
  stationmap::Document md;
  stationmap::ingest::extract_markdown(decoded.text, md);
  stationmap::fuzz::check_document(md, true);
  stationmap::Document text;
  stationmap::ingest::extract_plain_text(decoded.text, text);
  stationmap::fuzz::check_document(text, true);
  return 0;
}
