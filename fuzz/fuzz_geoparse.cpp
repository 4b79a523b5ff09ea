// libFuzzer target: the geoparser's entry points (recognition over any text, and gold-span resolution over
// arbitrary spans), on the project's own fixture gazetteer (tests/gazetteer/data/fixture).

#include "stationmap/core/utf8.hpp"
#include "stationmap/gazetteer/gazetteer.hpp"
#include "stationmap/geoparse/geoparser.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

namespace {

const stationmap::Gazetteer& gazetteer() {
  static const stationmap::Gazetteer g = stationmap::Gazetteer::open(STATIONMAP_FUZZ_GAZETTEER);
  return g;
}

void check(bool ok) {
  if (!ok) {
    std::abort();
  }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const stationmap::Geoparser geoparser(gazetteer());
  const auto length = static_cast<std::uint32_t>(stationmap::utf8::length(text));
  std::uint32_t previous_end = 0;
  for (const auto& m : geoparser.parse(text)) {
    check(m.start < m.end && m.end <= length && m.start >= previous_end);
    check(m.confidence >= 0.0 && m.confidence <= 1.0);
    previous_end = m.end;
  }
  // Spans from the input's own bytes, in range or not: one result per span, never a crash.
  std::vector<stationmap::Span> spans;
  for (std::size_t i = 0; i + 1 < size && spans.size() < 16; i += 2) {
    spans.emplace_back(data[i], static_cast<std::uint32_t>(data[i]) + data[i + 1] % 24U);
  }
  check(geoparser.resolve_spans(text, spans).size() == spans.size());
  return 0;
}
