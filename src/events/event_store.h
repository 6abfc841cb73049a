// Persisting events: the "events" component of the Store, coding of the
// articles not coded yet, and the queries behind `storyline events`.
//
// Tables (component "events", doc/formats/events.md):
//   events          one row per event, with merge_key (merge.h) UNIQUE
//   event_mentions  one row per mention, event_id -> events.id
//   events_coded    one row per coded article: what coding it gave
// An article is "pending" until it has an events_coded row, so a re-run codes
// only what is new and a killed run loses at most one batch. A new mention
// whose merge key is already stored joins that event: event ids never change
// once written (ClearEvents, for recoding, is the exception).
// An article's story is read from the cluster component (cluster_articles);
// an article not clustered when it is coded is its own story for good.
//
// Thread-safety: as the Store (one thread at a time).
#ifndef STORYLINE_EVENTS_EVENT_STORE_H_
#define STORYLINE_EVENTS_EVENT_STORE_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "coder/coder.h"
#include "events/code_article.h"
#include "events/event.h"
#include "storyline/status.h"
#include "storyline/store.h"

namespace storyline::events {

// The migrations of component "events" (for Store::Component).
const std::vector<std::string_view>& EventMigrations();

struct CodeRunOptions {
  CodeArticleOptions code;  // how an article is coded
  int64_t batch_size = 64;  // articles per transaction
  int64_t limit = 0;        // code at most this many articles (0: all pending)
};

struct CodeRunReport {
  int64_t articles = 0;     // articles coded in this run
  int64_t sentences = 0;    // sentences given to the coder (titles included)
  int64_t coded = 0;        // events the coder returned
  int64_t mentions = 0;     // mentions stored
  int64_t new_events = 0;   // events created
  int64_t merged = 0;       // mentions that joined an existing event
  int64_t negated = 0;      // dropped: negated (PLOVER does not code them)
  int64_t duplicates = 0;   // dropped: the same event twice in one sentence
  int64_t discarded = 0;    // sentences a discard phrase dropped
  int64_t unclustered = 0;  // articles coded before they were clustered
  double seconds = 0;
};

// Codes every stored article without an events_coded row with `coder`.
Result<CodeRunReport> CodePending(Store& store, const coder::Coder& coder,
                                  const CodeRunOptions& options = {});

// Deletes every event, mention and events_coded row (before recoding).
Status ClearEvents(Store& store);

struct EventQuery {
  // An actor, as source or target: a code prefix when written in capitals
  // ("USA", "USAGOV"), else a name prefix matched at a word start in the
  // mentions' actor texts ("Kerry", "lav").
  std::string actor;
  std::string country;            // ISO3: an actor's code starts with it, or the place is in it
  std::string code;               // CAMEO code prefix ("04", "044")
  std::string root;               // CAMEO root ("04")
  std::string plover;             // PLOVER type, any case ("consult")
  std::string since, until;       // event date bounds, inclusive; prefixes ("2013-05") allowed
  int64_t story = 0;              // cluster story id (0: any)
  std::string modality;           // "happened", "planned", "hypothetical" ("": any)
  int64_t min_corroboration = 0;  // at least this many articles
  int64_t limit = 0;              // at most this many (<= 0: all)
  bool with_mentions = true;      // fill Event::mentions (with article title, URL, outlet)
};

// Events matching `query`, by date (undated last), then id.
Result<std::vector<Event>> ListEvents(Store& store, const EventQuery& query);
// One event with its mentions; nullopt when there is none.
Result<std::optional<Event>> GetEvent(Store& store, int64_t id);

struct EventTotals {
  int64_t events = 0;
  int64_t mentions = 0;
  int64_t articles_coded = 0;
};
Result<EventTotals> CountEvents(Store& store);

// "happened" -> kHappened ...; false for an unknown name.
bool ParseModality(std::string_view name, plover::Modality* out);

}  // namespace storyline::events

#endif  // STORYLINE_EVENTS_EVENT_STORE_H_
