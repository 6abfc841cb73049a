// Events: the records the events stage keeps, one event with every mention
// of it ("one event, many mentions").
//
// A Mention is one coded event in one sentence of one article (or its
// title): who did what to whom, where in the text, with the date and place
// read from the same sentence. An Event is the merge of the mentions that
// report the same happening (merge.h says when they are the same); its
// fields are derived from its mentions. doc/formats/events.md documents
// every field, the tables that keep them and the export layouts.
//
// Spans are UTF-8 byte offsets into Article::body, half-open; for a title
// mention (sentence == kTitleSentence) they index Article::title instead.
#ifndef STORYLINE_EVENTS_EVENT_H_
#define STORYLINE_EVENTS_EVENT_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "plover/plover.h"
#include "storyline/article.h"

namespace storyline::events {

// Sentence index of a mention found in the article's title.
inline constexpr int64_t kTitleSentence = -1;

// Where an event's date came from.
//   "text":    a date stated in the mention's sentence ("on Tuesday", resolved)
//   "context": stated in another sentence of the same article that reports
//              the same event (the title "Kerry to Meet Lavrov" takes the
//              body's "will meet ... on Monday")
//   "article": the article's publication date (nothing stated)
//   "":        unknown (undated article, nothing stated)
inline constexpr const char* kDateText = "text";
inline constexpr const char* kDateContext = "context";
inline constexpr const char* kDateArticle = "article";

struct Mention {
  int64_t id = 0;        // row id in event_mentions (0 until stored)
  int64_t event_id = 0;  // 0 until merged
  int64_t article_id = 0;
  // The original of the article's near-duplicate group (cluster_duplicates:
  // a copy of a wire story corroborates nothing); 0 = the article itself.
  int64_t original_article = 0;
  int64_t sentence = 0;  // index into the article's sentences, or kTitleSentence
  Span sentence_span;    // the sentence (into body, or the whole title)
  Span verb;             // the verb that carries the event
  std::string sentence_text;
  std::string source, target;  // actor codes ("" = none)
  std::string source_text, target_text;
  Span source_span, target_span;  // empty when the actor has no text
  std::string code;               // CAMEO code the coder gave
  std::string cameo;  // the code the event takes (code, or its intent code when planned)
  plover::Modality modality = plover::Modality::kHappened;
  std::string date;           // YYYY-MM-DD, or "" unknown
  std::string date_source;    // kDateText, kDateContext, kDateArticle or ""
  std::string date_text;      // the time expression that dated it ("on Tuesday"), ""
  std::string place;          // gazetteer name of the stated place ("Paris"), ""
  std::string place_country;  // its ISO 3166-1 alpha-3 code, ""
  std::string issues;         // issue codes the coder found in the sentence, ';'-separated
  std::string explanation;    // why: verb, pattern, rules applied
  bool lead = false;          // in the title or the first paragraph

  // Filled by queries from the articles table (not stored with the mention).
  std::string article_title, article_url, article_outlet, article_external_id;
  std::string article_published;
};

struct Event {
  int64_t id = 0;           // stable row id
  int64_t story_id = 0;     // cluster story of its first article, 0 when not clustered
  std::string story_key;    // merge scope: "s<story>" or "a<article>" (see merge.h)
  std::string date;         // YYYY-MM-DD, or "" unknown
  std::string date_source;  // best of its mentions' (text > context > article)
  std::string source, target;
  std::string cameo;       // most specific code seen ("044" over "040")
  std::string root;        // first two digits of cameo
  std::string cameo_name;  // short name from the ontology
  std::string plover_type, plover_mode, plover_context;  // "" when none
  plover::Modality modality = plover::Modality::kHappened;
  int quad_class = 0;  // 1..4, 0 unknown
  double goldstein = 0;
  std::string place, place_country;            // first place stated by a mention, ""
  std::optional<double> place_lat, place_lon;  // gazetteer coordinates, when known
  int64_t corroboration =
      0;  // distinct articles among its mentions (a copy counts with its original)
  int64_t mention_count = 0;
  int64_t first_article = 0;      // article of its first mention
  std::string first_seen;         // ISO 8601 UTC time the event was created
  std::vector<Mention> mentions;  // in storage order (filled by queries that ask)
};

// "04" from "044"; "" for a code shorter than two characters.
std::string RootOf(std::string_view cameo);

// True for a mention that tells what happened, or is planned, on its date:
// dated, from a body sentence, neither hypothetical nor negated, and of a
// code with a PLOVER type (not a bare statement or comment). Timelines
// anchor their days on these (timeline::EventAnchor).
bool TellsWhatHappened(const Mention& m);

}  // namespace storyline::events

#endif  // STORYLINE_EVENTS_EVENT_H_
