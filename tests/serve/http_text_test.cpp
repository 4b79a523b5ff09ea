// Range headers, request targets, ETags, log escaping and CORS origins as plain functions.

#include "stationmap/serve/http_text.hpp"
#include "stationmap/serve/options.hpp"

#include <gtest/gtest.h>

using namespace stationmap::serve;
using Kind = RangeRequest::Kind;

TEST(ServeRange, OneRangeOfEachForm) {
  EXPECT_EQ(parse_range("bytes=0-99", 1000).range, (ByteRange{0, 99}));
  EXPECT_EQ(parse_range("bytes=0-99", 1000).kind, Kind::one_range);
  EXPECT_EQ(parse_range("bytes=900-", 1000).range, (ByteRange{900, 999}));
  EXPECT_EQ(parse_range("bytes=-20", 1000).range, (ByteRange{980, 999}));
  EXPECT_EQ(parse_range("bytes=-5000", 1000).range, (ByteRange{0, 999})); // a suffix longer than the body
  EXPECT_EQ(parse_range("bytes=10-5000", 1000).range, (ByteRange{10, 999}));
  EXPECT_EQ(parse_range(" bytes= 3 - 4 ", 1000).range, (ByteRange{3, 4}));
}

TEST(ServeRange, ListsAndRangesPastTheEndAreUnsatisfiable) {
  EXPECT_EQ(parse_range("bytes=0-1,5-6", 1000).kind, Kind::unsatisfiable);
  EXPECT_EQ(parse_range("bytes=0-,0-,0-", 1000).kind, Kind::unsatisfiable);
  EXPECT_EQ(parse_range("bytes=1000-", 1000).kind, Kind::unsatisfiable);
  EXPECT_EQ(parse_range("bytes=-0", 1000).kind, Kind::unsatisfiable);
  EXPECT_EQ(parse_range("bytes=0-", 0).kind, Kind::unsatisfiable);
}

TEST(ServeRange, MalformedOrOtherUnitsAreIgnored) {
  EXPECT_EQ(parse_range("", 1000).kind, Kind::whole);
  EXPECT_EQ(parse_range("items=0-5", 1000).kind, Kind::whole);
  EXPECT_EQ(parse_range("bytes=5-1", 1000).kind, Kind::whole);
  EXPECT_EQ(parse_range("bytes=a-b", 1000).kind, Kind::whole);
  EXPECT_EQ(parse_range("bytes=7", 1000).kind, Kind::whole);
  EXPECT_EQ(parse_range("bytes=99999999999999999999-", 1000).kind, Kind::whole);
}

TEST(ServeTarget, DecodesThePathOnce) {
  EXPECT_EQ(decode_target_path("/a%20b/c.json?x=%zz"), "/a b/c.json");
  EXPECT_EQ(decode_target_path("/%252e"), "/%2e");
  EXPECT_EQ(decode_target_path("/%2E%2e/"), "/../");
  EXPECT_EQ(decode_target_path("/"), "/");
  EXPECT_FALSE(decode_target_path("/%zz"));
  EXPECT_FALSE(decode_target_path("/%2"));
  EXPECT_FALSE(decode_target_path("/abc%"));
  EXPECT_FALSE(decode_target_path("http://example.org/"));
  EXPECT_FALSE(decode_target_path("*"));
}

TEST(ServeEtag, SameBytesSameTagAndListsMatch) {
  EXPECT_EQ(content_etag("abc"), content_etag("abc"));
  EXPECT_NE(content_etag("abc"), content_etag("abd"));
  EXPECT_EQ(content_etag("abc").size(), 18U);
  const std::string tag = content_etag("abc");
  EXPECT_TRUE(etag_listed(tag, tag));
  EXPECT_TRUE(etag_listed("\"x\", W/" + tag, tag));
  EXPECT_TRUE(etag_listed("*", tag));
  EXPECT_FALSE(etag_listed("\"x\"", tag));
  EXPECT_FALSE(etag_listed("", tag));
}

TEST(ServeLog, EscapesWhatCouldBreakALine) {
  EXPECT_EQ(escape_for_log("GET /a b"), "GET /a b");
  EXPECT_EQ(escape_for_log("x\"y\\z"), "x\\x22y\\x5cz");
  EXPECT_EQ(escape_for_log("a\r\nb\x1b[31m"), "a\\x0d\\x0ab\\x1b[31m");
  EXPECT_EQ(escape_for_log("caf\xc3\xa9"), "caf\\xc3\\xa9");
}

TEST(ServeCors, OriginsAsBrowsersSendThem) {
  EXPECT_TRUE(is_valid_cors_origin("*"));
  EXPECT_TRUE(is_valid_cors_origin("https://maps.example.org"));
  EXPECT_TRUE(is_valid_cors_origin("http://127.0.0.1:8080"));
  EXPECT_FALSE(is_valid_cors_origin(""));
  EXPECT_FALSE(is_valid_cors_origin("example.org"));
  EXPECT_FALSE(is_valid_cors_origin("https://example.org/"));
  EXPECT_FALSE(is_valid_cors_origin("https://example.org:80x"));
  EXPECT_FALSE(is_valid_cors_origin("https://exa mple.org"));
  EXPECT_FALSE(is_valid_cors_origin("https://example.org\r\nX: 1"));
  EXPECT_FALSE(is_valid_cors_origin("javascript://x"));
}
