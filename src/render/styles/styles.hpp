#pragma once
// The style sources of styles/ (QML, SLD, palette.json), embedded in the binary at build time.

#include <string>
#include <string_view>
#include <vector>

namespace stationmap::render::detail {

/// The contents of styles/<name>, e.g. "stations.qml", with palette.json's colours filled in: the styles say
/// `{{hex:KEY}}` (#rrggbb) or `{{rgb:KEY}}` (r,g,b) where KEY is a path into palette.json ("status.closed",
/// "places", "jurisdictions.0", "basemap.land"). Throws Error when there is no such file or key.
std::string embedded_style(std::string_view name);

/// The colour (#rrggbb) at @p key of palette.json (a path as for embedded_style). Throws Error when missing.
std::string palette_colour(std::string_view key);

/// Names of every embedded style file, sorted.
std::vector<std::string> embedded_style_names();

/// Colour (#rrggbb) for the i-th jurisdiction, from palette.json "jurisdictions".
std::string jurisdiction_colour(std::size_t index);

/// Colour (#rrggbb) of a basemap element ("water", "land", "coast", "border", "label", "label_halo"), from
/// palette.json "basemap".
std::string basemap_colour(const std::string& name);

} // namespace stationmap::render::detail

namespace stationmap::render::detail {

/// A file of styles/, embedded by styles/EmbedStyles.cmake.
struct EmbeddedFile {
  std::string_view name;
  std::string_view data;
};
extern const EmbeddedFile embedded_styles[];
extern const std::size_t embedded_style_count;

} // namespace stationmap::render::detail
