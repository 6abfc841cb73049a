// Parsing of date and time strings found in article metadata and text.
//
// Accepts ISO 8601 (full and partial), RFC 2822/1123, and the written forms
// news uses: "October 30, 2013, 9:42 am", "30 October 2013", "Oct. 30",
// "Tuesday, 29 October 2013 18:03 GMT", "2013/10/30", "30.10.2013",
// "10/30/2013", times alone ("9:42 am", "09:42", "noon") and time zone
// abbreviations from data/meta/timezones.txt. Never consults the clock: what
// the string does not state stays unknown (a missing year stays 0).
//
// Month names are recognised in embedded mode only when capitalised ("May 28",
// not "may"), so the modal verb is not a date. Two-digit years are not read.
//
// Thread-safety: thread-safe.
#ifndef STORYLINE_META_DATE_PARSE_H_
#define STORYLINE_META_DATE_PARSE_H_

#include <optional>
#include <string>
#include <string_view>

namespace storyline::meta {

struct PartialDateTime {
  int year = 0;      // 0: unknown
  int month = 0;     // 1..12, 0: unknown
  int day = 0;       // 1..31, 0: unknown
  int hour = -1;     // 0..23, -1: unknown
  int minute = -1;   // -1: unknown
  int second = -1;   // -1: unknown
  bool has_offset = false;
  int offset_minutes = 0;  // UTC offset when has_offset

  bool has_date() const { return month != 0 && day != 0; }
  bool has_time() const { return hour >= 0; }
  // ISO 8601 with X for unknown year: "2013-10-30T09:42", "2013-10-30",
  // "XXXX-05-28", "2013-10". Time only when the date is complete; offset as
  // "Z" or "+02:00" when stated. A time without a date gives "T09:42", and
  // nothing known gives "". ParseDate(ToIso(), {.whole_string = true}) gives
  // back the same fields for any value with has_date().
  std::string ToIso() const;

  friend bool operator==(const PartialDateTime&, const PartialDateTime&) = default;
};

struct DateParseOptions {
  // Day-first for ambiguous numeric dates like 03/04/2013 (US order when false).
  bool day_first = false;
  // Whole string must be a date (true), or a date may be embedded in text (false).
  bool whole_string = false;
};

// Parses the first date in `s`. Returns nullopt when there is none or it is
// not a valid calendar date (Feb 30, month 13, year < 1000 or > 2999).
// In embedded mode a date (with or without time) anywhere in `s` wins over an
// earlier bare time; a bare time is returned only when `s` holds no date.
// Returned values have either a month, or a time (hour and minute).
std::optional<PartialDateTime> ParseDate(std::string_view s, const DateParseOptions& options = {});

// A date found in text, with the bytes it spans.
struct DateMatch {
  PartialDateTime value;
  size_t begin = 0;  // offset of the first byte of the date in the text
  size_t end = 0;    // one past the last byte (trailing spaces excluded)
};

// The first date or bare time in `s` at or after byte `from`, in text order
// (unlike ParseDate, an earlier bare time is not skipped for a later date),
// with the bytes it spans. options.whole_string is ignored.
std::optional<DateMatch> FindDate(std::string_view s, size_t from = 0,
                                  const DateParseOptions& options = {});

}  // namespace storyline::meta

#endif  // STORYLINE_META_DATE_PARSE_H_
