// When an event happened: the date stated in its own sentence, else the
// article's publication date.
//
// A sentence may state several dates, and not all of them date the event:
// in "Kerry and Lavrov will meet ..., an official said in a statement
// Friday", Friday dates the statement. The rule: among the sentence's time
// expressions with a full calendar date (TIMEX3 value YYYY-MM-DD..., so
// "on Tuesday" resolved against the article date counts, "in June" does
// not), take the DATE nearest the verb (a TIME with a full date only when
// there is no DATE), skipping any in another clause (clauses.h: "..., an
// official said Friday", "after talks on Monday") and any that contradicts
// the modality: an event that happened is not dated after the article's
// publication, a planned one not before it. A date right after a reporting
// verb does not date a past-perfect report ("Russia said on Friday the regime
// had agreed": the agreement came before Friday). When the verb's clause
// names only a week ("talks next week") and the article names exactly one
// day of that week ("the January 22 talks"), that day dates the event.
//
// Contract: pure functions; the word table is embedded and shared.
#ifndef STORYLINE_EVENTS_EVENT_DATE_H_
#define STORYLINE_EVENTS_EVENT_DATE_H_

#include <string>
#include <string_view>
#include <vector>

#include "plover/plover.h"
#include "storyline/article.h"
#include "time/timex.h"

namespace storyline::events {

struct DateChoice {
  std::string date;    // YYYY-MM-DD, or "" unknown
  std::string source;  // kDateText, kDateArticle, or "" (event.h)
  Span span;           // the expression that gave it, into the sentence (text source only)
};

// True for a TIMEX3 value that names one calendar day: "2013-10-29",
// "2013-10-29T09:00", "2013-10-29TEV".
bool IsFullDate(std::string_view value);

// The date of the event whose verb is `verb` (into `sentence`).
// `expressions` are the sentence's time expressions with spans into
// `sentence`; `article_date` is the publication date (YYYY-MM-DD) or "";
// `article_days` the days (YYYY-MM-DD) the whole article names.
DateChoice ChooseEventDate(std::string_view sentence, Span verb,
                           const std::vector<time::TimeExpression>& expressions,
                           std::string_view article_date, plover::Modality modality,
                           const std::vector<std::string>& article_days = {});

}  // namespace storyline::events

#endif  // STORYLINE_EVENTS_EVENT_DATE_H_
