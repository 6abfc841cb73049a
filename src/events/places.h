// Where an event happened: the place a sentence states after "in" or "at"
// ("talks in Paris", "met at Camp David"), found with a small gazetteer of
// capitals, major cities and country names (data/events/places.txt and
// countries.txt, written for this project).
//
// Contract: Gazetteer::Default() is built once from the embedded tables, is
// immutable and may be used from any thread; references it returns live for
// the whole program. FindEventPlace is a pure function.
#ifndef STORYLINE_EVENTS_PLACES_H_
#define STORYLINE_EVENTS_PLACES_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/article.h"
#include "storyline/status.h"

namespace storyline::events {

struct Country {
  std::string iso3;  // ISO 3166-1 alpha-3, "CHE"
  std::string fips;  // FIPS 10-4, "SZ" (GDELT geography)
  std::string name;  // "Switzerland"
};

struct GazetteerEntry {
  std::string name;     // as written in text, "Geneva"
  std::string country;  // ISO3
  bool has_coordinates = false;
  double lat = 0, lon = 0;
  bool country_level = false;  // the name of a whole country ("Syria", "Britain")
};

struct PlaceOptions {
  // Also accept a place after "in the" ("in the Netherlands") and after "in
  // the [adjective] city/town/capital... of" ("in the Swiss city of
  // Montreux"; data/events/place_nouns.txt).
  bool allow_article = true;
};

// A place found in a sentence.
struct FoundPlace {
  const GazetteerEntry* entry = nullptr;
  Span span;  // the name, into the sentence
};

class Gazetteer {
 public:
  // Built once from data/events/places.txt and countries.txt; dies with a
  // message if they are malformed (they are part of the program).
  static const Gazetteer& Default();
  // Parses the two tables (formats in their header comments); InvalidData
  // naming the table and line on a malformed line or an unknown country.
  static Result<Gazetteer> Parse(std::string_view places, std::string_view countries);

  // Exact name ("Geneva"), or nullptr.
  const GazetteerEntry* Lookup(std::string_view name) const;
  // Country by ISO3, or nullptr.
  const Country* FindCountry(std::string_view iso3) const;

  // Every place named right after "in"/"at" (optionally "the") in `text`,
  // longest name first at each position, in text order. A name followed by
  // "'s" is a possessive ("in Russia's plan"), not a place.
  std::vector<FoundPlace> FindAll(std::string_view text, const PlaceOptions& options = {}) const;

 private:
  std::vector<GazetteerEntry> entries_;
  std::vector<Country> countries_;
  std::map<std::string, size_t, std::less<>> by_name_;
  std::map<std::string, size_t, std::less<>> by_iso3_;
  // First word of a name -> entries starting with it, longest name first.
  std::map<std::string, std::vector<size_t>, std::less<>> by_first_word_;
};

// The place of the event whose verb is `verb` (into `sentence`): the nearest
// place stated after the verb, else the nearest before it, leaving out places
// in another clause (clauses.h: "spoke by telephone after talks in Paris");
// nullopt when the sentence states none.
std::optional<FoundPlace> FindEventPlace(const Gazetteer& gazetteer, std::string_view sentence,
                                         Span verb, const PlaceOptions& options = {});

}  // namespace storyline::events

#endif  // STORYLINE_EVENTS_PLACES_H_
