#include "stationmap/extract/extractor.hpp"

#include "cues.hpp"
#include "datelines.hpp"
#include "stationmap/core/fold.hpp"
#include "stationmap/core/great_circle.hpp"
#include "stationmap/extract/corrections.hpp"
#include "stationmap/extract/dates.hpp"
#include "stationmap/extract/ids.hpp"
#include "stationmap/extract/segmenter.hpp"
#include "stationmap/gazetteer/name_kind.hpp"
#include "stationmap/geoparse/geoparser.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>

namespace stationmap {

namespace {

double distance_km(const Place& a, const Place& b) {
  return great_circle_km(a.lat, a.lon, b.lat, b.lon);
}

enum class Level { Country, Region, City, Other };

Level level_of(const Place& p) {
  if (p.is_country()) {
    return Level::Country;
  }
  if (p.feature_class == 'A') {
    return Level::Region;
  }
  if (p.feature_class == 'P') {
    return Level::City;
  }
  return Level::Other;
}

const char* precision_of(const Place& p) {
  switch (level_of(p)) {
  case Level::Country:
    return "country";
  case Level::Region:
    return "region";
  case Level::City:
    return p.feature_code == "PPLX" ? "district" : "city";
  case Level::Other:
    return "region";
  }
  return "city";
}

/// Whether token @p key is @p word, or @p word with a glued particle (Korean 거점이 for 거점).
bool word_matches(std::string_view key, std::string_view word) {
  if (key == word) {
    return true;
  }
  if (key.size() <= word.size() || key.substr(0, word.size()) != word) {
    return false;
  }
  const auto& particles = cues::particles();
  return std::binary_search(particles.begin(), particles.end(), key.substr(word.size()));
}

/// A sentence's tokens with phrase search over their folded forms.
class SentenceTokens {
public:
  explicit SentenceTokens(const std::string& text) { tokenize(text, m_tt); }
  [[nodiscard]] std::size_t size() const { return m_tt.tokens.size(); }
  [[nodiscard]] const Token& token(std::size_t i) const { return m_tt.tokens[i]; }
  [[nodiscard]] std::string_view key(std::size_t i) const { return m_tt.key(m_tt.tokens[i]); }

  /// Length in tokens of @p phrase at token @p i, or 0.
  [[nodiscard]] std::size_t phrase_at(std::size_t i, std::string_view phrase) const {
    std::size_t n = 0;
    std::size_t pos = 0;
    while (pos <= phrase.size()) {
      const std::size_t sp = phrase.find(' ', pos);
      const std::string_view word = phrase.substr(pos, sp == std::string_view::npos ? phrase.npos : sp - pos);
      if (i + n >= size() || !word_matches(key(i + n), word)) {
        return 0;
      }
      ++n;
      if (sp == std::string_view::npos) {
        break;
      }
      pos = sp + 1;
    }
    return n;
  }
  /// Longest phrase of @p phrases starting at @p i (0 when none).
  [[nodiscard]] std::size_t any_at(std::size_t i, const std::vector<std::string_view>& phrases) const {
    std::size_t best = 0;
    for (const auto& p : phrases) {
      best = std::max(best, phrase_at(i, p));
    }
    return best;
  }
  [[nodiscard]] bool contains(const std::vector<std::string_view>& phrases) const {
    for (std::size_t i = 0; i < size(); ++i) {
      if (any_at(i, phrases) > 0) {
        return true;
      }
    }
    return false;
  }
  /// Whether a phrase of @p phrases ends within @p window tokens before token @p i.
  [[nodiscard]] bool before(std::size_t i, const std::vector<std::string_view>& phrases, std::size_t window) const {
    for (std::size_t s = i > window + 3 ? i - window - 3 : 0; s < i; ++s) {
      const std::size_t len = any_at(s, phrases);
      if (len > 0 && s + len <= i && i - (s + len) <= window) {
        return true;
      }
    }
    return false;
  }

private:
  TokenizedText m_tt;
};

/// A mention within one sentence.
struct Local {
  std::size_t mention = 0; // index into the document's mentions
  std::size_t first = 0;   // token range in the sentence
  std::size_t last = 0;
};

bool is_station_word_at(const SentenceTokens& st, std::size_t i, std::size_t& len) {
  len = st.any_at(i, cues::station());
  if (len == 0) {
    return false;
  }
  // "Beijing Station", "Union Station": a capitalised Station after a name is a facility's name.
  if (!st.token(i).ideograph && st.token(i).capitalized && i > 0 && st.token(i - 1).capitalized &&
      (st.key(i) == "station" || st.key(i) == "stations")) {
    return false;
  }
  // A lone 站 after a place name is a railway station (北京站) unless the sentence speaks of police (警).
  if (len == 1 && st.key(i) == "站") {
    for (std::size_t t = 0; t < st.size(); ++t) {
      if (st.key(t) == "警") {
        return true;
      }
    }
    return false;
  }
  return true;
}

bool has_station_cue(const SentenceTokens& st) {
  for (std::size_t i = 0; i < st.size(); ++i) {
    std::size_t len = 0;
    if (is_station_word_at(st, i, len)) {
      return true;
    }
  }
  return false;
}

/// The gap between two mentions in the sentence text, folded.
std::string gap_between(const std::string& text, const Token& a, const Token& b) {
  if (b.byte_start <= a.byte_end) {
    return "";
  }
  return text.substr(a.byte_end, b.byte_start - a.byte_end);
}

bool is_coordination(const std::string& gap) {
  std::string g = fold_key(gap);
  if (g.empty()) {
    // , or 、 or ; ("Dublin, Ireland; Vienna, Austria")
    return gap.find_first_of(",;") != std::string::npos || gap.find("\xE3\x80\x81") != std::string::npos;
  }
  const auto& words = cues::coordination();
  return std::find(words.begin(), words.end(), g) != words.end();
}

bool is_chain_gap(const std::string& gap) {
  if (!fold_key(gap).empty()) {
    return false;
  }
  return gap.find_first_not_of(" ,()\xEF\xBC\x88\xEF\xBC\x89") == std::string::npos;
}

bool contains_place(const Place& outer, const Place& inner) {
  if (outer.country != inner.country || outer.index == inner.index) {
    return false;
  }
  if (outer.is_country()) {
    return true;
  }
  if (outer.is_admin1()) {
    return outer.admin1_code == inner.admin1_code;
  }
  if (outer.is_admin2()) {
    return outer.admin1_code == inner.admin1_code && outer.admin2_code == inner.admin2_code;
  }
  return false;
}

Evidence make_evidence(const Document& doc, const Sentence& s) {
  Evidence e;
  e.document = doc.id;
  e.title = doc.title;
  e.url = doc.url;
  e.date = doc.date;
  e.sentence = s.text;
  e.start = s.start;
  e.end = s.end;
  return e;
}

/// The strongest status a sentence states, if any.
std::optional<Status> status_of(const SentenceTokens& st) {
  std::optional<Status> best;
  for (const auto& cue : cues::status()) {
    if ((!best || stronger(cue.status, *best)) && st.contains(cue.phrases)) {
      best = cue.status;
    }
  }
  return best;
}

bool is_jurisdiction_level(const Place& p) {
  return p.country == "CN" && !p.is_country() && !p.is_admin1() && p.feature_code != "PPLC" &&
         (p.feature_class == 'P' || p.feature_class == 'A');
}

/// The place a site or jurisdiction stands for. A first-level or second-level division that shares its name
/// with a city inside it ("New York", "Rio de Janeiro", 福州市 as Fuzhou Shi) stands for the city; and among
/// homonyms, the one inside a country the same sentence names wins ("Epsom" beside "New Zealand").
Place normalise_place(const Gazetteer& g, const Mention& m, const std::set<std::string>& sentence_countries,
                      bool among_cities) {
  Place place = *m.place;
  const auto candidates = g.lookup(m.text);
  if (!sentence_countries.empty() && sentence_countries.count(place.country) == 0) {
    const Candidate* best = nullptr;
    for (const Candidate& c : candidates) {
      if (sentence_countries.count(c.place.country) != 0 && !c.place.is_country() &&
          (best == nullptr || c.place.population > best->place.population)) {
        best = &c;
      }
    }
    if (best != nullptr) {
      place = best->place;
    }
  }
  // A Chinese place named beside police words is a bureau's seat: prefer a homonym that is the seat of a
  // prefecture or county (Nantong, Jiangsu) over a village of the same name (Nantong, Fujian).
  const auto is_seat = [](const Place& p) {
    return p.feature_code == "PPLA" || p.feature_code == "PPLA2" || p.feature_code == "PPLA3" ||
           p.feature_code == "ADM2" || p.feature_code == "ADM3";
  };
  if (place.country == "CN" && place.feature_class == 'P' && !is_seat(place)) {
    const Candidate* best = nullptr;
    for (const Candidate& c : candidates) {
      if (c.place.country == "CN" && is_seat(c.place) &&
          (best == nullptr || c.place.population > best->place.population)) {
        best = &c;
      }
    }
    if (best != nullptr) {
      place = best->place;
    }
  }
  if (place.feature_class == 'A' && !place.is_country()) {
    const Candidate* best = nullptr;
    for (const Candidate& c : candidates) {
      const Place& p = c.place;
      const bool named_so = (c.name_flags & (name_kind::primary | name_kind::ascii | name_kind::preferred)) != 0U;
      if (p.feature_class == 'P' && (named_so || among_cities) && p.country == place.country &&
          p.admin1_code == place.admin1_code && p.population >= 10000 &&
          (best == nullptr || p.population > best->place.population)) {
        best = &c;
      }
    }
    if (best != nullptr) {
      place = best->place;
    }
  }
  return place;
}

/// The clause of each mention: clauses are separated by semicolons ("Dublin, Ireland; Vienna, Austria").
std::vector<std::size_t> clause_of(const std::string& text, const SentenceTokens& st,
                                   const std::vector<Local>& locals) {
  std::vector<std::size_t> clause(locals.size(), 0);
  for (std::size_t k = 1; k < locals.size(); ++k) {
    const std::string gap = gap_between(text, st.token(locals[k - 1].last), st.token(locals[k].first));
    const bool semicolon = gap.find(';') != std::string::npos || gap.find("\xEF\xBC\x9B") != std::string::npos;
    clause[k] = clause[k - 1] + (semicolon ? 1 : 0);
  }
  return clause;
}

/// A small place (a neighbourhood, or fewer than kSmallPlace people) in a country that nothing else in the
/// document names is a namesake or a common word read as a name ("Same report says...", "Research desk").
constexpr std::uint32_t kSmallPlace = 100000;
bool small_place_in_unnamed_country(const Place& p, const std::map<std::string, std::set<std::size_t>>& named) {
  if (p.is_country() || (p.feature_code != "PPLX" && p.population >= kSmallPlace)) {
    return false;
  }
  const auto it = named.find(p.country);
  return it == named.end() ||
         std::none_of(it->second.begin(), it->second.end(), [&](std::size_t index) { return index != p.index; });
}

/// True when the mention names a small place only by one of its unlabelled alternate names (GeoNames'
/// alternatenames column mixes spellings, translations and unrelated words: "Selon", "Victor").
bool weak_name(const Gazetteer& g, const Mention& m, const Place& place) {
  if (place.feature_class != 'P' || place.population >= 100000) {
    return false;
  }
  for (const Candidate& c : g.lookup(m.text)) {
    if (c.place.index == place.index) {
      const std::uint16_t strong = name_kind::primary | name_kind::ascii | name_kind::preferred;
      return (c.name_flags & strong) == 0U && c.language.empty();
    }
  }
  return false;
}

/// A name glued into a longer word or name: "Celle-ci", "Van der Sluysstraat", "avenue de Choisy".
bool part_of_longer_name(const std::string& text, const SentenceTokens& st, std::size_t first, std::size_t last) {
  const Token& end = st.token(last);
  if (end.byte_end + 1 < text.size() && text[end.byte_end] == '-' &&
      std::islower(static_cast<unsigned char>(text[end.byte_end + 1])) != 0) {
    return true;
  }
  if (last + 1 < st.size()) {
    const std::string_view next = st.key(last + 1);
    // Dutch and Flemish name particles ("Van der Sluysstraat"); German "von der Polizei" is a preposition.
    if ((next == "der" || next == "den" || next == "ter") && !st.token(last + 1).capitalized && st.key(last) == "van") {
      return true;
    }
  }
  for (std::size_t back = 1; back <= 3 && back <= first; ++back) {
    const std::string gap = gap_between(text, st.token(first - back), st.token(first - back + 1));
    if (gap.find_first_not_of(" -'") != std::string::npos) {
      break;
    }
    const std::string_view w = st.key(first - back);
    if (w == "avenue" || w == "rue" || w == "boulevard" || w == "calle" || w == "strasse" || w == "street" ||
        w == "road" || w == "place" || w == "quai" || w == "allee" || w == "avenida" || w == "via") {
      return true;
    }
    if (w != "de" && w != "du" && w != "des" && w != "la" && w != "le" && w != "d") {
      break;
    }
  }
  return false;
}

/// "102 stations in 53 countries", "more than 50 such stations": a number of stations, whatever the places.
bool states_a_count(const SentenceTokens& st) {
  for (std::size_t i = 0; i < st.size(); ++i) {
    const std::string_view w = st.key(i);
    const bool digits = !w.empty() && w.find_first_not_of("0123456789") == std::string_view::npos && w.size() <= 4 &&
                        !(w.size() == 4 && (w[0] == '1' || w[0] == '2'));
    if (!digits && !number_value(w)) {
      continue;
    }
    for (std::size_t j = i + 1; j < st.size() && j <= i + 3; ++j) {
      std::size_t len = 0;
      if (is_station_word_at(st, j, len) && st.key(j) != "110") {
        return true;
      }
    }
  }
  return false;
}

} // namespace

DocumentClaims Extractor::extract(const Document& doc) const {
  DocumentClaims out;
  out.document = doc.id;
  const Geoparser geoparser(m_gazetteer);
  std::vector<Mention> mentions = geoparser.parse(doc.text);
  // Analysts' pins: the mention resolves to the pinned place, taken as certain (no re-reading, no doubt).
  std::vector<const MentionPins::Pin*> pinned(mentions.size(), nullptr);
  for (std::size_t i = 0; m_pins != nullptr && !m_pins->empty() && i < mentions.size(); ++i) {
    if ((pinned[i] = m_pins->find(doc.id, mentions[i].text)) != nullptr) {
      mentions[i].place = pinned[i]->place;
      mentions[i].confidence = 1.0;
    }
  }
  const std::vector<Sentence> sentences = segment(doc);
  const bool about_stations = [&] {
    for (const Sentence& s : sentences) {
      if (has_station_cue(SentenceTokens(s.text))) {
        return true;
      }
    }
    return false;
  }();

  // Roles, one per mention; defaults to "other".
  out.mentions.resize(mentions.size());
  for (std::size_t i = 0; i < mentions.size(); ++i) {
    RoledMention& r = out.mentions[i];
    r.document = doc.id;
    r.start = mentions[i].start;
    r.end = mentions[i].end;
    r.text = mentions[i].text;
    r.confidence = mentions[i].confidence;
    if (pinned[i] != nullptr) {
      r.corrections.push_back(pinned[i]->ref);
    }
    r.resolved = mentions[i].place.has_value();
    if (r.resolved) {
      r.place = *mentions[i].place;
      r.place_id = place_id_of(r.place);
    }
    r.reason = r.resolved ? "no station or police cue" : "unresolved";
  }

  struct SentenceResult {
    std::vector<std::size_t> sites;         // mention indices
    std::vector<std::size_t> jurisdictions; // mention indices
    bool negated = false;
    bool not_found = false; // officials found no station ("found no such office")
    bool tie = false;
    bool network = false; // speaks of a bureau's network
    std::optional<Status> status;
    std::string date;
    std::map<std::size_t, int> counts; // mention index -> number of stations the sentence gives
  };
  std::vector<SentenceResult> results(sentences.size());
  // Countries the document names, with the places named in each (by gazetteer index).
  std::map<std::string, std::set<std::size_t>> named_countries;
  for (const Mention& m : mentions) {
    if (m.place) {
      named_countries[m.place->country].insert(m.place->index);
    }
  }

  for (std::size_t si = 0; si < sentences.size(); ++si) {
    const Sentence& s = sentences[si];
    SentenceTokens st(s.text);
    std::vector<Local> locals;
    for (std::size_t mi = 0; mi < mentions.size(); ++mi) {
      const Mention& m = mentions[mi];
      if (m.start < s.start || m.end > s.end) {
        continue;
      }
      Local l{mi, SIZE_MAX, 0};
      for (std::size_t t = 0; t < st.size(); ++t) {
        const std::uint32_t ts = s.start + st.token(t).start;
        const std::uint32_t te = s.start + st.token(t).end;
        if (ts >= m.start && te <= m.end) {
          l.first = std::min(l.first, t);
          l.last = t;
        }
      }
      if (l.first != SIZE_MAX) {
        locals.push_back(l);
        out.mentions[mi].sentence = s.text;
      }
    }
    const bool count_statement = s.kind != BlockKind::Navigation && s.kind != BlockKind::Byline && states_a_count(st);
    if (locals.empty()) {
      if (count_statement) {
        out.counts.push_back(make_evidence(doc, s));
      }
      continue;
    }
    {
      // A country qualifies the names of its own clause: in "Havana, Cuba; Vancouver, Canada; Lima, Peru" Peru
      // says nothing about Vancouver.
      const std::vector<std::size_t> clause = clause_of(s.text, st, locals);
      std::map<std::size_t, std::set<std::string>> clause_countries;
      for (std::size_t k = 0; k < locals.size(); ++k) {
        const Mention& m = mentions[locals[k].mention];
        if (m.place && m.place->is_country()) {
          clause_countries[clause[k]].insert(m.place->country);
        }
      }
      for (std::size_t k = 0; k < locals.size(); ++k) {
        const Local& l = locals[k];
        const std::set<std::string>& countries = clause_countries[clause[k]];
        Mention& m = mentions[l.mention];
        // Listed with cities ("New York, San Francisco and Los Angeles"), a name is read as a city too.
        bool among_cities = false;
        for (const std::size_t o : {k - 1, k + 1}) {
          if (o < locals.size() && mentions[locals[o].mention].place &&
              mentions[locals[o].mention].place->feature_class == 'P') {
            const Local& a = locals[std::min(k, o)];
            const Local& b = locals[std::max(k, o)];
            among_cities = among_cities || is_coordination(gap_between(s.text, st.token(a.last), st.token(b.first)));
          }
        }
        if (m.place && !m.place->is_country() && pinned[l.mention] == nullptr) {
          m.place = normalise_place(m_gazetteer, m, countries, among_cities);
          out.mentions[l.mention].place = *m.place;
          out.mentions[l.mention].place_id = place_id_of(*m.place);
        }
      }
    }
    for (const Local& l : locals) {
      if (out.mentions[l.mention].resolved) {
        out.mentions[l.mention].reason = std::string("no station or police cue");
      }
    }
    if (s.kind == BlockKind::Byline || s.kind == BlockKind::Navigation) {
      for (const Local& l : locals) {
        out.mentions[l.mention].reason = s.kind == BlockKind::Byline ? "byline" : "navigation";
      }
      continue;
    }
    SentenceResult& res = results[si];
    res.not_found = st.contains(cues::not_found());
    res.negated = res.not_found || st.contains(cues::negation());
    const std::size_t dateline_bytes = datelines::length(s.text);
    res.status = status_of(st);
    if (res.status) {
      res.date = find_date(s.text).value_or("");
    }
    const bool station_cue = has_station_cue(st);
    const bool table = s.kind == BlockKind::Table;
    const bool caption = s.kind == BlockKind::Caption;

    // Lists and chains between consecutive mentions.
    std::vector<std::size_t> list_id(locals.size());
    std::vector<bool> qualifier(locals.size(), false); // qualifies the previous member ("Madrid, Spain")
    for (std::size_t k = 0; k < locals.size(); ++k) {
      list_id[k] = k;
      if (k == 0) {
        continue;
      }
      const Token& a = st.token(locals[k - 1].last);
      const Token& b = st.token(locals[k].first);
      const std::string gap = gap_between(s.text, a, b);
      const Mention& ma = mentions[locals[k - 1].mention];
      const Mention& mb = mentions[locals[k].mention];
      const bool nested = ma.place && mb.place &&
                          (contains_place(*mb.place, *ma.place) || contains_place(*ma.place, *mb.place) ||
                           (ma.place->country == mb.place->country && distance_km(*ma.place, *mb.place) < 30.0));
      if (is_chain_gap(gap) && nested) {
        qualifier[k] = true;
        list_id[k] = list_id[k - 1];
      } else if (is_coordination(gap)) {
        list_id[k] = list_id[k - 1];
      }
    }

    // Jurisdictions.
    std::vector<bool> juris(locals.size(), false);
    std::vector<bool> excluded(locals.size(), false);
    for (std::size_t k = 0; k < locals.size(); ++k) {
      const Mention& m = mentions[locals[k].mention];
      if (!m.place) {
        excluded[k] = true;
        continue;
      }
      const std::size_t a = locals[k].first;
      const std::size_t b = locals[k].last;
      if (st.token(b).byte_end <= dateline_bytes) {
        out.mentions[locals[k].mention].reason = "dateline";
        excluded[k] = true;
        continue;
      }
      if (st.before(a, cues::home_side(), 3) ||
          (b + 1 < st.size() && (st.any_at(b + 1, cues::home_side()) > 0 ||
                                 (b + 2 < st.size() && st.any_at(b + 2, cues::home_side()) > 0)))) {
        out.mentions[locals[k].mention].reason = "home side";
        excluded[k] = true;
        continue;
      }
      if (m.place->feature_code == "PPLC" && b + 1 < st.size() && st.any_at(b + 1, cues::metonymy_verb()) > 0 &&
          gap_between(s.text, st.token(b), st.token(b + 1)) == " ") {
        out.mentions[locals[k].mention].reason = "government metonymy";
        excluded[k] = true;
        continue;
      }
      if (b + 1 < st.size() && !st.token(b + 1).ideograph && st.token(b + 1).capitalized &&
          (st.key(b + 1) == "station" || st.key(b + 1) == "airport" || st.key(b + 1) == "university")) {
        out.mentions[locals[k].mention].reason = "facility name";
        excluded[k] = true;
        continue;
      }
      if (!is_jurisdiction_level(*m.place)) {
        continue;
      }
      bool cued = false;
      // After the name: "Fuzhou police", "Fuzhou public security bureau", "福州市公安局", "Fuzhou-linked".
      std::size_t p = b + 1;
      while (p < st.size() && p <= b + 3 &&
             (st.key(p) == "city" || st.key(p) == "county" || st.key(p) == "municipal" || st.key(p) == "s" ||
              st.key(p) == "province" || st.key(p) == "district" || st.key(p) == "市" || st.key(p) == "县" ||
              st.key(p) == "区" || st.key(p) == "的" || st.key(p) == "prefecture")) {
        ++p;
      }
      std::size_t len = 0;
      if (p < st.size() && (st.any_at(p, cues::police()) > 0 || st.key(p) == "linked" ||
                            (is_station_word_at(st, p, len) && !st.token(p).capitalized))) {
        cued = true;
      }
      // Before the name: "police of Qingtian County", "bureau de la sécurité publique de Fuzhou",
      // "attributed to Qingtian County", "the cities of Nantong".
      if (!cued && a > 0) {
        const std::string_view prev = st.key(a - 1);
        const auto& preps = cues::police_preposition();
        const bool prep = std::find(preps.begin(), preps.end(), prev) != preps.end();
        if (prep && st.before(a, cues::police(), 4)) {
          cued = true;
        }
        if (st.before(a, cues::tie(), 3)) {
          cued = true;
        }
      }
      juris[k] = cued;
    }
    // A cued member makes its list-mates jurisdictions too: "the cities of Nantong, Wenzhou and Fuzhou".
    for (std::size_t k = 0; k < locals.size(); ++k) {
      if (juris[k]) {
        for (std::size_t j = 0; j < locals.size(); ++j) {
          const Mention& m = mentions[locals[j].mention];
          if (list_id[j] == list_id[k] && !excluded[j] && m.place && is_jurisdiction_level(*m.place)) {
            juris[j] = true;
          }
        }
      }
    }

    // Sites.
    std::vector<bool> site(locals.size(), false);
    // A caption names a site only when it also names the bureau behind it ("福州市公安局...在阿根廷开设...服务站");
    // "commuters at a station in Munich" is a photograph's location.
    const bool any_jurisdiction = std::any_of(juris.begin(), juris.end(), [](bool j) { return j; });
    const bool site_context = caption
                                  ? (station_cue && any_jurisdiction)
                                  : (station_cue || (table && about_stations) || (about_stations && any_jurisdiction));
    for (std::size_t k = 0; k < locals.size(); ++k) {
      const Mention& m = mentions[locals[k].mention];
      if (excluded[k] || !m.place || m.place->country == "CN" || level_of(*m.place) == Level::Other) {
        if (m.place && m.place->country == "CN" && !juris[k] &&
            out.mentions[locals[k].mention].reason == "no station or police cue") {
          out.mentions[locals[k].mention].reason = "in China, not tied to a police cue";
        }
        continue;
      }
      if (!site_context) {
        continue;
      }
      const std::size_t a = locals[k].first;
      if (st.before(a, cues::base(), 3)) {
        out.mentions[locals[k].mention].reason = "organisation base";
        excluded[k] = true;
        continue;
      }
      if (st.before(a, cues::mission(), 3)) {
        out.mentions[locals[k].mention].reason = "diplomatic mission";
        excluded[k] = true;
        continue;
      }
      if (res.not_found) {
        out.mentions[locals[k].mention].reason = "found no station";
        excluded[k] = true;
        continue;
      }
      if (st.before(a, cues::hypothetical(), 10)) {
        out.mentions[locals[k].mention].reason = "hypothetical";
        excluded[k] = true;
        continue;
      }
      if (small_place_in_unnamed_country(*m.place, named_countries) && pinned[locals[k].mention] == nullptr) {
        out.mentions[locals[k].mention].reason = "small place in a country the document does not name";
        excluded[k] = true;
        continue;
      }
      const bool uncertain = weak_name(m_gazetteer, m, *m.place) ||
                             part_of_longer_name(s.text, st, a, locals[k].last) ||
                             (m.place->feature_class == 'P' && m.place->population < 1000);
      if (uncertain && pinned[locals[k].mention] == nullptr) {
        out.mentions[locals[k].mention].reason = "uncertain place name";
        excluded[k] = true;
        continue;
      }
      site[k] = true;
    }
    // Chains: exclusion spreads to qualifiers; one site per chain, the most populous city in it.
    for (std::size_t k = 1; k < locals.size(); ++k) {
      if (qualifier[k] && excluded[k - 1]) {
        excluded[k] = true;
        site[k] = false;
        out.mentions[locals[k].mention].reason = out.mentions[locals[k - 1].mention].reason;
      }
    }
    for (std::size_t k = 0; k < locals.size();) {
      std::size_t e = k + 1;
      while (e < locals.size() && qualifier[e]) {
        ++e;
      }
      std::size_t best = SIZE_MAX;
      for (std::size_t j = k; j < e; ++j) {
        if (!site[j]) {
          continue;
        }
        const Place& p = *mentions[locals[j].mention].place;
        if (best == SIZE_MAX) {
          best = j;
          continue;
        }
        const Place& q = *mentions[locals[best].mention].place;
        const Level lp = level_of(p);
        const Level lq = level_of(q);
        if ((lp == Level::City && lq != Level::City) || (lp == lq && p.population > q.population)) {
          best = j;
        }
      }
      for (std::size_t j = k; j < e; ++j) {
        if (site[j] && j != best) {
          site[j] = false;
          out.mentions[locals[j].mention].reason = "qualifier of a site";
        }
      }
      k = e;
    }

    // "three in Madrid", "two stations in Rotterdam": a number just before the site's preposition.
    for (std::size_t k = 0; k < locals.size(); ++k) {
      const std::size_t a = locals[k].first;
      if (!site[k] || a == 0) {
        continue;
      }
      const std::string_view prep = st.key(a - 1);
      if (prep != "in" && prep != "a" && prep != "en" && prep != "im" && prep != "at" && prep != "dans") {
        continue;
      }
      for (std::size_t p = a - 1; p-- > 0 && p + 5 >= a;) {
        if (const auto n = number_value(st.key(p))) {
          res.counts[locals[k].mention] = *n;
          break;
        }
        std::size_t len = 0;
        if (!is_station_word_at(st, p, len) && st.key(p) != "such" && st.key(p) != "more" && st.key(p) != "police") {
          break;
        }
      }
    }
    for (std::size_t k = 0; k < locals.size(); ++k) {
      if (site[k]) {
        res.sites.push_back(locals[k].mention);
      }
      if (juris[k]) {
        res.jurisdictions.push_back(locals[k].mention);
      }
    }
    res.tie = st.contains(cues::tie()) || table;
    res.network = st.contains(cues::network());
    if (count_statement && res.sites.empty()) {
      out.counts.push_back(make_evidence(doc, s));
    }
    // Nested jurisdictions in one sentence: the district goes with its city ("Wenzhou ... its district Ruian").
    auto& js = res.jurisdictions;
    std::vector<std::size_t> kept;
    for (std::size_t x : js) {
      bool inner = false;
      for (std::size_t y : js) {
        const Place& px = *mentions[x].place;
        const Place& py = *mentions[y].place;
        if (x != y && px.index != py.index && distance_km(px, py) < 60.0 && py.population > px.population &&
            (py.feature_code == "PPLA2" || py.feature_code == "PPLA" || py.feature_code == "ADM2")) {
          inner = true;
        }
      }
      if (!inner) {
        kept.push_back(x);
      }
    }
    js = kept;
    (void)caption;
  }

  // A place where officials found no station is a site of this document only where a sentence ties it to a
  // bureau: "Police in Perth found no such office" outweighs "Status: Perth - checked".
  {
    std::set<std::size_t> found_empty; // place indices
    for (std::size_t mi = 0; mi < out.mentions.size(); ++mi) {
      if (out.mentions[mi].reason == "found no station") {
        found_empty.insert(mentions[mi].place->index);
      }
    }
    std::set<std::size_t> tied;
    for (const auto& r : results) {
      for (std::size_t mi : r.sites) {
        if (!r.jurisdictions.empty() && !r.negated) {
          tied.insert(mentions[mi].place->index);
        }
      }
    }
    for (auto& r : results) {
      std::erase_if(r.sites, [&](std::size_t mi) {
        const std::size_t place = mentions[mi].place->index;
        if (found_empty.count(place) != 0 && tied.count(place) == 0) {
          out.mentions[mi].reason = "found no station";
          return true;
        }
        return false;
      });
    }
  }

  // Document level: a country or region is a site only when the document gives nothing finer inside it.
  std::vector<std::size_t> all_sites;
  for (const auto& r : results) {
    all_sites.insert(all_sites.end(), r.sites.begin(), r.sites.end());
  }
  auto finer_exists = [&](const Place& outer) {
    return std::any_of(all_sites.begin(), all_sites.end(), [&](std::size_t mi) {
      const Place& p = *mentions[mi].place;
      return contains_place(outer, p) || (outer.is_country() && p.country == outer.country && !p.is_country());
    });
  };
  for (auto& r : results) {
    std::vector<std::size_t> kept;
    for (std::size_t mi : r.sites) {
      const Place& p = *mentions[mi].place;
      if (level_of(p) != Level::City && finer_exists(p)) {
        out.mentions[mi].reason = "contains a finer site";
        continue;
      }
      kept.push_back(mi);
    }
    r.sites = kept;
  }

  // A district named beside its city is the city's station: "Auckland ... Epsom", "Tokyo, Chiyoda".
  {
    std::vector<std::size_t> cities;
    for (const auto& r : results) {
      for (std::size_t mi : r.sites) {
        if (level_of(*mentions[mi].place) == Level::City && mentions[mi].place->feature_code != "PPLX") {
          cities.push_back(mi);
        }
      }
    }
    for (auto& r : results) {
      for (std::size_t mi : r.sites) {
        Place& p = *mentions[mi].place;
        if (p.feature_code != "PPLX") {
          continue;
        }
        for (std::size_t c : cities) {
          const Place& city = *mentions[c].place;
          if (city.country == p.country && distance_km(city, p) < 30.0) {
            out.mentions[mi].reason = "district of " + city.name;
            p = city;
            break;
          }
        }
      }
    }
  }

  // Claims, links with carry-over inside a paragraph.
  std::vector<std::size_t> city_sites;
  for (const auto& r : results) {
    for (std::size_t mi : r.sites) {
      const Place& p = *mentions[mi].place;
      if (level_of(p) == Level::City && std::none_of(city_sites.begin(), city_sites.end(), [&](std::size_t o) {
            return mentions[o].place->index == p.index;
          })) {
        city_sites.push_back(mi);
      }
    }
  }
  std::vector<std::size_t> paragraph_sites;
  std::uint32_t paragraph = UINT32_MAX;
  for (std::size_t si = 0; si < sentences.size(); ++si) {
    const Sentence& s = sentences[si];
    SentenceResult& r = results[si];
    if (s.paragraph != paragraph) {
      paragraph = s.paragraph;
      paragraph_sites.clear();
    }
    const Evidence ev = make_evidence(doc, s);
    for (std::size_t mi : r.sites) {
      out.mentions[mi].role = MentionRole::Station;
      out.mentions[mi].reason.clear();
      const auto count = r.counts.find(mi);
      out.sites.push_back({*mentions[mi].place, precision_of(*mentions[mi].place), r.status, r.date,
                           count == r.counts.end() ? 0 : count->second, ev});
    }
    for (std::size_t mi : r.jurisdictions) {
      out.mentions[mi].role = MentionRole::Jurisdiction;
      out.mentions[mi].reason.clear();
      out.jurisdictions.push_back({*mentions[mi].place, ev});
    }
    std::vector<std::size_t> sites;
    for (std::size_t mi : r.sites) { // one entry per place: "Rio de Janeiro ... Rio de Janeiro"
      if (std::none_of(sites.begin(), sites.end(),
                       [&](std::size_t o) { return mentions[o].place->index == mentions[mi].place->index; })) {
        sites.push_back(mi);
      }
    }
    const bool carried = sites.empty() && s.kind != BlockKind::Caption;
    if (carried) {
      sites = paragraph_sites;
      if (sites.empty() && city_sites.size() == 1 && !r.jurisdictions.empty() && r.tie) {
        sites = city_sites;
      }
      if (r.status) {
        for (std::size_t mi : sites) {
          out.sites.push_back({*mentions[mi].place, precision_of(*mentions[mi].place), r.status, r.date, 0, ev});
        }
      }
    }
    // "the police of Qingtian County ran a separate network": a network-level statement carries no link.
    const bool network_level = carried && r.network;
    if (!r.negated && !network_level && !r.jurisdictions.empty() && !sites.empty() && (r.tie || !carried)) {
      const bool one_jurisdiction = r.jurisdictions.size() == 1;
      const bool one_specific_site = sites.size() == 1 && level_of(*mentions[sites[0]].place) != Level::Country;
      if (one_jurisdiction || one_specific_site || s.kind == BlockKind::Table) {
        for (std::size_t site : sites) {
          for (std::size_t j : r.jurisdictions) {
            out.links.push_back({*mentions[site].place, *mentions[j].place, ev});
          }
        }
      }
    }
    if (!r.sites.empty()) {
      paragraph_sites = sites;
    }
  }
  return out;
}

} // namespace stationmap

namespace stationmap {

std::string site_precision(const Place& place) {
  return precision_of(place);
}

} // namespace stationmap
