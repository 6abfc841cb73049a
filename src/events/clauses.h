// Which words of a sentence belong to an event's own clause: a date or a
// place separated from the event's verb by a reporting word ("..., an
// official said in a statement Friday": data/events/reporting_words.txt) or
// by a word opening another clause ("after talks in Paris on Monday":
// data/events/clause_barriers.txt) describes that other clause. So does one
// outside the relative clause the verb sits in ("Brahimi, who is in Damascus
// meeting officials, is expected to meet Assad on Wednesday": Wednesday is
// the expected meeting's, not the one under way).
//
// Contract: pure function; the word tables are embedded and shared.
#ifndef STORYLINE_EVENTS_CLAUSES_H_
#define STORYLINE_EVENTS_CLAUSES_H_

#include <string_view>

#include "storyline/article.h"

namespace storyline::events {

// True when a reporting word or a clause-opening word lies between the
// spans `verb` and `other` of `text` (in either order; nothing lies between
// overlapping spans).
bool InOtherClause(std::string_view text, Span verb, Span other);

// True when the word just before `span` (skipping "on", "last", "this",
// "late", "early") is a reporting word: "said on Friday", "announced
// Tuesday". Such a date is the report's.
bool AfterReportingWord(std::string_view text, Span span);

}  // namespace storyline::events

#endif  // STORYLINE_EVENTS_CLAUSES_H_
