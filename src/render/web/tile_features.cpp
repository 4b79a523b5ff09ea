// ClaimSet -> tile features: the rows of the map layers (layers/layer_model.hpp), with the fields the feature schema
// carries to the tiles (stationmap/render/schema.hpp): the same values as every other output, and the links'
// PROJ geodesics.

#include "web/tile_features.hpp"

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

} // namespace

std::vector<tiles::TileFeature> features_from_claims(const ClaimSet& claims, const LinkPaths* link_paths) {
  ProblemReport ignored; // the layers stage reports links without ends
  return detail::features_from_model(detail::build_model(claims, {}, ignored, render::RenderOptions{}), link_paths);
}

void detail::add_tile_features(const Layer& layer, const LinkPaths* link_paths, std::vector<tiles::TileFeature>& out) {
  if (layer.geom == GeomType::MultiPolygon) { // the tiles have no areas
    return;
  }
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

std::vector<tiles::TileFeature> detail::features_from_model(const MapModel& model, const LinkPaths* link_paths) {
  std::vector<tiles::TileFeature> out;
  for (const auto& layer : model.layers) {
    add_tile_features(layer, link_paths, out);
  }
  return out;
}

} // namespace stationmap::render
