// The feature schema (see stationmap/render/schema.hpp), read from styles/schema.json, and the data dictionary
// written from it.

#include "stationmap/render/schema.hpp"

#include "stationmap/core/enum_names.hpp"
#include "stationmap/core/error.hpp"
#include "styles/styles.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

namespace stationmap::render {

namespace {

/// The field types' names in styles/schema.json and the data dictionary, and the outputs' names in
/// styles/schema.json and the dictionary's "tiles" column, in the enums' order.
constexpr auto type_name = enum_names(FieldType::Boolean, {"text", "integer", "real", "array", "boolean"});
constexpr auto outputs_name = enum_names(Carried::TilesOnly, {"files", "tiles", "tiles_only"});
constexpr auto tiles_column = enum_names(Carried::TilesOnly, {"–", "yes", "only"});

/// The schema as styles/schema.json states it, parsed once. The specs' views point into the parsed document.
class Schema {
public:
  explicit Schema(const std::string& text) : m_json(nlohmann::json::parse(text)) {
    const nlohmann::json& rows = m_json.at("layers");
    m_fields.reserve(rows.size());
    for (const nlohmann::json& layer : rows) {
      m_fields.push_back(layer.contains("extends") ? fields_of(layer.at("extends")) : std::vector<FieldSpec>{});
      for (const nlohmann::json& field : layer.at("fields")) {
        m_fields.back().push_back(field_of(field));
      }
      m_layers.push_back({view(layer.at("name")), view(layer.at("geometry")), view(layer.at("meaning")), {}});
    }
    for (std::size_t i = 0; i < m_layers.size(); ++i) {
      m_layers[i].fields = m_fields[i];
    }
  }
  Schema(const Schema&) = delete;
  Schema& operator=(const Schema&) = delete;

  [[nodiscard]] std::span<const LayerSpec> layers() const { return m_layers; }

private:
  static std::string_view view(const nlohmann::json& text) { return text.get_ref<const std::string&>(); }

  /// [name, Shapefile name, type, outputs, meaning].
  static FieldSpec field_of(const nlohmann::json& row) {
    const auto is_text = [](const nlohmann::json& cell) { return cell.is_string(); };
    if (!row.is_array() || row.size() != 5 || !std::all_of(row.begin(), row.end(), is_text)) {
      throw Error("styles/schema.json: not a field [name, Shapefile name, type, outputs, meaning]: " + row.dump());
    }
    const std::optional<FieldType> type = type_name.parse(view(row[2]));
    const std::optional<Carried> carried = outputs_name.parse(view(row[3]));
    if (!type || !carried) {
      throw Error("styles/schema.json: unknown type or outputs in " + row.dump());
    }
    return {view(row[0]), view(row[1]), *type, *carried, view(row[4])};
  }

  /// The fields of the layer named @p name, read before.
  [[nodiscard]] std::vector<FieldSpec> fields_of(const nlohmann::json& name) const {
    for (std::size_t i = 0; i < m_layers.size(); ++i) {
      if (m_layers[i].name == view(name)) {
        return m_fields[i];
      }
    }
    throw Error("styles/schema.json: a layer extends " + name.dump() + ", which does not come before it");
  }

  nlohmann::json m_json;
  std::vector<std::vector<FieldSpec>> m_fields; ///< per layer
  std::vector<LayerSpec> m_layers;
};

std::span<const LayerSpec> layers() {
  static const Schema schema(detail::embedded_style("schema.json"));
  return schema.layers();
}

} // namespace

std::span<const LayerSpec> feature_schema() {
  return layers();
}

const LayerSpec& layer_spec(std::string_view name) {
  for (const LayerSpec& layer : layers()) {
    if (layer.name == name) {
      return layer;
    }
  }
  throw Error("no layer named " + std::string(name) + " in the feature schema");
}

std::string data_dictionary_markdown() {
  std::string out;
  for (const LayerSpec& layer : layers()) {
    out += "#### `" + std::string(layer.name) + "` (" + std::string(layer.geometry) +
           "): " + std::string(layer.meaning) + "\n\n";
    out += "| field | Shapefile | type | tiles | meaning |\n|---|---|---|---|---|\n";
    for (const FieldSpec& f : layer.fields) {
      out += "| `" + std::string(f.name) + "` | `" + std::string(f.shp_name) + "` | " + type_name(f.type) + " | " +
             tiles_column(f.carried) + " | " + std::string(f.meaning) + " |\n";
    }
    out += "\n";
  }
  return out;
}

} // namespace stationmap::render
