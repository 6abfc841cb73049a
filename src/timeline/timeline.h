// Timelines and summaries: what happened in a story, day by day.
//
// BuildTimeline follows DATEWISE (Ghalandari & Ifrim 2020): every date is
// scored by how often, and how recently, the articles refer to it (time
// expressions resolved to a day) and publish on it, and, when the articles
// carry coded events (EventAnchor), by the sentences that state it as an
// event's day; the top dates are kept. For each, the candidate sentences
// (those that mention the date, and the lead sentences of what was published
// then, kept where the two agree; plus its events' sentences) are summarised
// by DATEWISE's CentroidOpt, and the best non-redundant one (or more)
// becomes the entry. Background mentions (dates well before the
// story's first article, such as "the June 2012 deal", or inside its span
// but only recalled weeks later) are kept apart from the news of the day.
//
// Contract: pure functions over values; thread-safe; never fails on odd
// input (an article with no dates contributes only its publication date).
#ifndef STORYLINE_TIMELINE_TIMELINE_H_
#define STORYLINE_TIMELINE_TIMELINE_H_

#include <cstdint>
#include <string>
#include <vector>

#include "storyline/article.h"
#include "time/timex.h"

namespace storyline::timeline {

// A coded event (events stage) of an article that tells what happened, or is
// planned, on a day (events::TellsWhatHappened: bare statements, CAMEO 01,
// are not: saying is not the news). When its own sentence states the day
// ("met on Monday", "talks next week" with "the January 22 talks" named),
// the event weighs in the day's score; either way the sentence is taken to
// be about that day, not another.
struct EventAnchor {
  int64_t sentence = 0;  // index into the article's sentences
  std::string date;      // YYYY-MM-DD
  // The sentence states the date; false when the event took the article's
  // publication date (it still says which day the sentence is about).
  bool stated = true;
};

// One article as the timeline sees it.
struct TimelineArticle {
  int64_t id = 0;  // stored article id, or position in a dataset
  std::string title;
  std::string outlet;
  std::string published;  // YYYY-MM-DD ("" = undated)
  std::string body;
  std::vector<Span> sentences;              // into body
  std::vector<time::TimeExpression> times;  // into body, resolved against `published`
  std::vector<EventAnchor> events;          // empty when events were not coded
};

// A sentence cited by an entry.
struct Citation {
  int64_t article_id = 0;
  int64_t sentence = 0;  // index into the article's sentences
  // The sentence without a dateline, page stamp, photo credit or bracketed
  // prefix glued to its start (doc/formats/timeline.md, "Cited text").
  std::string text;
};

struct Entry {
  std::string date;                 // YYYY-MM-DD (or YYYY-MM when only the month is known)
  bool background = false;          // an earlier event the articles recall
  double score = 0;                 // the date's DATEWISE score
  std::vector<Citation> sentences;  // the entry's text, best first
  int64_t references = 0;           // sentences referring to the date
  int64_t corroboration = 0;        // distinct articles referring to it
  int64_t events = 0;               // sentences stating it as a coded event's day
};

struct TimelineOptions {
  // Number of dated entries; 0 = chosen from the collection (about three
  // per two articles, between 6 and 40).
  size_t max_dates = 0;
  size_t sentences_per_date = 1;
  // Only dates in [start, end] (YYYY-MM-DD, "" = open); the evaluation gives
  // each gold timeline's range, as the published systems are given it.
  std::string start, end;
  // Dates more than this many days before the first publication date are
  // background (kept, marked, not counted in max_dates).
  int background_days = 60;
  // A date inside the story's span is background too when no article was
  // published within three days of it and every sentence naming it was
  // written at least this many days later (0 = off).
  int recalled_days = 30;
  bool include_background = true;
  // A sentence whose cosine similarity to one already in the timeline
  // exceeds this is a repeat and is not chosen.
  double max_similarity = 0.5;
};

// A tracked figure (extract/quantities.h) as one article reported it.
struct SeriesPoint {
  std::string date;       // the article's publication day ("as reported on")
  int64_t number = 0;     // 90000
  std::string qualifier;  // "more_than", "at_least", ... or ""
  std::string text;       // the figure as written: "more than 90,000"
  Citation source;        // the sentence that reports it
};

// One tracked quantity over the story (the death toll), by report date.
struct Series {
  std::string counted;              // "killed", "refugees", "displaced", ...
  std::vector<SeriesPoint> points;  // by date, then article, then position
};

struct Timeline {
  std::vector<Entry> entries;  // in date order; background entries first
};

Timeline BuildTimeline(const std::vector<TimelineArticle>& articles,
                       const TimelineOptions& options);

// The story's tracked figures (extract::FindQuantities) as series, the most
// reported kind first; points of undated articles are left out (a figure
// needs a date to be part of a series), and an article repeating its own
// figure counts once.
std::vector<Series> BuildSeries(const std::vector<TimelineArticle>& articles);

struct SummaryOptions {
  size_t max_sentences = 5;
  size_t max_words = 0;  // 0 = no limit
};

// An extractive, redundancy-aware summary (centroid scoring with a
// maximal-marginal-relevance penalty), in the order the sentences were
// published.
std::vector<Citation> Summarize(const std::vector<TimelineArticle>& articles,
                                const SummaryOptions& options);

}  // namespace storyline::timeline

#endif  // STORYLINE_TIMELINE_TIMELINE_H_
