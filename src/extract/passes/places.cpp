// Places pass: each mention's place re-read in its sentence.

#include "passes.hpp"
#include "stationmap/extract/ids.hpp"
#include "stationmap/gazetteer/name_kind.hpp"

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
std::vector<std::size_t> clause_of(const AnnotatedSentence& s) {
  const auto& locals = s.locals;
  std::vector<std::size_t> clause(locals.size(), 0);
  for (std::size_t k = 1; k < locals.size(); ++k) {
    const std::string gap =
        gap_between(s.sentence.text, s.tokens.token(locals[k - 1].last), s.tokens.token(locals[k].first));
    const bool semicolon = gap.find(';') != std::string::npos || gap.find("\xEF\xBC\x9B") != std::string::npos;
    clause[k] = clause[k - 1] + (semicolon ? 1 : 0);
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
      m.place = normalise_place(doc.gazetteer, m, clause_countries[clause[k]], among_cities(s, doc.mentions, k));
      doc.role(mi).place = *m.place;
      doc.role(mi).place_id = place_id_of(*m.place);
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
