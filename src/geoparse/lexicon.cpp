#include "lexicon.hpp"

#include "stationmap/core/fold.hpp"
#include "stationmap/lexicon/lexicon.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <unordered_set>

namespace stationmap::lexicon {

WordList::WordList(std::initializer_list<std::string_view> words) : m_sorted(words) {
  std::sort(m_sorted.begin(), m_sorted.end());
}

bool WordList::contains(std::string_view folded) const {
  return std::binary_search(m_sorted.begin(), m_sorted.end(), folded);
}

// The lists of the header, and those only is_common_word() and is_closed_class_word() read (const: internal to
// this file).

const WordList name_connectors("au", "aux", "en", "sous", "under", "lez", "de", "del", "della", "des", "di", "do",
                               "dos", "du", "da", "das", "d", "la", "le", "les", "los", "las", "of", "on", "upon",
                               "the", "am", "im", "an", "sur");

const WordList place_generics("county", "parish", "province", "prefecture", "city", "district", "borough", "township",
                              "municipality", "region", "state", "island", "islands", "county", "xian", "shi", "qu",
                              "sheng", "oblast", "departement", "provincia", "comarca", "kreis", "landkreis", "bezirk",
                              "canton", "commune", "village", "town", "县", "市", "区", "省", "州", "镇", "乡");

const WordList closed_class_words(
    // calendar (month names are data: lexicons/<language>/months.tsv, see is_month_name)
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    // pronouns, articles, conjunctions and other function words that GeoNames lists as towns
    "a", "an", "and", "as", "at", "by", "for", "he", "her", "his", "i", "if", "in", "is", "it", "its", "me", "my", "no",
    "not", "of", "on", "one", "or", "our", "she", "so", "the", "this", "to", "up", "us", "we", "who", "why", "you",
    "all", "but", "can", "did", "had", "has", "was", "will", "yes", "more", "most", "much", "many", "some", "such",
    "very", "over", "under", "any", "let", "after", "before", "about", "above", "again", "also", "among", "both",
    "each", "every", "few", "here", "there", "then", "than", "these", "those", "what", "when", "where", "which",
    "while", "with", "without", "would", "should", "could", "may", "might", "must", "shall", "into", "onto", "upon",
    "only", "even", "just", "still", "yet", "now", "how", "once", "two", "three", "four", "five", "six", "seven",
    "eight", "nine", "ten", "eleven", "twelve", "twenty", "hundred", "thousand", "million", "first", "second", "third",
    "last", "next", "other", "another",
    // articles and pronouns of German, Dutch, Italian and Spanish ("Die valt ...", "Una sede ...")
    "die", "der", "het", "een", "una", "uno", "il", "el",
    // directions, colours, holidays, beliefs and other adjectives and nouns that never name a town in prose
    "new", "old", "north", "south", "east", "west", "central", "great", "little", "long", "good", "white", "black",
    "green", "red", "blue", "early", "late", "overseas", "chinese", "western", "eastern", "northern", "southern",
    "northeast", "northwest", "southeast", "southwest", "christmas", "easter", "jesus", "commerce", "federal",
    "congress", "democrat", "republican", "christian", "catholic", "muslim", "king", "queen", "national",
    "international", "global", "local", "regional", "since", "none", "day", "time", "man", "god", "earth");

const WordList common_words(
    // common nouns and adjectives that are also town names
    "police", "station", "service", "office", "centre", "center", "nice", "reading", "mobile", "best", "hope",
    "liberty", "union", "independence", "progress", "friendship", "justice", "security", "china town", "home", "page",
    "news", "world", "media", "press", "online", "government", "embassy", "court", "university", "college", "school",
    "church", "hospital", "airport", "harbour", "bureau", "republic", "party", "new", "old", "north", "south", "east",
    "west", "central", "great", "little", "long", "good", "white", "black", "green", "red", "blue", "early", "late",
    "overseas", "chinese",
    // street and landscape words, holidays, abbreviations of months, institutions
    "street", "road", "avenue", "lane", "boulevard", "drive", "square", "park", "hall", "valley", "lake", "area",
    "section", "metro", "day", "city", "gulf", "earth", "god", "man", "time", "federal", "congress", "commerce",
    "chamber", "western", "eastern", "northern", "southern", "northeast", "northwest", "southeast", "southwest",
    "christmas", "easter", "jesus", "since", "none", "democrat", "republican", "christian", "catholic", "muslim",
    "king", "queen", "bridge", "tower", "river", "mountain", "island", "beach", "harbor", "port", "bay", "hill",
    "field", "summit", "market", "plaza", "mall", "center", "centre", "county", "state", "nation", "national",
    "international", "global", "local", "regional", "council", "federation",
    // everyday nouns and adjectives of other languages that GeoNames also lists as towns or regions: German
    // "Stelle" (office, post), "Hauptbahnhof" (main station); Italian "Paese" (country); Spanish, Italian and
    // Portuguese "Centro" (centre, downtown); French, Italian, German and Catalan "Nord" and "Sud" (north, south);
    // Spanish "Estación" (station), "Norte"; English "Same"
    "stelle", "hauptbahnhof", "bahnhof", "paese", "centro", "nord", "sud", "norte", "estacion", "same");

const WordList street_words("street", "st", "road", "rd", "avenue", "ave", "lane", "ln", "boulevard", "blvd", "drive",
                            "dr", "highway", "hwy", "way", "court", "ct", "place", "pl", "square", "parkway", "pkwy",
                            "terrace", "circle", "trail", "pike", "turnpike", "rue", "calle", "strasse", "weg", "platz",
                            "avenida", "allee");

const WordList person_titles("mr", "mrs", "ms", "dr", "prof", "sir", "lord", "lady", "president", "minister",
                             "governor", "senator", "mayor", "sheriff", "judge", "director", "chief", "officer",
                             "detective", "sergeant", "captain", "general", "colonel", "rep", "sen", "gov", "st",
                             "saint", "pope", "king", "queen", "prince", "princess", "m", "mme", "herr", "frau",
                             "senor", "senora", "don");

const WordList organisation_heads("university", "college", "school", "institute", "academy", "images", "photos",
                                  "pictures", "press", "times", "post", "herald", "tribune", "journal", "gazette",
                                  "news", "daily", "weekly", "magazine", "group", "inc", "corp", "corporation",
                                  "company", "co", "ltd", "llc", "gmbh", "sa", "defenders", "foundation", "association",
                                  "society", "council", "committee", "network", "watch", "rights", "bank", "airlines",
                                  "airways", "hotel", "restaurant", "club", "fc", "united", "partners", "hospital",
                                  "high", "elementary", "middle", "schools", "academy", "seminary", "church", "center",
                                  "centre", "system", "health", "medical", "clinic", "inn", "suites", "motors",
                                  "systems", "industries", "international");

// Given names common in English-, French-, Spanish- and German-speaking countries.
const WordList given_names(
    "aaron", "adam", "adrian", "alan", "albert", "alex", "alexander", "alice", "alicia", "allen", "amanda", "amber",
    "amy", "andrea", "andrew", "andy", "angela", "ann", "anna", "anne", "anthony", "antonio", "arthur", "ashley",
    "barbara", "ben", "benjamin", "beth", "betty", "bill", "billy", "bob", "bobby", "bonnie", "brad", "bradley",
    "brandon", "brenda", "brian", "bruce", "bryan", "carl", "carlos", "carol", "caroline", "catherine", "charles",
    "cheryl", "chris", "christian", "christina", "christine", "christopher", "cindy", "claire", "craig", "cynthia",
    "dan", "daniel", "danielle", "danny", "dave", "david", "dawn", "deborah", "debra", "dennis", "derek", "diana",
    "diane", "don", "donald", "donna", "doris", "dorothy", "doug", "douglas", "dustin", "ed", "eddie", "edward",
    "elizabeth", "ellen", "emily", "emma", "eric", "erica", "erin", "ethan", "evelyn", "frank", "fred", "gary",
    "george", "gerald", "glenn", "gloria", "grace", "greg", "gregory", "hannah", "harold", "harry", "heather", "helen",
    "henry", "howard", "ian", "jack", "jacob", "james", "jamie", "jane", "janet", "janice", "jason", "jean", "jeff",
    "jeffrey", "jennifer", "jenny", "jeremy", "jerry", "jesse", "jessica", "jill", "jim", "jimmy", "joan", "joe",
    "joel", "john", "johnny", "jon", "jonathan", "jose", "joseph", "joshua", "joyce", "juan", "judith", "judy", "julia",
    "julie", "justin", "karen", "kate", "katherine", "kathleen", "kathy", "katie", "keith", "kelly", "ken", "kenneth",
    "kevin", "kim", "kimberly", "kristina", "kyle", "larry", "laura", "lauren", "lawrence", "linda", "lisa", "lori",
    "louis", "lucy", "luis", "marc", "marcus", "margaret", "maria", "marie", "marilyn", "mark", "marsha", "martha",
    "martin", "mary", "matt", "matthew", "megan", "melissa", "michael", "michelle", "mike", "nancy", "nathan",
    "nicholas", "nicole", "nina", "pamela", "pat", "patricia", "patrick", "paul", "paula", "peggy", "peter", "phil",
    "philip", "phillip", "rachel", "ralph", "randy", "ray", "raymond", "rebecca", "richard", "rick", "rob", "robert",
    "robin", "roger", "ron", "ronald", "rose", "russell", "ruth", "ryan", "sam", "samuel", "sandra", "sara", "sarah",
    "scott", "sean", "sharon", "shawn", "sheila", "shirley", "stephanie", "stephen", "steve", "steven", "sue", "susan",
    "tammy", "teresa", "terry", "theresa", "thomas", "tim", "timothy", "tina", "todd", "tom", "tommy", "tony", "tracy",
    "travis", "tyler", "victor", "vincent", "walter", "wayne", "wendy", "william", "willie", "zachary", "jean-pierre",
    "pierre", "jacques", "francois", "philippe", "nicolas", "sebastien", "olivier", "laurent", "isabelle", "nathalie",
    "sophie", "francoise", "monique", "sylvie", "catherine", "michel", "alain", "pedro", "manuel", "francisco",
    "javier", "miguel", "jorge", "alejandro", "fernando", "ricardo", "pablo", "carmen", "lucia", "elena", "isabel",
    "pilar", "rosa", "hans", "klaus", "jurgen", "wolfgang", "dieter", "stefan", "andreas", "thomas", "uwe", "helmut",
    "gerhard", "sabine", "ursula", "monika", "petra", "ahmed", "ali", "mohammed", "muhammad", "hassan", "omar", "wei",
    "li", "nadia", "fatima");

/// Verbs of saying that follow a speaker's name ("Nelson said").
const WordList speech_verbs("said", "says", "told", "added", "asked", "explained", "noted", "stated", "wrote",
                            "replied", "recalled", "testified", "argued", "insisted", "warned", "announced",
                            "confirmed", "declined", "admitted", "believes", "thinks", "thought", "hopes", "wants",
                            "wanted", "pleaded", "died", "dies", "smiled", "laughed");

/// Capitalised words after a town's name that make the pair a natural feature's name ("Han River", "Pearl
/// River", "Chester Lake"): the river or lake, not the town.
const WordList landscape_words("river", "lake", "mountain", "mountains", "creek", "canyon", "falls", "glacier", "fluss",
                               "fleuve", "riviere");

/// Words after a place name that make it part of a disease's or a product's name ("West Nile virus").
const WordList eponym_words("virus", "viruses", "fever", "disease", "flu", "syndrome", "ebolavirus", "strain",
                            "encephalitis");

/// Heads of public bodies and institutions that belong to the place they are named after: "Dublin Arts
/// Council", "Springfield High School", "Florida Legislature": the place is named.
const WordList civic_heads("council", "legislature", "library", "fire", "firefighters", "firefighter", "police",
                           "mayor", "township", "department", "county", "city", "parks", "assembly", "senate", "board",
                           "district", "courthouse", "chamber", "zoo", "airport", "harbor", "harbour", "port",
                           "hospital", "museum", "cathedral", "municipality", "government", "authorities", "area",
                           "region", "residents", "officials");

const WordList public_body_words("public", "security", "bureau", "psb", "police", "municipal", "government", "people",
                                 "peoples", "procuratorate", "court", "department", "ministry", "office", "authorities",
                                 "authority", "administration", "overseas", "chinese", "association", "station",
                                 "service", "liaison", "branch", "federation");

const WordList locative_prepositions("in", "at", "from", "near", "to", "into", "outside", "across", "around",
                                     "throughout", "of", "a", "au", "aux", "en", "dans", "pres", "vers", "desde",
                                     "hacia", "cerca", "nach", "bei", "aus", "im", "zu", "von", "within", "between",
                                     "via");

/// Everyday Chinese (simplified; the fold maps traditional characters to these) and Japanese words that are
/// also names of towns or townships: abstract nouns, slogans of the 1950s-60s that named many villages
/// (红旗 "red flag", 胜利 "victory"), institutions and positions.
constexpr std::array<std::string_view, 49> cjk_common_words = {
    "中心", "大洲", "中央", "东方", "和平", "公安", "人民", "国家", "政府",     "民主",  "自由", "中华", "华侨",
    "新闻", "大学", "工作", "发展", "平安", "太平", "世界", "社会", "地方",     "全国",  "国际", "安全", "服务",
    "警察", "海外", "前进", "红旗", "胜利", "团结", "建设", "光明", "解放",     "新华",  "东风", "向阳", "幸福",
    "友谊", "和谐", "文化", "青年", "先锋", "联合", "合作", "ラン", "センター", "コロナ"}; // コロナ: the coronavirus
                                                                                           // (新型コロナウイルス), also
                                                                                           // Corona, California

/// The names of the months and their abbreviations in every language, from the one list the dates also read
/// (lexicons/<language>/months.tsv): "March", "Mai" and "Oct" are dates in running text, never towns.
bool is_month_name(std::string_view folded) {
  static const std::unordered_set<std::string> names = [] {
    std::unordered_set<std::string> out;
    for (const auto& [month, name] : table("months")) {
      out.insert(name);
    }
    return out;
  }();
  return names.count(std::string(folded)) != 0;
}

bool is_closed_class_word(std::string_view folded) {
  return closed_class_words.contains(folded) || is_month_name(folded);
}
bool is_common_word(std::string_view folded) {
  return common_words.contains(folded) || is_closed_class_word(folded);
}

bool is_cjk_common_word(std::string_view unspaced) {
  // The list folded the way texts are (kana voicing marks and variants), once.
  static const std::unordered_set<std::string> folded = [] {
    std::unordered_set<std::string> out;
    for (const std::string_view w : cjk_common_words) {
      std::string k = fold_key(w);
      std::erase(k, ' ');
      out.insert(std::move(k));
    }
    return out;
  }();
  return folded.contains(std::string(unspaced));
}

} // namespace stationmap::lexicon
