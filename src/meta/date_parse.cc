// Date parsing by a hand-written recursive-descent scanner.
//
// The idea: a date in news text is a short sequence of tokens (numbers, month
// and weekday names, a few separators), so instead of a battery of regular
// expressions the parser walks the bytes once from a candidate start, trying
// the few shapes a date can take in a fixed order (ISO and numeric forms
// first, then written forms, then a time followed by a date), and validates
// the calendar at the end. Every component checks that it ends on a token
// boundary, which keeps "W460" or "3.5 million" from being read as dates. In
// embedded mode the candidates are the starts of words; a date with a month
// wins over an earlier bare time. Name tables (months, weekdays, time zones)
// come from data/meta/*.txt and are compiled once into sorted vectors.
// The grammar follows ISO 8601:2004 and RFC 2822 section 3.3, loosened for
// the written forms of English-language news.
#include "meta/date_parse.h"

#include <algorithm>
#include <cstdlib>
#include <cstdio>
#include <string>
#include <utility>
#include <vector>

#include "common/embedded_data.h"

namespace storyline::meta {
namespace {

struct Name {
  std::string key;   // lowercase
  int value = 0;     // month 1..12, weekday 1..7, or zone offset in minutes
  bool abbreviation = false;
};

struct Tables {
  std::vector<Name> months;
  std::vector<Name> weekdays;
  std::vector<Name> zones;
};

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::vector<std::string_view> SplitSpaces(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    size_t start = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > start) out.push_back(line.substr(start, i - start));
  }
  return out;
}

int ParseOffsetField(std::string_view f) {
  // "+HH:MM" or "-HH:MM".
  if (f.size() != 6 || (f[0] != '+' && f[0] != '-')) return 0;
  int minutes = ((f[1] - '0') * 10 + (f[2] - '0')) * 60 + (f[4] - '0') * 10 + (f[5] - '0');
  return f[0] == '-' ? -minutes : minutes;
}

const Tables& GetTables() {
  static const Tables* const kTables = [] {
    auto* t = new Tables;
    for (std::string_view line : data::Lines("meta/months.txt")) {
      std::vector<std::string_view> f = SplitSpaces(line);
      if (f.size() < 3) continue;
      int number = std::atoi(std::string(f[1]).c_str());
      std::vector<Name>& dest = f[0] == "month" ? t->months : t->weekdays;
      for (size_t i = 2; i < f.size(); ++i) {
        dest.push_back({Lower(f[i]), number, f[i].size() < f[2].size()});
      }
    }
    for (std::string_view line : data::Lines("meta/timezones.txt")) {
      std::vector<std::string_view> f = SplitSpaces(line);
      if (f.size() < 2) continue;
      t->zones.push_back({Lower(f[0]), ParseOffsetField(f[1]), false});
    }
    for (auto* v : {&t->months, &t->weekdays, &t->zones}) {
      std::sort(v->begin(), v->end(), [](const Name& a, const Name& b) { return a.key < b.key; });
    }
    return t;
  }();
  return *kTables;
}

// Case-insensitive lookup of an ASCII word in a sorted table.
const Name* Lookup(const std::vector<Name>& table, std::string_view word) {
  char buf[16];
  if (word.empty() || word.size() > sizeof(buf)) return nullptr;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    buf[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  std::string_view key(buf, word.size());
  auto it = std::lower_bound(table.begin(), table.end(), key,
                             [](const Name& n, std::string_view k) { return n.key < k; });
  if (it == table.end() || it->key != key) return nullptr;
  return &*it;
}

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAlnum(char c) { return IsDigit(c) || IsAlpha(c); }
inline char LowerChar(char c) { return IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c; }

struct Ctx {
  std::string_view s;
  const DateParseOptions& options;
  bool embedded;  // month and zone names must be capitalised

  char At(size_t i) const { return i < s.size() ? s[i] : '\0'; }
  // True when position i does not continue a word or number.
  bool Boundary(size_t i) const { return i >= s.size() || !IsAlnum(s[i]); }
};

// Skips ASCII blanks and no-break spaces (U+00A0). Returns how many bytes.
size_t SkipSpaces(const Ctx& c, size_t& i) {
  size_t start = i;
  while (i < c.s.size()) {
    if (c.s[i] == ' ' || c.s[i] == '\t') {
      ++i;
    } else if (c.s[i] == '\xC2' && c.At(i + 1) == '\xA0') {
      i += 2;
    } else {
      break;
    }
  }
  return i - start;
}

// Reads a run of digits; returns the count (value is capped at 9 digits).
int ReadDigits(const Ctx& c, size_t& i, int* value) {
  int n = 0;
  int v = 0;
  while (i < c.s.size() && IsDigit(c.s[i])) {
    if (n < 9) v = v * 10 + (c.s[i] - '0');
    ++n;
    ++i;
  }
  *value = v;
  return n;
}

std::string_view ReadLetters(const Ctx& c, size_t& i) {
  size_t start = i;
  while (i < c.s.size() && IsAlpha(c.s[i])) ++i;
  return c.s.substr(start, i - start);
}

// A name from `table` at i (with the period of an abbreviation).
const Name* ReadName(const Ctx& c, size_t& i, const std::vector<Name>& table) {
  size_t j = i;
  std::string_view w = ReadLetters(c, j);
  if (w.empty() || (j < c.s.size() && (IsDigit(c.s[j]) || static_cast<unsigned char>(c.s[j]) >= 0x80))) {
    return nullptr;
  }
  if (c.embedded && !IsUpper(w[0])) return nullptr;
  const Name* name = Lookup(table, w);
  if (name == nullptr) return nullptr;
  if (name->abbreviation && c.At(j) == '.') ++j;
  i = j;
  return name;
}

bool ReadWord(const Ctx& c, size_t& i, std::string_view word) {
  size_t j = i;
  std::string_view w = ReadLetters(c, j);
  if (w.size() != word.size()) return false;
  for (size_t k = 0; k < w.size(); ++k) {
    if (LowerChar(w[k]) != word[k]) return false;
  }
  i = j;
  return true;
}

// "st", "nd", "rd", "th" after a day number.
void SkipOrdinal(const Ctx& c, size_t& i) {
  size_t j = i;
  std::string_view w = ReadLetters(c, j);
  if (w.size() != 2) return;
  char a = LowerChar(w[0]);
  char b = LowerChar(w[1]);
  if ((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') ||
      (a == 't' && b == 'h')) {
    i = j;
  }
}

// A four-digit year at i, not followed by a time colon or more digits.
bool ReadYear(const Ctx& c, size_t& i, int* year) {
  size_t j = i;
  int v;
  if (ReadDigits(c, j, &v) != 4 || !c.Boundary(j) || c.At(j) == ':') return false;
  *year = v;
  i = j;
  return true;
}

// Zone after a time: "Z", "+02:00", "-0500", "GMT", "UTC+2", "(EST)". A sign
// directly after the time is an offset only when `attached_offset` (in running
// text "9:00-10:30" is a range).
bool ParseZone(const Ctx& c, size_t& i, PartialDateTime* t, bool attached_offset) {
  size_t j = i;
  auto read_signed = [&](size_t& k, int* minutes, bool allow_hour_only) {
    char sign = c.At(k);
    if (sign != '+' && sign != '-') return false;
    size_t m = k + 1;
    int v;
    int n = ReadDigits(c, m, &v);
    int hh = 0;
    int mm = 0;
    if (n == 4) {
      hh = v / 100;
      mm = v % 100;
    } else if (n == 2 || (n == 1 && allow_hour_only)) {
      hh = v;
      if (c.At(m) == ':' && IsDigit(c.At(m + 1))) {
        ++m;
        if (ReadDigits(c, m, &mm) != 2) return false;
      } else if (!allow_hour_only && n != 2) {
        return false;
      }
    } else {
      return false;
    }
    if (!c.Boundary(m) || hh > 14 || mm > 59) return false;
    *minutes = (hh * 60 + mm) * (sign == '-' ? -1 : 1);
    k = m;
    return true;
  };
  int minutes = 0;
  if (c.At(j) == 'Z' && c.Boundary(j + 1)) {
    t->has_offset = true;
    t->offset_minutes = 0;
    i = j + 1;
    return true;
  }
  if (attached_offset && read_signed(j, &minutes, false)) {
    t->has_offset = true;
    t->offset_minutes = minutes;
    i = j;
    return true;
  }
  if (SkipSpaces(c, j) > 0 && read_signed(j, &minutes, false)) {
    t->has_offset = true;
    t->offset_minutes = minutes;
    i = j;
    return true;
  }
  bool paren = c.At(j) == '(';
  if (paren) ++j;
  std::string_view w = ReadLetters(c, j);
  if (w.size() < 1 || w.size() > 5) return false;
  if (c.embedded) {
    for (char ch : w) {
      if (!IsUpper(ch)) return false;
    }
  }
  if (w.size() == 1 && w[0] != 'Z') return false;
  const Name* zone = w == "Z" ? nullptr : Lookup(GetTables().zones, w);
  if (zone == nullptr && w != "Z") return false;
  minutes = zone != nullptr ? zone->value : 0;
  int extra = 0;
  if (read_signed(j, &extra, true)) minutes += extra;
  if (paren) {
    if (c.At(j) != ')') return false;
    ++j;
  }
  if (!c.Boundary(j)) return false;
  t->has_offset = true;
  t->offset_minutes = minutes;
  i = j;
  return true;
}

// "9:42", "09:42:00.123", "9:42 am", "9 p.m.", "9.42pm", "noon", "midnight",
// each with an optional zone.
bool ParseTime(const Ctx& c, size_t& i, PartialDateTime* t) {
  size_t j = i;
  if (IsAlpha(c.At(j))) {
    if (ReadWord(c, j, "noon")) {
      t->hour = 12;
    } else if (ReadWord(c, j, "midnight")) {
      t->hour = 0;
    } else {
      return false;
    }
    t->minute = 0;
    i = j;
    return true;
  }
  int hour;
  int n = ReadDigits(c, j, &hour);
  if (n < 1 || n > 2) return false;
  int minute = -1;
  int second = -1;
  bool dotted = false;
  if (c.At(j) == ':' && IsDigit(c.At(j + 1))) {
    ++j;
    if (ReadDigits(c, j, &minute) != 2) return false;
    if (c.At(j) == ':' && IsDigit(c.At(j + 1))) {
      ++j;
      if (ReadDigits(c, j, &second) != 2) return false;
      if ((c.At(j) == '.' || c.At(j) == ',') && IsDigit(c.At(j + 1))) {
        ++j;
        int frac;
        ReadDigits(c, j, &frac);
      }
    }
  } else if (c.At(j) == '.' && IsDigit(c.At(j + 1))) {
    size_t k = j + 1;
    if (ReadDigits(c, k, &minute) != 2) return false;
    j = k;
    dotted = true;
  }
  // am / pm / a.m. / p.m.
  bool pm = false;
  bool meridiem = false;
  {
    size_t k = j;
    SkipSpaces(c, k);
    char a = LowerChar(c.At(k));
    if (a == 'a' || a == 'p') {
      size_t m = k + 1;
      if (c.At(m) == '.') ++m;
      if (LowerChar(c.At(m)) == 'm') {
        ++m;
        if (c.At(m) == '.') ++m;
        if (!IsAlpha(c.At(m)) && !IsDigit(c.At(m))) {
          meridiem = true;
          pm = a == 'p';
          j = m;
        }
      }
    }
  }
  if (minute < 0 && !meridiem) return false;
  if (dotted && !meridiem) return false;
  if (meridiem) {
    if (hour < 1 || hour > 12) return false;
    hour = hour % 12 + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 60) return false;
  if (!c.Boundary(j) && c.At(j) != 'Z') return false;
  t->hour = hour;
  t->minute = minute < 0 ? 0 : minute;
  t->second = second;
  // Zone: directly ("09:42Z", "09:42+02:00") or after a space ("09:42 GMT").
  size_t k = j;
  bool attached = !c.embedded || second >= 0 || (i > 0 && c.s[i - 1] == 'T');
  if (ParseZone(c, k, t, attached)) j = k;
  i = j;
  return true;
}

// Numeric day-month-year with separator already known.
bool FinishNumeric(const Ctx& c, int a, int b, int year, char sep, PartialDateTime* d) {
  bool day_first = sep == '.' || c.options.day_first;
  if (!day_first && a > 12 && b <= 12) day_first = true;
  if (day_first && b > 12 && a <= 12) day_first = false;
  d->year = year;
  d->day = day_first ? a : b;
  d->month = day_first ? b : a;
  return true;
}

// The date part: ISO, numeric or written, with an optional weekday before it.
bool ParseDatePart(const Ctx& c, size_t& i, PartialDateTime* d) {
  size_t j = i;
  if (ReadName(c, j, GetTables().weekdays) != nullptr) {
    SkipSpaces(c, j);
    if (c.At(j) == ',') ++j;
    SkipSpaces(c, j);
  } else {
    j = i;
  }
  const size_t n = c.s.size();
  if (IsDigit(c.At(j))) {
    size_t k = j;
    int n1;
    int d1 = ReadDigits(c, k, &n1);
    char sep = c.At(k);
    if (d1 == 4 && (sep == '-' || sep == '/' || sep == '.') && IsDigit(c.At(k + 1))) {
      size_t m = k + 1;
      int n2;
      int d2 = ReadDigits(c, m, &n2);
      if (d2 < 1 || d2 > 2) return false;
      if (c.At(m) == sep && IsDigit(c.At(m + 1))) {
        size_t q = m + 1;
        int n3;
        int d3 = ReadDigits(c, q, &n3);
        if (d3 < 1 || d3 > 2) return false;
        d->year = n1;
        d->month = n2;
        d->day = n3;
        j = q;
      } else if (!c.embedded && sep == '-' && d2 == 2 && c.Boundary(m) && c.At(m) != '-') {
        d->year = n1;
        d->month = n2;
        j = m;
      } else {
        return false;
      }
    } else if (d1 == 8 && (!c.embedded || (c.At(k) == 'T' && IsDigit(c.At(k + 1))))) {
      d->year = n1 / 10000;
      d->month = n1 / 100 % 100;
      d->day = n1 % 100;
      j = k;
      if (c.At(j) == 'T' && IsDigit(c.At(j + 1))) {
        // Compact time: hhmm[ss][zone].
        size_t m = j + 1;
        int v;
        int dt = ReadDigits(c, m, &v);
        if (dt != 4 && dt != 6) return false;
        if (dt == 4) {
          d->hour = v / 100;
          d->minute = v % 100;
        } else {
          d->hour = v / 10000;
          d->minute = v / 100 % 100;
          d->second = v % 100;
        }
        ParseZone(c, m, d, true);
        j = m;
      }
    } else if (d1 <= 2 && (sep == '/' || sep == '.' || sep == '-') && IsDigit(c.At(k + 1))) {
      size_t m = k + 1;
      int n2;
      int d2 = ReadDigits(c, m, &n2);
      if (d2 < 1 || d2 > 2 || c.At(m) != sep) return false;
      size_t q = m + 1;
      int year;
      if (!ReadYear(c, q, &year)) return false;
      FinishNumeric(c, n1, n2, year, sep, d);
      j = q;
    } else if (d1 <= 2) {
      // 30 October [2013], 30th of October, 30-Oct-2013.
      size_t m = k;
      SkipOrdinal(c, m);
      bool dashed = c.At(m) == '-';
      if (dashed) {
        ++m;
      } else if (SkipSpaces(c, m) == 0) {
        return false;
      }
      if (!dashed && ReadWord(c, m, "of")) {
        if (SkipSpaces(c, m) == 0) return false;
      }
      const Name* month = ReadName(c, m, GetTables().months);
      if (month == nullptr) return false;
      d->day = n1;
      d->month = month->value;
      j = m;
      size_t q = m;
      if (dashed) {
        if (c.At(q) != '-') return false;
        ++q;
        if (!ReadYear(c, q, &d->year)) return false;
        j = q;
      } else {
        if (c.At(q) == ',') ++q;
        if (SkipSpaces(c, q) > 0 && ReadYear(c, q, &d->year)) j = q;
      }
    } else {
      return false;
    }
  } else if (IsAlpha(c.At(j))) {
    if (!c.embedded && j + 4 < n && c.s.substr(j, 5) == "XXXX-") {
      size_t m = j + 5;
      int mo;
      int da;
      if (ReadDigits(c, m, &mo) != 2 || c.At(m) != '-') return false;
      ++m;
      if (ReadDigits(c, m, &da) != 2) return false;
      d->month = mo;
      d->day = da;
      j = m;
    } else {
      // October 30[, 2013], Oct. 30th, October 2013.
      const Name* month = ReadName(c, j, GetTables().months);
      if (month == nullptr) return false;
      size_t m = j;
      if (SkipSpaces(c, m) == 0 && c.At(m - 1) != '.') return false;
      size_t q = m;
      int v;
      int dv = ReadDigits(c, q, &v);
      if (dv == 4) {
        if (!c.Boundary(q) || c.At(q) == ':') return false;
        d->month = month->value;
        d->year = v;
        j = q;
      } else if (dv >= 1 && dv <= 2) {
        if (c.At(q) == ':' || (c.At(q) == '.' && IsDigit(c.At(q + 1)))) return false;
        SkipOrdinal(c, q);
        if (!c.Boundary(q)) return false;
        d->month = month->value;
        d->day = v;
        j = q;
        size_t y = q;
        if (c.At(y) == ',') ++y;
        SkipSpaces(c, y);
        if (y > q && ReadYear(c, y, &d->year)) j = y;
      } else {
        return false;
      }
    }
  } else {
    return false;
  }
  // A date ends on a boundary, or runs into an ISO "T" time.
  if (!c.Boundary(j) && !(c.At(j) == 'T' && IsDigit(c.At(j + 1)))) return false;
  i = j;
  return true;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && year != 0) {
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return leap ? 29 : 28;
  }
  return kDays[month - 1];
}

bool Valid(const PartialDateTime& v) {
  if (v.year != 0 && (v.year < 1000 || v.year > 2999)) return false;
  if (v.month != 0 && (v.month < 1 || v.month > 12)) return false;
  if (v.day != 0 && (v.month == 0 || v.day < 1 || v.day > DaysInMonth(v.year, v.month))) return false;
  if (v.month == 0 && v.hour < 0) return false;
  if (v.hour > 23 || v.minute > 59 || v.second > 60) return false;
  if (v.has_offset && (v.offset_minutes < -14 * 60 || v.offset_minutes > 14 * 60)) return false;
  return true;
}

void MergeTime(const PartialDateTime& t, PartialDateTime* d) {
  d->hour = t.hour;
  d->minute = t.minute;
  d->second = t.second;
  d->has_offset = t.has_offset;
  d->offset_minutes = t.offset_minutes;
}

// Separator between a date and a following time: ", ", " at ", "T", " - ".
void SkipDateTimeSeparator(const Ctx& c, size_t& i) {
  if (c.At(i) == 'T' && IsDigit(c.At(i + 1))) {
    ++i;
    return;
  }
  SkipSpaces(c, i);
  char ch = c.At(i);
  if (ch == ',' || ch == '|' || ch == '-' || ch == '@') {
    ++i;
    SkipSpaces(c, i);
  }
  size_t k = i;
  if (ReadWord(c, k, "at") && SkipSpaces(c, k) > 0) i = k;
}

// Tries a date or time that starts exactly at i.
bool ParseAt(const Ctx& c, size_t i, PartialDateTime* out, size_t* end) {
  PartialDateTime v;
  size_t j = i;
  if (ParseDatePart(c, j, &v)) {
    if (v.day != 0 && v.hour < 0) {
      size_t k = j;
      SkipDateTimeSeparator(c, k);
      PartialDateTime t;
      if (k > j && ParseTime(c, k, &t) && (t.minute >= 0)) {
        MergeTime(t, &v);
        j = k;
      }
    }
    if (!Valid(v)) return false;
    *out = v;
    *end = j;
    return true;
  }
  v = PartialDateTime();
  j = i;
  if (!ParseTime(c, j, &v)) return false;
  // A date may follow: "14:02 GMT, Monday, 8 February 2010", "9 am on May 2".
  size_t k = j;
  SkipSpaces(c, k);
  if (c.At(k) == ',' || c.At(k) == '|' || c.At(k) == '-') ++k;
  SkipSpaces(c, k);
  size_t on = k;
  if (ReadWord(c, on, "on") && SkipSpaces(c, on) > 0) k = on;
  PartialDateTime d;
  if (k > j && ParseDatePart(c, k, &d) && d.day != 0 && d.hour < 0) {
    MergeTime(v, &d);
    v = d;
    j = k;
  }
  if (!Valid(v)) return false;
  *out = v;
  *end = j;
  return true;
}

bool IsCandidateStart(std::string_view s, size_t i) {
  if (!IsAlnum(s[i])) return false;
  return i == 0 || !(IsAlnum(s[i - 1]) || static_cast<unsigned char>(s[i - 1]) >= 0x80);
}

}  // namespace

std::string PartialDateTime::ToIso() const {
  char buf[64];
  std::string out;
  if (month == 0) {
    if (hour < 0) return year != 0 ? std::to_string(year) : std::string();
    std::snprintf(buf, sizeof(buf), "T%02d:%02d", hour, minute < 0 ? 0 : minute);
    out = buf;
    if (second >= 0) {
      std::snprintf(buf, sizeof(buf), ":%02d", second);
      out += buf;
    }
  } else {
    if (year != 0) {
      std::snprintf(buf, sizeof(buf), "%04d-%02d", year, month);
    } else {
      std::snprintf(buf, sizeof(buf), "XXXX-%02d", month);
    }
    out = buf;
    if (day == 0) return out;
    std::snprintf(buf, sizeof(buf), "-%02d", day);
    out += buf;
    if (hour < 0) return out;
    std::snprintf(buf, sizeof(buf), "T%02d:%02d", hour, minute < 0 ? 0 : minute);
    out += buf;
    if (second >= 0) {
      std::snprintf(buf, sizeof(buf), ":%02d", second);
      out += buf;
    }
  }
  if (has_offset) {
    if (offset_minutes == 0) {
      out += 'Z';
    } else {
      int m = offset_minutes < 0 ? -offset_minutes : offset_minutes;
      std::snprintf(buf, sizeof(buf), "%c%02d:%02d", offset_minutes < 0 ? '-' : '+', m / 60, m % 60);
      out += buf;
    }
  }
  return out;
}

std::optional<DateMatch> FindDate(std::string_view s, size_t from, const DateParseOptions& options) {
  Ctx c{s, options, /*embedded=*/true};
  for (size_t i = from; i < s.size(); ++i) {
    if (!IsCandidateStart(s, i)) continue;
    PartialDateTime v;
    size_t end;
    if (ParseAt(c, i, &v, &end)) return DateMatch{v, i, end};
  }
  return std::nullopt;
}

std::optional<PartialDateTime> ParseDate(std::string_view s, const DateParseOptions& options) {
  if (options.whole_string) {
    Ctx c{s, options, /*embedded=*/false};
    size_t i = 0;
    SkipSpaces(c, i);
    PartialDateTime v;
    size_t end;
    if (i >= s.size() || !ParseAt(c, i, &v, &end)) return std::nullopt;
    SkipSpaces(c, end);
    while (end < s.size() && (s[end] == '.' || s[end] == ',' || s[end] == ';')) ++end;
    SkipSpaces(c, end);
    if (end != s.size()) return std::nullopt;
    return v;
  }
  std::optional<PartialDateTime> bare_time;
  size_t from = 0;
  while (from < s.size()) {
    std::optional<DateMatch> m = FindDate(s, from, options);
    if (!m) break;
    if (m->value.month != 0) return m->value;
    if (!bare_time) bare_time = m->value;
    from = m->end > m->begin ? m->end : m->begin + 1;
  }
  return bare_time;
}

}  // namespace storyline::meta
