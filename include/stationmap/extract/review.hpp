#pragma once
/// @file
/// The review queue (review.csv): what deserves a human look first, and why. Most urgent kind first:
///   stale-correction     an analyst's decision whose target is gone from this build
///   candidate            a site the extractor is unsure of (candidates.geojson)
///   conflicting-bureaus  a site the documents tie to more than one home jurisdiction
///   low-confidence       a site or jurisdiction whose name the geoparser resolved with low confidence
///   single-document      a site only one document supports (and no analyst has confirmed)
/// Within a kind, rows are sorted by line (corrections) or id, so that the file is the same on every run.

#include "stationmap/extract/claims.hpp"
#include "stationmap/extract/corrections.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace stationmap {

/// One row of review.csv.
struct ReviewItem {
  std::string kind;                   ///< as listed above
  std::string id;                     ///< station_id, place_id, or "line N" of the corrections file
  std::string name;                   ///< the site, place or correction target
  std::vector<std::string> documents; ///< the documents to read
  std::string detail;                 ///< why it deserves a look
  std::size_t correction_row = 0;     ///< stale-correction: the line, for sorting; else 0
};

/// Geoparser confidence under which a resolution is worth checking: on the development corpora, resolutions
/// under 0.4 are right less than 0.4 of the time, those over 0.9 about 0.97 of the time (geoparser.hpp).
inline constexpr double low_confidence_below = 0.5;

/// The review queue of a (corrected) ClaimSet, with the corrections that were stale.
std::vector<ReviewItem> review_queue(const ClaimSet& claims, const std::vector<StaleCorrection>& stale);

} // namespace stationmap
