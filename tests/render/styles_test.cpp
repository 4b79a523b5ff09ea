// The styles of styles/ take their colours from palette.json.

#include "stationmap/core/error.hpp"
#include "styles/styles.hpp"

#include <gtest/gtest.h>

namespace {

namespace rd = stationmap::render::detail;

TEST(Palette, EveryStyleHasItsPlaceholdersFilledIn) {
  for (const auto& name : rd::embedded_style_names()) {
    if (name.ends_with(".qml") || name.ends_with(".sld")) {
      EXPECT_EQ(rd::embedded_style(name).find("{{"), std::string::npos) << name;
    }
  }
}

TEST(Palette, QmlGetsDecimalAndSldHexColours) {
  const std::string closed = rd::palette_colour("status.closed");
  ASSERT_EQ(closed.size(), 7U);
  const auto channel = [&](std::size_t i) { return std::to_string(std::stoi(closed.substr(i, 2), nullptr, 16)); };
  const std::string rgb = channel(1) + "," + channel(3) + "," + channel(5) + ",255";
  EXPECT_NE(rd::embedded_style("stations.qml").find("v=\"" + rgb + "\""), std::string::npos);
  EXPECT_NE(rd::embedded_style("stations.sld").find(">" + closed + "<"), std::string::npos);
}

TEST(Palette, JurisdictionColoursComeFromItAndUnknownKeysAreErrors) {
  EXPECT_EQ(rd::jurisdiction_colour(0), rd::palette_colour("jurisdictions.0"));
  EXPECT_THROW((void)rd::palette_colour("status.no such status"), stationmap::Error);
}

} // namespace
