// Recognition on the fixture gazetteer: one test per class of false positive, demonyms, multi-word and
// qualified names, abbreviations and Chinese names. Every town the texts use as a trap is in the fixture.

#include "test_support.hpp"

#include <gtest/gtest.h>

using stationmap::Gazetteer;
using stationmap::test::contains;
using stationmap::test::fixture_gazetteer;
using stationmap::test::found;

TEST(Recognizer, RejectsPersonNames) {
  const auto& g = fixture_gazetteer();
  // Wray, Lopez and Nick are towns in the fixture; here they are people.
  const auto names = found(g, "FBI director Christopher Wray spoke in Paris. Later Wray said the case was open.");
  EXPECT_FALSE(contains(names, "Wray"));
  EXPECT_TRUE(contains(names, "Paris"));
  EXPECT_FALSE(contains(found(g, "Officers met Maria Lopez in Texas."), "Lopez"));
  EXPECT_FALSE(contains(found(g, "Nick Jones, 34, was arrested in Texas."), "Nick"));
  EXPECT_FALSE(contains(found(g, "Sheriff Nick spoke to reporters in Texas."), "Nick"));
  EXPECT_FALSE(contains(found(g, "The suspect, Lopez, 27, lives in Texas."), "Lopez"));
}

TEST(Recognizer, RejectsGivenNameBeforeSurname) {
  const auto& g = fixture_gazetteer();
  // "Paris" is a city of two million but also a first name before a surname that is no place.
  EXPECT_TRUE(contains(found(g, "They flew to Paris on Monday."), "Paris"));
  EXPECT_FALSE(contains(found(g, "Police said Wray Q. Holmes left Texas."), "Wray"));
}

TEST(Recognizer, RejectsSpeakers) {
  const auto& g = fixture_gazetteer();
  EXPECT_FALSE(contains(found(g, "\"We will reopen,\" Lopez said on Friday in Texas."), "Lopez"));
}

TEST(Recognizer, RejectsOrganisations) {
  const auto& g = fixture_gazetteer();
  const auto names = found(g, "A report by Safeguard Defenders, covered by Newsweek with Getty Images photos, reached "
                              "the FBI and the United Front. A professor at Ohio State University commented.");
  EXPECT_FALSE(contains(names, "Safeguard"));
  EXPECT_FALSE(contains(names, "Newsweek")); // recognition is gazetteer-driven: no place, no mention
  EXPECT_FALSE(contains(names, "Getty"));
  EXPECT_FALSE(contains(names, "FBI")); // an alternate code of a village in the fixture
  EXPECT_FALSE(contains(names, "United"));
  EXPECT_FALSE(contains(names, "Ohio"));
}

TEST(Recognizer, RejectsFirmsAndEponyms) {
  const auto& g = fixture_gazetteer();
  EXPECT_FALSE(contains(found(g, "The county paid Stevens & Getty for the design."), "Getty"));
  EXPECT_FALSE(contains(found(g, "Cases of Nick virus were reported in Texas."), "Nick"));
  EXPECT_FALSE(contains(found(g, "Prices rose to US$500 in Texas."), "US"));
  // "FBI" is only a code in the gazetteer: written "Fbi" it is not matched either.
  EXPECT_FALSE(contains(found(g, "He said Fbi agents came to Texas."), "Fbi"));
}

TEST(Recognizer, KeepsPlacesNamedByTheirOwnPublicBodies) {
  const auto& g = fixture_gazetteer();
  EXPECT_TRUE(contains(found(g, "The Columbus City Council met on Monday."), "Columbus"));
  EXPECT_TRUE(contains(found(g, "The Fuzhou Public Security Bureau opened an office."), "Fuzhou"));
}

TEST(Recognizer, RejectsCommonWordsThatAreTowns) {
  const auto& g = fixture_gazetteer();
  const auto names = found(g, "In March the Police Station was moved. Most residents found it Nice, and Reading "
                              "the Mobile app was easy. Of the officers, two left for Texas.");
  for (const char* word : {"March", "Police", "Station", "Most", "Nice", "Reading", "Mobile", "Of"}) {
    EXPECT_FALSE(contains(names, word)) << word;
  }
  EXPECT_TRUE(contains(names, "Texas"));
  // The same towns, named as towns, are found.
  EXPECT_TRUE(contains(found(g, "The festival in Nice drew crowds, as did the one in Reading."), "Nice"));
}

TEST(Recognizer, MonthNamesOfEveryLexiconLanguageAreDates) {
  const auto& g = fixture_gazetteer();
  // Maio is an island of Cape Verde in the fixture and the Portuguese May: the month list of every language
  // (lexicons/<language>/months.tsv, the one the dates read) makes it a date in running text.
  const auto names = found(g, "A polícia de Texas fechou o posto no dia 3 de Maio.");
  EXPECT_FALSE(contains(names, "Maio"));
  EXPECT_TRUE(contains(names, "Texas"));
}

TEST(Recognizer, RejectsSentenceInitialCapitals) {
  const auto& g = fixture_gazetteer();
  // "Station" opens a sentence and is written in lower case elsewhere in the document: a common word.
  const auto names = found(g, "Station staff were told. The station closed in Texas.");
  EXPECT_FALSE(contains(names, "Station"));
}

TEST(Recognizer, DemonymsAreContextNotPlaces) {
  const auto& g = fixture_gazetteer();
  const auto names = found(g, "French police and Chinese officials met Canadian diplomats in Paris.");
  EXPECT_FALSE(contains(names, "French"));
  EXPECT_FALSE(contains(names, "Chinese"));
  EXPECT_FALSE(contains(names, "Canadian")); // also the short name of a county: the demonym dominates
  EXPECT_TRUE(contains(names, "Paris"));
}

TEST(Recognizer, MultiWordAndQualifiedNames) {
  const auto& g = fixture_gazetteer();
  const auto a = found(g, "She moved from Paris, Texas to Long Beach, CA and then to New York City.");
  EXPECT_TRUE(contains(a, "Paris"));
  EXPECT_TRUE(contains(a, "Texas"));
  EXPECT_TRUE(contains(a, "Long Beach"));
  EXPECT_TRUE(contains(a, "CA"));
  EXPECT_TRUE(contains(a, "New York City"));
  const auto b = found(g, "A station in Fuzhou, Fujian and one in Qingtian County were listed.");
  EXPECT_TRUE(contains(b, "Fuzhou"));
  EXPECT_TRUE(contains(b, "Fujian"));
  EXPECT_TRUE(contains(b, "Qingtian County"));
  // A street is no place, but the city that qualifies it is.
  const auto c = found(g, "The office on Sauchiehall Street, Glasgow closed.");
  EXPECT_FALSE(contains(c, "Sauchiehall"));
  EXPECT_TRUE(contains(c, "Glasgow"));
}

TEST(Recognizer, Abbreviations) {
  const auto& g = fixture_gazetteer();
  const auto names = found(g, "Offices in Long Beach, Calif., Wichita, Kan., and Albany, N.Y. were named.");
  EXPECT_TRUE(contains(names, "Calif"));
  EXPECT_TRUE(contains(names, "Kan"));
  EXPECT_TRUE(contains(names, "N.Y"));
}

TEST(Recognizer, ChineseNames) {
  const auto& g = fixture_gazetteer();
  const auto names = found(g, "福州的警察在纽约设立了服务站。");
  EXPECT_TRUE(contains(names, "福州"));
  EXPECT_TRUE(contains(names, "纽约"));
}

TEST(Recognizer, ChineseAndJapaneseNamesStartAndEndOnWordBoundaries) {
  const Gazetteer& g = fixture_gazetteer();
  EXPECT_TRUE(contains(found(g, "他在南通工作。"), "南通"));
  // 南通 read across the words 向南 / 通过 ("passed southwards"), ラン inside ランキング ("ranking").
  EXPECT_FALSE(contains(found(g, "车队向南通过了大桥。"), "南通"));
  EXPECT_FALSE(contains(found(g, "ランキングが発表された。"), "ラン"));
}

TEST(Recognizer, EverydayChineseWordsAreNotTowns) {
  // 中心 ("centre") is also a township's name.
  EXPECT_TRUE(found(fixture_gazetteer(), "该中心位于南通。") == std::vector<std::string>{"南通"});
}

TEST(Recognizer, AbbreviationsThatNeedContextNeedTheirCountryNamed) {
  const Gazetteer& g = fixture_gazetteer();
  EXPECT_TRUE(contains(found(g, "Officers in Vancouver, BC said the office had closed."), "BC"));
  EXPECT_FALSE(contains(found(g, "The temple was built around 300 BC by settlers."), "BC"));
  EXPECT_FALSE(contains(found(g, "The temple was built around 300 BC, historians in Paris say."), "BC"));
}

TEST(Recognizer, FrenchConnectorsInsideHyphenatedNames) {
  EXPECT_TRUE(
      contains(found(fixture_gazetteer(), "Aid reached the capital, Port-au-Prince, on Friday."), "Port-au-Prince"));
}

TEST(Recognizer, ANameThatIsAlsoADemonymIsAName) {
  // "Vatican" is both the country's short name and its adjective ("Vatican officials").
  EXPECT_TRUE(contains(found(fixture_gazetteer(), "Pilgrims travelled to the Vatican last week."), "Vatican"));
}
