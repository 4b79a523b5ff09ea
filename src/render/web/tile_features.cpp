// ClaimSet -> tile features: the rows of the map layers (layers/layer_model.hpp), with the fields the feature schema
// carries to the tiles (stationmap/render/schema.hpp): the same values as every other output, and the links'
// PROJ geodesics.

#include "layers/layer_model.hpp"
#include "stationmap/render/web_map.hpp"

#include <optional>

namespace stationmap::render {
namespace {

/// An attribute as MVT holds it: arrays as their JSON text. Null values are left out (MVT has no null).
std::optional<tiles::PropertyValue> tile_value(const detail::Value& value, FieldType type) {
  if (value.null) {
    return std::nullopt;
  }
  switch (type) {
  case FieldType::String:
  case FieldType::Json:
    return value.text;
  case FieldType::Integer:
    return value.integer;
  case FieldType::Real:
    return value.real;
  case FieldType::Boolean:
    return value.integer != 0;
  }
  return std::nullopt;
}

/// The feature's geometry: a link's line from the layers stage when given (absent there: left out, empty),
/// else the row's own shape.
std::vector<std::vector<LonLat>> feature_parts(const detail::Layer& layer, const detail::Row& row,
                                               const std::string& key, const LinkPaths* link_paths) {
  if (layer.geom == detail::GeomType::Line && link_paths != nullptr) {
    const auto it = link_paths->find(key);
    return it != link_paths->end() ? it->second : std::vector<std::vector<LonLat>>{};
  }
  return row.shape.parts;
}

/// The tile features of one layer of the model; the key is the first field (the layer's id).
void add_layer_features(const detail::Layer& layer, const LinkPaths* link_paths, std::vector<tiles::TileFeature>& out) {
  const render::LayerSpec& spec = render::layer_spec(layer.name);
  for (const auto& row : layer.rows) {
    tiles::TileFeature f;
    f.layer = layer.name;
    f.key = row.values.at(0).text;
    f.type = layer.geom == detail::GeomType::Line ? tiles::GeomType::LineString : tiles::GeomType::Point;
    f.parts = feature_parts(layer, row, f.key, link_paths);
    if (f.parts.empty()) {
      continue;
    }
    for (std::size_t i = 0; i < spec.fields.size(); ++i) {
      if (!render::in_tiles(spec.fields[i].carried)) {
        continue;
      }
      if (auto v = tile_value(row.values.at(i), spec.fields[i].type)) {
        f.properties.emplace(spec.fields[i].name, std::move(*v));
      }
    }
    out.push_back(std::move(f));
  }
}

} // namespace

std::vector<tiles::TileFeature> features_from_claims(const ClaimSet& claims, const LinkPaths* link_paths) {
  ProblemReport ignored; // the layers stage reports links without ends
  const detail::MapModel model = detail::build_model(claims, {}, ignored, render::RenderOptions{});
  std::vector<tiles::TileFeature> out;
  for (const auto& layer : model.layers) {
    if (layer.geom != detail::GeomType::MultiPolygon) { // the tiles have no areas
      add_layer_features(layer, link_paths, out);
    }
  }
  return out;
}

} // namespace stationmap::render
