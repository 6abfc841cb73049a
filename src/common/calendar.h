// Proleptic Gregorian calendar arithmetic on day numbers (days since
// 1970-01-01), after the well-known era-based conversion (H. Hinnant,
// "chrono-Compatible Low-Level Date Algorithms"), plus ISO 8601 weeks.
//
// Shared by every stage that does date arithmetic (ingest epoch times,
// cluster time decay, time-expression resolution).
//
// Thread-safety: pure functions.
#ifndef STORYLINE_COMMON_CALENDAR_H_
#define STORYLINE_COMMON_CALENDAR_H_

#include <cstdint>

namespace storyline {

// Day number of y-m-d (any valid Gregorian date).
inline int64_t DaysFromCivil(int y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

inline void CivilFromDays(int64_t z, int* y, int* m, int* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  *d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  *m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  *y = static_cast<int>(yoe + era * 400 + (*m <= 2));
}

// A YYYYMMDD date as a number (20130527) moved by `days`.
inline int32_t ShiftYmd(int32_t ymd, int64_t days) {
  if (days == 0) return ymd;
  int y, m, d;
  CivilFromDays(DaysFromCivil(ymd / 10000, ymd / 100 % 100, ymd % 100) + days, &y, &m, &d);
  return y * 10000 + m * 100 + d;
}

// ISO weekday, 1 = Monday .. 7 = Sunday (1970-01-01 was a Thursday).
inline int WeekdayOf(int64_t days) { return static_cast<int>(((days % 7) + 7 + 3) % 7) + 1; }

inline int DaysInMonth(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return kDays[(m - 1) % 12];
}

// ISO 8601 week of the day: the week's year and number (1..53).
inline void IsoWeek(int64_t days, int* week_year, int* week) {
  const int64_t thursday = days - WeekdayOf(days) + 4;  // the Thursday of this week
  int y, m, d;
  CivilFromDays(thursday, &y, &m, &d);
  *week_year = y;
  *week = static_cast<int>((thursday - DaysFromCivil(y, 1, 1)) / 7) + 1;
}

}  // namespace storyline

#endif  // STORYLINE_COMMON_CALENDAR_H_
