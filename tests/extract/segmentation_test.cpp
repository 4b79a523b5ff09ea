// Segmentation pass: sentences as ranges of the document's tokens, folded once, with their mentions.

#include "passes_support.hpp"
#include "stationmap/core/fold.hpp"

namespace stationmap::passes::test {
namespace {

TEST(Segmentation, EachSentenceReadsItsOwnTokensFromTheDocumentsOne) {
  const Annotated a("Police opened an office in Madrid.\nIt was said to serve\nthe city of Lyon too.",
                    Upto::Segmentation);
  ASSERT_EQ(a.doc.sentences.size(), 2U);
  for (const AnnotatedSentence& s : a.doc.sentences) {
    TokenizedText own;
    tokenize(s.sentence.text, own);
    ASSERT_EQ(s.tokens.size(), own.tokens.size()) << s.sentence.text;
    for (std::size_t i = 0; i < own.tokens.size(); ++i) {
      EXPECT_EQ(s.tokens.key(i), own.key(own.tokens[i]));
      EXPECT_EQ(s.tokens.token(i).start, own.tokens[i].start) << "code points count from the sentence's start";
      EXPECT_EQ(s.tokens.token(i).byte_start, own.tokens[i].byte_start) << "bytes count from the sentence's start";
    }
  }
}

TEST(Segmentation, MentionsBelongToTheSentenceThatNamesThem) {
  const Annotated a("Police opened an office in Madrid. A second one opened in Lisbon.", Upto::Segmentation);
  const auto [madrid, k1] = a.local("Madrid");
  const auto [lisbon, k2] = a.local("Lisbon");
  ASSERT_NE(madrid, nullptr);
  ASSERT_NE(lisbon, nullptr);
  EXPECT_NE(madrid, lisbon);
  EXPECT_EQ(madrid->tokens.key(madrid->locals[k1].first), "madrid");
  EXPECT_EQ(a.role("Lisbon").sentence(), "A second one opened in Lisbon.");
}

TEST(Segmentation, ADocumentIsAboutStationsWhenOneSentenceHasAStationWord) {
  EXPECT_TRUE(
      Annotated("Tourists visit Madrid. A police station opened there.", Upto::Segmentation).doc.about_stations);
  EXPECT_FALSE(Annotated("Tourists visit Madrid. The museum opened there.", Upto::Segmentation).doc.about_stations);
}

TEST(Segmentation, CountriesNamedAreListedWithTheirPlaces) {
  const Annotated a("Officers flew from Madrid to Lisbon.", Upto::Segmentation);
  ASSERT_EQ(a.doc.named_countries.count("ES"), 1U);
  EXPECT_EQ(a.doc.named_countries.count("PT"), 1U);
  EXPECT_EQ(a.doc.named_countries.count("FR"), 0U);
}

} // namespace
} // namespace stationmap::passes::test
