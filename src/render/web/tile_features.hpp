#pragma once
// The tiles read the layer model the GIS files are written from: one model per build.

#include "layers/layer_model.hpp"
#include "stationmap/tiles/tiles.hpp"

#include <vector>

namespace stationmap::render::detail {

/// The tile features of the model's point and line layers (see features_from_claims in
/// stationmap/render/web_map.hpp): the fields the feature schema carries to the tiles. Links take their lines
/// from @p link_paths when given, else from the links layer's rows.
/// Adds the tile features of one layer (none for an areas layer) to @p out; the key is the first field.
void add_tile_features(const Layer& layer, const LinkPaths* link_paths, std::vector<tiles::TileFeature>& out);
/// The same from the layer's own rows, which give their lines and values up to the features: @p layer is left
/// without rows.
void take_tile_features(Layer& layer, std::vector<tiles::TileFeature>& out);

[[nodiscard]] std::vector<tiles::TileFeature> features_from_model(const MapModel& model,
                                                                  const LinkPaths* link_paths = nullptr);

} // namespace stationmap::render::detail
