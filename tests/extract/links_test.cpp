// Links pass: the claims, and links where a sentence states them.

#include "passes_support.hpp"

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

TEST(Links, AnOrdinalAnaphorCarriesTheSiteToTheNextSentence) {
  const Annotated a("Se investigan dos comisarías. La segunda se encuentra en Sevilla. También habría sido creada por "
                    "la Oficina de Seguridad Pública de Wenzhou.",
                    Upto::Links);
  ASSERT_EQ(a.doc.claims.links.size(), 1U);
  EXPECT_EQ(a.doc.claims.links[0].site.name, "Sevilla");
}

} // namespace
} // namespace stationmap::passes::test
