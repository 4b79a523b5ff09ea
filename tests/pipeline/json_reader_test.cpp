// The JSON reader of claims lines (src/pipeline/json_reader.hpp): values as JSON means them, and anything that is
// not one well-formed JSON value refused with a reason, never read past its end.

#include "invented_record.hpp"
#include "json_reader.hpp"
#include "stationmap/core/error.hpp"

#include <gtest/gtest.h>
#include <string>

namespace stationmap::detail {
namespace {

TEST(JsonReader, ReadsEveryKindOfValue) {
  const JsonDocument doc(R"( {"s": "a\"b\\c\/d\n\u00e9\ud83d\ude00", "plain": "Zürich", "n": -12, "x": 0.8125,
                              "e": 1.5e3, "t": true, "f": false, "z": null, "a": [1, [2], {}], "o": {"k": []}} )");
  const JsonValue& root = doc.root();
  EXPECT_EQ(root.at("s").string(), "a\"b\\c/d\n\xc3\xa9\xf0\x9f\x98\x80");
  EXPECT_EQ(root.at("plain").string(), "Zürich");
  EXPECT_EQ(root.at("n").number<std::int64_t>(), -12);
  EXPECT_EQ(root.at("x").number<double>(), 0.8125);
  EXPECT_EQ(root.at("e").number<double>(), 1500.0);
  EXPECT_TRUE(root.at("t").boolean());
  EXPECT_FALSE(root.at("f").boolean());
  EXPECT_TRUE(root.at("z").is_null());
  EXPECT_EQ(root.at("a").items().size(), 3U);
  EXPECT_EQ(root.at("a").at(1).at(0).number<int>(), 2);
  EXPECT_TRUE(root.at("o").at("k").items().empty());
  EXPECT_EQ(root.find("missing"), nullptr);
}

TEST(JsonReader, AValueOfTheWrongKindOrRangeIsRefused) {
  const JsonDocument doc(R"({"n": -1, "f": 2.5, "big": 4294967296, "s": "1"})");
  const JsonValue& root = doc.root();
  EXPECT_THROW((void)root.at("n").number<std::uint32_t>(), FormatError);
  EXPECT_THROW((void)root.at("f").number<int>(), FormatError);
  EXPECT_THROW((void)root.at("big").number<std::uint32_t>(), FormatError);
  EXPECT_THROW((void)root.at("s").number<int>(), FormatError);
  EXPECT_THROW((void)root.at("n").string(), FormatError);
  EXPECT_THROW((void)root.at("missing"), FormatError);
  EXPECT_THROW((void)root.at("s").items(), FormatError);
  EXPECT_THROW((void)root.at(std::size_t{0}), FormatError);
}

TEST(JsonReader, MalformedTextIsRefusedWithAReason) {
  for (const char* bad :
       {"",          "{",           "{\"a\" 1}",   "{\"a\": 1,}", "[1 2]",  "[01]",          "[1.]",
        "[-]",       "[.5]",        "tru",         "nul",         "\"open", "\"tab\there\"", "\"\\x\"",
        "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "\"\xff\"",    "{} {}",  "{\"a\":1} x"}) {
    try {
      const JsonDocument doc(bad);
      ADD_FAILURE() << "read: " << bad;
    } catch (const FormatError& e) {
      EXPECT_NE(std::string(e.what()).find("at byte"), std::string::npos) << e.what();
    }
  }
  const std::string deep = std::string(max_json_depth + 1, '[') + std::string(max_json_depth + 1, ']');
  EXPECT_THROW(JsonDocument{deep}, FormatError);
  const std::string deep_enough = std::string(max_json_depth, '[') + std::string(max_json_depth, ']');
  EXPECT_NO_THROW(JsonDocument{deep_enough});
}

TEST(JsonReader, EveryCutOfAClaimsLineIsRefused) {
  std::string line = claims_line(test_fixture::invented_record());
  line.pop_back(); // the newline
  EXPECT_NO_THROW(JsonDocument{line});
  for (std::size_t size = 0; size < line.size(); ++size) {
    const std::string cut = line.substr(0, size); // its own buffer: a read past the end is caught by ASan
    EXPECT_THROW(JsonDocument{cut}, FormatError) << size;
  }
}

} // namespace
} // namespace stationmap::detail
