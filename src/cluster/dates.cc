// Dates for clustering: ISO strings to day numbers, and an estimated day for
// articles without a full publication date.
//
// The estimate is a fallback, used only for the time decay and never stored
// as a publication date: a year-less publication date ("XXXX-05-28" from a
// dateline) or else the first month-and-day mentioned in the first part of
// the body ("on May 26", "the January 22 talks") is placed in the year that
// brings it closest to the reference day (the latest publication date of the
// stream). News mentions dates near its own publication, so this is usually
// within days of the truth and rarely more than a few weeks off.
#include <cmath>

#include "cluster/online.h"
#include "meta/date_parse.h"

namespace storyline::cluster {

double EstimateDay(std::string_view published, std::string_view body, double reference_day,
                   bool* from_text, size_t scan_bytes) {
  if (from_text != nullptr) *from_text = false;
  double full = DayFromIso(published);
  if (!std::isnan(full)) return full;
  int year = 0, month = 0, day = 0;
  if (published.size() >= 10 && published.substr(0, 5) == "XXXX-") {
    auto p = meta::ParseDate(std::string("2000") + std::string(published.substr(4, 6)),
                             {.day_first = false, .whole_string = true});
    if (p.has_value() && p->has_date()) month = p->month, day = p->day;
  }
  if (month == 0) {
    if (from_text != nullptr) *from_text = true;
    std::string_view head = body.substr(0, std::min(body.size(), scan_bytes));
    size_t from = 0;
    for (int tries = 0; tries < 32; ++tries) {
      auto m = meta::FindDate(head, from);
      if (!m.has_value()) break;
      from = m->end > from ? m->end : from + 1;
      if (m->value.has_date()) {
        year = m->value.year, month = m->value.month, day = m->value.day;
        break;
      }
    }
  }
  if (month == 0) return kNoDay;
  char buf[16];
  if (year != 0) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return DayFromIso(buf);
  }
  if (std::isnan(reference_day)) return kNoDay;
  std::string ref = IsoFromDay(reference_day);
  int ref_year = std::atoi(ref.c_str());
  double best = kNoDay;
  for (int y = ref_year - 1; y <= ref_year + 1; ++y) {
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, month, day);
    double d = DayFromIso(buf);
    if (!std::isnan(d) &&
        (std::isnan(best) || std::fabs(d - reference_day) < std::fabs(best - reference_day))) {
      best = d;
    }
  }
  return best;
}

}  // namespace storyline::cluster
