// Links pass: the claims, and links where a sentence states them.

#include "passes_support.hpp"

#include <set>
#include <string>

namespace stationmap::passes::test {
namespace {

TEST(Links, ASentenceThatTiesASiteToABureau) {
  const Annotated a("The police station in Madrid is run by Fuzhou police.", Upto::Links);
  ASSERT_EQ(a.doc.claims.links.size(), 1U);
  EXPECT_EQ(a.doc.claims.links[0].site.name, "Madrid");
  EXPECT_EQ(a.doc.claims.links[0].jurisdiction.country, "CN");
  EXPECT_EQ(a.role("Madrid").role, MentionRole::Station);
  EXPECT_EQ(a.role("Madrid").reason, Reason::StationCue);
  EXPECT_EQ(a.role("Fuzhou").reason, Reason::PoliceCue);
  EXPECT_EQ(a.role("Fuzhou").role, MentionRole::Jurisdiction);
}

TEST(Links, ADenialLinksNothing) {
  const Annotated a("Officials denied that the police station in Madrid is run by Fuzhou police.", Upto::Links);
  EXPECT_TRUE(a.doc.claims.links.empty());
}

TEST(Links, TheParagraphsSiteCarriesOverToATie) {
  const Annotated a("A police station opened in Madrid. It is run by Fuzhou police.", Upto::Links);
  ASSERT_EQ(a.doc.claims.links.size(), 1U);
  EXPECT_EQ(a.doc.claims.links[0].site.name, "Madrid");
}

TEST(Links, NoCarryOverAcrossParagraphs) {
  const Annotated a("A police station opened in Madrid.\n\nSeparately, Fuzhou police opened a station in Lisbon.",
                    Upto::Links);
  ASSERT_EQ(a.doc.claims.links.size(), 1U);
  EXPECT_EQ(a.doc.claims.links[0].site.name, "Lisbon");
}

/// The links of @p a as "site>bureau" names, sorted.
std::set<std::string> link_names(const Annotated& a) {
  std::set<std::string> out;
  for (const auto& l : a.doc.claims.links) {
    out.insert(l.site.name + ">" + l.jurisdiction.name);
  }
  return out;
}

TEST(Links, EachClauseTiesItsOwnSitesToItsOwnBureau) {
  const Annotated a("The Wenzhou bureau runs the police stations in Quito and Lima; the Nantong bureau those in Cali "
                    "and Caracas.",
                    Upto::Links);
  EXPECT_EQ(link_names(a), (std::set<std::string>{"Cali>Nantong", "Caracas>Nantong", "Lima>Wenzhou", "Quito>Wenzhou"}));
  const Annotated b("Le sedi di Parma e Modena sono attribuite alla polizia di Wenzhou, mentre quella di Bari "
                    "sarebbe stata aperta da Nantong.",
                    Upto::Links);
  EXPECT_EQ(link_names(b), (std::set<std::string>{"Bari>Nantong", "Modena>Wenzhou", "Parma>Wenzhou"}));
}

TEST(Links, ADistrictWithABureauOfItsOwnInAnotherClauseStays) {
  const Annotated a("The Fuzhou bureau runs the police station in Quito; the Fuqing bureau the one in Lima.",
                    Upto::Links);
  EXPECT_EQ(link_names(a), (std::set<std::string>{"Lima>Fuqing", "Quito>Fuzhou"}));
}

TEST(Links, OneBureauNamedTwiceIsOneBureau) {
  const Annotated a("Wenzhou police said that Wenzhou police had opened service stations in Quito and Lima.",
                    Upto::Links);
  EXPECT_EQ(link_names(a), (std::set<std::string>{"Lima>Wenzhou", "Quito>Wenzhou"}));
}

TEST(Links, ADefiniteOfficeOpensASentenceAboutAStation) {
  const Annotated a("Eine Polizeistation wurde gemeldet.\n\nDie Stelle in Leipzig liegt am Markt. Sie soll von der "
                    "Polizei in Wenzhou eingerichtet worden sein.",
                    Upto::Links);
  EXPECT_EQ(link_names(a), (std::set<std::string>{"Leipzig>Wenzhou"}));
}

TEST(Links, AnOrdinalAnaphorCarriesTheSiteToTheNextSentence) {
  const Annotated a("Se investigan dos comisarías. La segunda se encuentra en Sevilla. También habría sido creada por "
                    "la Oficina de Seguridad Pública de Wenzhou.",
                    Upto::Links);
  ASSERT_EQ(a.doc.claims.links.size(), 1U);
  EXPECT_EQ(a.doc.claims.links[0].site.name, "Sevilla");
}

} // namespace
} // namespace stationmap::passes::test
