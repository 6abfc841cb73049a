// Quantities: tracked figures in news text (death tolls, refugees,
// displaced, wounded, detained), so timelines can show how a figure
// evolves from article to article (EXPECTED.md §5 of the seeds).
//
// A figure is a number (digits "90,000", "1.5 million", or words "two
// million") with an optional qualifier before it ("more than", "at least",
// "about", "nearly", "up to"; also the slip "more 100,000") and a cue word
// near it that says what is counted ("killed", "refugees", ...). Years and
// numbers without a cue are not figures. Cue and qualifier words are data
// (data/extract/quantities.txt).
//
// Thread-safety: thread-safe.
#ifndef STORYLINE_EXTRACT_QUANTITIES_H_
#define STORYLINE_EXTRACT_QUANTITIES_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/article.h"
#include "storyline/status.h"
#include "storyline/store.h"

namespace storyline::extract {

struct Quantity {
  Span span;              // qualifier + number (+ unit word), into the text
  Span sentence;          // the sentence it is in
  int64_t number = 0;     // 90000, 2000000
  std::string qualifier;  // "more_than", "at_least", "about", "nearly", "up_to", "fewer_than", ""
  std::string counted;    // "killed", "refugees", "displaced", "wounded", "detained", "missing"
};

// Appends the figures of `text` to *out in text order. `sentences` are spans
// into text (split here when empty).
void FindQuantities(std::string_view text, const std::vector<Span>& sentences,
                    std::vector<Quantity>* out);

// Component "extract", table quantities(article_id, begin, end, sentence,
// number, qualifier, counted, text, date): `date` is the article's anchor
// (publication) date, so a figure is "as reported on" that date. Articles
// are pending until they have a row in quantities_done.
const std::vector<std::string_view>& QuantityMigrations();

struct QuantityReport {
  int64_t articles = 0;
  int64_t quantities = 0;
};

// Finds and stores the figures of every article not yet processed.
Result<QuantityReport> AnnotateQuantitiesPending(Store& store);

}  // namespace storyline::extract

#endif  // STORYLINE_EXTRACT_QUANTITIES_H_
