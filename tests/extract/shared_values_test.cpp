// The values the claims of a corpus share (SharedValues): the first of each is kept and handed out for every equal
// value; an unequal value under the same key stays apart.

#include "stationmap/extract/shared_values.hpp"

#include <gtest/gtest.h>
#include <string>
#include <vector>

namespace stationmap {
namespace {

Place invented_place(std::uint32_t index, const std::string& name) {
  Place p;
  p.index = index;
  p.id = 7000 + index;
  p.name = name;
  p.country = "XA";
  return p;
}

TEST(SharedValues, EqualPlacesAreOneAndAPlaceUnlikeItsIndexsFirstStaysApart) {
  SharedValues values;
  const auto first = values.place(invented_place(3, "Harbourton"));
  EXPECT_EQ(values.place(invented_place(3, "Harbourton")), first);
  EXPECT_EQ(values.place(std::make_shared<const Place>(invented_place(3, "Harbourton"))), first);
  const auto renamed = values.place(invented_place(3, "Harbour Town"));
  EXPECT_NE(renamed, first);
  EXPECT_EQ(renamed->name, "Harbour Town");
  EXPECT_EQ(values.place(invented_place(3, "Harbourton")), first) << "the first stays the kept one";
  EXPECT_EQ(values.place(std::shared_ptr<const Place>()), nullptr);
}

TEST(SharedValues, ASentenceIsOneWhetherItComesAsTextOrShared) {
  SharedValues values;
  const SentenceRef from_text = values.sentence(std::string_view("A station in Harbourton."));
  EXPECT_EQ(*from_text, "A station in Harbourton.");
  EXPECT_EQ(values.sentence(share_sentence("A station in Harbourton.")), from_text);
  EXPECT_EQ(values.sentence(std::string_view("A station in Harbourton.")), from_text);
  EXPECT_NE(values.sentence(std::string_view("A station in Millbrook.")), from_text);
  EXPECT_EQ(values.sentence(SentenceRef()), nullptr);
}

TEST(SharedValues, ADocumentIdKeepsItsFirstFieldsWhenEqualAndOthersStayApart) {
  SharedValues values;
  const DocumentRef first = values.document(share_document({"b.txt", "Title", "", ""}));
  EXPECT_EQ(values.document(share_document({"b.txt", "Title", "", ""})), first);
  const DocumentRef other = share_document({"b.txt", "Another title", "", ""});
  EXPECT_EQ(values.document(other), other);
  const DocumentRef earlier = share_document({"a.txt", "Title", "", ""}); // an id before the first: not in order
  EXPECT_EQ(values.document(earlier), earlier);
  EXPECT_EQ(values.document(share_document({"a.txt", "Title", "", ""})), earlier);
}

TEST(SharedValues, DocumentFieldsMadeHereAreKeptLikeSharedOnes) {
  SharedValues values;
  const DocumentRef first = values.document(DocumentInfo{"b.txt", "Title", "", ""});
  EXPECT_EQ(first->title, "Title");
  EXPECT_EQ(values.document(DocumentInfo{"b.txt", "Title", "", ""}), first);
  EXPECT_EQ(values.document(share_document({"b.txt", "Title", "", ""})), first);
  const DocumentRef other = values.document(DocumentInfo{"b.txt", "Another title", "", ""});
  EXPECT_NE(other, first);
  EXPECT_EQ(other->title, "Another title");
  EXPECT_EQ(values.document(DocumentInfo{"b.txt", "Title", "", ""}), first) << "the first stays the kept one";
  const DocumentRef earlier = values.document(DocumentInfo{"a.txt", "Title", "", ""}); // not in id order
  EXPECT_EQ(values.document(share_document({"a.txt", "Title", "", ""})), earlier);
}

TEST(SharedValues, ValuesMadeHereOutliveTheTablesAsLongAsAnyReference) {
  std::vector<DocumentRef> documents;
  SentenceRef sentence;
  {
    SharedValues values;
    for (int i = 0; i < 10000; ++i) { // more than one block of values
      documents.push_back(
          values.document(DocumentInfo{"doc-" + std::to_string(i), "A title long enough to be on the heap", "", ""}));
    }
    sentence = values.sentence(std::string_view("A sentence long enough not to fit in a string's own bytes."));
  }
  for (int i = 0; i < 10000; ++i) {
    ASSERT_EQ(documents[static_cast<std::size_t>(i)]->id, "doc-" + std::to_string(i));
  }
  documents.resize(1); // the last reference to one value keeps every one made with it
  EXPECT_EQ(documents[0]->title, "A title long enough to be on the heap");
  EXPECT_EQ(*sentence, "A sentence long enough not to fit in a string's own bytes.");
}

} // namespace
} // namespace stationmap
