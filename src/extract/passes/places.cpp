// Places pass: each mention's place re-read in its sentence.

#include "../cues.hpp"
#include "passes.hpp"
#include "stationmap/extract/ids.hpp"
#include "stationmap/gazetteer/name_kind.hpp"

#include <algorithm>

namespace stationmap::passes {

namespace {

/// Feature codes of the seat of a prefecture or county.
bool is_seat(const Place& p) {
  return p.feature_code == "PPLA" || p.feature_code == "PPLA2" || p.feature_code == "PPLA3" ||
         p.feature_code == "ADM2" || p.feature_code == "ADM3";
}

/// The place a site or jurisdiction stands for. A first-level or second-level division that shares its name
/// with a city inside it ("New York", "Rio de Janeiro", 福州市 as Fuzhou Shi) stands for the city; and among
/// homonyms, the one inside a country the same sentence names wins ("Epsom" beside "New Zealand").
/// How many times smaller a homonym in a country the sentence names may be and still displace the geoparser's
/// reading when the document names that reading's country elsewhere.
constexpr std::int64_t kFarSmallerHomonym = 10;

/// How the sentence and the document read a mention, for normalise_place().
struct PlaceReading {
  bool among_cities = false;      ///< listed with cities ("New York, San Francisco and Los Angeles")
  bool region_article = false;    ///< after an article that introduces a division ("au Québec")
  bool country_elsewhere = false; ///< the document names another place in the mention's country
};

Place normalise_place(const Gazetteer& g, const Mention& m, const std::set<std::string>& sentence_countries,
                      const PlaceReading& reading) {
  Place place = *m.place;
  const auto candidates = g.lookup(m.text);
  // A country the sentence names picks the homonym inside it; but a far smaller homonym does not displace a
  // place whose country the document names elsewhere ("Markham, Ontario ... the Markham site was opened by the
  // police of Fuzhou, in China" is not the Tibetan village of that alternate name).
  if (!sentence_countries.empty() && sentence_countries.count(place.country) == 0) {
    const Candidate* best = nullptr;
    for (const Candidate& c : candidates) {
      if (sentence_countries.count(c.place.country) != 0 && !c.place.is_country() &&
          (best == nullptr || c.place.population > best->place.population)) {
        best = &c;
      }
    }
    if (best != nullptr && reading.country_elsewhere &&
        best->place.population * kFarSmallerHomonym < place.population) {
      best = nullptr;
    }
    if (best != nullptr) {
      place = best->place;
    }
  }
  // A Chinese place named beside police words is a bureau's seat: prefer a homonym that is the seat of a
  // prefecture or county (Nantong, Jiangsu) over a village of the same name (Nantong, Fujian).
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
  if (place.feature_class == 'A' && !place.is_country() && !reading.region_article) {
    const Candidate* best = nullptr;
    for (const Candidate& c : candidates) {
      const Place& p = c.place;
      const bool named_so = (c.name_flags & (name_kind::primary | name_kind::ascii | name_kind::preferred)) != 0U;
      if (p.feature_class == 'P' && (named_so || reading.among_cities) && p.country == place.country &&
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
std::vector<std::size_t> clause_of(const AnnotatedSentence& s) {
  std::vector<std::size_t> clause;
  for (const Local& l : s.locals) {
    clause.push_back(clause_of_token(s, l.first));
  }
  return clause;
}

/// Whether mention @p k is listed with cities ("New York, San Francisco and Los Angeles").
bool among_cities(const AnnotatedSentence& s, const std::vector<Mention>& mentions, std::size_t k) {
  const auto& locals = s.locals;
  bool among = false;
  for (const std::size_t o : {k - 1, k + 1}) {
    if (o < locals.size() && mentions[locals[o].mention].place &&
        mentions[locals[o].mention].place->feature_class == 'P') {
      const Local& a = locals[std::min(k, o)];
      const Local& b = locals[std::max(k, o)];
      among = among || is_coordination(gap_between(s.sentence.text, s.tokens.token(a.last), s.tokens.token(b.first)),
                                       s.tokens.keys_between(a.last, b.first));
    }
  }
  return among;
}

/// Whether the document names a place other than @p p in @p p's country.
bool country_named_elsewhere(const AnnotatedDocument& doc, const Place& p) {
  const auto it = doc.named_countries.find(p.country);
  return it != doc.named_countries.end() &&
         std::any_of(it->second.begin(), it->second.end(), [&](std::size_t index) { return index != p.index; });
}

void normalise_sentence(AnnotatedDocument& doc, const AnnotatedSentence& s) {
  // A country qualifies the names of its own clause: in "Havana, Cuba; Vancouver, Canada; Lima, Peru" Peru
  // says nothing about Vancouver.
  const std::vector<std::size_t> clause = clause_of(s);
  std::map<std::size_t, std::set<std::string>> clause_countries;
  for (std::size_t k = 0; k < s.locals.size(); ++k) {
    const Mention& m = doc.mentions[s.locals[k].mention];
    if (m.place && m.place->is_country()) {
      clause_countries[clause[k]].insert(m.place->country);
    }
  }
  for (std::size_t k = 0; k < s.locals.size(); ++k) {
    const std::size_t mi = s.locals[k].mention;
    Mention& m = doc.mentions[mi];
    if (m.place && !m.place->is_country() && doc.pinned[mi] == nullptr) {
      const std::size_t first = s.locals[k].first;
      PlaceReading reading;
      reading.among_cities = among_cities(s, doc.mentions, k);
      reading.region_article = first > 0 && s.tokens.any_at(first - 1, cues::region_article()) == 1;
      reading.country_elsewhere = country_named_elsewhere(doc, *m.place);
      m.place = normalise_place(doc.gazetteer, m, clause_countries[clause[k]], reading);
      doc.role(mi).set_place(*m.place);
    }
  }
}

} // namespace

void normalise_places(AnnotatedDocument& doc) {
  for (const AnnotatedSentence& s : doc.sentences) {
    normalise_sentence(doc, s);
  }
}

} // namespace stationmap::passes
