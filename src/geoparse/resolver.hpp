#pragma once
// Resolution: choose, for every name of a document, the gazetteer entry it means.
//
// Every distinct name (folded key) of a document is one group: one sense per discourse. Each candidate of a
// group gets a prior (prominence, feature type, how the name belongs to it) and evidence from the rest of the
// document, recomputed for a few rounds from the other groups' current beliefs:
//   - the countries, first- and second-level divisions the document's other names are probably in (the
//     document's "home region"), which helps small places most since their prior is weak;
//   - proximity to the other names' probable places;
//   - the same entry named another way ("Barrow County" ... "Barrow");
//   - a qualifier written beside the name ("Paris, Texas"; "Fuzhou, Fujian"): containment.
// The scores are log-odds; a candidate's confidence is its softmax probability among its group's candidates.

#include "stationmap/gazetteer/gazetteer.hpp"
#include "stationmap/geoparse/mention.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace stationmap::detail {

/// One name to resolve.
struct ResolveItem {
  Gazetteer::KeyRef key;            ///< empty when nothing in the gazetteer fits
  std::string folded;               ///< the folded key: items sharing it share their sense
  std::size_t qualifier = SIZE_MAX; ///< index of the item that qualifies this one ("Paris, Texas"), if any
  bool demonym = false;             ///< resolved through demonym postings only ("Chinese" -> China)
  bool context_only = false;        ///< counts as context, e.g. a demonym in full mode
};

/// Resolves @p items together; fills place and confidence of mentions[i] for each item i.
void resolve(const Gazetteer& gazetteer, const std::vector<ResolveItem>& items, std::vector<Mention>& mentions);

} // namespace stationmap::detail
