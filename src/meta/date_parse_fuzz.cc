// Fuzzes ParseDate (both modes), FindDate, FindDateline and ParseStampLine on
// arbitrary bytes, and checks that ToIso of every result with a date parses
// back to the same value.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "meta/date_parse.h"
#include "meta/text_dates.h"

namespace {

void CheckRoundTrip(const storyline::meta::PartialDateTime& v) {
  using storyline::meta::ParseDate;
  if (!v.has_date()) return;
  std::optional<storyline::meta::PartialDateTime> back = ParseDate(v.ToIso(), {.whole_string = true});
  if (!back || !(*back == v)) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace storyline::meta;
  std::string_view s(reinterpret_cast<const char*>(data), size);
  for (bool whole : {false, true}) {
    for (bool day_first : {false, true}) {
      if (auto v = ParseDate(s, {.day_first = day_first, .whole_string = whole})) CheckRoundTrip(*v);
    }
  }
  if (auto m = FindDate(s)) {
    if (m->begin > m->end || m->end > s.size()) std::abort();
    CheckRoundTrip(m->value);
  }
  if (auto d = FindDateline(s)) {
    if (d->length > s.size()) std::abort();
    if (d->date) CheckRoundTrip(*d->date);
  }
  if (auto v = ParseStampLine(s)) CheckRoundTrip(*v);
  return 0;
}
