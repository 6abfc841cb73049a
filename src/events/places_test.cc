#include "events/places.h"

#include <gtest/gtest.h>

namespace storyline::events {
namespace {

std::string Found(const Gazetteer& g, std::string_view text) {
  std::string out;
  for (const FoundPlace& p : g.FindAll(text)) {
    if (!out.empty()) out += ",";
    out += std::string(p.span.In(text)) + "=" + p.entry->country;
  }
  return out;
}

TEST(GazetteerTest, DefaultTablesLoadAndKnowTheSeedPlaces) {
  const Gazetteer& g = Gazetteer::Default();
  for (const char* name :
       {"Paris", "Geneva", "Montreux", "Istanbul", "Damascus", "Qusair", "Beirut", "Moscow"}) {
    EXPECT_NE(g.Lookup(name), nullptr) << name;
  }
  ASSERT_NE(g.Lookup("Montreux"), nullptr);
  EXPECT_EQ(g.Lookup("Montreux")->country, "CHE");
  EXPECT_TRUE(g.Lookup("Montreux")->has_coordinates);
  ASSERT_NE(g.Lookup("Syria"), nullptr);  // country names come from countries.txt
  EXPECT_TRUE(g.Lookup("Syria")->country_level);
  ASSERT_NE(g.FindCountry("CHE"), nullptr);
  EXPECT_EQ(g.FindCountry("CHE")->fips, "SZ");
  // A city-state's places line refines its country entry.
  ASSERT_NE(g.Lookup("Singapore"), nullptr);
  EXPECT_TRUE(g.Lookup("Singapore")->has_coordinates);
}

TEST(GazetteerTest, FindsPlacesOnlyAfterInOrAt) {
  const Gazetteer& g = Gazetteer::Default();
  EXPECT_EQ(Found(g, "Kerry met Lavrov in Paris on Monday."), "Paris=FRA");
  EXPECT_EQ(Found(g, "Moscow said the talks in Geneva would go ahead."), "Geneva=CHE");
  EXPECT_EQ(Found(g, "They met at Camp David."), "Camp David=USA");
  EXPECT_EQ(Found(g, "In Damascus, officials agreed."), "Damascus=SYR");
  EXPECT_EQ(Found(g, "Talks resumed in the Netherlands."), "Netherlands=NLD");
  EXPECT_EQ(Found(g, "Envoys gathered in New Delhi and in Gaza City."),
            "New Delhi=IND,Gaza City=PSE");
  EXPECT_EQ(Found(g, "The Geneva talks failed."), "");
  EXPECT_EQ(Found(g, "Talks open in the Swiss city of Montreux."), "Montreux=CHE");
  EXPECT_EQ(Found(g, "Fighting raged in the town of Qusair."), "Qusair=SYR");
  EXPECT_EQ(Found(g, "They met in the capital."), "");
}

TEST(GazetteerTest, PossessivesAndLongerWordsAreNotPlaces) {
  const Gazetteer& g = Gazetteer::Default();
  EXPECT_EQ(Found(g, "Officials were interested in Russia's plan."), "");
  EXPECT_EQ(Found(g, "Officials were interested in Russia\xE2\x80\x99s plan."), "");
  EXPECT_EQ(Found(g, "She dined in Parisian style."), "");
  EXPECT_EQ(Found(g, "A firm in Paris-based media."), "");
  EXPECT_EQ(Found(g, "The meeting within Paris ended."), "");  // "in" must be a word
}

TEST(GazetteerTest, ParseReportsTheBadLine) {
  auto bad = Gazetteer::Parse("Atlantis | ATL | 1 | 2\n", "FRA | FR | France\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("places table line 1"), std::string::npos);
  bad = Gazetteer::Parse("Paris | FRA | 95 | 2\n", "FRA | FR | France\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("coordinates"), std::string::npos);
  bad = Gazetteer::Parse("", "# comment\nFRA | France\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("countries table line 2"), std::string::npos);
  bad = Gazetteer::Parse("Lyon | FRA | 45 | 4\nLyon | FRA | 45 | 4\n", "FRA | FR | France\n");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("twice"), std::string::npos);
  auto good =
      Gazetteer::Parse("# c\nLyon | FRA | 45.76 | 4.84\nGaul | FRA\n", "FRA | FR | France\n");
  ASSERT_TRUE(good.ok()) << good.status().ToString();
  EXPECT_TRUE(good->Lookup("Gaul")->country_level);
  EXPECT_DOUBLE_EQ(good->Lookup("Lyon")->lat, 45.76);
}

Span Find(std::string_view text, std::string_view word) {
  size_t at = text.find(word);
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + word.size())};
}

TEST(FindEventPlaceTest, NearestAfterTheVerbElseBefore) {
  const Gazetteer& g = Gazetteer::Default();
  std::string_view s = "In Beirut, officials said Kerry met Lavrov in Paris.";
  auto p = FindEventPlace(g, s, Find(s, "met"));
  ASSERT_TRUE(p);
  EXPECT_EQ(p->entry->name, "Paris");
  std::string_view t = "In Damascus, rebels attacked an army post.";
  p = FindEventPlace(g, t, Find(t, "attacked"));
  ASSERT_TRUE(p);
  EXPECT_EQ(p->entry->name, "Damascus");
  EXPECT_FALSE(FindEventPlace(g, "Kerry met Lavrov.", {6, 9}));
}

TEST(FindEventPlaceTest, PlacesOfAnotherClauseAreLeftOut) {
  const Gazetteer& g = Gazetteer::Default();
  std::string_view s = "Kerry spoke with Lavrov by telephone after face-to-face talks in Paris.";
  EXPECT_FALSE(FindEventPlace(g, s, Find(s, "spoke")));
  std::string_view t = "Ford met the opposition in Istanbul, which lives in exile in Turkey.";
  auto p = FindEventPlace(g, t, Find(t, "met"));
  ASSERT_TRUE(p);
  EXPECT_EQ(p->entry->name, "Istanbul");
}

}  // namespace
}  // namespace storyline::events
