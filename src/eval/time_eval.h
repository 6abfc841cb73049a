// Evaluation of time expression tagging the TempEval-3 way (UzZaman et al.,
// "SemEval-2013 Task 1: TempEval-3", 2013): extents matched strictly (same
// characters) and relaxed (any overlap); precision, recall and F1 for both;
// type and value accuracy over the relaxed matches (values compared as exact
// strings); and value F1 = value accuracy x relaxed F1 (type F1 likewise).
//
// Readers for the gold layouts in use:
//  - TimeML (.tml): inline <TIMEX3> tags inside <TEXT>, the document
//    creation time as the TIMEX3 with functionInDocument="CREATION_TIME"
//    (TE3 TimeBank/AQUAINT/Platinum, WikiWars tml/);
//  - MEANTIME (NewsReader XML): <token> elements and TIMEX3 markables that
//    point at token ids; the text is rebuilt from the tokens and the
//    creation-time TIMEX3 gives the DCT (its span is excluded from scoring).
//
// Thread-safety: functions are thread-safe.
#ifndef STORYLINE_EVAL_TIME_EVAL_H_
#define STORYLINE_EVAL_TIME_EVAL_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/article.h"
#include "storyline/status.h"

namespace storyline::eval {

struct TimexAnnotation {
  Span span;          // byte offsets into TimeDoc::text
  std::string type;   // "DATE", "TIME", "DURATION", "SET"
  std::string value;  // TIMEX3 value
};

struct TimeDoc {
  std::string id;                       // file stem
  std::string text;                     // the text the spans point into
  std::string dct;                      // creation time value ("" if none)
  std::vector<TimexAnnotation> timexes; // gold, in order
  std::vector<Span> ignore;             // regions not scored (MEANTIME's DCT in the text)
};

// Parses one TimeML document (inline TIMEX3 in <TEXT>). InvalidData when
// there is no <TEXT> element or the tags do not nest.
Result<TimeDoc> ParseTimeMl(std::string_view xml, std::string id);

// Parses one MEANTIME NewsReader XML document.
Result<TimeDoc> ParseMeantime(std::string_view xml, std::string id);

// Reads every document under `dir`: *.tml files as TimeML, *.xml files with a
// <Document> root as MEANTIME. When `dir` holds MEANTIME's two annotation
// folders, only intra-doc_annotation is read (the other repeats it).
Result<std::vector<TimeDoc>> LoadTimeCorpus(const std::string& dir);

// Counts behind the TE3 scores; add documents with Score().
struct TimeScores {
  int64_t gold = 0, system = 0;
  int64_t strict_gold_matched = 0, strict_system_matched = 0;
  int64_t relaxed_gold_matched = 0, relaxed_system_matched = 0;
  int64_t pairs = 0;          // one-to-one relaxed matches
  int64_t type_correct = 0;   // among pairs
  int64_t value_correct = 0;  // among pairs

  double strict_precision() const;
  double strict_recall() const;
  double strict_f1() const;
  double relaxed_precision() const;
  double relaxed_recall() const;
  double relaxed_f1() const;
  double type_accuracy() const;
  double value_accuracy() const;
  double type_f1() const { return type_accuracy() * relaxed_f1(); }
  double value_f1() const { return value_accuracy() * relaxed_f1(); }
};

// Adds one document: `gold` and `system` annotations on the same text.
// Annotations overlapping an `ignore` span are dropped from both sides.
void Score(const std::vector<TimexAnnotation>& gold, const std::vector<TimexAnnotation>& system,
           const std::vector<Span>& ignore, TimeScores* scores);

struct TimeEvalOptions {
  // Narrative mode for the tagger (partial dates take the year of the last
  // full date); on by default for WikiWars, whose anchor is a fixed 2009 date.
  bool narrative = false;
  bool ignore_type = false;  // WikiWars: gold type is always DATE
  bool collect_errors = false;  // fill TimeEvalReport::errors
};

// One disagreement, for error analysis.
struct TimeEvalError {
  std::string doc;
  std::string kind;    // "missed", "spurious", "extent", "value", "type"
  std::string gold;    // gold text | type | value ("" for spurious)
  std::string system;  // system text | type | value ("" for missed)
};

struct TimeEvalDoc {
  std::string id;
  TimeScores scores;
};

struct TimeEvalReport {
  TimeScores total;
  std::vector<TimeEvalDoc> docs;
  std::vector<TimeEvalError> errors;
  int64_t bytes = 0;
  double seconds = 0;  // tagging time only
};

// Tags every document of `docs` with time::TimeTagger anchored on its DCT and
// scores it against the gold.
TimeEvalReport EvaluateTime(const std::vector<TimeDoc>& docs, const TimeEvalOptions& options);

}  // namespace storyline::eval

#endif  // STORYLINE_EVAL_TIME_EVAL_H_
