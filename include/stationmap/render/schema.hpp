#pragma once
/// @file
/// The feature schema: every field of every map layer, defined once. GeoJSON, Shapefile, GeoPackage, PostGIS,
/// the vector tiles (and so the web map's popups) and the README's data dictionary are all written from this
/// table, so a field has one name, one type and one value in every output. The table itself is data:
/// `styles/schema.json` (embedded with the styles, read once by src/render/schema.cpp).
///
/// Arrays (ids, names, evidence) are JSON arrays where the format has them (GeoJSON) or a JSON column
/// (GeoPackage and PostGIS: JSON text in a JSON-typed column); where attributes are scalar (Shapefile, MVT
/// tiles) the same JSON array is written as a string. Shapefile strings stop at 254 bytes: an array there
/// keeps as many whole items as fit.

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

namespace stationmap::render {

/// The type of a field's values. Json: a JSON array (of strings or of objects).
enum class FieldType : std::uint8_t { String, Integer, Real, Json, Boolean };

/// The outputs of a field: the GIS files (GeoJSON, Shapefile, GeoPackage, PostGIS), the vector tiles, or both.
enum class Carried : std::uint8_t {
  Files,    ///< only the GIS files
  Tiles,    ///< also the vector tiles, where the web map's style and popups read it
  TilesOnly ///< only the tiles: a short excerpt of what the files carry whole (a feature is in many tiles)
};

[[nodiscard]] constexpr bool in_files(Carried c) {
  return c != Carried::TilesOnly;
}
[[nodiscard]] constexpr bool in_tiles(Carried c) {
  return c != Carried::Files;
}

/// The tiles' evidence excerpt (field evidence_excerpt): the popup shows the first few supporting sentences,
/// each cut short; the GIS files carry them all. These bound a feature's size in every tile that draws it.
inline constexpr std::size_t excerpt_sentences = 3;        ///< sentences in the excerpt
inline constexpr std::size_t excerpt_sentence_bytes = 300; ///< bytes of each sentence (UTF-8, then "…")

/// One field of a layer.
struct FieldSpec {
  std::string_view name;     ///< as in GeoJSON, GeoPackage, PostGIS and the tiles
  std::string_view shp_name; ///< the Shapefile (dBase) name: at most 10 characters, chosen here
  FieldType type = FieldType::String;
  Carried carried = Carried::Files;
  std::string_view meaning; ///< one sentence for the data dictionary
};

/// One layer: its fields in column order.
struct LayerSpec {
  std::string_view name;
  std::string_view geometry; ///< "Point", "LineString", "MultiPolygon"
  std::string_view meaning;
  std::span<const FieldSpec> fields;
};

/// Every map layer, in the order of the data dictionary.
[[nodiscard]] std::span<const LayerSpec> feature_schema();

/// The layer named @p name. Throws Error for an unknown layer.
[[nodiscard]] const LayerSpec& layer_spec(std::string_view name);

/// The data dictionary (Markdown) as the README carries it.
[[nodiscard]] std::string data_dictionary_markdown();

} // namespace stationmap::render
