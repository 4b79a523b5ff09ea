#include "resolver.hpp"

#include "recognizer.hpp"
#include "stationmap/gazetteer/name_kind.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <unordered_map>

#ifdef STATIONMAP_TUNING_WEIGHTS
#include <cstdlib>
#include <sstream>
#include <string>
#endif

namespace stationmap::detail {

namespace {

/// The weights of the evidence, in log-odds units (base e). They were set by hand to readable values and
/// checked on development corpora; every one is a general cue, none keyed to a text.
struct Weights {
  double population = 1.0;          ///< per decade of population
  double country = 4.0;             ///< a country's name: the country, not a hamlet called France
  double continent = 9.0;           ///< continents have no population in GeoNames
  double large_feature = 5.0;       ///< world regions, oceans, seas, islands, ranges (no population either)
  double capital_over_state = -3.0; ///< a division named like its country's capital ("Washington"): news means
                                    ///< the capital unless the text says "state"
  double admin1 = 1.5;
  double admin2 = 0.0;
  double capital = 2.0;     ///< PPLC
  double seat1 = 1.0;       ///< PPLA
  double seat2 = 0.5;       ///< PPLA2
  double section = -1.0;    ///< PPLX, PPLH, PPLQ...: sections, historical, abandoned places
  double alternate = -2.0;  ///< named by an alternate name while another candidate bears it as its main name
  double short_name = -1.0; ///< a short form ("Rapides" for Rapides Parish)
  double historic = -1.0;
  double in_country = 3.0;            ///< per log(1 + mass) of the document's other names in the same country
  double in_admin1 = 2.5;             ///< ... in the same first-level division
  double in_admin2 = 1.5;             ///< ... in the same second-level division
  double near = 2.0;                  ///< ... near the candidate (kernel over distance)
  double same_entry = 3.0;            ///< ... that name the same entry ("Barrow County" ... "Barrow")
  double qualifier = 6.0;             ///< "X, Y" with Y containing the candidate (or the candidate containing X)
  double temperature = 1.0;           ///< softmax temperature of the probabilities
  double context_temperature = 1.0;   ///< temperature of the beliefs a group lends the others as context
  double share_exponent = 1.0;        ///< how much a country's share of the document scales its evidence
  double admin1_share_exponent = 0.3; ///< the same for a first-level division
};

#ifdef STATIONMAP_TUNING_WEIGHTS
// Development only: weights from $STATIONMAP_WEIGHTS ("near=2,in_admin1=3"), to study their sensitivity.
Weights load_weights() {
  Weights w;
  if (const char* env = std::getenv("STATIONMAP_WEIGHTS")) {
    std::stringstream ss(env);
    std::string kv;
    while (std::getline(ss, kv, ',')) {
      const auto eq = kv.find('=');
      const std::string k = kv.substr(0, eq);
      const double v = std::stod(kv.substr(eq + 1));
#define STATIONMAP_WEIGHT(x)                                                                                           \
  if (k == #x) {                                                                                                       \
    w.x = v;                                                                                                           \
  }
      STATIONMAP_WEIGHT(population);
      STATIONMAP_WEIGHT(country);
      STATIONMAP_WEIGHT(continent);
      STATIONMAP_WEIGHT(large_feature);
      STATIONMAP_WEIGHT(capital_over_state);
      STATIONMAP_WEIGHT(admin1);
      STATIONMAP_WEIGHT(admin2);
      STATIONMAP_WEIGHT(capital);
      STATIONMAP_WEIGHT(seat1);
      STATIONMAP_WEIGHT(seat2);
      STATIONMAP_WEIGHT(section);
      STATIONMAP_WEIGHT(alternate);
      STATIONMAP_WEIGHT(short_name);
      STATIONMAP_WEIGHT(historic);
      STATIONMAP_WEIGHT(in_country);
      STATIONMAP_WEIGHT(in_admin1);
      STATIONMAP_WEIGHT(in_admin2);
      STATIONMAP_WEIGHT(near);
      STATIONMAP_WEIGHT(same_entry);
      STATIONMAP_WEIGHT(qualifier);
      STATIONMAP_WEIGHT(temperature);
      STATIONMAP_WEIGHT(context_temperature);
      STATIONMAP_WEIGHT(share_exponent);
      STATIONMAP_WEIGHT(admin1_share_exponent);
#undef STATIONMAP_WEIGHT
    }
  }
  return w;
}
const Weights weights = load_weights();
#else
constexpr Weights weights{};
#endif
constexpr std::size_t max_candidates = 50; // the most populous homonyms first
constexpr double hopeless_gap = 12.0;      // a prior this far below the best one never wins
constexpr int rounds = 3;
constexpr double min_anchor_probability = 0.1;
constexpr std::size_t max_anchors_per_group = 3;

enum class Kind : std::uint8_t { other, large, continent, country, admin1, admin2, populated };

struct Cand {
  std::uint32_t entry = 0;
  std::uint16_t flags = 0;
  Kind kind = Kind::other;
  std::uint64_t country = 0; ///< region keys (0: none)
  std::uint64_t admin1 = 0;
  std::uint64_t admin2 = 0;
  double lat = 0.0;
  double lon = 0.0;
  double coslat = 1.0;
  double prior = 0.0;
  double score = 0.0;
  double p = 0.0;
  double q = 0.0; ///< the belief lent to the other groups as context (p at the context temperature)
};

struct Group {
  std::vector<std::size_t> items;
  std::vector<Cand> cands;
  std::vector<double> qualifier_bonus; ///< per candidate, from the group's qualifiers (max over occurrences)
  double weight = 1.0;                 ///< how much the group counts as context (grows with occurrences)
  bool context_only = true;
};

std::uint64_t mix(std::uint64_t h, std::string_view s) {
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  h ^= 0xFF;
  h *= 1099511628211ULL;
  return h;
}

bool is_country_code(std::string_view code) {
  return code.size() >= 3 && code.substr(0, 3) == "PCL";
}

Kind kind_of(const Gazetteer& g, std::uint32_t e) {
  const std::string_view code = g.feature_code(e);
  const char cls = g.feature_class(e);
  if (code == "CONT") {
    return Kind::continent;
  }
  if (cls == 'A') {
    if (is_country_code(code)) {
      return Kind::country;
    }
    if (code == "ADM1") {
      return Kind::admin1;
    }
    if (code == "ADM2") {
      return Kind::admin2;
    }
    return Kind::other;
  }
  if (cls == 'P') {
    return Kind::populated;
  }
  return is_large_feature(code) ? Kind::large : Kind::other;
}

/// Approximate great-circle distance in km (equirectangular; good to a few percent within 500 km).
double fast_km(const Cand& a, const Cand& b) {
  constexpr double km_per_degree = 111.195;
  double dlon = std::fabs(a.lon - b.lon);
  if (dlon > 180.0) {
    dlon = 360.0 - dlon;
  }
  const double x = dlon * 0.5 * (a.coslat + b.coslat);
  const double y = a.lat - b.lat;
  return km_per_degree * std::sqrt(x * x + y * y);
}

/// Proximity kernel: 1 within a town's reach, fading out by a few hundred km.
double kernel(double km) {
  if (km < 30.0) {
    return 1.0;
  }
  if (km > 400.0) {
    return 0.0;
  }
  return std::exp(-(km - 30.0) / 100.0);
}

double prior(const Gazetteer& g, const Cand& c, bool any_primary, bool demonym) {
  const Weights& w = weights;
  const std::string_view code = g.feature_code(c.entry);
  double s = w.population * std::log10(static_cast<double>(g.population(c.entry)) + 100.0);
  // What a name most likely means by the kind of place it names; a populated place, by its rank.
  const std::pair<Kind, double> by_kind[] = {{Kind::continent, w.continent},
                                             {Kind::large, w.large_feature},
                                             {Kind::country, w.country},
                                             {Kind::admin1, w.admin1},
                                             {Kind::admin2, w.admin2}};
  for (const auto& [kind, weight] : by_kind) {
    if (c.kind == kind) {
      s += weight;
    }
  }
  if (c.kind == Kind::populated) {
    if (code == "PPLC") {
      s += w.capital;
    } else if (code == "PPLA") {
      s += w.seat1;
    } else if (code == "PPLA2") {
      s += w.seat2;
    } else if (code == "PPLX" || code == "PPLH" || code == "PPLQ" || code == "PPLW") {
      s += w.section;
    }
  }
  if (demonym) {
    return s;
  }
  const bool main_name = (c.flags & (name_kind::primary | name_kind::ascii | name_kind::preferred)) != 0U;
  if (!main_name) {
    if (any_primary) {
      s += w.alternate;
    }
    if ((c.flags & name_kind::short_name) != 0U) {
      s += w.short_name;
    }
  }
  if ((c.flags & name_kind::historic) != 0U && !main_name) {
    s += w.historic;
  }
  return s;
}

/// Whether candidate @p outer contains @p inner: its country, division or (for towns) its immediate area.
bool contains(const Cand& outer, const Cand& inner) {
  switch (outer.kind) {
  case Kind::country:
    return outer.country != 0 && outer.country == inner.country && inner.kind != Kind::country;
  case Kind::admin1:
    return outer.admin1 != 0 && outer.admin1 == inner.admin1 && inner.kind != Kind::admin1 &&
           inner.kind != Kind::country;
  case Kind::admin2:
    return outer.admin2 != 0 && outer.admin2 == inner.admin2 && inner.kind != Kind::admin2 &&
           inner.kind != Kind::admin1 && inner.kind != Kind::country;
  case Kind::populated:
    return inner.kind != Kind::country && inner.kind != Kind::admin1 && fast_km(outer, inner) < 40.0;
  case Kind::continent:
  case Kind::large:
  case Kind::other:
    return false;
  }
  return false;
}

/// The capital default: a first-level division that shares its name with its country's capital
/// ("Washington") loses to the capital, since news names the state as "Washington state" or "the state of ...".
void prefer_capital_over_state(const Gazetteer& g, std::vector<Cand>& cands) {
  for (const Cand& capital : cands) {
    if (capital.kind != Kind::populated || g.feature_code(capital.entry) != "PPLC") {
      continue;
    }
    for (Cand& c : cands) {
      if (c.kind == Kind::admin1 && c.country == capital.country) {
        c.prior += weights.capital_over_state;
      }
    }
  }
}

void softmax(std::vector<Cand>& cands) {
  double best = -1e300;
  for (const Cand& c : cands) {
    best = std::max(best, c.score);
  }
  double z = 0.0;
  double zq = 0.0;
  for (Cand& c : cands) {
    c.p = std::exp((c.score - best) / weights.temperature);
    c.q = std::exp((c.score - best) / weights.context_temperature);
    z += c.p;
    zq += c.q;
  }
  for (Cand& c : cands) {
    c.p /= z;
    c.q /= zq;
  }
}

/// A group's probability mass per region (country, admin1 and admin2 keys share the space) and per entry,
/// weighted by how much the group counts: sorted by key for lookup.
struct OwnMass {
  std::vector<std::pair<std::uint64_t, double>> regions;
  std::vector<std::pair<std::uint64_t, double>> entries;
};

double find_mass(const std::vector<std::pair<std::uint64_t, double>>& sorted, std::uint64_t key) {
  const auto it =
      std::lower_bound(sorted.begin(), sorted.end(), key,
                       [](const std::pair<std::uint64_t, double>& a, std::uint64_t k) { return a.first < k; });
  return it != sorted.end() && it->first == key ? it->second : 0.0;
}

/// Sorts by key and adds up the masses of equal keys.
void merge_sorted(std::vector<std::pair<std::uint64_t, double>>& v) {
  std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::size_t o = 0;
  for (std::size_t k = 0; k < v.size(); ++k) {
    if (o > 0 && v[o - 1].first == v[k].first) {
      v[o - 1].second += v[k].second;
    } else {
      v[o++] = v[k];
    }
  }
  v.resize(o);
}

void own_mass(const Group& grp, OwnMass& out) {
  out.regions.clear();
  out.entries.clear();
  for (const Cand& c : grp.cands) {
    if (c.q < 0.01) {
      continue;
    }
    for (const std::uint64_t key : {c.country, c.admin1, c.admin2}) {
      if (key != 0) {
        out.regions.emplace_back(key, c.q);
      }
    }
    out.entries.emplace_back(c.entry, grp.weight * c.q);
  }
  merge_sorted(out.regions);
  for (auto& [key, m] : out.regions) {
    m = grp.weight * std::min(1.0, m); // the probability that the group lies in the region
  }
  merge_sorted(out.entries);
}

} // namespace

void resolve(const Gazetteer& g, const std::vector<ResolveItem>& items, std::vector<Mention>& mentions) {
  const Weights& w = weights;
  // Groups: one per distinct folded key.
  std::vector<Group> groups;
  std::vector<std::size_t> group_of(items.size(), SIZE_MAX);
  {
    std::unordered_map<std::string_view, std::size_t> index;
    for (std::size_t i = 0; i < items.size(); ++i) {
      if (!items[i].key) {
        continue;
      }
      auto [it, inserted] = index.try_emplace(items[i].folded, groups.size());
      if (inserted) {
        groups.emplace_back();
      }
      group_of[i] = it->second;
      Group& grp = groups[it->second];
      grp.items.push_back(i);
      grp.context_only = grp.context_only && items[i].context_only;
    }
  }
  for (Group& grp : groups) {
    const ResolveItem& item = items[grp.items.front()];
    const auto postings = g.postings(item.key);
    bool any_primary = false;
    for (const auto& p : postings) {
      any_primary = any_primary || (p.flags & (name_kind::primary | name_kind::ascii)) != 0U;
    }
    std::unordered_map<std::uint32_t, std::size_t> seen;
    for (const auto& p : postings) {
      if (grp.cands.size() >= max_candidates) {
        break;
      }
      if (item.demonym ? (p.flags & name_kind::demonym) == 0U : is_demonym_only(p.flags)) {
        continue;
      }
      if (auto it = seen.find(p.entry); it != seen.end()) {
        grp.cands[it->second].flags |= p.flags; // the same entry by several names: keep the best kind
        continue;
      }
      seen.emplace(p.entry, grp.cands.size());
      Cand c;
      c.entry = p.entry;
      c.flags = p.flags;
      c.kind = kind_of(g, p.entry);
      const std::string_view cc = g.country(p.entry);
      if (!cc.empty() && c.kind != Kind::continent) {
        c.country = mix(0x1234, cc);
        if (c.kind != Kind::country) {
          c.admin1 = mix(c.country, g.admin1_code(p.entry));
          if (c.kind != Kind::admin1 && !g.admin2_code(p.entry).empty()) {
            c.admin2 = mix(c.admin1, g.admin2_code(p.entry));
          }
        }
      }
      c.lat = g.lat(p.entry);
      c.lon = g.lon(p.entry);
      c.coslat = std::cos(c.lat * 3.14159265358979323846 / 180.0);
      grp.cands.push_back(c);
    }
    for (Cand& c : grp.cands) {
      c.prior = prior(g, c, any_primary, item.demonym);
    }
    prefer_capital_over_state(g, grp.cands);
    double best_prior = -1e300;
    for (Cand& c : grp.cands) {
      c.score = c.prior;
      best_prior = std::max(best_prior, c.prior);
    }
    std::erase_if(grp.cands, [&](const Cand& c) { return c.prior < best_prior - hopeless_gap; });
    grp.qualifier_bonus.assign(grp.cands.size(), 0.0);
    grp.weight = 1.0 + 0.5 * std::log(static_cast<double>(grp.items.size()));
    softmax(grp.cands);
  }

  // Qualifiers ("X, Y"): X's candidates inside one of Y's, and Y's candidates containing one of X's.
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::size_t q = items[i].qualifier;
    if (q == SIZE_MAX || group_of[i] == SIZE_MAX || group_of[q] == SIZE_MAX || group_of[i] == group_of[q]) {
      continue;
    }
    Group& x = groups[group_of[i]];
    Group& y = groups[group_of[q]];
    for (std::size_t a = 0; a < x.cands.size(); ++a) {
      for (std::size_t b = 0; b < y.cands.size(); ++b) {
        if (contains(y.cands[b], x.cands[a])) {
          x.qualifier_bonus[a] = w.qualifier;
          y.qualifier_bonus[b] = w.qualifier;
        }
      }
    }
  }

  // Rounds of context: each group's candidates are scored against the other groups' current beliefs.
  std::vector<OwnMass> own(groups.size());
  std::vector<double> previous;
  for (int round = 0; round < rounds && groups.size() > 1; ++round) {
    std::vector<std::pair<std::uint64_t, double>> total_regions;
    std::vector<std::pair<std::uint64_t, double>> total_entries;
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
      own_mass(groups[gi], own[gi]);
      total_regions.insert(total_regions.end(), own[gi].regions.begin(), own[gi].regions.end());
      total_entries.insert(total_entries.end(), own[gi].entries.begin(), own[gi].entries.end());
    }
    merge_sorted(total_regions);
    double total_weight = 0.0;
    for (const Group& grp : groups) {
      total_weight += grp.weight;
    }
    merge_sorted(total_entries);
    auto others_at = [&](std::size_t gi, std::uint64_t key) {
      return key == 0 ? 0.0 : std::max(0.0, find_mass(total_regions, key) - find_mass(own[gi].regions, key));
    };
    auto others_at_entry = [&](std::size_t gi, std::uint32_t e) {
      return std::max(0.0, find_mass(total_entries, e) - find_mass(own[gi].entries, e));
    };
    struct Anchor {
      std::size_t group;
      const Cand* cand;
      double weight;
    };
    std::vector<Anchor> anchors;
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
      std::vector<const Cand*> top;
      for (const Cand& c : groups[gi].cands) {
        if (c.q >= min_anchor_probability &&
            (c.kind == Kind::populated || c.kind == Kind::admin2 || c.kind == Kind::other)) {
          top.push_back(&c);
        }
      }
      std::sort(top.begin(), top.end(), [](const Cand* a, const Cand* b) { return a->q > b->q; });
      for (std::size_t k = 0; k < top.size() && k < max_anchors_per_group; ++k) {
        anchors.push_back(Anchor{gi, top[k], groups[gi].weight * top[k]->q});
      }
    }
    std::vector<std::vector<double>> next(groups.size());
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
      Group& grp = groups[gi];
      next[gi].resize(grp.cands.size());
      // The other groups' total weight: a region's mass is weighed by its share of the document, so that a
      // story spread over many countries lends little to any one of them, a local story much to its own.
      const double others_weight = std::max(1e-9, total_weight - grp.weight);
      if (grp.cands.size() == 1) {
        next[gi][0] = grp.cands[0].prior + grp.qualifier_bonus[0]; // nothing to choose between
        continue;
      }
      for (std::size_t k = 0; k < grp.cands.size(); ++k) {
        const Cand& c = grp.cands[k];
        double ctx = 0.0;
        auto add = [&](double weight, double mass, double exponent) {
          if (mass > 0.0) {
            ctx += weight * std::log1p(mass) * std::pow(std::min(1.0, mass / others_weight), exponent);
          }
        };
        add(w.in_country, others_at(gi, c.country), w.share_exponent);
        add(w.in_admin1, others_at(gi, c.admin1), w.admin1_share_exponent);
        add(w.in_admin2, others_at(gi, c.admin2), 0.0);
        add(w.same_entry, others_at_entry(gi, c.entry), 0.0);
        if (c.kind == Kind::populated || c.kind == Kind::admin2 || c.kind == Kind::other) {
          double near = 0.0;
          for (const Anchor& a : anchors) {
            if (a.group != gi && a.cand->entry != c.entry) {
              near += a.weight * kernel(fast_km(*a.cand, c));
            }
          }
          ctx += w.near * std::log1p(near);
        }
        next[gi][k] = c.prior + grp.qualifier_bonus[k] + ctx;
      }
    }
    double change = 0.0;
    for (std::size_t gi = 0; gi < groups.size(); ++gi) {
      for (std::size_t k = 0; k < groups[gi].cands.size(); ++k) {
        groups[gi].cands[k].score = next[gi][k];
      }
      previous.clear();
      for (const Cand& c : groups[gi].cands) {
        previous.push_back(c.q);
      }
      softmax(groups[gi].cands);
      for (std::size_t k = 0; k < groups[gi].cands.size(); ++k) {
        change = std::max(change, std::fabs(groups[gi].cands[k].q - previous[k]));
      }
    }
    if (round > 0 && change < 0.01) {
      break; // the beliefs have settled
    }
  }
  if (groups.size() == 1) {
    Group& grp = groups.front();
    for (std::size_t k = 0; k < grp.cands.size(); ++k) {
      grp.cands[k].score = grp.cands[k].prior + grp.qualifier_bonus[k];
    }
    softmax(grp.cands);
  }

  for (std::size_t i = 0; i < items.size(); ++i) {
    if (group_of[i] == SIZE_MAX) {
      continue;
    }
    const Group& grp = groups[group_of[i]];
    const Cand* best = nullptr;
    for (const Cand& c : grp.cands) {
      if (best == nullptr || c.score > best->score) {
        best = &c;
      }
    }
    if (best == nullptr) {
      continue;
    }
    // Confidence: the probability that the place lies where the chosen candidate is (homonyms at the same
    // spot, such as a city and the district of the same name, do not split it).
    double confidence = 0.0;
    for (const Cand& c : grp.cands) {
      if (&c == best || fast_km(c, *best) < 50.0) {
        confidence += c.p;
      }
    }
    mentions[i].place = g.place(best->entry);
    mentions[i].confidence = std::min(1.0, confidence);
  }
}

} // namespace stationmap::detail
