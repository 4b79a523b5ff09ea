#include "stationmap/geoparse/geoparser.hpp"

#include "recognizer.hpp"
#include "stationmap/core/fold.hpp"
#include "stationmap/core/utf8.hpp"
#include "stationmap/gazetteer/name_kind.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <unordered_map>

namespace stationmap {

namespace {

constexpr std::size_t max_candidates = 400;

/// A mention to resolve: its key, its text span and whether it is only context.
struct Item {
  Gazetteer::KeyRef key;
  std::string folded;
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  std::size_t qualifier = SIZE_MAX;
  bool demonym = false;
};

struct Scored {
  std::uint32_t entry = 0;
  std::uint16_t flags = 0;
  double score = 0.0;
};

bool is_country_code(std::string_view code) { return code.size() >= 3 && code.substr(0, 3) == "PCL"; }

double distance_km(double lat1, double lon1, double lat2, double lon2) {
  constexpr double rad = 3.14159265358979323846 / 180.0;
  const double dlat = (lat2 - lat1) * rad;
  const double dlon = (lon2 - lon1) * rad;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(lat1 * rad) * std::cos(lat2 * rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0088 * std::asin(std::min(1.0, std::sqrt(h)));
}

/// The prior of a candidate, before context: prominence, feature type and how it was named.
double prior(const Gazetteer& g, std::uint32_t entry, std::uint16_t flags, bool any_primary) {
  const std::string_view code = g.feature_code(entry);
  const char cls = g.feature_class(entry);
  double s = std::log10(static_cast<double>(g.population(entry)) + 10.0);
  if (cls == 'A') {
    if (is_country_code(code)) {
      s += 7.0;
    } else if (code == "ADM1") {
      s += 5.0;
    } else if (code == "ADM2") {
      s += 3.0;
    } else {
      s += 1.0;
    }
  } else if (code == "PPLC") {
    s += 2.5;
  } else if (code == "PPLA") {
    s += 1.5;
  } else if (code == "PPLA2") {
    s += 0.8;
  } else if (code == "PPLX" || code == "PPLH" || code == "PPLQ") {
    s -= 1.5;
  }
  const bool primary = (flags & (name_kind::primary | name_kind::ascii | name_kind::preferred)) != 0U;
  if (!primary && any_primary) {
    s -= 2.0;  // another place is called this by its main name
  }
  if ((flags & name_kind::historic) != 0U) {
    s -= 1.0;
  }
  return s;
}

/// Resolves items with context from each other; fills mentions[i].place/confidence.
void resolve(const Gazetteer& g, const std::vector<Item>& items, std::vector<Mention>& mentions) {
  const std::size_t n = items.size();
  std::vector<std::vector<Scored>> cands(n);
  for (std::size_t i = 0; i < n; ++i) {
    if (!items[i].key) {
      continue;
    }
    const auto postings = g.postings(items[i].key);
    bool any_primary = false;
    for (const auto& p : postings) {
      any_primary = any_primary || (p.flags & (name_kind::primary | name_kind::ascii | name_kind::preferred)) != 0U;
    }
    for (std::size_t k = 0; k < postings.size() && k < max_candidates; ++k) {
      const auto& p = postings[k];
      if (!items[i].demonym && (p.flags & name_kind::demonym) != 0U) {
        continue;
      }
      cands[i].push_back(Scored{p.entry, p.flags, prior(g, p.entry, p.flags, any_primary)});
    }
  }

  // One sense per discourse: items with the same key share their evidence.
  std::map<std::string, std::vector<std::size_t>> by_key;
  for (std::size_t i = 0; i < n; ++i) {
    by_key[items[i].folded].push_back(i);
  }

  auto best_of = [&](std::size_t i) -> const Scored* {
    const Scored* best = nullptr;
    for (const Scored& s : cands[i]) {
      if (best == nullptr || s.score > best->score) {
        best = &s;
      }
    }
    return best;
  };
  auto confidence_of = [&](std::size_t i) {
    const Scored* best = best_of(i);
    if (best == nullptr) {
      return 0.0;
    }
    double z = 0.0;
    for (const Scored& s : cands[i]) {
      z += std::exp(s.score - best->score);
    }
    return 1.0 / z;
  };

  const std::vector<std::vector<Scored>> priors = cands;
  for (int round = 0; round < 2; ++round) {
    // Context: where the document's confident places are (countries, first-level divisions, points).
    std::unordered_map<std::string, double> country_weight;
    std::unordered_map<std::string, double> admin1_weight;
    struct Anchor {
      std::size_t item;
      double lat;
      double lon;
      double weight;
    };
    std::vector<Anchor> anchors;
    double total = 0.0;
    for (std::size_t i = 0; i < n; ++i) {
      const Scored* best = best_of(i);
      if (best == nullptr) {
        continue;
      }
      const double w = confidence_of(i);
      const std::string country(g.country(best->entry));
      country_weight[country] += w;
      const std::string_view code = g.feature_code(best->entry);
      if (!is_country_code(code)) {
        admin1_weight[country + "." + std::string(g.admin1_code(best->entry))] += w;
        if (code != "ADM1") {
          anchors.push_back(Anchor{i, g.lat(best->entry), g.lon(best->entry), w});
        }
      }
      total += w;
    }
    std::vector<std::vector<Scored>> next = cands;
    for (std::size_t i = 0; i < n; ++i) {
      for (Scored& s : next[i]) {
        const std::string country(g.country(s.entry));
        const std::string admin1 = country + "." + std::string(g.admin1_code(s.entry));
        double ctx = 0.0;
        if (total > 0.0) {
          const double own = (best_of(i) != nullptr && best_of(i)->entry == s.entry) ? confidence_of(i) : 0.0;
          const double cw = country_weight.count(country) ? country_weight[country] : 0.0;
          const double aw = admin1_weight.count(admin1) ? admin1_weight[admin1] : 0.0;
          const double denom = std::max(1.0, total - own);
          ctx += 3.0 * std::min(1.0, (cw - own) / denom) + 2.0 * std::min(1.0, (aw - own) / denom);
          if (g.feature_class(s.entry) != 'A') {
            double near = 0.0;
            for (const Anchor& a : anchors) {
              if (a.item == i || items[a.item].folded == items[i].folded) {
                continue;
              }
              const double d = distance_km(a.lat, a.lon, g.lat(s.entry), g.lon(s.entry));
              if (d < 50.0) {
                near = std::max(near, 1.5 * a.weight);
              } else if (d < 250.0) {
                near = std::max(near, 0.8 * a.weight);
              }
            }
            ctx += near;
          }
        }
        // Qualifier: "Paris, Texas" -> candidates inside what the qualifier names.
        if (items[i].qualifier != SIZE_MAX) {
          const std::size_t q = items[i].qualifier;
          for (const Scored& qs : cands[q]) {
            const std::string_view qcode = g.feature_code(qs.entry);
            const bool contains = g.country(qs.entry) == g.country(s.entry) &&
                                  (is_country_code(qcode) ||
                                   (qcode == "ADM1" && g.admin1_code(qs.entry) == g.admin1_code(s.entry)));
            if (contains) {
              ctx += 8.0;
              break;
            }
          }
        }
        s.score = priors[i][static_cast<std::size_t>(&s - next[i].data())].score + ctx;
      }
    }
    // One sense per discourse: add the scores of the same candidate across occurrences.
    for (const auto& [key, members] : by_key) {
      if (members.size() < 2) {
        continue;
      }
      std::unordered_map<std::uint32_t, double> sum;
      for (std::size_t i : members) {
        for (const Scored& s : next[i]) {
          sum[s.entry] += s.score;
        }
      }
      for (std::size_t i : members) {
        for (Scored& s : next[i]) {
          s.score = sum[s.entry] / static_cast<double>(members.size());
        }
      }
    }
    cands = std::move(next);
  }

  for (std::size_t i = 0; i < n; ++i) {
    const Scored* best = best_of(i);
    if (best == nullptr) {
      continue;
    }
    mentions[i].place = g.place(best->entry);
    mentions[i].confidence = confidence_of(i);
  }
}

}  // namespace

std::vector<Mention> Geoparser::parse(std::string_view text) const {
  TokenizedText tt;
  tokenize(text, tt);
  const std::vector<detail::KeyMatch> matches = detail::recognize(m_gazetteer, text, tt);
  std::vector<Item> items;
  std::vector<Mention> mentions;
  items.reserve(matches.size());
  mentions.reserve(matches.size());
  for (const detail::KeyMatch& m : matches) {
    Item item;
    item.key = m.key;
    item.folded = detail::joined_key(tt, m.first, m.last);
    item.start = tt.tokens[m.first].start;
    item.end = tt.tokens[m.last].end;
    item.qualifier = m.qualifier;
    item.demonym = m.demonym;
    items.push_back(std::move(item));
    Mention mention;
    mention.start = tt.tokens[m.first].start;
    mention.end = tt.tokens[m.last].end;
    const std::uint32_t b0 = tt.tokens[m.first].byte_start;
    mention.text = std::string(text.substr(b0, tt.tokens[m.last].byte_end - b0));
    mention.demonym = m.demonym;
    mentions.push_back(std::move(mention));
  }
  resolve(m_gazetteer, items, mentions);
  // Demonyms resolved above as context for the other names; they are not places named.
  std::vector<Mention> out;
  out.reserve(mentions.size());
  for (Mention& m : mentions) {
    if (!m.demonym) {
      out.push_back(std::move(m));
    }
  }
  return out;
}

std::vector<Mention> Geoparser::resolve_spans(std::string_view text, const std::vector<Span>& spans) const {
  TokenizedText tt;
  tokenize(text, tt);
  std::vector<Item> items(spans.size());
  std::vector<Mention> mentions(spans.size());
  // Code point offset -> byte offset, for the mention texts.
  std::vector<std::uint32_t> byte_at;
  byte_at.reserve(text.size() + 1);
  for (std::size_t pos = 0; pos < text.size();) {
    byte_at.push_back(static_cast<std::uint32_t>(pos));
    utf8::decode(text, pos);
  }
  byte_at.push_back(static_cast<std::uint32_t>(text.size()));
  for (std::size_t s = 0; s < spans.size(); ++s) {
    const auto [start, end] = spans[s];
    Mention& m = mentions[s];
    m.start = start;
    m.end = end;
    if (start < end && end < byte_at.size()) {
      m.text = std::string(text.substr(byte_at[start], byte_at[end] - byte_at[start]));
    }
    std::size_t first = SIZE_MAX;
    std::size_t last = 0;
    for (std::size_t t = 0; t < tt.tokens.size(); ++t) {
      if (tt.tokens[t].start >= start && tt.tokens[t].end <= end) {
        first = std::min(first, t);
        last = t;
      }
    }
    Item& item = items[s];
    item.start = start;
    item.end = end;
    if (first == SIZE_MAX) {
      continue;
    }
    // The whole span, else without a leading article or trailing generic word, else its longest known part.
    auto try_range = [&](std::size_t a, std::size_t b) {
      const std::string key = detail::joined_key(tt, a, b);
      const Gazetteer::KeyRef ref = m_gazetteer.find_key(key);
      if (ref && m_gazetteer.posting_count(ref) > 0) {
        item.key = ref;
        item.folded = key;
        item.demonym = !detail::has_real_name(m_gazetteer, ref, true);
        mentions[s].demonym = item.demonym;
        return true;
      }
      return false;
    };
    if (try_range(first, last)) {
      continue;
    }
    bool found = false;
    for (std::size_t len = last - first; len >= 1 && !found; --len) {
      for (std::size_t a = first; a + len - 1 <= last && !found; ++a) {
        found = try_range(a, a + len - 1);
      }
    }
  }
  // Qualifiers between consecutive spans: "Paris, Texas".
  for (std::size_t s = 0; s + 1 < spans.size(); ++s) {
    const auto [a_start, a_end] = spans[s];
    const auto [b_start, b_end] = spans[s + 1];
    (void)a_start;
    (void)b_end;
    if (b_start >= a_end && b_start - a_end <= 2 && a_end < byte_at.size() && b_start < byte_at.size()) {
      const std::string_view gap = text.substr(byte_at[a_end], byte_at[b_start] - byte_at[a_end]);
      if (gap.find(',') != std::string_view::npos) {
        items[s].qualifier = s + 1;
      }
    }
  }
  resolve(m_gazetteer, items, mentions);
  return mentions;
}

}  // namespace stationmap
