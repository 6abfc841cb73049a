// Coding one article: every sentence (and the title) through the event
// coder, each coded event turned into a Mention with its PLOVER coding,
// modality, date and place.
//
// The sentences go through the coder in order with one coder::ArticleContext
// per article, so "Kerry" after "Secretary of State John Kerry" codes as the
// same person; the title goes first (sentence kTitleSentence), as a reader
// meets it. Dated actor roles are resolved on the article's publication date
// (time::ChooseAnchor); for an undated article on the latest full date its
// text states, and with none on the latest role the dictionaries know
// (coding::kMaxDate): roles are never resolved against the clock.
//
// A planned cooperative event ("will meet", "Kerry to Meet Lavrov") takes the
// matching CAMEO intent code (04x -> 036, data/events/intent_codes.txt); a
// negated one ("did not attack") is dropped, as PLOVER does, and counted in
// ArticleCoding::negated. Events whose code has no PLOVER type (CAMEO 01,
// 02) are kept with an empty PLOVER type.
//
// Thread-safety: an ArticleCoder keeps scratch state and is used by one
// thread at a time; the Coder it wraps must outlive it.
#ifndef STORYLINE_EVENTS_CODE_ARTICLE_H_
#define STORYLINE_EVENTS_CODE_ARTICLE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "coder/coder.h"
#include "events/event.h"
#include "events/places.h"
#include "storyline/article.h"
#include "time/timex.h"

namespace storyline::events {

struct CodeArticleOptions {
  bool code_title = true;  // code the headline as sentence kTitleSentence
  PlaceOptions places;     // how places are found
};

struct ArticleCoding {
  std::vector<Mention> mentions;  // in text order, title first; event ids 0
  int64_t sentences = 0;          // sentences given to the coder (title included)
  int64_t coded = 0;              // events the coder returned
  int64_t negated = 0;            // of which dropped as negated
  int64_t sourceless = 0;         // of which dropped for want of a (resolved) source
  int64_t duplicates = 0;       // of which repeated in the same sentence (same actors, code, verb)
  int64_t discarded = 0;        // sentences a discard phrase dropped
  std::string article_date;     // YYYY-MM-DD used for date_source "article", "" if none
  coding::Date coder_date = 0;  // the date dated roles were resolved on (YYYYMMDD)
};

// The intent code of a planned cooperative event's code ("044" -> "036"),
// or "" when its root has none.
std::string IntentCode(std::string_view cameo);

// The coder settings for articles: events need a source but not a target
// (a PLOVER event's recipient is optional).
coder::CoderOptions ArticleCoderOptions();

class ArticleCoder {
 public:
  explicit ArticleCoder(const coder::Coder& coder, CodeArticleOptions options = {});

  // Codes `article` (row id `article_id`). `body_times` are the body's time
  // expressions (spans into body, as time::LoadTimeExpressions gives); when
  // null, the body is tagged here. The title is always tagged here.
  ArticleCoding Code(const Article& article, int64_t article_id,
                     const std::vector<time::TimeExpression>* body_times);

 private:
  // Codes one sentence `text` (at `span` of the body, or the title) whose
  // time expressions (spans into text) are `times`.
  void CodeSentence(std::string_view text, int64_t sentence, Span span,
                    const std::vector<time::TimeExpression>& times, bool lead, ArticleCoding* out);

  const coder::Coder& coder_;
  CodeArticleOptions options_;
  time::TimeTagger tagger_;
  coder::ArticleContext context_;
  coder::CodeResult result_;
  std::vector<time::TimeExpression> scratch_times_, sentence_times_;
  int64_t article_id_ = 0;                 // the article being coded
  std::string article_date_;               // its ArticleCoding::article_date
  std::vector<std::string> article_days_;  // the days its body names (YYYY-MM-DD)
  coding::Date coder_date_ = 0;            // its ArticleCoding::coder_date
};

}  // namespace storyline::events

#endif  // STORYLINE_EVENTS_CODE_ARTICLE_H_
