// Export layouts. The Phoenix and GDELT layouts are positional; their column
// lists below are the single source of truth for the header lines and the
// documentation (doc/formats/events.md), and each row is built column by
// column in the same order.
#include "events/export.h"

#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <unordered_map>

#include "common/embedded_data.h"
#include "events/places.h"

namespace storyline::events {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

std::string Dump(const ordered_json& j) {
  return j.dump(-1, ' ', false, json::error_handler_t::replace);
}

std::string Fixed(double v, int digits) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", digits, v);
  return buf;
}

// A field of a tab-separated line.
std::string Field(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return out;
}

std::string JoinTsv(const std::vector<std::string>& fields) {
  std::string line;
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i) line += '\t';
    line += Field(fields[i]);
  }
  return line;
}

std::string Join(const std::vector<std::string>& parts, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i) out += sep;
    out += parts[i];
  }
  return out;
}

std::string Upper(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// "2013-10-29" -> "20131029"; "" when the date is unknown.
std::string Compact(std::string_view date) {
  if (date.size() < 10) return "";
  return std::string(date.substr(0, 4)) + std::string(date.substr(5, 2)) +
         std::string(date.substr(8, 2));
}

int DatePart(std::string_view date, size_t at, size_t n) {
  if (date.size() < at + n) return 0;
  return std::stoi(std::string(date.substr(at, n)));
}

// Distinct non-empty values of one mention field, in mention order.
template <typename Get>
std::vector<std::string> Distinct(const Event& e, Get get) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  for (const Mention& m : e.mentions) {
    std::string v = get(m);
    if (!v.empty() && seen.insert(v).second) out.push_back(v);
  }
  return out;
}

// The first mention's text of an actor role (source: true), else "".
std::string ActorText(const Event& e, bool source) {
  for (const Mention& m : e.mentions) {
    // For a symmetric code a mention may hold the pair the other way round.
    const std::string& code = source ? e.source : e.target;
    if (m.source == code && !m.source_text.empty()) return m.source_text;
    if (m.target == code && !m.target_text.empty()) return m.target_text;
  }
  return "";
}

const Mention* First(const Event& e) { return e.mentions.empty() ? nullptr : &e.mentions.front(); }

const std::unordered_map<std::string, std::string>& PartKinds() {
  static const auto* const kKinds = [] {
    auto* kinds = new std::unordered_map<std::string, std::string>();
    for (std::string_view line : data::Lines("events/actor_codes.txt")) {
      size_t bar = line.find('|');
      if (bar == line.npos) continue;
      std::string_view part = line.substr(0, bar), kind = line.substr(bar + 1);
      while (!part.empty() && part.back() == ' ') part.remove_suffix(1);
      while (!kind.empty() && kind.front() == ' ') kind.remove_prefix(1);
      kinds->emplace(std::string(part), std::string(kind));
    }
    return kinds;
  }();
  return *kKinds;
}

std::string Kind(const std::string& part) {
  auto it = PartKinds().find(part);
  return it == PartKinds().end() ? "" : it->second;
}

// Issues of the mentions as "CODE,count;CODE,count" (Phoenix), by first appearance.
std::string IssueCounts(const Event& e) {
  std::vector<std::string> order;
  std::map<std::string, int> counts;
  for (const Mention& m : e.mentions) {
    size_t start = 0;
    while (start < m.issues.size()) {
      size_t semi = m.issues.find(';', start);
      std::string issue =
          m.issues.substr(start, semi == std::string::npos ? std::string::npos : semi - start);
      if (!issue.empty() && counts[issue]++ == 0) order.push_back(issue);
      if (semi == std::string::npos) break;
      start = semi + 1;
    }
  }
  std::vector<std::string> parts;
  for (const std::string& i : order) parts.push_back(i + "," + std::to_string(counts[i]));
  return Join(parts, ";");
}

std::string SentenceId(const Mention& m) {
  return std::to_string(m.article_id) + "_" + std::to_string(m.sentence);
}

}  // namespace

std::string_view VerbText(const Mention& m) {
  if (m.verb.begin < m.sentence_span.begin || m.verb.end < m.verb.begin) return {};
  size_t at = m.verb.begin - m.sentence_span.begin;
  if (at > m.sentence_text.size()) return {};
  return std::string_view(m.sentence_text).substr(at, m.verb.size());
}

ActorParts SplitActorCode(std::string_view code) {
  ActorParts p;
  if (code.empty()) return p;
  p.entity = std::string(code.substr(0, 3));
  if (Kind(p.entity) != "entity") p.country = p.entity;
  for (size_t i = 3; i < code.size(); i += 3) {
    std::string part(code.substr(i, 3));
    p.rest.push_back(part);
    std::string kind = Kind(part);
    if (kind == "role" || kind == "entity")
      p.roles.push_back(part);
    else if (kind == "religion")
      p.religions.push_back(part);
    else
      p.others.push_back(part);
  }
  return p;
}

// ------------------------------------------------------------------ JSON

std::string EventJson(const Event& e) {
  ordered_json j;
  j["id"] = e.id;
  j["story_id"] = e.story_id;
  j["date"] = e.date;
  j["date_source"] = e.date_source;
  j["source"] = e.source;
  j["target"] = e.target;
  j["cameo"] = e.cameo;
  j["cameo_name"] = e.cameo_name;
  j["root"] = e.root;
  j["plover_type"] = e.plover_type;
  j["plover_mode"] = e.plover_mode;
  j["plover_context"] = e.plover_context;
  j["modality"] = std::string(plover::ModalityName(e.modality));
  j["quad_class"] = e.quad_class;
  j["goldstein"] = e.goldstein;
  j["place"] = e.place;
  j["place_country"] = e.place_country;
  j["place_lat"] = e.place_lat ? ordered_json(*e.place_lat) : ordered_json(nullptr);
  j["place_lon"] = e.place_lon ? ordered_json(*e.place_lon) : ordered_json(nullptr);
  j["corroboration"] = e.corroboration;
  j["mention_count"] = e.mention_count;
  j["first_article"] = e.first_article;
  j["first_seen"] = e.first_seen;
  ordered_json mentions = ordered_json::array();
  for (const Mention& m : e.mentions) {
    ordered_json o;
    o["id"] = m.id;
    o["article_id"] = m.article_id;
    o["external_id"] = m.article_external_id;
    o["title"] = m.article_title;
    o["url"] = m.article_url;
    o["outlet"] = m.article_outlet;
    o["published"] = m.article_published;
    o["sentence"] = m.sentence;
    o["sentence_begin"] = m.sentence_span.begin;
    o["sentence_end"] = m.sentence_span.end;
    o["text"] = m.sentence_text;
    o["verb"] = std::string(VerbText(m));
    o["verb_begin"] = m.verb.begin;
    o["verb_end"] = m.verb.end;
    o["source"] = m.source;
    o["source_text"] = m.source_text;
    o["source_begin"] = m.source_span.begin;
    o["source_end"] = m.source_span.end;
    o["target"] = m.target;
    o["target_text"] = m.target_text;
    o["target_begin"] = m.target_span.begin;
    o["target_end"] = m.target_span.end;
    o["code"] = m.code;
    o["cameo"] = m.cameo;
    o["modality"] = std::string(plover::ModalityName(m.modality));
    o["date"] = m.date;
    o["date_source"] = m.date_source;
    o["date_text"] = m.date_text;
    o["place"] = m.place;
    o["place_country"] = m.place_country;
    o["issues"] = m.issues;
    o["lead"] = m.lead;
    o["explanation"] = m.explanation;
    mentions.push_back(std::move(o));
  }
  j["mentions"] = std::move(mentions);
  return Dump(j);
}

// ------------------------------------------------------------------ CSV

std::vector<std::string> CsvHeader() {
  return {"id",
          "date",
          "date_source",
          "source",
          "target",
          "cameo",
          "root",
          "cameo_name",
          "plover_type",
          "plover_mode",
          "plover_context",
          "modality",
          "quad_class",
          "goldstein",
          "place",
          "place_country",
          "story_id",
          "corroboration",
          "mention_count",
          "first_article",
          "source_text",
          "target_text",
          "text"};
}

std::vector<std::string> CsvFields(const Event& e) {
  const Mention* m = First(e);
  return {std::to_string(e.id),
          e.date,
          e.date_source,
          e.source,
          e.target,
          e.cameo,
          e.root,
          e.cameo_name,
          e.plover_type,
          e.plover_mode,
          e.plover_context,
          std::string(plover::ModalityName(e.modality)),
          std::to_string(e.quad_class),
          Fixed(e.goldstein, 1),
          e.place,
          e.place_country,
          std::to_string(e.story_id),
          std::to_string(e.corroboration),
          std::to_string(e.mention_count),
          std::to_string(e.first_article),
          ActorText(e, true),
          ActorText(e, false),
          m != nullptr ? m->sentence_text : ""};
}

// ------------------------------------------------------------------ Phoenix

const std::vector<std::string>& PhoenixColumns() {
  static const std::vector<std::string> kColumns = {"EventID",
                                                    "Date",
                                                    "Year",
                                                    "Month",
                                                    "Day",
                                                    "SourceActorFull",
                                                    "SourceActorEntity",
                                                    "SourceActorRole",
                                                    "SourceActorAttribute",
                                                    "TargetActorFull",
                                                    "TargetActorEntity",
                                                    "TargetActorRole",
                                                    "TargetActorAttribute",
                                                    "EventCode",
                                                    "EventRootCode",
                                                    "QuadClass",
                                                    "GoldsteinScore",
                                                    "Issues",
                                                    "Lat",
                                                    "Lon",
                                                    "LocationName",
                                                    "StateName",
                                                    "CountryCode",
                                                    "SentenceID",
                                                    "URLs",
                                                    "NewsSources"};
  return kColumns;
}

namespace {

void PhoenixActor(std::string_view code, std::vector<std::string>* row) {
  ActorParts p = SplitActorCode(code);
  std::string role;
  std::vector<std::string> attributes = p.rest;
  if (!attributes.empty() && Kind(attributes.front()) == "role") {
    role = attributes.front();
    attributes.erase(attributes.begin());
  }
  row->push_back(std::string(code));
  row->push_back(p.entity);
  row->push_back(role);
  row->push_back(Join(attributes, ";"));
}

}  // namespace

std::string PhoenixRow(const Event& e) {
  std::vector<std::string> row;
  row.push_back(std::to_string(e.id));
  std::string compact = Compact(e.date);
  row.push_back(compact);
  row.push_back(compact.empty() ? "" : std::to_string(DatePart(e.date, 0, 4)));
  row.push_back(compact.empty() ? "" : std::to_string(DatePart(e.date, 5, 2)));
  row.push_back(compact.empty() ? "" : std::to_string(DatePart(e.date, 8, 2)));
  PhoenixActor(e.source, &row);
  PhoenixActor(e.target, &row);
  row.push_back(e.cameo);
  row.push_back(e.root);
  // Phoenix's class 0 is the neutral statements root (01).
  row.push_back(e.root == "01" ? "0" : std::to_string(e.quad_class));
  row.push_back(Fixed(e.goldstein, 1));
  row.push_back(IssueCounts(e));
  row.push_back(e.place_lat ? Fixed(*e.place_lat, 2) : "");
  row.push_back(e.place_lon ? Fixed(*e.place_lon, 2) : "");
  row.push_back(e.place);
  row.push_back("");  // StateName: the gazetteer has no provinces
  row.push_back(e.place_country);
  const Mention* m = First(e);
  row.push_back(m != nullptr ? SentenceId(*m) : "");
  row.push_back(Join(Distinct(e, [](const Mention& m) { return m.article_url; }), ";"));
  row.push_back(Join(Distinct(e, [](const Mention& m) { return m.article_outlet; }), ";"));
  return JoinTsv(row);
}

// ------------------------------------------------------------------ GDELT

const std::vector<std::string>& GdeltColumns() {
  static const std::vector<std::string> kColumns = [] {
    std::vector<std::string> c = {"GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"};
    for (const char* actor : {"Actor1", "Actor2"}) {
      for (const char* f :
           {"Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code",
            "Religion2Code", "Type1Code", "Type2Code", "Type3Code"}) {
        c.push_back(std::string(actor) + f);
      }
    }
    for (const char* f :
         {"IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
          "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"}) {
      c.push_back(f);
    }
    for (const char* geo : {"Actor1Geo_", "Actor2Geo_", "ActionGeo_"}) {
      for (const char* f : {"Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat",
                            "Long", "FeatureID"}) {
        c.push_back(std::string(geo) + f);
      }
    }
    c.push_back("DATEADDED");
    c.push_back("SOURCEURL");
    return c;
  }();
  return kColumns;
}

namespace {

bool Leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// GDELT's FractionDate: the year plus the fraction of it completed by the
// start of the day (YYYY.FFFF).
std::string FractionDate(std::string_view date) {
  int y = DatePart(date, 0, 4), m = DatePart(date, 5, 2), d = DatePart(date, 8, 2);
  static const int kBefore[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  if (m < 1 || m > 12) return "";
  int day_of_year = kBefore[m - 1] + d - 1 + (m > 2 && Leap(y) ? 1 : 0);
  return Fixed(y + day_of_year / (Leap(y) ? 366.0 : 365.0), 4);
}

void GdeltActor(const Event& e, bool source, std::vector<std::string>* row) {
  const std::string& code = source ? e.source : e.target;
  ActorParts p = SplitActorCode(code);
  std::vector<std::string> types;
  if (p.country.empty() && !p.entity.empty()) types.push_back(p.entity);  // IGO, NGO ...
  for (const std::string& r : p.roles) types.push_back(r);
  types.resize(3);
  std::vector<std::string> religions = p.religions;
  religions.resize(2);
  row->push_back(code);
  row->push_back(Upper(ActorText(e, source)));
  row->push_back(p.country);
  row->push_back(p.others.empty() ? "" : p.others.front());  // KnownGroupCode
  row->push_back("");                                        // EthnicCode
  row->push_back(religions[0]);
  row->push_back(religions[1]);
  for (const std::string& t : types) row->push_back(t);
}

}  // namespace

std::string GdeltRow(const Event& e) {
  std::vector<std::string> row;
  std::string compact = Compact(e.date);
  row.push_back(std::to_string(e.id));
  row.push_back(compact);
  row.push_back(compact.substr(0, compact.empty() ? 0 : 6));
  row.push_back(compact.substr(0, compact.empty() ? 0 : 4));
  row.push_back(compact.empty() ? "" : FractionDate(e.date));
  GdeltActor(e, true, &row);
  GdeltActor(e, false, &row);
  bool root_event = false;
  for (const Mention& m : e.mentions) root_event |= m.lead;
  row.push_back(root_event ? "1" : "0");
  row.push_back(e.cameo);
  row.push_back(e.cameo.substr(0, std::min<size_t>(3, e.cameo.size())));
  row.push_back(e.root);
  row.push_back(std::to_string(e.quad_class));
  row.push_back(Fixed(e.goldstein, 1));
  row.push_back(std::to_string(e.mention_count));
  size_t outlets = Distinct(e, [](const Mention& m) { return m.article_outlet; }).size();
  row.push_back(std::to_string(outlets));
  row.push_back(std::to_string(e.corroboration));
  row.push_back("");                               // AvgTone: no tone analysis
  for (int i = 0; i < 16; ++i) row.push_back("");  // Actor1Geo_*, Actor2Geo_*: not resolved
  // ActionGeo_*: the event's stated place.
  const Gazetteer& g = Gazetteer::Default();
  const GazetteerEntry* place = e.place.empty() ? nullptr : g.Lookup(e.place);
  const Country* country = e.place_country.empty() ? nullptr : g.FindCountry(e.place_country);
  if (place == nullptr || country == nullptr) {
    for (int i = 0; i < 8; ++i) row.push_back("");
  } else {
    row.push_back(place->country_level ? "1" : place->country == "USA" ? "3" : "4");
    row.push_back(place->country_level ? country->name : place->name + ", " + country->name);
    row.push_back(country->fips);
    row.push_back(place->country_level ? country->fips : "");
    row.push_back("");
    row.push_back(e.place_lat ? Fixed(*e.place_lat, 4) : "");
    row.push_back(e.place_lon ? Fixed(*e.place_lon, 4) : "");
    row.push_back(place->country_level ? country->fips : "");
  }
  // DATEADDED: when storyline first stored the event, YYYYMMDDHHMMSS UTC.
  std::string added;
  for (char c : e.first_seen) {
    if (std::isdigit(static_cast<unsigned char>(c))) added += c;
  }
  row.push_back(added.substr(0, 14));
  const Mention* m = First(e);
  row.push_back(m != nullptr ? m->article_url : "");
  return JoinTsv(row);
}

// ------------------------------------------------------------------ PLOVER

std::optional<std::string> PloverJson(const Event& e) {
  if (e.plover_type.empty()) return std::nullopt;
  const Mention* m = First(e);
  auto actor = [&](bool source) {
    const std::string& code = source ? e.source : e.target;
    ordered_json a;
    a["actorText"] = ActorText(e, source);
    ActorParts p = SplitActorCode(code);
    a["code"] = p.entity;
    a["sector"] = Join(p.rest, "");
    a["cameoCode"] = code;
    return a;
  };
  ordered_json j;
  j["id"] = "storyline-" + std::to_string(e.id);
  j["date"] = e.date;
  j["source"] = ordered_json::array({actor(true)});
  j["target"] = e.target.empty() ? ordered_json::array() : ordered_json::array({actor(false)});
  j["event"] = e.plover_type;
  if (!e.plover_mode.empty()) j["mode"] = e.plover_mode;
  if (!e.plover_context.empty()) j["context"] = e.plover_context;
  if (m != nullptr) j["eventText"] = std::string(VerbText(*m));
  if (!e.place.empty()) {
    ordered_json loc;
    loc["extractedPlace"] = e.place;
    loc["resolvedPlace"] = e.place;
    if (e.place_lat) loc["lat"] = *e.place_lat;
    if (e.place_lon) loc["lon"] = *e.place_lon;
    const Country* c = Gazetteer::Default().FindCountry(e.place_country);
    if (c != nullptr) loc["country"] = c->name;
    loc["countryCode"] = e.place_country;
    j["eventLoc"] = std::move(loc);
  }
  j["quadCode"] = e.quad_class;
  j["eventScale"] = e.goldstein;
  if (m != nullptr) {
    j["text"] = m->sentence_text;
    ordered_json info;
    info["sequence"] = m->sentence;
    info["start"] = m->sentence_span.begin;
    info["end"] = m->sentence_span.end;
    j["textInfo"] = std::move(info);
    ordered_json cite;
    cite["url"] = m->article_url;
    cite["title"] = m->article_title;
    cite["publication"] = m->article_outlet;
    cite["citation"] = m->article_external_id;
    j["citeInfo"] = std::move(cite);
  }
  j["coder"] = "storyline";
  if (e.first_seen.size() >= 10) j["codedDate"] = e.first_seen.substr(0, 10);
  j["cameoCode"] = e.cameo;
  j["modality"] = std::string(plover::ModalityName(e.modality));
  j["corroboration"] = e.corroboration;
  return Dump(j);
}

}  // namespace storyline::events
