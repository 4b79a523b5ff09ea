#include "styles/styles.hpp"

#include "stationmap/core/error.hpp"

#include <algorithm>
#include <cctype>
#include <nlohmann/json.hpp>
#include <span>

namespace stationmap::render::detail {

namespace {

std::span<const EmbeddedFile> files() {
  return {embedded_styles, embedded_style_count};
}

std::string_view raw_style(std::string_view name) {
  for (const auto& f : files()) {
    if (f.name == name) {
      return f.data;
    }
  }
  throw Error("no embedded style named " + std::string(name));
}

const nlohmann::json& palette() {
  static const nlohmann::json parsed = nlohmann::json::parse(raw_style("palette.json"));
  return parsed;
}

/// "#a50f15" -> "165,15,21" (QML colours are decimal r,g,b,a).
std::string decimal_rgb(const std::string& hex) {
  if (hex.size() != 7 || hex[0] != '#') {
    throw Error("palette.json: " + hex + " is not a #rrggbb colour");
  }
  std::string out;
  for (std::size_t i = 1; i < 7; i += 2) {
    out += (out.empty() ? "" : ",") + std::to_string(std::stoi(hex.substr(i, 2), nullptr, 16));
  }
  return out;
}

/// Replaces every {{hex:KEY}} and {{rgb:KEY}} of a style with the palette's colour.
std::string fill_palette(std::string_view style) {
  std::string out;
  std::size_t pos = 0;
  for (std::size_t open = style.find("{{"); open != std::string_view::npos; open = style.find("{{", pos)) {
    const std::size_t close = style.find("}}", open);
    if (close == std::string_view::npos) {
      break;
    }
    const std::string_view placeholder = style.substr(open + 2, close - open - 2);
    const std::size_t colon = placeholder.find(':');
    const std::string hex = palette_colour(placeholder.substr(colon + 1));
    out.append(style.substr(pos, open - pos));
    out += placeholder.starts_with("rgb:") ? decimal_rgb(hex) : hex;
    pos = close + 2;
  }
  out.append(style.substr(pos));
  return out;
}

} // namespace

std::string embedded_style(std::string_view name) {
  return fill_palette(raw_style(name));
}

std::string palette_colour(std::string_view key) {
  const nlohmann::json* node = &palette();
  std::size_t start = 0;
  while (start <= key.size()) {
    const std::size_t dot = std::min(key.find('.', start), key.size());
    const std::string part(key.substr(start, dot - start));
    if (node->is_array() && !part.empty() && std::isdigit(static_cast<unsigned char>(part[0])) != 0) {
      node = &node->at(std::stoul(part) % node->size());
    } else if (node->is_object() && node->contains(part)) {
      node = &node->at(part);
    } else {
      throw Error("palette.json has no colour " + std::string(key));
    }
    start = dot + 1;
  }
  if (!node->is_string()) {
    throw Error("palette.json: " + std::string(key) + " is not a colour");
  }
  return node->get<std::string>();
}

std::vector<std::string> embedded_style_names() {
  std::vector<std::string> names;
  for (const auto& f : files()) {
    names.emplace_back(f.name);
  }
  return names;
}

std::string jurisdiction_colour(std::size_t index) {
  return palette_colour("jurisdictions." + std::to_string(index));
}

std::string basemap_colour(const std::string& name) {
  return palette_colour("basemap." + name);
}

} // namespace stationmap::render::detail
