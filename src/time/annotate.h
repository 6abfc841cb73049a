// Persisting time expressions: the "time" component of the Store.
//
// Tables (component "time", see TimeMigrations()):
//   time_anchors(article_id PK, anchor, source, confidence, expressions)
//     one row per annotated article: the anchor used ("" when none);
//   time_expressions(article_id, begin, end, sentence, text, type, value,
//     mod, anchor, resolved) one row per expression, spans into the body.
// An article is "pending" until it has a time_anchors row, so a re-run
// annotates only what is new, and a killed run loses at most one batch.
//
// Thread-safety: use from the Store's thread only.
#ifndef STORYLINE_TIME_ANNOTATE_H_
#define STORYLINE_TIME_ANNOTATE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/status.h"
#include "storyline/store.h"
#include "time/timex.h"

namespace storyline::time {

struct AnnotateOptions {
  TimeOptions tagger;           // recognition options
  int64_t batch_size = 256;     // articles per transaction
  int64_t limit = 0;            // annotate at most this many (0: all pending)
};

struct AnnotateReport {
  int64_t articles = 0;     // articles annotated in this run
  int64_t expressions = 0;  // expressions stored
  int64_t resolved = 0;     // of which resolved
  int64_t anchored = 0;     // articles with a complete anchor
};

// The migrations of component "time" (for Store::Component).
const std::vector<std::string_view>& TimeMigrations();

// Tags every stored article without a time_anchors row and stores the result.
Result<AnnotateReport> AnnotatePending(Store& store, const AnnotateOptions& options = {});

// One stored expression with its article.
struct StoredTimeExpression {
  int64_t article_id = 0;
  int64_t sentence = -1;  // index into the article's sentences, -1 if none
  std::string text;
  TimeExpression expression;
};

// The stored expressions of one article (by row id), in text order.
Result<std::vector<StoredTimeExpression>> LoadTimeExpressions(Store& store, int64_t article_id);

// Index of the sentence of `sentences` containing byte `offset`, -1 if none.
int64_t SentenceIndex(const std::vector<Span>& sentences, uint32_t offset);

}  // namespace storyline::time

#endif  // STORYLINE_TIME_ANNOTATE_H_
