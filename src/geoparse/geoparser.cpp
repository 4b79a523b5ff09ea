#include "stationmap/geoparse/geoparser.hpp"

#include "lexicon.hpp"
#include "recognizer.hpp"
#include "resolver.hpp"
#include "stationmap/core/fold.hpp"
#include "stationmap/core/utf8.hpp"
#include "stationmap/gazetteer/name_kind.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <unordered_map>

namespace stationmap {

std::vector<Mention> Geoparser::parse(std::string_view text) const {
  TokenizedText tt;
  tokenize(text, tt);
  return parse(text, tt);
}

std::vector<Mention> Geoparser::parse(std::string_view text, const TokenizedText& tt) const {
  const std::vector<detail::KeyMatch> matches = detail::recognize(m_gazetteer, text, tt);
  std::vector<detail::ResolveItem> items;
  std::vector<Mention> mentions;
  items.reserve(matches.size());
  mentions.reserve(matches.size());
  for (const detail::KeyMatch& m : matches) {
    detail::ResolveItem item;
    item.key = m.key;
    item.folded = detail::joined_key(tt, m.first, m.last);
    item.qualifier = m.qualifier;
    item.demonym = m.demonym;
    item.context_only = m.demonym;
    items.push_back(std::move(item));
    Mention mention;
    mention.start = tt.tokens[m.first].start;
    mention.end = tt.tokens[m.last].end;
    const std::uint32_t b0 = tt.tokens[m.first].byte_start;
    mention.text = std::string(text.substr(b0, tt.tokens[m.last].byte_end - b0));
    mention.demonym = m.demonym;
    mentions.push_back(std::move(mention));
  }
  detail::resolve(m_gazetteer, items, mentions);
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
  std::vector<detail::ResolveItem> items(spans.size());
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
    detail::ResolveItem& item = items[s];
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
        bool real = false;
        for (const auto& p : m_gazetteer.postings(ref)) {
          real = real || !detail::is_demonym_only(p.flags);
        }
        // Only a demonym, or the people of a country before a county or hamlet of that name ("Canadian").
        item.demonym = !real || detail::demonym_dominates(m_gazetteer, ref);
        mentions[s].demonym = item.demonym;
        return true;
      }
      return false;
    };
    if (try_range(first, last)) {
      continue;
    }
    // A people's or region's adjective the gazetteer lacks: "Ontarians" -> Ontario, "Dagestani" -> Dagestan.
    if (const std::string key = detail::joined_key(tt, first, last); !tt.tokens[last].ideograph) {
      if (const auto region = detail::region_of_adjective(m_gazetteer, key)) {
        item.key = region->first;
        item.folded = region->second;
        item.demonym = false;
        continue;
      }
    }
    bool found = false;
    for (std::size_t len = last - first; len >= 1 && !found; --len) {
      for (std::size_t a = first; a + len - 1 <= last && !found; ++a) {
        // A lone direction, adjective or function word is no part worth resolving ("South" of "South Ossetian").
        if (len == 1 && lexicon::is_common_word(tt.key(tt.tokens[a]))) {
          continue;
        }
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
  detail::resolve(m_gazetteer, items, mentions);
  return mentions;
}

} // namespace stationmap
