// Stable ids (ids.hpp): the place key as text, and as a value (PlaceKey) equal exactly when the texts are.

#include "stationmap/extract/ids.hpp"

#include <gtest/gtest.h>
#include <vector>

namespace stationmap {
namespace {

Place gazetteer_place(std::int64_t id, std::optional<std::int64_t> geonameid, const std::string& name) {
  Place p;
  p.id = id;
  p.geonameid = geonameid;
  p.name = name;
  return p;
}

/// A point given by coordinates only (as a correction's `LAT LON`).
Place point(double lat, double lon, const std::string& name) {
  Place p = gazetteer_place(0, std::nullopt, name);
  p.lat = lat;
  p.lon = lon;
  return p;
}

TEST(PlaceKey, SpellsTheKeyOfTheGeoNamesIdTheGazetteerIdOrTheCoordinates) {
  EXPECT_EQ(place_key(gazetteer_place(2988507, 2988507, "Paris")), "gn2988507");
  EXPECT_EQ(place_key(gazetteer_place(1000000007, std::nullopt, "Invented")), "sm1000000007");
  const std::string at = place_key(point(48.123456, -2.5, "Harbourton"));
  EXPECT_EQ(at.rfind("at48.12346_-2.50000_", 0), 0U) << at;
  EXPECT_EQ(station_id_of(gazetteer_place(7, 7, "Seven")), "station-gn7");
  EXPECT_EQ(jurisdiction_id_of(gazetteer_place(1000000007, std::nullopt, "Invented")), "jurisdiction-sm1000000007");
}

TEST(PlaceKey, EqualExactlyWhenTheKeysTextsAre) {
  const std::vector<Place> places = {
      gazetteer_place(7, 7, "Seven"),
      gazetteer_place(8, 7, "Seven again, another entry of one GeoNames place"),
      gazetteer_place(7, std::nullopt, "Seven without a GeoNames id"),
      gazetteer_place(70, std::nullopt, "Seventy"),
      point(48.0, 2.0, "Harbourton"),
      point(48.000001, 2.000001, "HARBOURTON"), // the same point to 5 decimals, the same folded name
      point(48.0, 2.0, "Millbrook"),
      point(40.0, 2.0, "Harbourton"),
  };
  for (const Place& a : places) {
    for (const Place& b : places) {
      const PlaceKey ka = PlaceKey::of(a);
      const PlaceKey kb = PlaceKey::of(b);
      EXPECT_EQ(ka == kb, place_key(a) == place_key(b)) << place_key(a) << " / " << place_key(b);
      EXPECT_EQ(ka.text(), place_key(a));
      if (ka == kb) {
        EXPECT_EQ(PlaceKey::Hash()(ka), PlaceKey::Hash()(kb));
      }
    }
  }
  EXPECT_EQ(PlaceKey::of(places[0]), PlaceKey::of(places[1]));
  EXPECT_EQ(PlaceKey::of(places[4]), PlaceKey::of(places[5]));
}

} // namespace
} // namespace stationmap
