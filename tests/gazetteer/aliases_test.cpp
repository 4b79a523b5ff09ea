// geodata/aliases.tsv reaches the index: a source folder's curated aliases are read by the index builder
// itself, for every kind of target, so an alias added there is found at the next build.

#include "stationmap/core/error.hpp"
#include "stationmap/gazetteer/gazetteer.hpp"
#include "stationmap/gazetteer/name_kind.hpp"
#include "support/files.hpp"

#include <gtest/gtest.h>

namespace stationmap {
namespace {

namespace fs = std::filesystem;
using test_support::ScratchDir;
using test_support::write_text;

/// An invented GeoNames-format source folder: a city, a country, a province and a curated place, with the
/// ids the geodata builder gives synthesised rows (country: 1e9 + 26 * 'N' + 'L'; curated: 1000001000 + num).
void write_source(const fs::path& dir, const std::string& aliases) {
  write_text(dir / "places.txt",
             "2759794\tAmsterdam\tAmsterdam\t\t52.37403\t4.88969\tP\tPPLC\tNL\t\t07\t\t\t\t741636\t\t\t\t\n"
             "1000000349\tNetherlands\tNetherlands\t\t52.5\t5.75\tA\tPCLI\tNL\t\t\t\t\t\t17000000\t\t\t\t\n"
             "1100000042\tNorth Holland\tNorth Holland\t\t52.5\t4.8\tA\tADM1\tNL\t\t07\t\t\t\t2800000\t\t\t\t\n"
             "1000001012\tDe Pijp\tDe Pijp\t\t52.354\t4.894\tL\tAREA\tNL\t\t07\t\t\t\t0\t\t\t\t\n");
  write_text(dir / "admin1Codes.txt", "NL.07\tNorth Holland\tNorth Holland\t1100000042\n");
  write_text(dir / "curated_places.tsv",
             "# num key name ...\n12\tde-pijp\tDe Pijp\t52.354\t4.894\tL\tAREA\tNL\t07\t\n");
  write_text(dir / "aliases.tsv", aliases);
}

TEST(CuratedAliases, EveryKindOfTargetIsFoundByItsAlias) {
  const ScratchDir tmp("stationmap-aliases");
  write_source(tmp.path(), "# target alias language flags\n"
                           "gn:2759794\t阿姆斯特丹\tzh\n"
                           "country:NL\t荷兰\tzh\n"
                           "adm1:NL.07\tNoord-Holland\tnl\n"
                           "cur:de-pijp\tThe Pijp\t\tcolloquial\n"
                           "country:NL\tNL-land\tabbr\n");
  const Gazetteer g = Gazetteer::open(tmp.path());
  const auto names_of = [&](const std::string& alias) {
    const auto found = g.lookup(alias);
    return found.size() == 1 ? found[0].place.name : std::string("(" + std::to_string(found.size()) + " found)");
  };
  EXPECT_EQ(names_of("阿姆斯特丹"), "Amsterdam");
  EXPECT_EQ(names_of("荷兰"), "Netherlands");
  EXPECT_EQ(names_of("Noord-Holland"), "North Holland");
  EXPECT_EQ(names_of("The Pijp"), "De Pijp");
  ASSERT_EQ(g.lookup("阿姆斯特丹").size(), 1U);
  EXPECT_EQ(g.lookup("阿姆斯特丹")[0].language, "zh");
  EXPECT_NE(g.lookup("阿姆斯特丹")[0].name_flags & name_kind::preferred, 0U) << "a vetted spelling is preferred";
  ASSERT_EQ(g.lookup("The Pijp").size(), 1U);
  EXPECT_NE(g.lookup("The Pijp")[0].name_flags & name_kind::colloquial, 0U);
  EXPECT_EQ(g.lookup("The Pijp")[0].name_flags & name_kind::preferred, 0U);
  ASSERT_EQ(g.lookup("NL-land").size(), 1U);
  EXPECT_NE(g.lookup("NL-land")[0].name_flags & name_kind::abbreviation, 0U);
}

// An alias of aliases.tsv has the flags the same name has in alternateNames (tools/fetch_geodata.py merges the file
// into it), nothing more: a vetted spelling is a preferred name, one marked short, colloquial or historic is not,
// so the recognizer trusts "Amazon" for the river no more than GeoNames' short name.
TEST(CuratedAliases, TakeTheFlagsOfAnAlternateNameAndNoOthers) {
  const ScratchDir tmp("stationmap-aliases");
  write_source(tmp.path(), "gn:2759794\tMokum\t\tcolloquial\n"
                           "gn:2759794\tAmsterdam City\n");
  const Gazetteer g = Gazetteer::open(tmp.path());
  ASSERT_EQ(g.lookup("Mokum").size(), 1U);
  EXPECT_EQ(g.lookup("Mokum")[0].name_flags, name_kind::alternate | name_kind::colloquial);
  ASSERT_EQ(g.lookup("Amsterdam City").size(), 1U);
  EXPECT_EQ(g.lookup("Amsterdam City")[0].name_flags, name_kind::alternate | name_kind::preferred);
}

TEST(CuratedAliases, AnEditToTheFileReachesTheNextIndex) {
  const ScratchDir tmp("stationmap-aliases");
  write_source(tmp.path(), "gn:2759794\t阿姆斯特丹\tzh\n");
  EXPECT_TRUE(Gazetteer::open(tmp.path()).lookup("阿城").empty());
  write_text(tmp.path() / "aliases.tsv", "gn:2759794\t阿姆斯特丹\tzh\ngn:2759794\t阿城\tzh\tshort\n");
  EXPECT_EQ(Gazetteer::open(tmp.path()).lookup("阿城").size(), 1U);
}

TEST(CuratedAliases, ATargetThatNamesNoRowIsAnErrorNamingTheLine) {
  const ScratchDir tmp("stationmap-aliases");
  for (const std::string bad : {"gn:999\tNowhere\n", "country:FR\tLa France\tfr\n", "adm1:NL.99\tX\n",
                                "cur:missing\tX\n", "town:Amsterdam\tX\n", "gn:2759794\n"}) {
    write_source(tmp.path(), "gn:2759794\t阿姆斯特丹\tzh\n" + bad);
    try {
      (void)Gazetteer::open(tmp.path());
      ADD_FAILURE() << "accepted " << bad;
    } catch (const FormatError& e) {
      EXPECT_NE(std::string(e.what()).find("aliases.tsv:2"), std::string::npos) << e.what();
    }
  }
}

} // namespace
} // namespace stationmap
