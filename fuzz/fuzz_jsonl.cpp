// libFuzzer target: the JSON Lines and JSON corpus readers.

#include "fuzz_invariants.hpp"
#include "stationmap/ingest/jsonl.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const stationmap::ingest::JsonSource source{"corpus.jsonl", "corpus.jsonl"};
  const auto sink = [](stationmap::Document&& doc) {
    stationmap::fuzz::check(doc.id.rfind("corpus.jsonl", 0) == 0);
    stationmap::fuzz::check(!doc.text.empty());
    stationmap::fuzz::check_document(doc, true);
  };
  const auto bad = [](std::size_t line, const std::string& reason) {
    stationmap::fuzz::check(line > 0 && !reason.empty());
  };
  stationmap::ingest::parse_jsonl(bytes, source, 1 << 16, sink, bad);
  stationmap::ingest::parse_json_file(bytes, source, 1 << 16, sink, bad);
  return 0;
}
