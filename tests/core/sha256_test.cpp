// SHA-256 (core/sha256.hpp) against the FIPS 180-2 test vectors; fields cannot run into each other.

#include "stationmap/core/sha256.hpp"

#include <gtest/gtest.h>

namespace stationmap {
namespace {

TEST(Sha256, MatchesTheStandardTestVectors) {
  EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256().update("ab").update("c").hex(), sha256_hex("abc")) << "incremental = whole";
}

TEST(Sha256, FieldsAreDelimitedByTheirLength) {
  EXPECT_NE(Sha256().field("ab").field("c").hex(), Sha256().field("a").field("bc").hex());
}

TEST(Sha256, GatheredFieldsHashAsFieldsAddedOneByOne) {
  std::string gathered;
  Sha256::append_field(gathered, "Westhaven");
  Sha256::append_field(gathered, "");
  Sha256::append_field(gathered, std::string(300, 'x'));
  EXPECT_EQ(Sha256().update(gathered).hex(), Sha256().field("Westhaven").field("").field(std::string(300, 'x')).hex());
  EXPECT_EQ(gathered.size(), 3 * 8 + 9 + 300U);
}

TEST(Sha256, ARestartedDigestIsAFreshOne) {
  Sha256 reused;
  EXPECT_EQ(reused.update("something else").hex(), sha256_hex("something else"));
  EXPECT_EQ(reused.restart().update("abc").hex(), sha256_hex("abc"));
  std::string prefixed = "sha256:";
  reused.restart().update("abc").append_hex(prefixed);
  EXPECT_EQ(prefixed, "sha256:" + sha256_hex("abc"));
}

} // namespace
} // namespace stationmap
