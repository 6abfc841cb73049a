// "One event, many mentions": when two coded mentions report the same
// happening, and how an event's fields follow from its mentions.
//
// Two mentions are the same event when they share
//   - the story (the cluster story of their articles; an article not
//     clustered yet is its own story),
//   - the event date,
//   - the CAMEO root of the coder's code (044 and 040 are compatible; the
//     event keeps the most specific code seen),
//   - the modality, with planned and happened together: "Kerry will meet
//     Lavrov on Monday" (planned, 036 AGREE) and "Kerry met Lavrov on
//     Monday" report one meeting, which takes the happened code (04x
//     CONSULT) once a mention says it happened; hypothetical events stand
//     apart,
//   - the source and target actor codes, as an ordered pair, or unordered
//     for the symmetric CONSULT root 04 and its planned form 036 ("Kerry
//     met Lavrov" = "Lavrov met Kerry").
// MergeKey spells that identity as a string, so the store finds the event
// of a new mention with one indexed lookup and an event id never changes.
//
// Contract: pure functions over values; thread-safe.
#ifndef STORYLINE_EVENTS_MERGE_H_
#define STORYLINE_EVENTS_MERGE_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "events/event.h"

namespace storyline::events {

// "s<story>" for a clustered article, "a<article>" otherwise.
std::string StoryKey(int64_t story_id, int64_t article_id);

// Codes whose actors play interchangeable roles: root 04 (CONSULT) and 036
// (intent to meet or negotiate, what a planned 04x becomes).
bool IsSymmetric(std::string_view cameo);

// "story|date|root|modality|source|target" (pair sorted when symmetric).
std::string MergeKey(std::string_view story_key, const Mention& m);

// How specific a CAMEO code is: 3 for four digits ("0441"), 2 for a
// three-digit code not ending in 0 ("044"), 1 for a root or its generic
// code ("04", "040"), 0 for "".
int Specificity(std::string_view cameo);

// The article a mention counts as for corroboration: the original of its
// near-duplicate group, else its own.
int64_t CorroboratingArticle(const Mention& m);

// Rank of a date source: text 3 > context 2 > article 1 > "" 0.
int DateSourceRank(std::string_view source);

// An event made of its first mention (not stored: id 0).
Event NewEvent(const Mention& first, std::string_view story_key, int64_t story_id);

// Adds `m` to `e`'s derived fields: the more specific code (first seen wins a
// tie), the better date source, the first stated place, the counts.
// `new_article` says whether m's CorroboratingArticle is not among e's yet.
// Does not append m to e->mentions.
void AddMention(Event* e, const Mention& m, bool new_article);

// Fills root, cameo_name, plover_*, quad_class and goldstein from cameo and
// modality (plover::Ontology, plover::ToPlover).
void Derive(Event* e);

// Within one article, a mention dated only by the publication date adopts
// the date another mention of the same event (same key but the date) states
// in the text, when exactly one such date is stated; its date_source becomes
// "context". Headlines rarely carry dates their bodies give.
void ShareDatesWithinArticle(std::vector<Mention>* mentions);

// The merge of `mentions` (in order) into events, in order of first
// mention, with their mentions attached; ids are 1, 2, ... in that order.
// `story_of` gives an article's cluster story (0 = not clustered). The
// store merges incrementally with the same functions; this is its simple,
// obviously correct twin for tests.
std::vector<Event> MergeMentions(const std::vector<Mention>& mentions,
                                 const std::function<int64_t(int64_t article_id)>& story_of);

}  // namespace storyline::events

#endif  // STORYLINE_EVENTS_MERGE_H_
