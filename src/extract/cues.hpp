#pragma once
// Cue phrases of the extract stage, as folded token sequences (core/fold.hpp), read from the lexicons of every
// language (lexicons/<language>/<list>.txt, see stationmap/lexicon/lexicon.hpp).

#include "stationmap/extract/claims.hpp"

#include <string_view>
#include <vector>

namespace stationmap::cues {

/// Words for the sites themselves: police station, service station, antenne, comisaría, 服务站...
const std::vector<std::string_view>& station();
/// Words for the home side's police: police, public security (bureau), PSB, 公安, jurisdiction...
const std::vector<std::string_view>& police();
/// Words that tie a site to its jurisdiction: run by, opened by, attributed to, rattachée, dépendrait...
const std::vector<std::string_view>& tie();
/// Prepositions that introduce the jurisdiction after a police word: of, from, in, de, von, including...
const std::vector<std::string_view>& police_preposition();
/// Negation and denial: did not link, denied, dément, niega, 否认...
const std::vector<std::string_view>& negation();
/// Findings of nothing: found no such office, keine solche Einrichtung gefunden, 未发现...
const std::vector<std::string_view>& not_found();
/// Hypotheticals: a place after 'whether' is asked about, not reported (asked whether an office existed in X).
const std::vector<std::string_view>& hypothetical();
/// Words opening a contrasting clause (while, mentre, tandis que): see passes::clause_of_token.
const std::vector<std::string_view>& clause_boundary();
/// Sentence openings that make the whole sentence a supposition: if, falls, si...
const std::vector<std::string_view>& conditional();
/// Organisation bases and reporters' bases: based in, headquartered in, works from, basée à...
const std::vector<std::string_view>& base();
/// Diplomatic missions: embassy in, consulate, ambassade, embajada, 大使馆...
const std::vector<std::string_view>& mission();
/// Home side: hometown, natives of, 同乡, 老家...
const std::vector<std::string_view>& home_side();
/// Speech verbs after a capital standing for its government: Beijing has, Pékin affirme...
const std::vector<std::string_view>& metonymy_verb();
/// Coordination between list members: and, et, y, und, 和, 、, 以及...
const std::vector<std::string_view>& coordination();
/// Network words (network, réseau, 网络): a sentence about a bureau's network names no site of its own.
const std::vector<std::string_view>& network();
/// Sentence openings that pick out one of the stations listed before: the second, la tercera, le premier...
const std::vector<std::string_view>& ordinal_anaphor();
/// Words just before a place where someone speaks: reporters in, press conference in, journalistes à...
const std::vector<std::string_view>& speaker_place();
/// Verbs of saying right after "<people> in PLACE": said, told, ont déclaré, dijeron...
const std::vector<std::string_view>& speech_verb();
/// Articles that introduce a country or province, never a city (French "au Québec", "du Québec").
const std::vector<std::string_view>& region_article();
/// Suffixes a token may carry after a listed word (Korean case particles: 송파구의, 거점이).
const std::vector<std::string_view>& particles();

/// Status words per status (the order between statuses is Status's own, claims.hpp).
struct StatusCue {
  Status status;
  std::vector<std::string_view> phrases;
};
const std::vector<StatusCue>& status();

} // namespace stationmap::cues
