// Time expressions: recognition of English time expressions in news text and
// their normalisation to TimeML TIMEX3 values (ISO-TimeML, Pustejovsky et
// al. 2010; TIMEX3 value conventions of the TempEval-3 guidelines).
//
// A TimeTagger finds, in one text, every expression it knows ("May 7",
// "late on Monday", "last June", "two years ago", "the past four days",
// "mid-June", "9 a.m. EST", "every week") and gives each its TIMEX3 type and
// value, resolved against an Anchor: the article's publication date (or the
// dateline date). The direction of a bare weekday or month comes from the
// tense of its sentence ("will meet on Monday" is the coming Monday, "met on
// Monday" the past one). Without an anchor, or with an anchor missing the
// year, relative expressions stay unresolved ("XXXX-WXX-1"): the machine's
// clock is never consulted.
//
// Thread-safety: a TimeTagger keeps scratch buffers and is used by one thread
// at a time; the word tables behind it are immutable and shared.
#ifndef STORYLINE_TIME_TIMEX_H_
#define STORYLINE_TIME_TIMEX_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/article.h"
#include "text/segment.h"

namespace storyline::time {

enum class TimexType : uint8_t { kDate, kTime, kDuration, kSet };
std::string_view TimexTypeName(TimexType t);  // "DATE", "TIME", "DURATION", "SET"

// A calendar day, possibly partial (0 = unknown field).
struct CivilDate {
  int year = 0;
  int month = 0;
  int day = 0;
  bool complete() const { return year != 0 && month != 0 && day != 0; }
  friend bool operator==(const CivilDate&, const CivilDate&) = default;
};

// Parses "2013-05-28", "2013-05-28T09:42...", "XXXX-05-28"; other values give
// an empty date.
CivilDate ParseCivil(std::string_view iso);

// The date relative expressions are resolved against.
struct Anchor {
  CivilDate date;          // empty: no anchor
  std::string source;      // "published:jsonl:date", "dateline", "dct", ...
  float confidence = 0;    // 0..1
};

struct TimeExpression {
  Span span;                  // byte offsets into the tagged text
  TimexType type = TimexType::kDate;
  std::string value;          // TIMEX3 value: "2013-05-27", "P3Y", "XXXX-WXX-1"
  std::string mod;            // TIMEX3 mod: "", "START", "MID", "END", "MORE_THAN", ...
  std::string anchor;         // ISO date used to resolve it ("" when none was needed)
  bool resolved = false;      // value is fully determined (no X digits)
};

struct TimeOptions {
  // Narrative texts (history, Wikipedia): partial dates take the year of the
  // last full date mentioned before them instead of the anchor's.
  bool narrative = false;
  // Recognise bare four-digit years (1000..2099) as DATE expressions.
  bool bare_years = true;
  // Recognise PRESENT_REF/PAST_REF words ("now", "currently", "recently").
  bool references = true;
};

// Finds and normalises the time expressions of texts. Reuse one tagger per
// thread: it keeps its token and sentence buffers between calls.
class TimeTagger {
 public:
  explicit TimeTagger(const TimeOptions& options = {}) : options_(options) {}

  // Appends to *out the expressions of `text` in order, non-overlapping.
  // `sentences` (spans into text) give the context for tense; when empty,
  // the text is split here.
  void Tag(std::string_view text, const std::vector<Span>& sentences, const Anchor& anchor,
           std::vector<TimeExpression>* out);

  // Convenience: tags an Article body with its sentences.
  void Tag(const Article& article, const Anchor& anchor, std::vector<TimeExpression>* out) {
    Tag(article.body, article.sentences, anchor, out);
  }

 private:
  TimeOptions options_;
  std::vector<text::Token> tokens_;
  std::vector<Span> sentences_;
};

// The anchor for an article: its publication date when complete, else, for
// a dateline month and day without a year, a year inferred only with
// evidence: a dated statement of that very day ("May 28, 2013", confidence
// 0.7), or weekdays stated with dates ("Monday, May 27") that agree in
// exactly one year of the four from the latest year the text names
// (confidence 0.5); else the partial date it has (or nothing). Never the
// clock.
Anchor ChooseAnchor(const Article& article);

}  // namespace storyline::time

#endif  // STORYLINE_TIME_TIMEX_H_
