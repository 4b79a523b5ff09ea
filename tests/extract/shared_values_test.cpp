// The values the claims of a corpus share (SharedValues): the first of each is kept and handed out for every equal
// value; an unequal value under the same key stays apart.

#include "stationmap/extract/shared_values.hpp"

#include <gtest/gtest.h>
#include <string>

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

} // namespace
} // namespace stationmap
