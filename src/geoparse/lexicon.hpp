#pragma once
// Word lists the recogniser consults, keyed by folded form (core/fold.hpp). They describe languages, not
// corpora: function words, calendar words, titles, organisation head nouns and generic place words in
// English, French, Spanish, German and Chinese.

#include <initializer_list>
#include <string_view>
#include <vector>

namespace stationmap::lexicon {

/// A list of words in folded form (core/fold.hpp), for lookup.
class WordList {
public:
  template <typename... Words> explicit WordList(const Words&... words) : WordList({std::string_view(words)...}) {}

  /// Whether @p folded is one of the words.
  [[nodiscard]] bool contains(std::string_view folded) const;

private:
  WordList(std::initializer_list<std::string_view> words);

  std::vector<std::string_view> m_sorted;
};

/// Lower-case words that may sit inside a multi-word place name ("Stratford upon Avon", "Île de France").
extern const WordList name_connectors;

/// Generic words that complete a place name: "County", "Parish", "Province", "City", 县, 市...
extern const WordList place_generics;

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
extern const WordList street_words;

/// Capitalised words after a name that make it a natural feature's: "(Han) River", "(Chester) Lake".
extern const WordList landscape_words;

/// Titles and honorifics that introduce a person (Mr, President, Minister, Sheriff...).
extern const WordList person_titles;

/// Head nouns of organisation names (University, Images, Defenders, Times, Bureau...).
extern const WordList organisation_heads;

/// Head nouns of public bodies named after their jurisdiction ("Fuzhou Public Security Bureau"): the place is
/// named, so it is kept as a mention.
extern const WordList public_body_words;

/// Words that, before a place name, say the place is a location (in, at, from, near; à, en, en, in...).
extern const WordList locative_prepositions;

/// Common given names (English, French, Spanish, German and a few more): "Michael", "Kristina".
extern const WordList given_names;

/// Verbs of saying written after a speaker's name: "said", "says", "told", "added"...
extern const WordList speech_verbs;

/// Words after a place name that make it an eponym, not a place: "(West Nile) virus", "fever", "disease".
extern const WordList eponym_words;

/// Heads of bodies that belong to the place they are named after ("Dublin Arts Council", "Springfield High
/// School"): the place is named, though an organisation follows.
extern const WordList civic_heads;

/// Chinese and Japanese words of everyday vocabulary that GeoNames also lists as towns (中心 "centre",
/// 大洲 "continent", 公安 "public security", ラン "run"): never a place in running text. @p unspaced is the folded
/// form of the characters without separators.
bool is_cjk_common_word(std::string_view unspaced);

} // namespace stationmap::lexicon
