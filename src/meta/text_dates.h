// Publication metadata found in article text: datelines and date stamps.
//
// A dateline opens the first paragraph: "PARIS, May 28 (RIA Novosti) –",
// "WASHINGTON (Reuters) -", "BEIRUT, Lebanon — ". A stamp is a line that is
// only a date or date and time: "October 30, 2013, 9:42 am", "Updated 14:02 GMT".
#ifndef STORYLINE_META_TEXT_DATES_H_
#define STORYLINE_META_TEXT_DATES_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "meta/date_parse.h"

namespace storyline::meta {

struct Dateline {
  std::string place;               // "PARIS" as written
  std::optional<PartialDateTime> date;  // May 28 (year often unstated)
  std::string agency;              // "RIA Novosti", "Reuters", "AP"
  size_t length = 0;               // bytes of the paragraph the dateline takes,
                                   // including the trailing dash and spaces
};

// Finds a dateline at the start of `paragraph`.
std::optional<Dateline> FindDateline(std::string_view paragraph);

// True with the parsed value when `line` is a date stamp line (a date, with
// optional time and short decoration like "Updated", "Published:", "|").
std::optional<PartialDateTime> ParseStampLine(std::string_view line);

}  // namespace storyline::meta

#endif  // STORYLINE_META_TEXT_DATES_H_
