#pragma once
// The extraction passes, in the order Extractor::extract runs them over one AnnotatedDocument. Each pass adds
// its annotations to the document (annotated_document.hpp says which fields are whose) and may give mentions
// a reason; a pass reads only what the passes before it wrote.

#include "annotated_document.hpp"

namespace stationmap::passes {

/// segmentation.cpp: sentences and table rows as token ranges, the mentions of each, whether the document
/// speaks of stations at all, and the countries it names.
void segment_sentences(AnnotatedDocument& doc);

/// places.cpp: re-reads each mention's place in its sentence: a country named in its clause picks the homonym
/// inside it, a bureau's seat beats a village of the same name, a division named like its main city is the city.
void normalise_places(AnnotatedDocument& doc);

/// roles.cpp: sentences that are bylines or navigation are not read; mentions that cannot be a site or a
/// jurisdiction (dateline, home side, a capital standing for its government, a facility's name) are excluded.
void exclude_non_claims(AnnotatedDocument& doc);

/// status.cpp: what each read sentence states: status and its date, negation, a finding of nothing, a tie,
/// a network, a station word.
void read_statements(AnnotatedDocument& doc);

/// enumerations.cpp: lists ("Nantong, Wenzhou and Fuzhou") and chains of a place and its qualifier
/// ("Madrid, Spain") between consecutive mentions of a sentence.
void find_enumerations(AnnotatedDocument& doc);

/// jurisdictions.cpp: Chinese places named beside police or tie words, their list-mates, and no district
/// beside its own city.
void find_jurisdictions(AnnotatedDocument& doc);

/// sites.cpp: places outside China named in a station context, minus organisation bases, missions,
/// hypotheticals, namesakes and uncertain names; one site per chain; counts ("three in Madrid").
void find_sites(AnnotatedDocument& doc);

/// counts.cpp: sentences that count stations without naming a site ("102 stations in 53 countries").
void find_counts(AnnotatedDocument& doc);

/// sites.cpp: document-level review of the sites: a place where officials found nothing, a country or region
/// with a finer site inside it, a district beside its city.
void review_sites(AnnotatedDocument& doc);

/// links.cpp: the claims: sites, jurisdictions and the links a sentence states, carried over within a paragraph.
void write_claims(AnnotatedDocument& doc);

/// candidates.cpp: the places a sentence names where a site could be but that the sites pass doubted
/// (is_uncertain_site: a question, a namesake, an uncertain name), as candidates for review; a qualifier
/// ("Spain" after "Madrid") is no candidate of its own.
void collect_candidates(AnnotatedDocument& doc);

} // namespace stationmap::passes
