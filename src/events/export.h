// Export layouts of events (doc/formats/events.md documents every field and
// column):
//   EventJson   storyline's own JSON object, stable field names, mentions nested
//   Csv*        one row per event
//   PhoenixRow  the Phoenix data set's 26-column tab-separated layout
//   GdeltRow    the GDELT 2.0 event table's 61-column tab-separated layout
//   PloverJson  a PLOVER record (PLOVER manual ch. 6; GSR field names)
// Columns a layout has but storyline cannot fill are left empty.
//
// Contract: pure functions of an Event (with its mentions loaded); they
// never fail. Tab-separated fields never hold tabs or newlines (replaced
// with spaces).
#ifndef STORYLINE_EVENTS_EXPORT_H_
#define STORYLINE_EVENTS_EXPORT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "events/event.h"

namespace storyline::events {

// The verb of a mention, as written.
std::string_view VerbText(const Mention& m);

// One JSON object, no newline.
std::string EventJson(const Event& e);

std::vector<std::string> CsvHeader();
std::vector<std::string> CsvFields(const Event& e);

// The Phoenix and GDELT column names, in order (26 and 61).
const std::vector<std::string>& PhoenixColumns();
const std::vector<std::string>& GdeltColumns();
// One tab-separated line, no newline.
std::string PhoenixRow(const Event& e);
std::string GdeltRow(const Event& e);

// One PLOVER JSON object, no newline; nullopt for an event without a PLOVER
// type (CAMEO 01 and 02), which PLOVER does not code.
std::optional<std::string> PloverJson(const Event& e);

// The parts of a CAMEO-style actor code, as the export layouts split it
// (data/events/actor_codes.txt): "USAGOVMIL" -> country USA, roles GOV MIL.
struct ActorParts {
  std::string entity;                  // first three letters ("USA", "IGO")
  std::string country;                 // entity when it is not an organisation type
  std::vector<std::string> roles;      // role / sector parts, in order
  std::vector<std::string> religions;  // religion parts
  std::vector<std::string> others;     // any other part (known groups, attributes)
  std::vector<std::string> rest;       // every part after the first, in order
};
ActorParts SplitActorCode(std::string_view code);

}  // namespace storyline::events

#endif  // STORYLINE_EVENTS_EXPORT_H_
