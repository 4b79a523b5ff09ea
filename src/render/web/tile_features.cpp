// ClaimSet -> tile features: the rows of the map layers (layers/layer_model.hpp), with the fields the feature schema
// carries to the tiles (stationmap/render/schema.hpp): the same values as every other output, and the links'
// PROJ geodesics.

#include "web/tile_features.hpp"

#include "stationmap/render/web_map.hpp"

#include <optional>
#include <type_traits>
#include <utility>

namespace stationmap::render {
namespace {

/// An attribute as MVT holds it: arrays as their JSON text. Null values are left out (MVT has no null).
std::optional<tiles::PropertyValue> tile_value(detail::Value value, FieldType type) {
  if (value.null) {
    return std::nullopt;
  }
  switch (type) {
  case FieldType::String:
  case FieldType::Json:
    return std::move(value.text);
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

namespace {

/// The tile features of @p layer's rows into @p out. A layer given as non-const gives its rows' lines and
/// values up to the features (moved, not copied); a const one is copied from, its links' lines from @p link_paths
/// when given.
template <class L>
void append_tile_features(L& layer, const LinkPaths* link_paths, std::vector<tiles::TileFeature>& out) {
  constexpr bool take = !std::is_const_v<L>;
  if (layer.geom == detail::GeomType::MultiPolygon) { // the tiles have no areas
    return;
  }
  const render::LayerSpec& spec = render::layer_spec(layer.name);
  for (auto& row : layer.rows) {
    tiles::TileFeature f;
    f.layer = layer.name;
    f.key = row.values.at(0).text;
    f.type = layer.geom == detail::GeomType::Line ? tiles::GeomType::LineString : tiles::GeomType::Point;
    if constexpr (take) {
      f.parts = std::move(row.shape.parts);
    } else {
      f.parts = feature_parts(layer, row, f.key, link_paths);
    }
    if (f.parts.empty()) {
      continue;
    }
    for (std::size_t i = 0; i < spec.fields.size(); ++i) {
      if (!render::in_tiles(spec.fields[i].carried)) {
        continue;
      }
      if constexpr (take) {
        row.values.at(i).text.shrink_to_fit(); // a value kept whole, not the capacity it was built in
      }
      if (auto v = tile_value(take ? std::move(row.values.at(i)) : row.values.at(i), spec.fields[i].type)) {
        f.properties.emplace(spec.fields[i].name, std::move(*v));
      }
    }
    out.push_back(std::move(f));
  }
}

} // namespace

void detail::add_tile_features(const Layer& layer, const LinkPaths* link_paths, std::vector<tiles::TileFeature>& out) {
  append_tile_features(layer, link_paths, out);
}

void detail::take_tile_features(Layer& layer, std::vector<tiles::TileFeature>& out) {
  append_tile_features(layer, nullptr, out);
  std::vector<Row>().swap(layer.rows);
}

std::vector<tiles::TileFeature> detail::features_from_model(const MapModel& model, const LinkPaths* link_paths) {
  std::vector<tiles::TileFeature> out;
  for (const auto& layer : model.layers) {
    add_tile_features(layer, link_paths, out);
  }
  return out;
}

} // namespace stationmap::render
