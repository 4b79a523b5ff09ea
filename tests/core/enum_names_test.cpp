#include "stationmap/core/enum_names.hpp"

#include <gtest/gtest.h>
#include <string_view>

namespace stationmap {
namespace {

enum class Colour { Red, Green, Blue };
constexpr auto colour_names = enum_names(Colour::Blue, {"red", "green", "blue"});

TEST(EnumNames, EachValueHasItsNameInTheEnumsOrder) {
  EXPECT_EQ(std::string_view(colour_names(Colour::Red)), "red");
  EXPECT_EQ(std::string_view(colour_names(Colour::Green)), "green");
  EXPECT_EQ(std::string_view(colour_names(Colour::Blue)), "blue");
  static_assert(std::string_view(colour_names(Colour::Blue)) == "blue", "names are known at compile time");
}

TEST(EnumNames, ParsesANameBackToItsValue) {
  EXPECT_EQ(colour_names.parse("green"), Colour::Green);
  EXPECT_EQ(colour_names.parse("Green"), std::nullopt) << "names are exact";
  EXPECT_EQ(colour_names.parse(""), std::nullopt);
}

TEST(EnumNames, AValueOutsideTheListIsAnError) {
  EXPECT_THROW((void)colour_names(static_cast<Colour>(3)), std::out_of_range);
}

} // namespace
} // namespace stationmap
