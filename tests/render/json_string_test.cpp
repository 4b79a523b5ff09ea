#include "layers/json_string.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <string>

namespace stationmap::render::detail {
namespace {

std::string json_quoted(std::string_view text) {
  std::string out;
  append_json_quoted(out, text);
  return out;
}

/// Every ASCII byte (controls, quote, backslash, '/', DEL) at the start, inside and at the end of texts of
/// several word lengths, with UTF-8 around: spelt as nlohmann's dump() spells valid UTF-8.
TEST(JsonString, EscapesAsDumpDoesEveryAsciiByteAnywhere) {
  for (int byte = 0; byte < 0x80; ++byte) {
    for (const std::size_t length : {0U, 3U, 8U, 13U}) {
      const std::string filler = std::string(length, 'x') + "北";
      const char c = static_cast<char>(byte);
      for (const std::string& text : {std::string(1, c), c + filler, filler + c + filler, filler + c + c}) {
        EXPECT_EQ(json_quoted(text), nlohmann::json(text).dump()) << byte << " " << length;
      }
    }
  }
}

TEST(JsonString, CopiesPlainTextWhole) {
  std::string out = "[";
  append_json_escaped(out, "Prague, 2022-10-01 / é");
  EXPECT_EQ(out, "[Prague, 2022-10-01 / é");
  EXPECT_EQ(json_quoted(""), "\"\"");
  EXPECT_EQ(json_quoted("a\"b\\c\nd\x01"), "\"a\\\"b\\\\c\\nd\\u0001\"");
}

/// Plain ASCII text is quoted as append_json_quoted() quotes it; text with a byte to escape or to check as UTF-8 is
/// left to the caller, nothing appended.
TEST(JsonString, QuotesPlainAsciiTextOnly) {
  for (const std::string_view plain : {"", "corpus.jsonl#doc-000004", "An office in Prague (2022-10-01) / a ~ b"}) {
    std::string out = "[";
    EXPECT_TRUE(append_plain_json_quoted(out, plain)) << plain;
    EXPECT_EQ(out, "[" + json_quoted(plain)) << plain;
  }
  for (const std::string_view other : {"a\"b", "a\\b", "line\nbreak", "Prague é", "\x7f\x80"}) {
    std::string out = "[";
    EXPECT_FALSE(append_plain_json_quoted(out, other)) << other;
    EXPECT_EQ(out, "[") << other;
  }
}

} // namespace
} // namespace stationmap::render::detail
