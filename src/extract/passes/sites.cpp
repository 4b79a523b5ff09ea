// Sites pass: the places outside China a sentence names as a station's site, and the document-level review of
// those sites.

#include "../cues.hpp"
#include "passes.hpp"
#include "place_facts.hpp"
#include "stationmap/core/great_circle.hpp"
#include "stationmap/extract/dates.hpp"
#include "stationmap/gazetteer/name_kind.hpp"

#include <algorithm>
#include <cctype>

namespace stationmap::passes {

namespace {

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

/// Whether @p p is the seat of an administrative division (GeoNames PPLC, PPLA to PPLA4): a seat is a real
/// town even where GeoNames gives it no population (Hendon, a London borough's former seat).
bool is_administrative_seat(const Place& p) {
  return p.feature_code == "PPLC" || p.feature_code == "PPLA" || p.feature_code == "PPLA2" ||
         p.feature_code == "PPLA3" || p.feature_code == "PPLA4";
}

/// The shortest name (in bytes) of a capital or first-level seat that is trusted although it is only one of the
/// seat's unlabelled alternate names (Venezia, Firenze; the recogniser applies the same bound).
constexpr std::size_t kMinSeatAlternateLength = 6;

/// True when the mention names a small place only by one of its unlabelled alternate names (GeoNames'
/// alternatenames column mixes spellings, translations and unrelated words: "Selon", "Victor").
bool weak_name(const Gazetteer& g, const Mention& m, const Place& place) {
  if (place.feature_class != 'P' || place.population >= 100000) {
    return false;
  }
  if ((place.feature_code == "PPLC" || place.feature_code == "PPLA") && m.text.size() >= kMinSeatAlternateLength) {
    return false; // a regional capital by its name in another language: Venezia, Genova
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
  const Token end = st.token(last);
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

/// Names the document qualifies as a lesser namesake ("Rome, Georgia", "ATHENS, Ga."), by folded name, with the
/// namesake's place index. A writer qualifies a name because the bare name means a better-known place: where
/// the same name stands bare elsewhere in the document, the reader cannot tell which place it is.
using QualifiedNamesakes = std::map<std::string, std::size_t>;

/// Whether @p place has a more populous homonym of the same name elsewhere (another country, or over 100 km
/// away): Rome, Georgia beside Rome, Italy.
constexpr double kNamesakeDistanceKm = 100.0;
bool has_greater_homonym(const Gazetteer& g, const std::string& name, const Place& place) {
  const auto candidates = g.lookup(name);
  return std::any_of(candidates.begin(), candidates.end(), [&](const Candidate& c) {
    return c.place.feature_class == 'P' && c.place.population > place.population &&
           (c.place.country != place.country || great_circle_km(c.place, place) > kNamesakeDistanceKm);
  });
}

QualifiedNamesakes qualified_namesakes(const AnnotatedDocument& doc) {
  QualifiedNamesakes out;
  for (const AnnotatedSentence& s : doc.sentences) {
    for (std::size_t k = 0; k + 1 < s.qualifier.size(); ++k) {
      const Mention& m = doc.mentions[s.locals[k].mention];
      if (s.qualifier[k + 1] && m.place && m.place->feature_class == 'P' &&
          has_greater_homonym(doc.gazetteer, m.text, *m.place)) {
        out.emplace(fold_key(m.text), m.place->index);
      }
    }
  }
  return out;
}

/// Whether mention @p k stands bare (no qualifier after it) for a namesake the document qualifies elsewhere.
bool bare_qualified_namesake(const AnnotatedDocument& doc, const AnnotatedSentence& s, std::size_t k,
                             const QualifiedNamesakes& namesakes) {
  if (k + 1 < s.qualifier.size() && s.qualifier[k + 1]) {
    return false;
  }
  const Mention& m = doc.mentions[s.locals[k].mention];
  const auto it = namesakes.find(fold_key(m.text));
  return it != namesakes.end() && it->second == m.place->index;
}

/// Whether a country written right before mention @p k, with nothing between (Chinese and Japanese write the
/// country first: 新西兰奥克兰), does not contain the place the mention was read as: a homonym was picked.
bool outside_the_country_written_before(const AnnotatedDocument& doc, const AnnotatedSentence& s, std::size_t k) {
  if (k == 0) {
    return false;
  }
  const Mention& before = doc.mentions[s.locals[k - 1].mention];
  const Mention& m = doc.mentions[s.locals[k].mention];
  return before.place && before.place->is_country() && before.place->country != m.place->country &&
         gap_between(s.sentence.text, s.tokens.token(s.locals[k - 1].last), s.tokens.token(s.locals[k].first)).empty();
}

/// Why the sentence can name sites, or nothing when it cannot: a station word; in a document about stations, a
/// table row or a sentence naming a jurisdiction. A caption names a site only when it also names the bureau
/// behind it ("福州市公安局...在阿根廷开设...服务站"); "commuters at a station in Munich" is a photograph's location.
std::optional<Reason> site_context(const AnnotatedDocument& doc, const AnnotatedSentence& s) {
  const bool any_jurisdiction = std::any_of(s.jurisdiction.begin(), s.jurisdiction.end(), [](bool j) { return j; });
  const bool caption = s.sentence.kind == BlockKind::Caption;
  if (s.station_cue && (!caption || any_jurisdiction)) {
    return Reason::StationCue;
  }
  if (s.sentence.kind == BlockKind::Table && doc.about_stations) {
    return Reason::TableRow;
  }
  if (!caption && doc.about_stations && any_jurisdiction) {
    return Reason::WithJurisdiction;
  }
  return std::nullopt;
}

/// Why a place in a site context is still not a site, or nothing when it is one.
std::optional<Reason> doubt_about_site(const AnnotatedDocument& doc, const AnnotatedSentence& s, std::size_t k,
                                       const QualifiedNamesakes& namesakes) {
  const Local& l = s.locals[k];
  const Mention& m = doc.mentions[l.mention];
  const SentenceTokens& st = s.tokens;
  const bool pinned = doc.pinned[l.mention] != nullptr;
  if (st.before(l.first, cues::base(), 3)) {
    return Reason::OrganisationBase;
  }
  if (st.before(l.first, cues::mission(), 3)) {
    return Reason::DiplomaticMission;
  }
  if (s.not_found_clauses.count(clause_of_token(s, l.first)) != 0) {
    return Reason::FoundNoStation;
  }
  if (st.before(l.first, cues::hypothetical(), 10) || (st.size() > 0 && st.any_at(0, cues::conditional()) > 0)) {
    return Reason::Question;
  }
  if (small_place_in_unnamed_country(*m.place, doc.named_countries) && !pinned) {
    return Reason::Namesake;
  }
  const bool uncertain =
      weak_name(doc.gazetteer, m, *m.place) || part_of_longer_name(s.sentence.text, st, l.first, l.last) ||
      (m.place->feature_class == 'P' && m.place->population < 1000 && !is_administrative_seat(*m.place)) ||
      bare_qualified_namesake(doc, s, k, namesakes) || outside_the_country_written_before(doc, s, k);
  if (uncertain && !pinned) {
    return Reason::UncertainName;
  }
  return std::nullopt;
}

/// Marks the sites of a read sentence; gives the others their reason.
void mark_sites(AnnotatedDocument& doc, AnnotatedSentence& s, const QualifiedNamesakes& namesakes) {
  const std::optional<Reason> context = site_context(doc, s);
  s.site.assign(s.locals.size(), false);
  for (std::size_t k = 0; k < s.locals.size(); ++k) {
    const std::size_t mi = s.locals[k].mention;
    const Mention& m = doc.mentions[mi];
    Reason& reason = doc.role(mi).reason;
    if (s.excluded[k] || !m.place || m.place->country == "CN" || level_of(*m.place) == Level::Other) {
      if (m.place && reason == Reason::NoCue && !s.excluded[k]) {
        if (m.place->country == "CN" && !s.jurisdiction[k]) {
          reason = Reason::ChinaWithoutPoliceCue;
        } else if (m.place->country != "CN") {
          reason = Reason::NotASiteFeature;
        }
      }
      continue;
    }
    if (!context) {
      if (s.sentence.kind == BlockKind::Caption) {
        reason = Reason::Caption;
      }
      continue;
    }
    if (const auto doubt = doubt_about_site(doc, s, k, namesakes)) {
      reason = *doubt;
      s.excluded[k] = true;
      continue;
    }
    reason = *context;
    s.site[k] = true;
  }
}

/// Chains: exclusion spreads to qualifiers; one site per chain, the most populous city in it.
void one_site_per_chain(AnnotatedDocument& doc, AnnotatedSentence& s) {
  const auto& locals = s.locals;
  for (std::size_t k = 1; k < locals.size(); ++k) {
    if (s.qualifier[k] && s.excluded[k - 1]) {
      s.excluded[k] = true;
      s.site[k] = false;
      doc.role(locals[k].mention).reason = doc.role(locals[k - 1].mention).reason;
    }
  }
  for (std::size_t k = 0; k < locals.size();) {
    std::size_t e = k + 1;
    while (e < locals.size() && s.qualifier[e]) {
      ++e;
    }
    std::size_t best = SIZE_MAX;
    for (std::size_t j = k; j < e; ++j) {
      if (!s.site[j]) {
        continue;
      }
      const Place& p = *doc.mentions[locals[j].mention].place;
      if (best == SIZE_MAX) {
        best = j;
        continue;
      }
      const Place& q = *doc.mentions[locals[best].mention].place;
      const Level lp = level_of(p);
      const Level lq = level_of(q);
      if ((lp == Level::City && lq != Level::City) || (lp == lq && p.population > q.population)) {
        best = j;
      }
    }
    for (std::size_t j = k; j < e; ++j) {
      if (s.site[j] && j != best) {
        s.site[j] = false;
        doc.role(locals[j].mention).reason = Reason::QualifierOfSite;
      }
    }
    k = e;
  }
}

/// "three in Madrid", "two stations in Rotterdam": a number just before the site's preposition.
void count_stations_at_sites(AnnotatedSentence& s) {
  const SentenceTokens& st = s.tokens;
  for (std::size_t k = 0; k < s.locals.size(); ++k) {
    const std::size_t a = s.locals[k].first;
    if (!s.site[k] || a == 0) {
      continue;
    }
    const std::string_view prep = st.key(a - 1);
    if (prep != "in" && prep != "a" && prep != "en" && prep != "im" && prep != "at" && prep != "dans") {
      continue;
    }
    for (std::size_t p = a - 1; p-- > 0 && p + 5 >= a;) {
      if (const auto n = number_value(st.key(p))) {
        s.counts[s.locals[k].mention] = *n;
        break;
      }
      std::size_t len = 0;
      if (!is_station_word_at(st, p, len) && st.key(p) != "such" && st.key(p) != "more" && st.key(p) != "police") {
        break;
      }
    }
  }
}

/// A place where officials found no station is a site of this document only where a sentence ties it to a
/// bureau: "Police in Perth found no such office" outweighs "Status: Perth - checked".
void drop_sites_found_empty(AnnotatedDocument& doc) {
  std::set<std::size_t> found_empty; // place indices
  for (std::size_t mi = 0; mi < doc.claims.mentions.size(); ++mi) {
    if (doc.role(mi).reason == Reason::FoundNoStation) {
      found_empty.insert(doc.mentions[mi].place->index);
    }
  }
  std::set<std::size_t> tied;
  for (const AnnotatedSentence& s : doc.sentences) {
    for (std::size_t mi : s.sites) {
      if (!s.jurisdictions.empty() && !s.negated) {
        tied.insert(doc.mentions[mi].place->index);
      }
    }
  }
  // A country or region whose only stated case is a place found empty is no site either ("Police in Oslo found
  // no such office ... the case in Norway").
  auto holds_found_empty = [&](const Place& outer) {
    return level_of(outer) != Level::City &&
           std::any_of(found_empty.begin(), found_empty.end(), [&](std::size_t index) {
             return contains_place(outer, doc.gazetteer.place(static_cast<std::uint32_t>(index)));
           });
  };
  for (AnnotatedSentence& s : doc.sentences) {
    std::erase_if(s.sites, [&](std::size_t mi) {
      const std::size_t place = doc.mentions[mi].place->index;
      if ((found_empty.count(place) != 0 || holds_found_empty(*doc.mentions[mi].place)) && tied.count(place) == 0) {
        doc.role(mi).reason = Reason::FoundNoStation;
        return true;
      }
      return false;
    });
  }
}

/// A country or region is a site only when the document gives nothing finer inside it.
void drop_sites_with_finer_ones(AnnotatedDocument& doc) {
  std::vector<std::size_t> all_sites;
  for (const AnnotatedSentence& s : doc.sentences) {
    all_sites.insert(all_sites.end(), s.sites.begin(), s.sites.end());
  }
  auto finer_exists = [&](const Place& outer) {
    return std::any_of(all_sites.begin(), all_sites.end(), [&](std::size_t mi) {
      const Place& p = *doc.mentions[mi].place;
      return contains_place(outer, p) || (outer.is_country() && p.country == outer.country && !p.is_country());
    });
  };
  for (AnnotatedSentence& s : doc.sentences) {
    std::erase_if(s.sites, [&](std::size_t mi) {
      const Place& p = *doc.mentions[mi].place;
      if (level_of(p) != Level::City && finer_exists(p)) {
        doc.role(mi).reason = Reason::FinerSite;
        return true;
      }
      return false;
    });
  }
}

/// Whether @p p can take a district's station: a city (not itself a district) outside China.
bool city_for_districts(const Place& p) {
  return level_of(p) == Level::City && p.feature_code != "PPLX" && p.country != "CN";
}

/// The city sentence @p s names for its district: a city it names near the district ("in Sydney ... in the
/// city's Chinatown, in Haymarket"); else the one city it names when the district was read in a country the
/// sentence does not name ("in Valencia in Spain, in the old Chinatown" is not San Francisco's). Nothing when
/// none fits.
std::optional<Place> city_named_for_district(const AnnotatedDocument& doc, const AnnotatedSentence& s,
                                             const Place& district) {
  std::vector<Place> named;
  bool country_named = false;
  for (const Local& l : s.locals) {
    const Mention& m = doc.mentions[l.mention];
    if (!m.place || m.place->index == district.index) {
      continue;
    }
    country_named = country_named || m.place->country == district.country;
    if (city_for_districts(*m.place)) {
      if (m.place->country == district.country && great_circle_km(*m.place, district) < district_of_city_km) {
        return *m.place;
      }
      named.push_back(*m.place);
    }
  }
  if (!country_named && named.size() == 1) {
    return named.front();
  }
  return std::nullopt;
}

/// A district is its city's station: "Auckland ... Epsom", "Tokyo, Chiyoda", "Sydney's Chinatown": a site city
/// of the document near it, else the city its sentence names for it.
void move_districts_to_cities(AnnotatedDocument& doc) {
  std::vector<const Place*> city_places;
  for (const AnnotatedSentence& s : doc.sentences) {
    for (std::size_t mi : s.sites) {
      if (city_for_districts(*doc.mentions[mi].place)) {
        city_places.push_back(&*doc.mentions[mi].place);
      }
    }
  }
  const geography::PointIndex near = point_index_of(city_places);
  for (const AnnotatedSentence& s : doc.sentences) {
    for (std::size_t mi : s.sites) {
      Place& p = *doc.mentions[mi].place;
      if (p.feature_code != "PPLX") {
        continue;
      }
      std::optional<Place> city;
      for (std::size_t k : near.closer_than_km({p.lon, p.lat}, district_of_city_km)) { // in the order of cities
        if (city_places[k]->country == p.country) {
          city = *city_places[k];
          break;
        }
      }
      if (!city) {
        city = city_named_for_district(doc, s, p);
      }
      if (city) {
        doc.role(mi).reason = Reason::DistrictOfCity;
        doc.role(mi).set_note(city->name);
        p = *city;
      }
    }
  }
}

} // namespace

void find_sites(AnnotatedDocument& doc) {
  const QualifiedNamesakes namesakes = qualified_namesakes(doc);
  doc.for_each_read_sentence([&](AnnotatedSentence& s) {
    mark_sites(doc, s, namesakes);
    one_site_per_chain(doc, s);
    count_stations_at_sites(s);
    for (std::size_t k = 0; k < s.locals.size(); ++k) {
      if (s.site[k]) {
        s.sites.push_back(s.locals[k].mention);
      }
    }
  });
}

void review_sites(AnnotatedDocument& doc) {
  drop_sites_found_empty(doc);
  drop_sites_with_finer_ones(doc);
  move_districts_to_cities(doc);
}

} // namespace stationmap::passes
