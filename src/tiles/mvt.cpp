// Mapbox Vector Tile 2.1 encoder and decoder on protozero.
// Tile { repeated Layer layers = 3; }
// Layer { required uint32 version = 15; required string name = 1; repeated Feature features = 2;
//         repeated string keys = 3; repeated Value values = 4; optional uint32 extent = 5; }
// Feature { optional uint64 id = 1; repeated uint32 tags = 2 [packed]; optional GeomType type = 3;
//           repeated uint32 geometry = 4 [packed]; }
// Value { string = 1; float = 2; double = 3; int64 = 4; uint64 = 5; sint64 = 6; bool = 7; }

#include "stationmap/tiles/mvt.hpp"

#include "stationmap/core/error.hpp"

#include <limits>
#include <optional>
#include <protozero/pbf_reader.hpp>
#include <protozero/pbf_writer.hpp>
#include <string_view>

namespace stationmap::tiles {
namespace {

constexpr std::uint32_t cmd_move_to = 1;
constexpr std::uint32_t cmd_line_to = 2;
constexpr std::uint32_t cmd_close_path = 7;

std::uint32_t command(std::uint32_t id, std::size_t count) {
  return (id & 0x7U) | (static_cast<std::uint32_t>(count) << 3U);
}

std::uint32_t zigzag(std::int32_t v) {
  return protozero::encode_zigzag32(v);
}

void encode_value(protozero::pbf_writer& layer, const PropertyValue& value) {
  protozero::pbf_writer out(layer, 4);
  if (const auto* s = std::get_if<std::string>(&value)) {
    out.add_string(1, *s);
  } else if (const auto* i = std::get_if<std::int64_t>(&value)) {
    if (*i >= 0) {
      out.add_uint64(5, static_cast<std::uint64_t>(*i));
    } else {
      out.add_sint64(6, *i);
    }
  } else if (const auto* d = std::get_if<double>(&value)) {
    out.add_double(3, *d);
  } else {
    out.add_bool(7, std::get<bool>(value));
  }
}

std::vector<std::uint32_t> encode_geometry(const MvtFeature& feature) {
  std::vector<std::uint32_t> geometry;
  std::int32_t cx = 0;
  std::int32_t cy = 0;
  auto delta = [&](const TilePoint& p) {
    geometry.push_back(zigzag(p.x - cx));
    geometry.push_back(zigzag(p.y - cy));
    cx = p.x;
    cy = p.y;
  };
  if (feature.type == GeomType::Point) {
    std::size_t count = 0;
    for (const auto& part : feature.parts) {
      count += part.empty() ? 0U : 1U;
    }
    if (count == 0) {
      return geometry;
    }
    geometry.push_back(command(cmd_move_to, count));
    for (const auto& part : feature.parts) {
      if (!part.empty()) {
        delta(part.front());
      }
    }
    return geometry;
  }
  if (feature.type == GeomType::Polygon) {
    for (const auto& ring : feature.parts) {
      if (ring.size() < 4) { // closed: first == last, at least three corners
        continue;
      }
      geometry.push_back(command(cmd_move_to, 1));
      delta(ring.front());
      geometry.push_back(command(cmd_line_to, ring.size() - 2)); // the closing position is ClosePath's
      for (std::size_t i = 1; i + 1 < ring.size(); ++i) {
        delta(ring[i]);
      }
      geometry.push_back(command(cmd_close_path, 1));
    }
    return geometry;
  }
  for (const auto& part : feature.parts) {
    if (part.size() < 2) {
      continue;
    }
    geometry.push_back(command(cmd_move_to, 1));
    delta(part.front());
    geometry.push_back(command(cmd_line_to, part.size() - 1));
    for (std::size_t i = 1; i < part.size(); ++i) {
      delta(part[i]);
    }
  }
  return geometry;
}

/// Orders values by what they hold (the index of a layer's values), not by where.
struct ValueLess {
  bool operator()(const PropertyValue* a, const PropertyValue* b) const { return *a < *b; }
};

/// Calls @p visit(key, value) for each attribute of @p feature in key order: its own properties and its shared
/// ones, the own value where both have a key.
template <class Visit> void for_each_property(const MvtFeature& feature, Visit&& visit) {
  if (feature.shared_properties == nullptr) {
    for (const auto& [k, v] : feature.properties) {
      visit(k, v);
    }
    return;
  }
  auto own = feature.properties.begin();
  auto shared = feature.shared_properties->begin();
  const auto own_end = feature.properties.end();
  const auto shared_end = feature.shared_properties->end();
  while (own != own_end || shared != shared_end) {
    if (shared == shared_end || (own != own_end && own->first <= shared->first)) {
      if (shared != shared_end && own->first == shared->first) {
        ++shared; // the feature's own value wins
      }
      visit(own->first, own->second);
      ++own;
    } else {
      visit(shared->first, shared->second);
      ++shared;
    }
  }
}

} // namespace

std::string encode_mvt(const std::vector<MvtLayer>& layers) {
  std::string out;
  protozero::pbf_writer tile(out);
  for (const auto& layer : layers) {
    // Features whose geometry encodes to nothing are skipped; a layer left empty is not written.
    std::vector<std::pair<const MvtFeature*, std::vector<std::uint32_t>>> encoded;
    for (const auto& feature : layer.features) {
      auto geometry = encode_geometry(feature);
      if (!geometry.empty()) {
        encoded.emplace_back(&feature, std::move(geometry));
      }
    }
    if (encoded.empty()) {
      continue;
    }
    // Keys and values indexed where the features hold them: a tile copies no attribute.
    std::map<std::string_view, std::uint32_t> key_index;
    std::vector<std::string_view> keys;
    std::map<const PropertyValue*, std::uint32_t, ValueLess> value_index;
    std::vector<const PropertyValue*> values;
    std::vector<std::vector<std::uint32_t>> tags(encoded.size());
    for (std::size_t f = 0; f < encoded.size(); ++f) {
      for_each_property(*encoded[f].first, [&](const std::string& k, const PropertyValue& v) {
        auto [kit, knew] = key_index.emplace(k, static_cast<std::uint32_t>(keys.size()));
        if (knew) {
          keys.push_back(k);
        }
        auto [vit, vnew] = value_index.emplace(&v, static_cast<std::uint32_t>(values.size()));
        if (vnew) {
          values.push_back(&v);
        }
        tags[f].push_back(kit->second);
        tags[f].push_back(vit->second);
      });
    }
    protozero::pbf_writer out_layer(tile, 3);
    out_layer.add_uint32(15, 2);
    out_layer.add_string(1, layer.name);
    for (std::size_t f = 0; f < encoded.size(); ++f) {
      protozero::pbf_writer out_feature(out_layer, 2);
      out_feature.add_uint64(1, encoded[f].first->id);
      out_feature.add_packed_uint32(2, tags[f].begin(), tags[f].end());
      out_feature.add_enum(3, static_cast<std::int32_t>(encoded[f].first->type));
      out_feature.add_packed_uint32(4, encoded[f].second.begin(), encoded[f].second.end());
    }
    for (const std::string_view k : keys) {
      out_layer.add_string(3, k.data(), k.size());
    }
    for (const auto* v : values) {
      encode_value(out_layer, *v);
    }
    out_layer.add_uint32(5, layer.extent);
  }
  return out;
}

namespace {

/// An MVT uint value as the signed integer the properties hold.
std::int64_t int64_of(std::uint64_t u) {
  if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
    throw FormatError("MVT: uint value out of range");
  }
  return static_cast<std::int64_t>(u);
}

/// The value of the current field of a Value message (string, float, double, int, uint, sint or bool); an
/// unknown field is skipped.
std::optional<PropertyValue> value_field(protozero::pbf_reader& value) {
  switch (value.tag()) {
  case 1:
    return std::string(value.get_view());
  case 2:
    return static_cast<double>(value.get_float());
  case 3:
    return value.get_double();
  case 4:
    return value.get_int64();
  case 5:
    return int64_of(value.get_uint64());
  case 6:
    return value.get_sint64();
  case 7:
    return value.get_bool();
  default:
    value.skip();
    return std::nullopt;
  }
}

PropertyValue decode_value(protozero::pbf_reader value) {
  PropertyValue result{std::string()};
  bool seen = false;
  while (value.next()) {
    seen = true;
    if (std::optional<PropertyValue> field = value_field(value)) {
      result = std::move(*field);
    }
  }
  if (!seen) {
    throw FormatError("MVT: empty value");
  }
  return result;
}

std::vector<std::vector<TilePoint>> decode_geometry(GeomType type, const std::vector<std::uint32_t>& g) {
  std::vector<std::vector<TilePoint>> parts;
  std::int32_t cx = 0;
  std::int32_t cy = 0;
  std::size_t i = 0;
  while (i < g.size()) {
    const std::uint32_t id = g[i] & 0x7U;
    const std::uint32_t count = g[i] >> 3U;
    ++i;
    if (id == cmd_close_path) {
      if (!parts.empty() && !parts.back().empty()) {
        parts.back().push_back(parts.back().front()); // rings come back closed, as they went in
      }
      continue;
    }
    if (id != cmd_move_to && id != cmd_line_to) {
      throw FormatError("MVT: unknown geometry command " + std::to_string(id));
    }
    if (i + 2ULL * count > g.size()) {
      throw FormatError("MVT: geometry command runs past its data");
    }
    for (std::uint32_t c = 0; c < count; ++c) {
      cx += protozero::decode_zigzag32(g[i]);
      cy += protozero::decode_zigzag32(g[i + 1]);
      i += 2;
      if (id == cmd_move_to && (type == GeomType::Point || c == 0)) {
        parts.emplace_back();
      }
      if (parts.empty()) {
        throw FormatError("MVT: LineTo before MoveTo");
      }
      parts.back().push_back({cx, cy});
    }
  }
  return parts;
}

} // namespace

std::vector<MvtLayer> decode_mvt(std::string_view bytes) {
  std::vector<MvtLayer> layers;
  try {
    protozero::pbf_reader tile(protozero::data_view{bytes.data(), bytes.size()});
    while (tile.next(3)) {
      protozero::pbf_reader layer = tile.get_message();
      MvtLayer out;
      std::vector<std::string> keys;
      std::vector<PropertyValue> values;
      std::vector<std::pair<std::vector<std::uint32_t>, MvtFeature>> raw;
      std::vector<std::vector<std::uint32_t>> geometries;
      std::uint32_t version = 1;
      while (layer.next()) {
        switch (layer.tag()) {
        case 15:
          version = layer.get_uint32();
          break;
        case 1:
          out.name = std::string(layer.get_view());
          break;
        case 3:
          keys.emplace_back(layer.get_view());
          break;
        case 4:
          values.push_back(decode_value(layer.get_message()));
          break;
        case 5:
          out.extent = layer.get_uint32();
          break;
        case 2: {
          protozero::pbf_reader feature = layer.get_message();
          MvtFeature f;
          std::vector<std::uint32_t> tags;
          std::vector<std::uint32_t> geometry;
          while (feature.next()) {
            switch (feature.tag()) {
            case 1:
              f.id = feature.get_uint64();
              break;
            case 2: {
              auto range = feature.get_packed_uint32();
              tags.assign(range.begin(), range.end());
              break;
            }
            case 3:
              f.type = static_cast<GeomType>(feature.get_enum());
              break;
            case 4: {
              auto range = feature.get_packed_uint32();
              geometry.assign(range.begin(), range.end());
              break;
            }
            default:
              feature.skip();
            }
          }
          raw.emplace_back(std::move(tags), std::move(f));
          geometries.push_back(std::move(geometry));
          break;
        }
        default:
          layer.skip();
        }
      }
      if (version != 2) {
        throw FormatError("MVT: layer '" + out.name + "' has version " + std::to_string(version));
      }
      for (std::size_t n = 0; n < raw.size(); ++n) {
        auto& [tags, f] = raw[n];
        if (tags.size() % 2 != 0) {
          throw FormatError("MVT: odd number of tags");
        }
        for (std::size_t t = 0; t < tags.size(); t += 2) {
          if (tags[t] >= keys.size() || tags[t + 1] >= values.size()) {
            throw FormatError("MVT: tag index out of range");
          }
          f.properties[keys[tags[t]]] = values[tags[t + 1]];
        }
        f.parts = decode_geometry(f.type, geometries[n]);
        out.features.push_back(std::move(f));
      }
      layers.push_back(std::move(out));
    }
  } catch (const protozero::exception& e) {
    throw FormatError(std::string("MVT: ") + e.what());
  }
  return layers;
}

} // namespace stationmap::tiles
