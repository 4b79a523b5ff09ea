// The feature schema table (see stationmap/render/schema.hpp) and the data dictionary written from it.

#include "stationmap/render/schema.hpp"

#include "stationmap/core/error.hpp"

#include <array>

namespace stationmap::render {

namespace {

using enum FieldType;
constexpr Carried files = Carried::Files;
constexpr Carried tiles = Carried::Tiles;
constexpr Carried tiles_only = Carried::TilesOnly;

constexpr std::array stations{
    FieldSpec{"station_id", "station_id", String, tiles, "Stable id of the site, derived from its place"},
    FieldSpec{"name", "name", String, tiles, "Name of the site's place (gazetteer name)"},
    FieldSpec{"country", "country", String, tiles, "ISO 3166-1 alpha-2 code of the site's country"},
    FieldSpec{"precision", "precision", String, tiles,
              "How exactly the point is known: address, district, city, region or country"},
    FieldSpec{"status", "status", String, tiles,
              "Strongest status the documents state (one of the statuses of the legend and styles/palette.json)"},
    FieldSpec{"status_date", "status_dt", String, tiles, "Date of the status statement (YYYY-MM-DD), when given"},
    FieldSpec{"station_count", "stn_count", Integer, tiles, "Number of stations the documents place at this site"},
    FieldSpec{"jurisdictions", "juris_ids", Json, tiles, "Ids of the home jurisdictions said to run the site"},
    FieldSpec{"jurisdiction_names", "juris_name", Json, tiles, "Names of those jurisdictions, in the same order"},
    FieldSpec{"documents", "documents", Json, files, "Ids of the documents that support the site"},
    FieldSpec{"document_count", "n_docs", Integer, tiles, "Number of those documents"},
    FieldSpec{"evidence", "evidence", Json, files,
              "The supporting sentences: objects with document, title, url, date and sentence"},
    FieldSpec{"evidence_count", "n_evidence", Integer, tiles, "Number of supporting sentences"},
    FieldSpec{"evidence_excerpt", "evid_exc", Json, tiles_only,
              "The first supporting sentences, cut short, as the web map's popup shows them"},
    FieldSpec{"confidence", "confidence", Real, tiles, "Confidence in the site's place (0 to 1, 3 decimals)"},
    FieldSpec{"address", "address", String, tiles, "Street or building, when a document gives one"},
    FieldSpec{"admin1", "admin1", String, files, "First-level region (state, province) of the site"},
    FieldSpec{"feature_code", "feat_code", String, files, "GeoNames feature code of the site's place"},
    FieldSpec{"geonameid", "geonameid", Integer, files, "GeoNames id of the site's place, when it has one"},
    FieldSpec{"verified", "verified", Boolean, tiles, "True when an analyst confirmed or added the site"},
    FieldSpec{"corrections", "correction", Json, files,
              "Analysts' corrections that touched the site: objects with row, action and note"},
};

/// A site the extractor is unsure of has the fields a station there would have, then why it is uncertain.
constexpr std::array candidate_reasons{
    FieldSpec{"reason", "reason", String, tiles, "Why the site is uncertain, in words (the first of its reasons)"},
    FieldSpec{"reason_code", "reason_cd", String, tiles,
              "That reason's code, as in mentions.csv: question, namesake or uncertain_name"},
    FieldSpec{"reasons", "reasons", Json, tiles, "Every reason code its mentions have, in the order of the list"},
};

template <std::size_t N, std::size_t M>
constexpr std::array<FieldSpec, N + M> concatenated(const std::array<FieldSpec, N>& a,
                                                    const std::array<FieldSpec, M>& b) {
  std::array<FieldSpec, N + M> out{};
  for (std::size_t i = 0; i < N; ++i) {
    out[i] = a[i];
  }
  for (std::size_t i = 0; i < M; ++i) {
    out[N + i] = b[i];
  }
  return out;
}

constexpr std::array candidates = concatenated(stations, candidate_reasons);

constexpr std::array jurisdictions{
    FieldSpec{"jurisdiction_id", "juris_id", String, tiles, "Stable id of the home jurisdiction"},
    FieldSpec{"name", "name", String, tiles, "Name of the jurisdiction (gazetteer name)"},
    FieldSpec{"admin_level", "admin_lvl", String, tiles, "province, prefecture, county, district or city"},
    FieldSpec{"province", "province", String, tiles, "Province the jurisdiction lies in"},
    FieldSpec{"country", "country", String, tiles, "ISO 3166-1 alpha-2 code (CN for the home bureaus)"},
    FieldSpec{"stations", "stations", Json, tiles, "Ids of the sites it is said to run"},
    FieldSpec{"station_names", "stn_names", Json, tiles, "Names of those sites, in the same order"},
    FieldSpec{"station_count", "stn_count", Integer, tiles, "Number of stations at those sites"},
    FieldSpec{"documents", "documents", Json, files, "Ids of the documents that support it"},
    FieldSpec{"document_count", "n_docs", Integer, tiles, "Number of those documents"},
    FieldSpec{"evidence", "evidence", Json, files, "The supporting sentences (as for stations)"},
    FieldSpec{"evidence_count", "n_evidence", Integer, tiles, "Number of supporting sentences"},
    FieldSpec{"evidence_excerpt", "evid_exc", Json, tiles_only,
              "The first supporting sentences, cut short, as the web map's popup shows them"},
    FieldSpec{"color", "color", String, tiles, "Its colour (#rrggbb, styles/palette.json), shared with its links"},
    FieldSpec{"geonameid", "geonameid", Integer, files, "GeoNames id of its place, when it has one"},
    FieldSpec{"corrections", "correction", Json, files, "Analysts' corrections that touched it"},
};

constexpr std::array links{
    FieldSpec{"link_id", "link_id", String, tiles, "Stable id of the stated tie"},
    FieldSpec{"station_id", "station_id", String, tiles, "The site's station_id"},
    FieldSpec{"jurisdiction_id", "juris_id", String, tiles, "The home jurisdiction's jurisdiction_id"},
    FieldSpec{"station_name", "stn_name", String, tiles, "Name of the site"},
    FieldSpec{"jurisdiction_name", "juris_name", String, tiles, "Name of the jurisdiction"},
    FieldSpec{"documents", "documents", Json, files, "Ids of the documents that state the tie"},
    FieldSpec{"document_count", "n_docs", Integer, tiles, "Number of those documents"},
    FieldSpec{"evidence", "evidence", Json, files, "The sentences (or table rows) that state the tie"},
    FieldSpec{"evidence_count", "n_evidence", Integer, tiles, "Number of those sentences"},
    FieldSpec{"evidence_excerpt", "evid_exc", Json, tiles_only,
              "The first supporting sentences, cut short, as the web map's popup shows them"},
    FieldSpec{"length_km", "length_km", Real, tiles, "Geodesic length in km (1 decimal)"},
    FieldSpec{"color", "color", String, tiles, "The jurisdiction's colour"},
    FieldSpec{"corrections", "correction", Json, files, "Analysts' corrections that touched the tie"},
};

constexpr std::array places{
    FieldSpec{"place_id", "place_id", String, tiles, "Stable id of the place"},
    FieldSpec{"name", "name", String, tiles, "Gazetteer name of the place"},
    FieldSpec{"country", "country", String, tiles, "ISO 3166-1 alpha-2 code"},
    FieldSpec{"feature_code", "feat_code", String, tiles, "GeoNames feature code"},
    FieldSpec{"role", "role", String, tiles,
              "Strongest role of its mentions: station, jurisdiction, rejected or other (see mentions.csv)"},
    FieldSpec{"mentions", "mentions", Integer, tiles, "Number of mentions of the place"},
    FieldSpec{"documents", "documents", Json, files, "Ids of the documents that mention it"},
    FieldSpec{"document_count", "n_docs", Integer, tiles, "Number of those documents"},
    FieldSpec{"names_used", "names_used", Json, tiles, "The names the documents use for it"},
    FieldSpec{"admin1", "admin1", String, files, "First-level region of the place"},
    FieldSpec{"geonameid", "geonameid", Integer, files, "GeoNames id, when it has one"},
    FieldSpec{"reason", "reason", String, tiles, "Why it is not a station, when its role is rejected"},
    FieldSpec{"corrections", "correction", Json, files, "Analysts' corrections that touched its mentions"},
};

constexpr std::array jurisdiction_areas{
    FieldSpec{"jurisdiction_id", "juris_id", String, files, "The jurisdiction's jurisdiction_id"},
    FieldSpec{"name", "name", String, files, "Name of the jurisdiction"},
    FieldSpec{"province", "province", String, files, "Province the jurisdiction lies in"},
    FieldSpec{"station_count", "stn_count", Integer, files, "Number of sites it is said to run"},
    FieldSpec{"color", "color", String, files, "The jurisdiction's colour"},
    FieldSpec{"source_name", "src_name", String, files, "Name of the matched feature in the --boundaries file"},
    FieldSpec{"matched_by", "matched_by", String, files, "How it was matched: name or code"},
};

const std::array layers{
    LayerSpec{"stations", "Point", "one point per alleged station site", stations},
    LayerSpec{"candidates", "Point",
              "one point per site the extractor is unsure of, for an analyst's review: never a station (the "
              "stations' fields, with the station_id it would have, plus why it is uncertain)",
              candidates},
    LayerSpec{"jurisdictions", "Point", "one point per home jurisdiction said to run a site", jurisdictions},
    LayerSpec{"links", "LineString", "one geodesic line per stated tie between a jurisdiction and a site", links},
    LayerSpec{"places", "Point", "every resolved place the documents name, with its strongest role", places},
    LayerSpec{"jurisdiction_areas", "MultiPolygon",
              "the boundaries of the jurisdictions (only with --boundaries; not in the tiles)", jurisdiction_areas},
};

std::string_view type_name(FieldType type) {
  switch (type) {
  case String:
    return "text";
  case Integer:
    return "integer";
  case Real:
    return "real";
  case Json:
    return "array";
  case Boolean:
    return "boolean";
  }
  return "text";
}

/// The data dictionary's "tiles" column.
std::string_view tiles_column(Carried carried) {
  switch (carried) {
  case Carried::Files:
    return "–";
  case Carried::Tiles:
    return "yes";
  case Carried::TilesOnly:
    return "only";
  }
  return "–";
}

} // namespace

std::span<const LayerSpec> feature_schema() {
  return layers;
}

const LayerSpec& layer_spec(std::string_view name) {
  for (const LayerSpec& layer : layers) {
    if (layer.name == name) {
      return layer;
    }
  }
  throw Error("no layer named " + std::string(name) + " in the feature schema");
}

std::string data_dictionary_markdown() {
  std::string out;
  for (const LayerSpec& layer : layers) {
    out += "#### `" + std::string(layer.name) + "` (" + std::string(layer.geometry) +
           "): " + std::string(layer.meaning) + "\n\n";
    out += "| field | Shapefile | type | tiles | meaning |\n|---|---|---|---|---|\n";
    for (const FieldSpec& f : layer.fields) {
      out += "| `" + std::string(f.name) + "` | `" + std::string(f.shp_name) + "` | " + std::string(type_name(f.type)) +
             " | " + std::string(tiles_column(f.carried)) + " | " + std::string(f.meaning) + " |\n";
    }
    out += "\n";
  }
  return out;
}

} // namespace stationmap::render
