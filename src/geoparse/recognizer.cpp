#include "recognizer.hpp"

#include "cjk_words.hpp"
#include "lexicon.hpp"
#include "stationmap/gazetteer/name_kind.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace stationmap::detail {

namespace {

constexpr std::size_t max_latin_tokens = 7;
constexpr std::size_t max_ideograph_tokens = 10;
/// The shortest alternate name (in letters) of a capital or first-level seat that recognition trusts.
constexpr std::uint32_t kMinSeatAlternateLength = 6;

std::string_view gap_before(std::string_view text, const TokenizedText& tt, std::size_t i) {
  const std::uint32_t from = i == 0 ? 0 : tt.tokens[i - 1].byte_end;
  return text.substr(from, tt.tokens[i].byte_start - from);
}

/// Whether tokens i-1 and i may belong to one name.
bool joinable(std::string_view text, const TokenizedText& tt, std::size_t i) {
  const Token& a = tt.tokens[i - 1];
  const Token& b = tt.tokens[i];
  if (a.ideograph || b.ideograph) {
    return a.ideograph && b.ideograph && a.byte_end == b.byte_start;
  }
  const std::string_view gap = gap_before(text, tt, i);
  if (gap.empty() || gap.size() > 3) {
    return false;
  }
  for (const char c : gap) {
    if (c == '.') {
      if (a.end - a.start > 3) {
        return false; // only abbreviations continue over a period: "N.Y.", "St. Louis"
      }
    } else if (c != ' ' && c != '-' && c != '\'') {
      // Allow the UTF-8 right single quotation mark (E2 80 99) and non-breaking space (C2 A0).
      if (gap.find("\xE2\x80\x99") == std::string_view::npos && gap.find("\xC2\xA0") == std::string_view::npos) {
        return false;
      }
    }
  }
  return true;
}

/// Whether token i starts a sentence (or a heading, list item, quotation).
bool sentence_initial(std::string_view text, const TokenizedText& tt, std::size_t i) {
  if (i == 0) {
    return true;
  }
  const std::string_view gap = gap_before(text, tt, i);
  for (const char c : gap) {
    if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == '"' || c == '(' || c == '[' || c == '*' ||
        c == '#' || c == '|') {
      return true;
    }
  }
  return gap.find("\xE2\x80\x9C") != std::string_view::npos || // left double quotation mark
         gap.find("\xE2\x80\x94") != std::string_view::npos;   // em dash
}

bool ends_with_period(std::string_view text, const TokenizedText& tt, std::size_t last) {
  const std::uint32_t e = tt.tokens[last].byte_end;
  return e < text.size() && text[e] == '.';
}

} // namespace

bool is_large_feature(std::string_view feature_code) {
  return std::find(large_feature_codes.begin(), large_feature_codes.end(), feature_code) != large_feature_codes.end();
}

bool is_demonym_only(std::uint16_t flags) {
  // A key can be both an abbreviation and an adjective of the same country ("UK"): the name counts.
  return (flags & name_kind::demonym) != 0U && (flags & name_kind::abbreviation) == 0U;
}

std::optional<std::pair<Gazetteer::KeyRef, std::string>> region_of_adjective(const Gazetteer& gazetteer,
                                                                             const std::string& folded) {
  static constexpr std::string_view endings[] = {"ians", "ian", "ans", "an", "ns", "is", "i", "ese", "s", ""};
  static constexpr std::string_view stems[] = {"", "a", "ia", "o", "e", "y"};
  for (const std::string_view ending : endings) {
    if (folded.size() < ending.size() + 4 ||
        folded.compare(folded.size() - ending.size(), ending.size(), ending) != 0) {
      continue;
    }
    const std::string base = folded.substr(0, folded.size() - ending.size());
    for (const std::string_view stem : stems) {
      if (ending.empty() && stem.empty()) {
        continue;
      }
      std::string key = base + std::string(stem);
      const Gazetteer::KeyRef ref = gazetteer.find_key(key);
      if (!ref) {
        continue;
      }
      for (const auto& p : gazetteer.postings(ref)) {
        const std::string_view code = gazetteer.feature_code(p.entry);
        if (!is_demonym_only(p.flags) && ((gazetteer.feature_class(p.entry) == 'A' &&
                                           (code.substr(0, 3) == "PCL" || code == "ADM1" || code == "ADMD")) ||
                                          code == "RGN")) {
          return std::make_pair(ref, std::move(key));
        }
      }
    }
  }
  return std::nullopt;
}

bool is_well_known_name(const Gazetteer& gazetteer, const Gazetteer::PostingView& p) {
  constexpr std::uint16_t main = name_kind::primary | name_kind::ascii | name_kind::preferred | name_kind::abbreviation;
  if ((p.flags & main) != 0U) {
    return true;
  }
  // Alternate names include transliterations and codes ("Hamas" for Hamm, "Drug" for Durg, "WAL"): in running
  // text they are trusted for divisions and for cities big enough to have exonyms (Peking, Londres).
  // Administrative areas (countries to counties: "Qingtian" for Qingtian County) keep their alternate names.
  if (gazetteer.feature_class(p.entry) == 'A') {
    return true;
  }
  return gazetteer.population(p.entry) >= 500000 || gazetteer.feature_code(p.entry) == "CONT";
}

bool is_seat_alternate_name(const Gazetteer& gazetteer, const Gazetteer::PostingView& p) {
  const std::string_view code = gazetteer.feature_code(p.entry);
  return (p.flags & name_kind::alternate) != 0U && (code == "PPLC" || code == "PPLA");
}

bool demonym_dominates(const Gazetteer& gazetteer, Gazetteer::KeyRef key) {
  bool demonym_of_region = false;
  for (const auto& p : gazetteer.postings(key)) {
    const std::string_view code = gazetteer.feature_code(p.entry);
    const bool region = gazetteer.feature_class(p.entry) == 'A' && (code.substr(0, 3) == "PCL" || code == "ADM1");
    if (is_demonym_only(p.flags)) {
      demonym_of_region = demonym_of_region || region;
    } else if (region || gazetteer.population(p.entry) >= 100000) {
      return false;
    }
  }
  return demonym_of_region;
}

std::string joined_key(const TokenizedText& tt, std::size_t first, std::size_t last) {
  std::string key;
  for (std::size_t i = first; i <= last; ++i) {
    if (i > first) {
      key.push_back(' ');
    }
    key.append(tt.key(tt.tokens[i]));
  }
  return key;
}

std::string unspaced_key(const TokenizedText& tt, std::size_t first, std::size_t last) {
  std::string key;
  for (std::size_t i = first; i <= last; ++i) {
    key.append(tt.key(tt.tokens[i]));
  }
  return key;
}

bool has_real_name(const Gazetteer& gazetteer, Gazetteer::KeyRef key, bool allow_abbreviation,
                   bool require_known_alternate) {
  for (const auto& p : gazetteer.postings(key)) {
    if (is_demonym_only(p.flags)) {
      continue;
    }
    if (require_known_alternate && !is_well_known_name(gazetteer, p)) {
      continue;
    }
    if ((p.flags & name_kind::short_name) != 0U && (p.flags & (name_kind::primary | name_kind::ascii)) == 0U) {
      continue; // "Jones" for Jones County: in running text it is far more often a surname
    }
    if (!allow_abbreviation && (p.flags & name_kind::abbreviation) != 0U &&
        (p.flags & (name_kind::primary | name_kind::ascii)) == 0U) {
      continue;
    }
    return true;
  }
  return false;
}

namespace {

/// What the recogniser needs to know about a key's postings, gathered in one pass.
struct KeyFacts {
  bool real_plain = false;  ///< has_real_name(allow_abbreviation = false)
  bool real_any = false;    ///< has_real_name(allow_abbreviation = true)
  bool known_plain = false; ///< ... counting only well-known names
  bool known_any = false;
  bool seat_alternate = false;       ///< an alternate name of a capital or first-level seat (see acceptable())
  bool demonym_dominates = false;    ///< see demonym_dominates()
  bool area_abbreviation = false;    ///< an abbreviation or code of an area (US, UK, NSW)
  bool context_abbreviation = false; ///< an abbreviation that needs its country named nearby ("BC")
  bool needs_context = false;        ///< ... and no abbreviation that stands alone
  bool strong = false;               ///< an area or a city of a million (short names aside)
  bool prominent = false;            ///< a country, a first-level division or a city of a million (well known)
  bool prominent_country = false;    ///< a country (well known)
  std::int64_t reach_population = 0; ///< the largest population among well-known names
  bool reach_area = false;           ///< ... and whether one of them is not a populated place
  std::int64_t town_population = 0;  ///< the largest population, short names aside
  bool town_area = false;            ///< ... and whether one of them is an area
};

KeyFacts key_facts(const Gazetteer& gazetteer, Gazetteer::KeyRef key) {
  KeyFacts f;
  bool demonym_of_region = false;
  bool region_or_city = false;
  for (const auto& p : gazetteer.postings(key)) {
    const std::string_view code = gazetteer.feature_code(p.entry);
    const char cls = gazetteer.feature_class(p.entry);
    const std::int64_t population = gazetteer.population(p.entry);
    const bool country = cls == 'A' && code.substr(0, 3) == "PCL";
    const bool region = country || (cls == 'A' && code == "ADM1");
    const bool demonym_only = is_demonym_only(p.flags);
    const bool short_only =
        (p.flags & name_kind::short_name) != 0U && (p.flags & (name_kind::primary | name_kind::ascii)) == 0U;
    const bool short_nonprimary = (p.flags & name_kind::short_name) != 0U && (p.flags & name_kind::primary) == 0U;
    const bool abbreviation_only =
        (p.flags & name_kind::abbreviation) != 0U && (p.flags & (name_kind::primary | name_kind::ascii)) == 0U;
    const bool known = is_well_known_name(gazetteer, p);
    f.seat_alternate = f.seat_alternate || (!short_only && is_seat_alternate_name(gazetteer, p));
    if (demonym_only) {
      demonym_of_region = demonym_of_region || region;
      continue;
    }
    region_or_city = region_or_city || region || population >= 100000;
    if (!short_only) {
      f.real_any = true;
      f.known_any = f.known_any || known;
      if (!abbreviation_only) {
        f.real_plain = true;
        f.known_plain = f.known_plain || known;
      }
    }
    if ((p.flags & name_kind::needs_context) != 0U) {
      f.context_abbreviation = true;
    } else {
      f.area_abbreviation =
          f.area_abbreviation || ((p.flags & name_kind::abbreviation) != 0U && (cls == 'A' || is_large_feature(code)));
    }
    if (!short_nonprimary) {
      f.strong = f.strong || cls == 'A' || population >= 1000000;
      f.town_population = std::max(f.town_population, population);
      f.town_area = f.town_area || cls == 'A';
      if (known) {
        f.prominent_country = f.prominent_country || country;
        f.prominent = f.prominent || country || code == "ADM1" || population >= 1000000;
        f.reach_population = std::max(f.reach_population, population);
        f.reach_area = f.reach_area || cls != 'P';
      }
    }
  }
  f.demonym_dominates = demonym_of_region && !region_or_city;
  f.needs_context = f.context_abbreviation && !f.area_abbreviation;
  return f;
}

/// The country of a key's foremost posting (the most prominent homonym), empty when it has none.
std::string_view foremost_country(const Gazetteer& gazetteer, Gazetteer::KeyRef key) {
  const auto postings = gazetteer.postings(key);
  return postings.empty() ? std::string_view() : gazetteer.country(postings.front().entry);
}

/// Drops the abbreviations that need context ("BC", "SA") unless another name of the document lies in one of
/// their places' countries: "BC" beside Vancouver is British Columbia, "BC" after "300" is not a place.
template <typename NeedsContext>
void keep_abbreviations_with_context(const Gazetteer& gazetteer, std::vector<KeyMatch>& matches,
                                     NeedsContext needs_context) {
  std::vector<std::string_view> countries;
  bool any = false;
  for (const KeyMatch& m : matches) {
    if (needs_context(m)) {
      any = true;
    } else if (const std::string_view cc = foremost_country(gazetteer, m.key); !cc.empty()) {
      countries.push_back(cc);
    }
  }
  if (!any) {
    return;
  }
  std::erase_if(matches, [&](const KeyMatch& m) {
    if (!needs_context(m)) {
      return false;
    }
    for (const auto& p : gazetteer.postings(m.key)) {
      const std::string_view cc = gazetteer.country(p.entry);
      if ((p.flags & name_kind::needs_context) != 0U &&
          std::find(countries.begin(), countries.end(), cc) != countries.end()) {
        return false;
      }
    }
    return true;
  });
}

} // namespace

std::vector<KeyMatch> recognize(const Gazetteer& gazetteer, std::string_view text, const TokenizedText& tt) {
  const auto& toks = tt.tokens;
  const std::size_t n = toks.size();

  std::unordered_map<const void*, KeyFacts> facts_cache;
  auto facts = [&](Gazetteer::KeyRef key) -> const KeyFacts& {
    auto [it, inserted] = facts_cache.try_emplace(key.key);
    if (inserted) {
      it->second = key_facts(gazetteer, key);
    }
    return it->second;
  };
  // Whether every well-known name of a short key is written in capitals in the gazetteer (a code: "MAD").
  auto only_codes = [&](Gazetteer::KeyRef key) {
    const std::size_t count = gazetteer.posting_count(key);
    for (std::size_t k = 0; k < count && k < 50; ++k) {
      const Candidate c = gazetteer.candidate(key, k);
      if ((c.name_flags & name_kind::demonym) != 0U) {
        continue;
      }
      bool upper = true;
      for (const char ch : c.matched_name) {
        upper = upper && !(ch >= 'a' && ch <= 'z') && static_cast<unsigned char>(ch) < 0x80;
      }
      if (!upper) {
        return false;
      }
    }
    return true;
  };
  // Words the document also writes in lower case are common words here ("station", "reading").
  std::unordered_map<std::string_view, bool> lowercase_memo;
  auto used_in_lowercase = [&](std::string_view k) {
    auto [it, inserted] = lowercase_memo.try_emplace(k, false);
    if (inserted) {
      for (const Token& t : toks) {
        if (!t.ideograph && !t.capitalized && !t.all_upper && tt.key(t) == k) {
          it->second = true;
          break;
        }
      }
    }
    return it->second;
  };

  // Word boundaries of the Chinese and Japanese runs, computed only when the text has some.
  std::vector<bool> word_starts;
  auto on_cjk_word_boundaries = [&](std::size_t first, std::size_t last) {
    if (word_starts.empty()) {
      word_starts = cjk_word_starts(text, tt);
    }
    return word_starts[first] && word_starts[last + 1];
  };

  auto acceptable = [&](std::size_t first, std::size_t last, Gazetteer::KeyRef key, bool& demonym) -> bool {
    demonym = false;
    const Token& head = toks[first];
    if (head.ideograph) {
      if (last == first) {
        return false; // one Chinese character alone is too ambiguous (美, 中, 京)
      }
      return on_cjk_word_boundaries(first, last) && !lexicon::is_cjk_common_word(unspaced_key(tt, first, last)) &&
             facts(key).real_plain;
    }
    for (std::size_t i = first; i <= last; ++i) {
      const Token& t = toks[i];
      if (t.has_digit) {
        return false;
      }
      const std::string_view k = tt.key(t);
      const bool inner = i > first && i < last;
      if (!t.capitalized && !t.all_upper) {
        // The possessive "s" inside a name: "People's Republic of China", "Martha's Vineyard".
        const std::string_view apostrophe = gap_before(text, tt, i);
        const bool possessive = inner && k == "s" && (apostrophe == "'" || apostrophe == "\xE2\x80\x99");
        if (!(inner && lexicon::name_connectors.contains(k)) &&
            !(i == last && i > first && lexicon::place_generics.contains(k)) && !possessive) {
          return false;
        }
      }
    }
    const bool upper = head.all_upper && last == first;
    const bool abbreviated = upper || ends_with_period(text, tt, last) || last > first;
    const KeyFacts& f = facts(key);
    // Capitals of countries and of first-level divisions have names in many languages (Firenze, Venezia,
    // Genova): trusted when long enough not to be a code or a clipped transliteration ("Die", "Key").
    const bool seat_name = f.seat_alternate && first == last && head.end - head.start >= kMinSeatAlternateLength;
    if (!(abbreviated ? f.known_any : f.known_plain) && !seat_name) {
      demonym = f.real_any ? false : gazetteer.posting_count(key) > 0;
      return demonym;
    }
    if (first == last && !head.all_upper && head.end - head.start <= 4 && only_codes(key)) {
      return false; // "Mad" is not MAD (Madrid's airport code): codes match only when written in capitals
    }
    if (f.demonym_dominates) {
      demonym = true; // "Canadian", "German": the people of a country, not a county or hamlet of that name
      return true;
    }
    // All generic or function words: "The city", "The village".
    bool all_generic = true;
    for (std::size_t i = first; i <= last && all_generic; ++i) {
      const std::string_view k = tt.key(toks[i]);
      all_generic = !toks[i].all_upper && (lexicon::name_connectors.contains(k) || lexicon::place_generics.contains(k));
    }
    if (all_generic) {
      return false;
    }
    if (first == last && head.all_upper && head.end - head.start <= 5 &&
        !(head.end - head.start == 5 && f.real_plain && !f.area_abbreviation)) {
      // Acronyms (FDA, CDC, KBR) are organisations unless the gazetteer knows them as abbreviations or codes
      // of a country or region (US, UK, NSW).
      return f.area_abbreviation || f.context_abbreviation;
    }
    if (first == last) {
      const std::string_view k = tt.key(head);
      if (k.size() < 2 || lexicon::person_titles.contains(k) || lexicon::organisation_heads.contains(k) ||
          lexicon::is_closed_class_word(k)) {
        return false;
      }
      // Other common words that are towns ("Nice", "Reading") only after a preposition of place, mid-sentence.
      const std::string_view before = first > 0 ? tt.key(toks[first - 1]) : std::string_view();
      const bool after_place_preposition = (before == "in" || before == "at" || before == "near" || before == "from" ||
                                            before == "to" || before == "into") &&
                                           !toks[first - 1].capitalized;
      if (lexicon::is_common_word(k) && !(after_place_preposition && !sentence_initial(text, tt, first - 1))) {
        return false;
      }
      if (sentence_initial(text, tt, first) && used_in_lowercase(k)) {
        return false;
      }
    }
    return true;
  };

  std::vector<KeyMatch> matches;
  std::unordered_map<std::string_view, Gazetteer::KeyRef> first_lookups;
  for (std::size_t i = 0; i < n;) {
    if (!toks[i].ideograph && !toks[i].capitalized && !toks[i].all_upper) {
      ++i; // a name starts with a capital (or is Chinese): skip the gazetteer lookups
      continue;
    }
    KeyMatch best;
    bool found = false;
    std::string key;
    std::uint64_t hash = Gazetteer::hash_key("");
    const std::size_t limit = toks[i].ideograph ? max_ideograph_tokens : max_latin_tokens;
    for (std::size_t j = i; j < n && j < i + limit; ++j) {
      if (j > i) {
        if (!joinable(text, tt, j)) {
          break;
        }
        key.push_back(' ');
        hash = Gazetteer::hash_extend(hash, " ");
      }
      const std::string_view part = tt.key(toks[j]);
      key.append(part);
      hash = Gazetteer::hash_extend(hash, part);
      Gazetteer::KeyRef ref;
      if (j == i) {
        // Words recur in a document (names, sentence openers): look each one up once.
        auto [it, inserted] = first_lookups.try_emplace(part);
        if (inserted) {
          it->second = gazetteer.find_key(key, hash);
        }
        ref = it->second;
      } else {
        ref = gazetteer.find_key(key, hash);
      }
      if (!ref) {
        break;
      }
      bool demonym = false;
      if (gazetteer.posting_count(ref) > 0 && acceptable(i, j, ref, demonym)) {
        best = KeyMatch{i, j, ref, demonym, SIZE_MAX};
        found = true;
      }
      if (!Gazetteer::is_prefix(ref)) {
        break;
      }
    }
    if (found) {
      matches.push_back(best);
      i = best.last + 1;
    } else {
      ++i;
    }
  }

  // Context filters: people and organisations around a match.
  std::unordered_set<std::string> person_names;
  std::vector<KeyMatch> kept;
  // A "strong" match names an area or a large city; two weak names side by side read as a person's name.
  auto strong = [&](const KeyMatch& m) { return facts(m.key).strong; };
  auto match_at = [&](std::size_t tok, bool by_start) -> const KeyMatch* {
    for (const KeyMatch& m : matches) {
      if ((by_start ? m.first : m.last) == tok) {
        return &m;
      }
    }
    return nullptr;
  };
  auto is_match_start = [&](std::size_t tok, const KeyMatch& self) {
    const KeyMatch* other = match_at(tok, true);
    return other != nullptr &&
           (strong(*other) || strong(self) || other->first != other->last || self.first != self.last);
  };
  auto is_match_end = [&](std::size_t tok, const KeyMatch& self) {
    const KeyMatch* other = match_at(tok, false);
    return other != nullptr &&
           (strong(*other) || strong(self) || other->first != other->last || self.first != self.last);
  };
  // Whether the gazetteer knows the name for a country, a first-level division or a city of a million: such a
  // name is rarely a person's, and may "say" things by metonymy ("Russia said").
  auto prominent = [&](const KeyMatch& m, bool countries_only) {
    return countries_only ? facts(m.key).prominent_country : facts(m.key).prominent;
  };
  // The largest population among the key's well-known names, and whether one of them is an area.
  auto reach = [&](const KeyMatch& m, bool& area) {
    area = facts(m.key).reach_area;
    return facts(m.key).reach_population;
  };
  // Keys written capitalised in mid-sentence somewhere in the document.
  std::unordered_set<std::string> mid_sentence;
  for (const KeyMatch& m : matches) {
    if (!sentence_initial(text, tt, m.first)) {
      mid_sentence.insert(joined_key(tt, m.first, m.last));
    }
  }
  // A single capital letter followed by a period: a middle or first initial ("Grant W. Graham", "J. Moore").
  auto is_initial = [&](std::size_t tok) {
    const Token& t = toks[tok];
    return !t.ideograph && t.capitalized && t.end - t.start == 1 && t.byte_end < text.size() && text[t.byte_end] == '.';
  };
  for (const KeyMatch& m : matches) {
    if (toks[m.first].ideograph || m.demonym) {
      kept.push_back(m);
      continue;
    }
    bool reject = false;
    bool person = false;
    const bool single = m.first == m.last;
    const std::string_view self = tt.key(toks[m.first]);
    const bool has_next = m.last + 1 < n;
    const std::string_view after_gap = has_next ? gap_before(text, tt, m.last + 1) : std::string_view();
    const std::string_view nk = has_next ? tt.key(toks[m.last + 1]) : std::string_view();
    // Preceded by a capitalised word in the same name: "Christopher Wray", "Mr Lopez", "Sheriff Nick".
    if (m.first > 0) {
      const Token& prev = toks[m.first - 1];
      const std::string_view pk = tt.key(prev);
      const std::string_view gap = gap_before(text, tt, m.first);
      if (lexicon::person_titles.contains(pk) && (gap == " " || gap == ". " || gap == "." || gap == "\xC2\xA0")) {
        reject = person = true; // "Cpl. Michael", "Capt. Smith", "Sheriff Nick"
      } else if (joinable(text, tt, m.first)) {
        if (is_initial(m.first - 1) || lexicon::given_names.contains(pk)) {
          reject = person = true; // "J. Moore", "Andy Trapani"
        } else if (prev.capitalized && !prev.all_upper && !lexicon::is_common_word(pk) &&
                   !lexicon::locative_prepositions.contains(pk) && !lexicon::name_connectors.contains(pk) &&
                   !lexicon::public_body_words.contains(pk) && !lexicon::place_generics.contains(pk) &&
                   !is_match_end(m.first - 1, m) &&
                   !(sentence_initial(text, tt, m.first - 1) && used_in_lowercase(pk))) {
          reject = true;
          // A surname for sure only if the town is small: a city's name also follows other names' words.
          bool area = false;
          person = single && reach(m, area) < 100000 && !area;
        }
      }
    }
    if (!reject && has_next) {
      const Token& next = toks[m.last + 1];
      if (after_gap == " " && !next.capitalized && lexicon::speech_verbs.contains(nk) && !prominent(m, false)) {
        reject = true; // "Nelson said"; a town that big may be said to say things: only this occurrence
        bool area = false;
        person = reach(m, area) < 100000 && !area;
      } else if (lexicon::eponym_words.contains(nk) && (after_gap == " " || after_gap == "-")) {
        reject = true; // "West Nile virus", "Marburg fever"
      } else if (after_gap == "$") {
        reject = true; // "US$543"
      } else if ((after_gap == " & " || after_gap == "&") && next.capitalized && !prominent(m, false)) {
        reject = true; // a firm: "Stevens & Wilkinson"
      } else if (joinable(text, tt, m.last + 1) && lexicon::street_words.contains(nk) && next.capitalized) {
        reject = true; // a street named after a place: "Cooper Street"
      } else if (after_gap == " " && lexicon::landscape_words.contains(nk) && next.capitalized) {
        reject = true; // a river or lake named like a town: "the Han River"
      } else if (next.has_digit && !next.ideograph && (after_gap == ", " || after_gap == " (") &&
                 next.end - next.start <= 3 && single && next.byte_end < text.size() &&
                 (text[next.byte_end] == ',' || text[next.byte_end] == ')')) {
        // "Michael Thomas, 24, ...": a name followed by an age (closed by a comma or parenthesis; "Dublin,
        // 2 November" is a dateline).
        reject = person = true;
      } else if (after_gap == " " && is_initial(m.last + 1) && single) {
        reject = person = true; // "Grant W. Graham"
      } else if ((after_gap == " " || after_gap == "-") && next.has_digit && !next.ideograph) {
        bool area = false;
        const std::int64_t population = reach(m, area);
        if (toks[m.first].all_upper || ends_with_period(text, tt, m.last) || (!area && population < 100000)) {
          reject = true; // a road or unit number: "KY 52", "US-24", "Pack 170"
        }
      }
    }
    // "Smith & Stevens": the second name of a firm.
    if (!reject && m.first > 0 && !prominent(m, false)) {
      const std::string_view gap = gap_before(text, tt, m.first);
      if ((gap == " & " || gap == "&") && toks[m.first - 1].capitalized) {
        reject = true;
      }
    }
    // After "the", a town's name is usually part of another name ("the White House", "the Toyota Camry"):
    // towns take no article, unlike countries, regions and rivers.
    if (!reject && m.first > 0 && tt.key(toks[m.first - 1]) == "the" && joinable(text, tt, m.first) && has_next &&
        joinable(text, tt, m.last + 1) && toks[m.last + 1].capitalized && !lexicon::civic_heads.contains(nk) &&
        !lexicon::public_body_words.contains(nk) && !lexicon::place_generics.contains(nk)) {
      bool area = false;
      const std::int64_t population = reach(m, area);
      if (!area && population < 1000000) {
        reject = true;
      }
    }
    // A small town's name that only ever opens a sentence is more likely a capitalised common word.
    if (!reject && single && sentence_initial(text, tt, m.first) && mid_sentence.count(std::string(self)) == 0) {
      bool area = false;
      if (reach(m, area) < 20000 && !area) {
        reject = true;
      }
    }
    // Followed by capitalised words: an organisation's name ("Getty Images", "Ohio State University") unless
    // it is a body of the place itself ("Dublin Arts Council", "Springfield High School"); a first name.
    if (!reject && has_next && joinable(text, tt, m.last + 1)) {
      const Token& next = toks[m.last + 1];
      if (next.capitalized && !is_match_start(m.last + 1, m)) {
        bool organisation = false;
        bool civic = false;
        for (std::size_t k = m.last + 1; k < n && k <= m.last + 3 && !organisation && !civic; ++k) {
          if ((k > m.last + 1 && !joinable(text, tt, k)) || !toks[k].capitalized) {
            break;
          }
          const std::string_view kk = tt.key(toks[k]);
          civic = lexicon::civic_heads.contains(kk) || lexicon::public_body_words.contains(kk);
          organisation = !civic && lexicon::organisation_heads.contains(kk);
        }
        if (organisation) {
          reject = true;
        } else if (!civic && single && !lexicon::is_common_word(nk) && !lexicon::place_generics.contains(nk)) {
          if (lexicon::given_names.contains(self) && !prominent(m, true)) {
            reject = person = true; // "Douglas Polling", "Tyler Koch"
          } else {
            // A lone small-town name before another capitalised word reads as a first name: "Nick Lopez".
            if (!facts(m.key).town_area && facts(m.key).town_population < 100000) {
              reject = person = true;
            }
          }
        }
      }
    }
    if (person && !prominent(m, false)) {
      person_names.insert(joined_key(tt, m.first, m.last));
    }
    if (!reject) {
      kept.push_back(m);
    }
  }
  // Once a word is someone's name in a document, it stays a name: "Christopher Wray ... Wray said".
  std::vector<KeyMatch> out;
  for (const KeyMatch& m : kept) {
    if (!toks[m.first].ideograph && person_names.count(joined_key(tt, m.first, m.last)) != 0) {
      continue;
    }
    out.push_back(m);
  }
  keep_abbreviations_with_context(gazetteer, out, [&](const KeyMatch& m) {
    return toks[m.first].all_upper && facts(m.key).needs_context; // "BC", "B.C."; not the town "Sa"
  });
  // Qualifiers: "Paris, Texas", "Fuzhou, Fujian", "Long Beach, Calif.".
  for (std::size_t k = 0; k + 1 < out.size(); ++k) {
    const KeyMatch& a = out[k];
    const KeyMatch& b = out[k + 1];
    if (b.first != a.last + 1 || toks[a.first].ideograph) {
      continue;
    }
    const std::string_view gap = gap_before(text, tt, b.first);
    if (gap == ", " || gap == "," || gap == ". , " || gap == "., ") {
      out[k].qualifier = k + 1;
    }
  }
  return out;
}

} // namespace stationmap::detail
