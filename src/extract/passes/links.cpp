// Links pass: the document's claims. Sites and jurisdictions as the sentences name them; a link where a
// sentence ties them, with the sites of the paragraph carried over to a sentence that names only a bureau.

#include "passes.hpp"
#include "place_facts.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace stationmap::passes {

namespace {

/// The distinct city sites of the document, first mention of each.
std::vector<std::size_t> city_sites_of(const AnnotatedDocument& doc) {
  std::vector<std::size_t> out;
  for (const AnnotatedSentence& s : doc.sentences) {
    for (std::size_t mi : s.sites) {
      const Place& p = *doc.mentions[mi].place;
      if (level_of(p) == Level::City && std::none_of(out.begin(), out.end(), [&](std::size_t o) {
            return doc.mentions[o].place->index == p.index;
          })) {
        out.push_back(mi);
      }
    }
  }
  return out;
}

/// The sentence's sites, one mention per place: "Rio de Janeiro ... Rio de Janeiro".
std::vector<std::size_t> distinct_sites(const AnnotatedDocument& doc, const AnnotatedSentence& s) {
  std::vector<std::size_t> out;
  for (std::size_t mi : s.sites) {
    if (std::none_of(out.begin(), out.end(),
                     [&](std::size_t o) { return doc.mentions[o].place->index == doc.mentions[mi].place->index; })) {
      out.push_back(mi);
    }
  }
  return out;
}

/// The sentence's own sites and jurisdictions, as claims and roles.
void claim_named(AnnotatedDocument& doc, const AnnotatedSentence& s, const Evidence& ev) {
  for (std::size_t mi : s.sites) {
    doc.role(mi).role = MentionRole::Station;
    const auto count = s.counts.find(mi);
    doc.claims.sites.push_back(site_claim(*doc.mentions[mi].place, s, count == s.counts.end() ? 0 : count->second, ev));
  }
  for (std::size_t mi : s.jurisdictions) {
    doc.role(mi).role = MentionRole::Jurisdiction;
    doc.claims.jurisdictions.push_back({*doc.mentions[mi].place, ev});
  }
}

/// Whether the sentence names its bureaus in different clauses: each clause then ties its own sites to its own
/// bureau ("the Fuzhou bureau runs the office in Quito; the Fuqing bureau the one in Lima").
bool bureaus_in_several_clauses(const AnnotatedSentence& s) {
  std::set<std::size_t> clauses;
  for (std::size_t j : s.jurisdictions) {
    clauses.insert(clause_of_mention(s, j));
  }
  return clauses.size() > 1;
}

/// Links between @p sites and @p bureaus of one sentence: either one jurisdiction, one specific site or a table row.
void link_group(AnnotatedDocument& doc, const AnnotatedSentence& s, const std::vector<std::size_t>& sites,
                const std::vector<std::size_t>& bureaus, const Evidence& ev) {
  // One bureau named twice ("记者从福州市公安局获悉……福州市公安局已在……设立") is still one bureau.
  std::set<std::size_t> bureau_places;
  for (std::size_t j : bureaus) {
    bureau_places.insert(doc.mentions[j].place->index);
  }
  const bool one_jurisdiction = bureau_places.size() == 1;
  const bool one_specific_site = sites.size() == 1 && level_of(*doc.mentions[sites[0]].place) != Level::Country;
  if (!one_jurisdiction && !one_specific_site && s.sentence.kind != BlockKind::Table) {
    return;
  }
  for (std::size_t site : sites) {
    for (std::size_t j : bureaus) {
      doc.claims.links.push_back({*doc.mentions[site].place, *doc.mentions[j].place, ev});
    }
  }
}

/// Links between @p sites and the sentence's jurisdictions, when the sentence states them: not negated, not a
/// statement about a bureau's whole network. Where the sentence names its bureaus in different clauses, each
/// clause ties its own sites to its own bureaus.
void claim_links(AnnotatedDocument& doc, const AnnotatedSentence& s, const std::vector<std::size_t>& sites,
                 bool carried, const Evidence& ev) {
  // "the police of Qingtian County ran a separate network": a network-level statement carries no link.
  const bool network_level = carried && s.network;
  if (s.negated || network_level || s.jurisdictions.empty() || sites.empty() || (!s.tie && carried)) {
    return;
  }
  if (carried || !bureaus_in_several_clauses(s)) {
    link_group(doc, s, sites, s.jurisdictions, ev);
    return;
  }
  std::map<std::size_t, std::pair<std::vector<std::size_t>, std::vector<std::size_t>>> clauses;
  for (std::size_t site : sites) {
    clauses[clause_of_mention(s, site)].first.push_back(site);
  }
  for (std::size_t j : s.jurisdictions) {
    clauses[clause_of_mention(s, j)].second.push_back(j);
  }
  for (const auto& [clause, group] : clauses) {
    if (!group.first.empty() && !group.second.empty()) {
      link_group(doc, s, group.first, group.second, ev);
    }
  }
}

} // namespace

void write_claims(AnnotatedDocument& doc) {
  const std::vector<std::size_t> city_sites = city_sites_of(doc);
  std::vector<std::size_t> paragraph_sites;
  std::uint32_t paragraph = UINT32_MAX;
  for (const AnnotatedSentence& s : doc.sentences) {
    if (s.sentence.paragraph != paragraph) {
      paragraph = s.sentence.paragraph;
      paragraph_sites.clear();
    }
    const Evidence ev = evidence_of(doc, s.sentence);
    claim_named(doc, s, ev);
    std::vector<std::size_t> sites = distinct_sites(doc, s);
    // A sentence without a site of its own speaks of the paragraph's sites (or of the document's only city).
    const bool carried = sites.empty() && s.sentence.kind != BlockKind::Caption;
    if (carried) {
      sites = paragraph_sites;
      if (sites.empty() && city_sites.size() == 1 && !s.jurisdictions.empty() && s.tie) {
        sites = city_sites;
      }
      if (s.status) {
        for (std::size_t mi : sites) {
          doc.claims.sites.push_back(site_claim(*doc.mentions[mi].place, s, 0, ev));
        }
      }
    }
    claim_links(doc, s, sites, carried, ev);
    if (!s.sites.empty()) {
      paragraph_sites = sites;
    }
  }
}

} // namespace stationmap::passes
