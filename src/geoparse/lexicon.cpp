#include "lexicon.hpp"

#include <algorithm>
#include <array>

namespace stationmap::lexicon {

namespace {

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& sorted_words, std::string_view word) {
  return std::binary_search(sorted_words.begin(), sorted_words.end(), word);
}

template <typename... Words>
constexpr auto sorted(Words... words) {
  std::array<std::string_view, sizeof...(Words)> list{std::string_view(words)...};
  std::sort(list.begin(), list.end());
  return list;
}

constexpr auto connectors = sorted(
    "de", "del", "della", "des", "di", "do", "dos", "du", "da", "das", "d", "la", "le", "les", "los", "las",
    "of", "on", "upon", "the", "am", "im", "an", "sur");

constexpr auto generics = sorted(
    "county", "parish", "province", "prefecture", "city", "district", "borough", "township", "municipality",
    "region", "state", "island", "islands", "county", "xian", "shi", "qu", "sheng", "oblast", "departement",
    "provincia", "comarca", "kreis", "landkreis", "bezirk", "canton", "commune", "village", "town",
    "县", "市", "区", "省", "州", "镇", "乡");

constexpr auto common_words = sorted(
    // calendar
    "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    "janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre",
    "novembre", "decembre", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
    "januar", "februar", "marz", "juni", "juli", "oktober", "dezember",
    // pronouns, articles, conjunctions and other function words that GeoNames lists as towns
    "a", "an", "and", "as", "at", "by", "for", "he", "her", "his", "i", "if", "in", "is", "it", "its", "me", "my",
    "no", "not", "of", "on", "one", "or", "our", "she", "so", "the", "this", "to", "up", "us", "we", "who",
    "why", "you", "all", "but", "can", "did", "had", "has", "was", "will", "yes", "more", "most", "much",
    "many", "some", "such", "very",
    // common nouns and adjectives that are also town names
    "police", "station", "service", "office", "centre", "center", "nice", "reading", "mobile", "best",
    "hope", "liberty", "union", "independence", "progress", "friendship", "justice", "security", "china town",
    "home", "page", "news", "world", "media", "press", "online", "government", "embassy", "court", "university",
    "college", "school", "church", "hospital", "airport", "harbour", "bureau", "republic", "party",
    "new", "old", "north", "south", "east", "west", "central", "great", "little", "long", "good", "white",
    "black", "green", "red", "blue", "early", "late", "overseas", "chinese",
    // street and landscape words, holidays, abbreviations of months, institutions
    "street", "road", "avenue", "lane", "boulevard", "drive", "square", "park", "hall", "valley", "lake", "area",
    "section", "metro", "day", "city", "gulf", "earth", "god", "man", "time", "federal", "congress", "commerce",
    "chamber", "western", "eastern", "northern", "southern", "northeast", "northwest", "southeast", "southwest",
    "christmas", "easter", "jesus", "since", "none", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "democrat", "republican", "christian", "catholic", "muslim", "king", "queen",
    "bridge", "tower", "river", "mountain", "island", "beach", "harbor", "port", "bay", "hill", "field",
    "summit", "market", "plaza", "mall", "center", "centre", "county", "state", "nation", "national",
    "international", "global", "local", "regional", "council", "federation");

constexpr auto street_words = sorted("street", "st", "road", "rd", "avenue", "ave", "lane", "ln", "boulevard",
                                     "blvd", "drive", "dr", "highway", "hwy", "way", "court", "ct", "place", "pl",
                                     "square", "parkway", "pkwy", "terrace", "circle", "trail", "pike", "turnpike",
                                     "rue", "calle", "strasse", "weg", "platz", "avenida", "allee");

constexpr auto titles = sorted(
    "mr", "mrs", "ms", "dr", "prof", "sir", "lord", "lady", "president", "minister", "governor", "senator",
    "mayor", "sheriff", "judge", "director", "chief", "officer", "detective", "sergeant", "captain", "general",
    "colonel", "rep", "sen", "gov", "st", "saint", "pope", "king", "queen", "prince", "princess", "m", "mme",
    "herr", "frau", "senor", "senora", "don");

constexpr auto organisation_heads = sorted(
    "university", "college", "school", "institute", "academy", "images", "photos", "pictures", "press",
    "times", "post", "herald", "tribune", "journal", "gazette", "news", "daily", "weekly", "magazine",
    "group", "inc", "corp", "corporation", "company", "co", "ltd", "llc", "gmbh", "sa", "defenders",
    "foundation", "association", "society", "council", "committee", "network", "watch", "rights", "bank",
    "airlines", "airways", "hotel", "restaurant", "club", "fc", "united", "partners", "hospital");

constexpr auto public_body_words = sorted(
    "public", "security", "bureau", "police", "municipal", "government", "people", "peoples", "procuratorate",
    "court", "department", "ministry", "office", "authorities", "authority", "administration", "overseas",
    "chinese", "association", "station", "service", "liaison", "branch", "federation");

constexpr auto locatives = sorted(
    "in", "at", "from", "near", "to", "into", "outside", "across", "around", "throughout", "of", "a", "au",
    "aux", "en", "dans", "pres", "vers", "desde", "hacia", "cerca", "nach", "bei", "aus", "im", "zu", "von",
    "within", "between", "via");

}  // namespace

bool is_name_connector(std::string_view folded) { return contains(connectors, folded); }
bool is_place_generic(std::string_view folded) { return contains(generics, folded); }
bool is_common_word(std::string_view folded) { return contains(common_words, folded); }
bool is_street_word(std::string_view folded) { return contains(street_words, folded); }
bool is_person_title(std::string_view folded) { return contains(titles, folded); }
bool is_organisation_head(std::string_view folded) { return contains(organisation_heads, folded); }
bool is_public_body_word(std::string_view folded) { return contains(public_body_words, folded); }
bool is_locative_preposition(std::string_view folded) { return contains(locatives, folded); }

}  // namespace stationmap::lexicon
