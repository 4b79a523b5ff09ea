#include "styles.hpp"

#include "stationmap/core/error.hpp"

#include <nlohmann/json.hpp>
#include <span>

namespace stationmap::render::detail {

namespace {

std::span<const EmbeddedFile> files() {
  return {embedded_styles, embedded_style_count};
}

} // namespace

std::string_view embedded_style(std::string_view name) {
  for (const auto& f : files()) {
    if (f.name == name) {
      return f.data;
    }
  }
  throw Error("no embedded style named " + std::string(name));
}

std::vector<std::string> embedded_style_names() {
  std::vector<std::string> names;
  for (const auto& f : files()) {
    names.emplace_back(f.name);
  }
  return names;
}

std::string jurisdiction_colour(std::size_t index) {
  static const std::vector<std::string> colours = [] {
    const auto palette = nlohmann::json::parse(embedded_style("palette.json"));
    return palette.at("jurisdictions").get<std::vector<std::string>>();
  }();
  return colours.at(index % colours.size());
}

} // namespace stationmap::render::detail

namespace stationmap::render::detail {

std::string basemap_colour(const std::string& name) {
  static const nlohmann::json colours = nlohmann::json::parse(embedded_style("palette.json")).at("basemap");
  return colours.at(name).get<std::string>();
}

} // namespace stationmap::render::detail
