// The gazetteer and the "in/at PLACE" rule.
//
// News reports state where something happened with a locative preposition
// right before a proper name ("met in Istanbul", "talks in Paris", "at Camp
// David"). Matching only there keeps a city that is an actor ("Moscow said")
// or part of a name ("the Geneva talks") out of the location. Names are
// indexed by their first word and tried longest first, so "New Delhi" is not
// read as "New" + "Delhi" and "Gaza City" wins over "Gaza".
#include "events/places.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unordered_set>

#include "common/embedded_data.h"
#include "events/clauses.h"

namespace storyline::events {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t bar = line.find('|', start);
    out.push_back(Trim(line.substr(start, bar == line.npos ? line.npos : bar - start)));
    if (bar == line.npos) return out;
    start = bar + 1;
  }
}

// Calls visit(line_number, line) for each non-empty, non-comment line.
template <typename Visit>
Status ForEachLine(std::string_view text, Visit visit) {
  int number = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    std::string_view line = text.substr(pos, nl == text.npos ? text.npos : nl - pos);
    ++number;
    line = Trim(line);
    if (!line.empty() && line.front() != '#') STORYLINE_RETURN_IF_ERROR(visit(number, line));
    if (nl == text.npos) break;
    pos = nl + 1;
  }
  return Status::Ok();
}

bool ParseDouble(std::string_view s, double lo, double hi, double* out) {
  std::string copy(s);
  char* end = nullptr;
  double v = std::strtod(copy.c_str(), &end);
  if (copy.empty() || end != copy.c_str() + copy.size() || v < lo || v > hi) return false;
  *out = v;
  return true;
}

bool IsWordByte(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return std::isalnum(u) || u >= 0x80;
}

// The first word of a name or of the text at `pos`: up to a blank or a comma.
std::string_view FirstWord(std::string_view s) {
  size_t end = 0;
  while (end < s.size() && s[end] != ' ' && s[end] != ',' && s[end] != ';' && s[end] != ':' &&
         s[end] != '"' && s[end] != ')' && s[end] != '\n')
    ++end;
  return s.substr(0, end);
}

const std::unordered_set<std::string>& PlaceNouns() {
  static const auto* const kNouns = [] {
    auto* nouns = new std::unordered_set<std::string>();
    for (std::string_view w : data::Lines("events/place_nouns.txt")) nouns->emplace(w);
    return nouns;
  }();
  return *kNouns;
}

// After "the": the length of "[Adjective ]noun of " ("Swiss city of "), or 0.
size_t PlaceNounPhrase(std::string_view s) {
  for (int words = 0; words < 2; ++words) {
    // words == 0: "city of X"; words == 1: "Swiss city of X".
    size_t at = 0;
    for (int w = 0; w < words; ++w) {
      size_t blank = s.find(' ', at);
      if (blank == s.npos) return 0;
      at = blank + 1;
    }
    size_t blank = s.find(' ', at);
    if (blank == s.npos) return 0;
    std::string noun(s.substr(at, blank - at));
    if (PlaceNouns().count(noun) && s.substr(blank + 1, 3) == "of ") return blank + 4;
  }
  return 0;
}

bool IsPossessive(std::string_view rest) {
  return rest.starts_with("'s") || rest.starts_with("\xE2\x80\x99s");
}

}  // namespace

Result<Gazetteer> Gazetteer::Parse(std::string_view places, std::string_view countries) {
  Gazetteer g;
  Status st = ForEachLine(countries, [&](int number, std::string_view line) -> Status {
    std::vector<std::string_view> f = Fields(line);
    if (f.size() != 3 || f[0].size() != 3 || f[1].size() != 2 || f[2].empty()) {
      return InvalidDataError("countries table line " + std::to_string(number) +
                              ": want 'ISO3 | FIPS | name'");
    }
    if (g.by_iso3_.count(f[0])) {
      return InvalidDataError("countries table line " + std::to_string(number) + ": " +
                              std::string(f[0]) + " listed twice");
    }
    g.by_iso3_.emplace(std::string(f[0]), g.countries_.size());
    g.countries_.push_back({std::string(f[0]), std::string(f[1]), std::string(f[2])});
    return Status::Ok();
  });
  STORYLINE_RETURN_IF_ERROR(st);
  // Country names are places too (country-level).
  for (const Country& c : g.countries_) {
    GazetteerEntry e;
    e.name = c.name;
    e.country = c.iso3;
    e.country_level = true;
    g.by_name_.emplace(e.name, g.entries_.size());
    g.entries_.push_back(std::move(e));
  }
  const size_t country_entries = g.entries_.size();
  st = ForEachLine(places, [&](int number, std::string_view line) -> Status {
    std::vector<std::string_view> f = Fields(line);
    std::string where = "places table line " + std::to_string(number);
    if ((f.size() != 2 && f.size() != 4) || f[0].empty()) {
      return InvalidDataError(where + ": want 'name | ISO3' or 'name | ISO3 | lat | lon'");
    }
    if (!g.by_iso3_.count(f[1])) {
      return InvalidDataError(where + ": country " + std::string(f[1]) +
                              " is not in the countries table");
    }
    GazetteerEntry e;
    e.name = std::string(f[0]);
    e.country = std::string(f[1]);
    if (f.size() == 4) {
      if (!ParseDouble(f[2], -90, 90, &e.lat) || !ParseDouble(f[3], -180, 180, &e.lon)) {
        return InvalidDataError(where + ": bad coordinates");
      }
      e.has_coordinates = true;
    } else {
      e.country_level = true;
    }
    auto old = g.by_name_.find(e.name);
    if (old != g.by_name_.end()) {
      // A city-state ("Singapore") may refine its country entry with
      // coordinates; any other repeat is a mistake in the table.
      if (old->second >= country_entries || e.country != g.entries_[old->second].country) {
        return InvalidDataError(where + ": '" + e.name + "' is listed twice");
      }
      g.entries_[old->second] = std::move(e);
      return Status::Ok();
    }
    g.by_name_.emplace(e.name, g.entries_.size());
    g.entries_.push_back(std::move(e));
    return Status::Ok();
  });
  STORYLINE_RETURN_IF_ERROR(st);
  for (size_t i = 0; i < g.entries_.size(); ++i) {
    g.by_first_word_[std::string(FirstWord(g.entries_[i].name))].push_back(i);
  }
  for (auto& [word, list] : g.by_first_word_) {
    std::stable_sort(list.begin(), list.end(), [&](size_t a, size_t b) {
      return g.entries_[a].name.size() > g.entries_[b].name.size();
    });
  }
  return g;
}

const Gazetteer& Gazetteer::Default() {
  static const Gazetteer* const kDefault = [] {
    Result<std::string_view> places = data::Get("events/places.txt");
    Result<std::string_view> countries = data::Get("events/countries.txt");
    if (!places.ok() || !countries.ok()) {
      std::fprintf(stderr, "storyline: embedded data/events/places.txt or countries.txt missing\n");
      std::abort();
    }
    Result<Gazetteer> g = Parse(*places, *countries);
    if (!g.ok()) {
      std::fprintf(stderr, "storyline: data/events: %s\n", g.status().message().c_str());
      std::abort();
    }
    return new Gazetteer(std::move(*g));
  }();
  return *kDefault;
}

const GazetteerEntry* Gazetteer::Lookup(std::string_view name) const {
  auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : &entries_[it->second];
}

const Country* Gazetteer::FindCountry(std::string_view iso3) const {
  auto it = by_iso3_.find(iso3);
  return it == by_iso3_.end() ? nullptr : &countries_[it->second];
}

std::vector<FoundPlace> Gazetteer::FindAll(std::string_view text,
                                           const PlaceOptions& options) const {
  std::vector<FoundPlace> out;
  for (size_t i = 0; i + 3 < text.size(); ++i) {
    std::string_view prep = text.substr(i, 3);
    if (prep != "in " && prep != "at " && prep != "In " && prep != "At ") continue;
    if (i > 0 && IsWordByte(text[i - 1])) continue;
    size_t at = i + 3;
    if (options.allow_article && text.substr(at, 4) == "the ") {
      at += 4;
      at += PlaceNounPhrase(text.substr(at));
    }
    std::string_view rest = text.substr(at);
    std::string_view word = FirstWord(rest);
    auto it = by_first_word_.find(word);
    while (it == by_first_word_.end() && !word.empty() && word.back() == '.') {
      word.remove_suffix(1);  // "in Paris." (the period ends the sentence)
      it = by_first_word_.find(word);
    }
    if (it == by_first_word_.end()) continue;
    for (size_t e : it->second) {
      const std::string& name = entries_[e].name;
      if (!rest.starts_with(name)) continue;
      std::string_view after = rest.substr(name.size());
      // "in Paris." is fine; "in Parisian" or "in Paris-based" is not a match.
      if (!after.empty() && (IsWordByte(after.front()) || after.front() == '-')) continue;
      if (IsPossessive(after)) continue;
      out.push_back(
          {&entries_[e], {static_cast<uint32_t>(at), static_cast<uint32_t>(at + name.size())}});
      i = at + name.size() - 1;
      break;
    }
  }
  return out;
}

std::optional<FoundPlace> FindEventPlace(const Gazetteer& gazetteer, std::string_view sentence,
                                         Span verb, const PlaceOptions& options) {
  std::vector<FoundPlace> all = gazetteer.FindAll(sentence, options);
  const FoundPlace* after = nullptr;
  const FoundPlace* before = nullptr;
  for (const FoundPlace& p : all) {
    if (InOtherClause(sentence, verb, p.span)) continue;
    if (p.span.begin >= verb.end) {
      if (after == nullptr) after = &p;  // text order: the first after is the nearest
    } else if (p.span.end <= verb.begin) {
      before = &p;  // the last before is the nearest
    }
  }
  if (after != nullptr) return *after;
  if (before != nullptr) return *before;
  return std::nullopt;
}

}  // namespace storyline::events
