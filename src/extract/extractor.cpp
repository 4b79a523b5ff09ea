#include "stationmap/extract/extractor.hpp"

#include "passes/passes.hpp"
#include "passes/place_facts.hpp"

namespace stationmap {

DocumentClaims Extractor::extract(const Document& doc) const {
  passes::AnnotatedDocument annotated(doc, m_gazetteer, m_pins);
  passes::segment_sentences(annotated);
  passes::normalise_places(annotated);
  passes::exclude_non_claims(annotated);
  passes::read_statements(annotated);
  passes::find_enumerations(annotated);
  passes::find_jurisdictions(annotated);
  passes::find_sites(annotated);
  passes::find_counts(annotated);
  passes::review_sites(annotated);
  passes::write_claims(annotated);
  passes::collect_candidates(annotated);
  return std::move(annotated.claims);
}

std::string site_precision(const Place& place) {
  return passes::precision_of(place);
}

} // namespace stationmap
