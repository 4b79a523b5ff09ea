#pragma once
// Word lists the recogniser consults, keyed by folded form (core/fold.hpp). They describe languages, not
// corpora: function words, calendar words, titles, organisation head nouns and generic place words in
// English, French, Spanish, German and Chinese.

#include <string_view>

namespace stationmap::lexicon {

/// Lower-case words that may sit inside a multi-word place name ("Stratford upon Avon", "Île de France").
bool is_name_connector(std::string_view folded);

/// Generic words that complete a place name: "County", "Parish", "Province", "City", 县, 市...
bool is_place_generic(std::string_view folded);

/// Capitalised words that are rarely places in running text although a gazetteer lists a town of that name:
/// months, weekdays, pronouns, common nouns and adjectives (March, Police, Station, Most, Nice, Reading...).
bool is_common_word(std::string_view folded);

/// The calendar and function-word part of is_common_word(): months, weekdays, pronouns, numbers ("March",
/// "Of", "Over"), never a place in running text whatever precedes them.
bool is_closed_class_word(std::string_view folded);

/// Month names and their abbreviations in every language with a lexicon (lexicons/<language>/months.tsv, the
/// list the extract stage's dates read): "March", "Mai", "Oct".
bool is_month_name(std::string_view folded);

/// Words that make a name a street's: Street, Road, Avenue, rue, calle, Strasse...
bool is_street_word(std::string_view folded);

/// Capitalised words after a name that make it a natural feature's: "(Han) River", "(Chester) Lake".
bool is_landscape_word(std::string_view folded);

/// Titles and honorifics that introduce a person (Mr, President, Minister, Sheriff...).
bool is_person_title(std::string_view folded);

/// Head nouns of organisation names (University, Images, Defenders, Times, Bureau...).
bool is_organisation_head(std::string_view folded);

/// Head nouns of public bodies named after their jurisdiction ("Fuzhou Public Security Bureau"): the place is
/// named, so it is kept as a mention.
bool is_public_body_word(std::string_view folded);

/// Words that, before a place name, say the place is a location (in, at, from, near; à, en, en, in...).
bool is_locative_preposition(std::string_view folded);

/// Common given names (English, French, Spanish, German and a few more): "Michael", "Kristina".
bool is_given_name(std::string_view folded);

/// Verbs of saying written after a speaker's name: "said", "says", "told", "added"...
bool is_speech_verb(std::string_view folded);

/// Words after a place name that make it an eponym, not a place: "(West Nile) virus", "fever", "disease".
bool is_eponym_word(std::string_view folded);

/// Heads of bodies that belong to the place they are named after ("Dublin Arts Council", "Springfield High
/// School"): the place is named, though an organisation follows.
bool is_civic_head(std::string_view folded);

/// Chinese and Japanese words of everyday vocabulary that GeoNames also lists as towns (中心 "centre",
/// 大洲 "continent", 公安 "public security", ラン "run"): never a place in running text. @p unspaced is the folded
/// form of the characters without separators.
bool is_cjk_common_word(std::string_view unspaced);

} // namespace stationmap::lexicon
