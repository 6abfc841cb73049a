// Timeline summarisation (TLS) evaluation, the metrics of Martschat & Markert
// ("Improving ROUGE for Timeline Summarization", EACL 2017) as the tilse
// toolkit computes them and the TLS papers report them (Ghalandari & Ifrim
// 2020, DATEWISE):
//  - date selection: precision/recall/F1 of the predicted set of days
//    against the gold set;
//  - concat: ROUGE-N of all daily summaries concatenated;
//  - agreement: ROUGE-N counts summed over the days present in both
//    timelines (days only in one side add only to its denominator);
//  - alignment ("align+ m:1"): every predicted day is mapped to the gold day
//    of least cost, cost = (1 - 1/(|d - g| + 1)) x (1 - sim(d, g)), with sim
//    an approximate ROUGE-1 F1 of the two summaries on whitespace tokens;
//    its ROUGE hits are discounted by 1/(|d - g| + 1) (precision side);
//    every gold day is likewise mapped to its predicted day of least cost
//    (recall side). Ties go to the earliest day. The headline figure is
//    alignment ROUGE-1 F1.
// ROUGE counts are micro-averaged over days; see rouge.h for tokenisation.
//
// Datasets: the Timeline17 / Crisis layout of news-tls: a folder of topic
// folders, each with `timelines.jsonl` (one gold timeline per line, a list of
// [date, [sentences]]) and either `articles.jsonl` (one article per line:
// `id`, `time` YYYY-MM-DD..., `text`) or raw `InputDocs/<YYYY-MM-DD>/<name>`
// text files. A day listed twice in a gold timeline is one day with the
// sentences of both entries (Timeline17 has a few such repeats). Malformed lines give InvalidData
// naming the file and line.
//
// Thread-safety: functions are thread-safe.
#ifndef STORYLINE_EVAL_TLS_EVAL_H_
#define STORYLINE_EVAL_TLS_EVAL_H_

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "coder/coder.h"
#include "eval/rouge.h"
#include "storyline/status.h"
#include "timeline/timeline.h"

namespace storyline::eval {

// A timeline to score: day number (days since 1970-01-01) -> sentences.
using TlsTimeline = std::map<int64_t, std::vector<std::string>>;

// Days since 1970-01-01 of "YYYY-MM-DD" (anything after the 10th character is
// ignored); false when it is not a valid calendar day.
bool ParseDay(std::string_view iso, int64_t* day);
std::string FormatDay(int64_t day);  // "YYYY-MM-DD"

struct Prf {
  double precision = 0, recall = 0, f1 = 0;
};

struct TlsScores {
  Prf dates;
  Prf rouge1_concat, rouge2_concat;
  Prf rouge1_agreement, rouge2_agreement;
  Prf rouge1_alignment, rouge2_alignment;
};

Prf DateScores(const TlsTimeline& predicted, const TlsTimeline& gold);
// ROUGE-n of the three variants.
Prf ConcatRouge(const TlsTimeline& predicted, const TlsTimeline& gold, int n,
                const RougeOptions& options = {});
Prf AgreementRouge(const TlsTimeline& predicted, const TlsTimeline& gold, int n,
                   const RougeOptions& options = {});
Prf AlignmentRouge(const TlsTimeline& predicted, const TlsTimeline& gold, int n,
                   const RougeOptions& options = {});

// All of the above.
TlsScores ScoreTimeline(const TlsTimeline& predicted, const TlsTimeline& gold,
                        const RougeOptions& options = {});

// The entries of a built timeline as a TlsTimeline (background entries and
// month-only dates are left out: they cannot match a gold day).
TlsTimeline FromTimeline(const timeline::Timeline& timeline);

// One topic of a dataset.
struct TlsArticle {
  std::string id;
  std::string published;  // YYYY-MM-DD
  std::string text;
};

struct TlsTopic {
  std::string name;
  std::vector<TlsArticle> articles;
  std::vector<TlsTimeline> gold;
};

// Parses a timelines.jsonl text; `file` names it in errors.
Result<std::vector<TlsTimeline>> ParseGoldTimelines(std::string_view jsonl,
                                                    const std::string& file);
// Parses an articles.jsonl text.
Result<std::vector<TlsArticle>> ParseTlsArticles(std::string_view jsonl, const std::string& file);

// Reads one topic folder (articles.jsonl or InputDocs/, and timelines.jsonl).
Result<TlsTopic> LoadTlsTopic(const std::string& dir);
// The topic folders of a dataset (sorted by name); `dataset` may also be a
// topic folder itself. NotFound when it does not exist or holds no topic.
Result<std::vector<std::string>> ListTlsTopics(const std::string& dataset);

// The articles as the timeline builder sees them: sentences from
// text::SplitSentences (each line of the text a paragraph), time expressions
// from time::TimeTagger anchored on the publication date; id = position.
// With `coder`, each article's events are coded as `storyline ingest` codes
// them (events::ArticleCoder, body only) and those that tell what happened
// become its EventAnchors.
std::vector<timeline::TimelineArticle> PrepareTimelineArticles(
    const std::vector<TlsArticle>& articles, const coder::Coder* coder = nullptr);

// The options the published systems are run with for one gold timeline: as
// many dates as the gold has, its first and last day as the range, and its
// average number of sentences per date (rounded, at least 1); no background.
timeline::TimelineOptions OptionsForGold(const TlsTimeline& gold);

using TimelineBuilder = std::function<timeline::Timeline(
    const std::vector<timeline::TimelineArticle>&, const timeline::TimelineOptions&)>;

struct TlsTopicResult {
  std::string name;
  size_t articles = 0;
  std::vector<TlsScores> timelines;  // one per gold timeline
  TlsScores mean;                    // over the gold timelines
};

// Builds one timeline per gold timeline of the topic with `builder` and
// scores it.
TlsTopicResult EvaluateTlsTopic(const TlsTopic& topic, const TimelineBuilder& builder,
                                const RougeOptions& options = {},
                                const coder::Coder* coder = nullptr);

// Mean of score sets as news-tls averages its results: precision and
// recall are averaged, and F1 is computed from the means (all zero when
// empty).
TlsScores MeanScores(const std::vector<TlsScores>& scores);

}  // namespace storyline::eval

#endif  // STORYLINE_EVAL_TLS_EVAL_H_
