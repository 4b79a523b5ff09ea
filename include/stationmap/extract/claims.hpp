#pragma once
/// @file
/// The claims the extract stage finds, as plain values: alleged station sites, home jurisdictions and the
/// ties between them, each with the evidence that supports it. These are what the render stage draws.

#include "stationmap/gazetteer/place.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stationmap {

/// What the sources say about a station site, strongest statement first. This is the one order: when two
/// statements disagree (in one sentence or across documents) the earlier one here wins. A closure outranks an
/// order to close, which outranks an investigation; a confirmation or an official denial is a more specific
/// statement than a suspicion; "alleged" is the default when nothing more is said.
enum class Status : std::uint8_t { Closed, OrderedClosed, UnderInvestigation, Confirmed, Denied, Suspected, Alleged };

/// Every status, in the order above (legends and styles list them this way).
inline constexpr std::array<Status, 7> all_statuses = {
    Status::Closed,    Status::OrderedClosed, Status::UnderInvestigation, Status::Confirmed, Status::Denied,
    Status::Suspected, Status::Alleged};

/// The status as every output writes it: "closed", "ordered closed", "under investigation"...
[[nodiscard]] std::string_view status_name(Status status);

/// The status named @p name (as status_name writes it), if any.
[[nodiscard]] std::optional<Status> parse_status(std::string_view name);

/// True when @p a is a stronger statement than @p b.
[[nodiscard]] constexpr bool stronger(Status a, Status b) {
  return a < b;
}

/// One sentence of one document that supports a claim.
struct Evidence {
  std::string document;    ///< Document::id
  std::string title;       ///< document title, when known
  std::string url;         ///< document URL, when known
  std::string date;        ///< document date, when known
  std::string sentence;    ///< the supporting sentence, as written
  std::uint32_t start = 0; ///< sentence offsets in the document text (code points)
  std::uint32_t end = 0;
};

/// An analyst's correction that touched a feature: its row in the corrections file (see
/// extract/corrections.hpp), what it did and the analyst's note. Listed in the feature's `corrections` property.
struct CorrectionRef {
  std::size_t row = 0; ///< line of the corrections file (the header is line 1)
  std::string action;  ///< "reject", "confirm", "move", "pin", "add_station", "add_link", "remove_link", "set_status"
  std::string note;
};

/// An alleged overseas police station site (one per distinct site place, all sources merged).
struct Station {
  std::string station_id; ///< stable: derived from the place id
  Place place;
  std::string precision; ///< "address", "district", "city", "region" or "country"
  std::string address;   ///< street or building when the text gives one
  Status status = Status::Alleged;
  std::string status_date; ///< ISO date of the status when given
  int station_count = 1;   ///< stations at this site when the text gives a number
  std::vector<std::string> jurisdiction_ids;
  std::vector<std::string> documents;
  std::vector<Evidence> evidence;
  double confidence = 0.0;
  bool verified = false;                  ///< an analyst confirmed (or added) the site
  std::vector<CorrectionRef> corrections; ///< analysts' corrections that touched the site
};

/// A home jurisdiction (a public-security bureau's city, county or district) said to run stations.
struct Jurisdiction {
  std::string jurisdiction_id; ///< stable: derived from the place id
  Place place;
  std::string admin_level; ///< "province", "prefecture", "county", "district", "city"
  std::string province;    ///< e.g. "Fujian"
  std::vector<std::string> station_ids;
  std::vector<std::string> documents;
  std::vector<Evidence> evidence;
  std::vector<CorrectionRef> corrections;
};

/// A tie between a site and a jurisdiction that a document states.
struct Link {
  std::string link_id;
  std::string station_id;
  std::string jurisdiction_id;
  std::vector<Evidence> evidence;
  std::vector<CorrectionRef> corrections;
};

/// Roles a place mention can take.
/// Rejected: an analyst's correction says the place is not a station site.
enum class MentionRole : std::uint8_t { Station, Jurisdiction, Other, Rejected };

/// The role's name in mentions.csv and places.geojson.
inline const char* mention_role_name(MentionRole role) {
  switch (role) {
  case MentionRole::Station:
    return "station";
  case MentionRole::Jurisdiction:
    return "jurisdiction";
  case MentionRole::Rejected:
    return "rejected";
  case MentionRole::Other:
    break;
  }
  return "other";
}

/// A place mention with its role, as listed in mentions.csv and places.geojson.
struct RoledMention {
  std::string document;
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  std::string text;
  std::string place_id; ///< empty when unresolved
  Place place;
  bool resolved = false;
  MentionRole role = MentionRole::Other;
  std::string reason; ///< why "other": "caption", "byline", "organisation base", "home side"...; why rejected
  std::string sentence;
  double confidence = 0.0;                ///< the geoparser's confidence in the resolution (0..1)
  std::vector<CorrectionRef> corrections; ///< analysts' corrections (pin, reject) that touched the mention
};

/// Everything the extract stage produces for a corpus.
struct ClaimSet {
  std::vector<Station> stations;           ///< sorted by station_id
  std::vector<Jurisdiction> jurisdictions; ///< sorted by jurisdiction_id
  std::vector<Link> links;                 ///< sorted by link_id
  std::vector<RoledMention> mentions;      ///< sorted by document, start
  std::vector<Evidence> counts;            ///< counts without places ("102 stations in 53 countries"): a report,
                                           ///< never points on the map
};

} // namespace stationmap
