// Time expression tagging by a token-level cascade of small grammars.
//
// The idea (after the rule-based taggers HeidelTime, Strötgen & Gertz 2013,
// and SUTime, Chang & Manning 2012): time expressions are short phrases over
// a closed vocabulary (months, weekdays, units, number words, a few
// determiners and modifiers), so one pass over the tokens, looking each word
// up once in a compiled lexicon, can try at every position the few shapes an
// expression takes: [qualifier] [the] [fuzzy] core, where the core is a
// written date (delegated to meta::FindDate, which already reads every news
// form), a weekday, a month, a season, a quarter, a year or decade, a day
// named relative to today, a determiner plus a unit ("last week"), a count
// plus a unit ("two years ago", "the past four days"), a reference word
// ("now") or a recurrence ("every week"). Normalisation then follows the
// TIMEX3 conventions of TempEval-3: granularity follows the expression
// ("last year" = 2012, "last week" = 2013-W21), fuzzy positions become a mod
// (early 2013 = 2013 mod START). Direction for underspecified expressions
// comes from the nearest tense marker in the sentence (HeidelTime's
// "tense of the sentence" heuristic, narrowed to the nearest verb form).
#include "time/timex.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <optional>
#include <unordered_map>

#include "common/embedded_data.h"
#include "meta/date_parse.h"
#include "common/calendar.h"

namespace storyline::time {
namespace {

// What a word can be; a word may be several things ("second", "last").
struct Lex {
  int8_t month = 0, weekday = 0, unit = 0, ordinal = 0, season = 0, pod = 0;
  int8_t fuzzy = 0, ref = 0, setword = 0, qualifier = 0;
  int8_t deictic = -99, rel = -99;  // -99: not this category
  int16_t holiday = 0;              // MMDD
  bool vague = false, tonight = false, ago = false, every = false, quarter = false,
       half = false, is_num = false;
  int num = 0;
};

struct Lexicon {
  std::unordered_map<std::string, Lex> words;
  std::unordered_map<std::string, int> past, future;  // tense markers
};

std::vector<std::string_view> Fields(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
    size_t s = i;
    while (i < line.size() && line[i] != ' ' && line[i] != '\t') ++i;
    if (i > s) out.push_back(line.substr(s, i - s));
  }
  return out;
}

std::string LowerStr(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

const Lexicon& GetLexicon() {
  static const Lexicon* const kLex = [] {
    auto* lx = new Lexicon;
    for (std::string_view line : data::Lines("meta/months.txt")) {
      auto f = Fields(line);
      if (f.size() < 3) continue;
      int v = std::atoi(std::string(f[1]).c_str());
      for (size_t i = 2; i < f.size(); ++i) {
        Lex& l = lx->words[LowerStr(f[i])];
        (f[0] == "month" ? l.month : l.weekday) = static_cast<int8_t>(v);
      }
    }
    for (std::string_view line : data::Lines("time/words.txt")) {
      auto f = Fields(line);
      if (f.size() < 3) continue;
      int v = std::atoi(std::string(f[1]).c_str());
      std::string_view c = f[0];
      for (size_t i = 2; i < f.size(); ++i) {
        Lex& l = lx->words[LowerStr(f[i])];
        int8_t b = static_cast<int8_t>(v);
        if (c == "unit") l.unit = b;
        else if (c == "num") { l.is_num = true; l.num = v; }
        else if (c == "vague") l.vague = true;
        else if (c == "ordinal") l.ordinal = b;
        else if (c == "season") l.season = b;
        else if (c == "partofday") l.pod = b;
        else if (c == "deictic") l.deictic = b;
        else if (c == "tonight") l.tonight = true;
        else if (c == "rel") l.rel = b;
        else if (c == "ago") l.ago = true;
        else if (c == "fuzzy") l.fuzzy = b;
        else if (c == "ref") l.ref = b;
        else if (c == "setword") l.setword = b;
        else if (c == "every") l.every = true;
        else if (c == "qualifier") l.qualifier = b;
        else if (c == "quarter") l.quarter = true;
        else if (c == "half") l.half = true;
        else if (c == "holiday") l.holiday = static_cast<int16_t>(v);
      }
    }
    for (std::string_view line : data::Lines("time/tense.txt")) {
      auto f = Fields(line);
      if (f.size() < 2) continue;
      auto& dest = f[0] == "future" ? lx->future : lx->past;
      for (size_t i = 1; i < f.size(); ++i) dest[LowerStr(f[i])] = 1;
    }
    return lx;
  }();
  return *kLex;
}

constexpr size_t kMaxWord = 31;

// Per-token facts computed once per text.
struct Tok {
  std::string_view text;
  char lower[kMaxWord + 1];
  size_t lower_len = 0;
  const Lex* lex = nullptr;
  long long number = -1;  // digits-only token value
  bool cap = false;
  std::string_view low() const { return {lower, lower_len}; }
};

const char* const kUnitLetter[] = {"", "S", "M", "H", "D", "W", "M", "Y", "DE", "CE", "WE", "W"};
const char* const kSeason[] = {"", "SP", "SU", "FA", "WI"};
const char* const kPod[] = {"", "MO", "MI", "AF", "EV", "NI"};
const char* const kFuzzyMod[] = {"", "START", "MID", "END", ""};

std::string Fmt(const char* f, int a, int b = 0, int c = 0) {
  char buf[48];
  std::snprintf(buf, sizeof buf, f, a, b, c);
  return buf;
}

std::string DayIso(int64_t days) {
  int y, m, d;
  CivilFromDays(days, &y, &m, &d);
  return Fmt("%04d-%02d-%02d", y, m, d);
}

enum class Tense { kPast, kFuture, kNone };

class Run {
 public:
  Run(std::string_view text, const std::vector<text::Token>& tokens,
      const std::vector<Span>& sentences, const Anchor& anchor, const TimeOptions& options,
      std::vector<TimeExpression>* out)
      : text_(text), sentences_(sentences), options_(options), out_(out),
        lex_(GetLexicon()) {
    toks_.resize(tokens.size());
    for (size_t i = 0; i < tokens.size(); ++i) {
      Tok& t = toks_[i];
      t.text = tokens[i].span.In(text);
      t.cap = !t.text.empty() && t.text[0] >= 'A' && t.text[0] <= 'Z';
      spans_.push_back(tokens[i].span);
      if (t.text.size() <= kMaxWord) {
        bool digits = !t.text.empty();
        for (size_t k = 0; k < t.text.size(); ++k) {
          char c = t.text[k];
          if (c < '0' || c > '9') digits = false;
          t.lower[k] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        }
        t.lower_len = t.text.size();
        t.lower[t.lower_len] = 0;
        if (digits && t.text.size() <= 12) t.number = std::atoll(t.lower);
        auto it = lex_.words.find(std::string(t.low()));
        if (it != lex_.words.end()) t.lex = &it->second;
      }
    }
    ref_ = anchor.date;
  }

  void Go() {
    size_t n = toks_.size();
    std::optional<meta::DateMatch> next_date = meta::FindDate(text_, 0);
    size_t sent = 0;
    for (size_t i = 0; i < n;) {
      while (next_date && next_date->begin < spans_[i].begin) {
        next_date = meta::FindDate(text_, next_date->end);
      }
      while (sent < sentences_.size() && sentences_[sent].end <= spans_[i].begin) ++sent;
      sent_ = sent < sentences_.size() ? sentences_[sent] : Span{0, static_cast<uint32_t>(text_.size())};
      date_ = next_date && next_date->begin == spans_[i].begin ? &*next_date : nullptr;
      // Dates found by FindDate that start inside a token ("mid-June") are
      // not aligned; the grammar below handles those.
      size_t end = 0;
      TimeExpression e;
      if (TryAt(i, &end, &e)) {
        e.span = {spans_[i].begin, spans_[end - 1].end};
        out_->push_back(std::move(e));
        i = end;
      } else {
        ++i;
      }
    }
  }

 private:
  const Tok& T(size_t i) const { return toks_[i]; }
  bool Is(size_t i, std::string_view w) const { return i < toks_.size() && T(i).low() == w; }
  const Lex* L(size_t i) const { return i < toks_.size() ? T(i).lex : nullptr; }

  // The reference for partial dates: the anchor, or in narrative mode the
  // last date with a year.
  CivilDate Ref() const { return ref_; }
  std::string RefIso() const {
    CivilDate r = Ref();
    if (r.year == 0) return r.month ? Fmt("XXXX-%02d-%02d", r.month, r.day) : std::string();
    return Fmt("%04d-%02d-%02d", r.year, r.month ? r.month : 1, r.day ? r.day : 1);
  }
  void NoteYear(int y, int m = 0, int d = 0) {
    if (!options_.narrative || y == 0) return;
    ref_.year = y;
    ref_.month = m ? m : 1;
    ref_.day = d ? d : 1;
    narrative_month_set_ = m != 0;
  }
  // Narrative mode: a partial date also moves the reference month forward.
  void NoteMonth(int y, int m, int d) {
    if (!options_.narrative || y == 0 || m == 0) return;
    ref_ = {y, m, d ? d : 1};
    narrative_month_set_ = true;
  }
  bool RefComplete() const { return Ref().complete(); }
  int64_t RefDays() const { CivilDate r = Ref(); return DaysFromCivil(r.year, r.month, r.day); }

  Tense TenseNear(size_t i) const {
    // Nearest marker before the expression inside the sentence, else after.
    // "until Friday", "by Friday": a deadline ahead of the report.
    if (i > 0 && (Is(i - 1, "until") || Is(i - 1, "till"))) return Tense::kFuture;
    size_t first = i;
    while (first > 0 && spans_[first - 1].begin >= sent_.begin) --first;
    for (size_t k = i; k-- > first;) {
      if (T(k).text == ";") break;  // another clause
      Tense t = TenseOf(k);
      if (t != Tense::kNone) return t;
    }
    for (size_t k = i + 1; k < toks_.size() && spans_[k].end <= sent_.end; ++k) {
      if (T(k).text == ";") break;
      Tense t = TenseOf(k);
      if (t != Tense::kNone) return t;
    }
    return Tense::kNone;
  }
  Tense TenseOf(size_t k) const {
    std::string_view w = T(k).low();
    if (w == "may" && !T(k).cap) return Tense::kFuture;  // the modal, not the month
    if (w.empty() || T(k).lex) return Tense::kNone;
    std::string key(w);
    if (lex_.future.count(key)) return Tense::kFuture;
    if (lex_.past.count(key)) return Tense::kPast;
    if (w.size() > 4 && w.substr(w.size() - 2) == "ed" && !T(k).cap) return Tense::kPast;
    return Tense::kNone;
  }

  void SetDate(TimeExpression* e, std::string v, bool needed_anchor) {
    e->value = std::move(v);
    if (e->value.size() == 10 && e->value[0] != 'X' && e->value[4] == '-' && e->value[7] == '-') {
      last_day_ = e->value;
      last_day_sentence_ = sent_.begin;
    }
    if (e->type == TimexType::kDate && e->value.find('T') != std::string::npos &&
        e->value.find("_REF") == std::string::npos)
      e->type = TimexType::kTime;
    e->resolved = e->value.find('X') == std::string::npos;
    if (needed_anchor) e->anchor = RefIso();
  }

  // Year for month (and day) without a year.
  int InferYear(size_t at, int month, int day) {
    CivilDate r = Ref();
    if (r.year == 0) return 0;
    if (options_.narrative) {
      // Histories run forward: a month before the last one mentioned is
      // usually in the next year ("December 1941 ... in January").
      if (r.month && month < r.month - 1 && r.month > 1 && narrative_month_set_) return r.year + 1;
      return r.year;
    }
    if (day == 0) {
      Tense t = TenseNear(at);
      if (t == Tense::kPast && r.month && month > r.month) return r.year - 1;
      if (t == Tense::kFuture && r.month && month < r.month) return r.year + 1;
      return r.year;
    }
    if (!r.complete()) return r.year;
    int64_t a = RefDays();
    int best = r.year;
    int64_t best_diff = INT64_MAX;
    auto days_of = [&](int y) { return DaysFromCivil(y, month, std::min(day, DaysInMonth(y, month))); };
    for (int y = r.year - 1; y <= r.year + 1; ++y) {
      int64_t diff = std::llabs(days_of(y) - a);
      if (diff < best_diff) best_diff = diff, best = y;
    }
    // The nearest year, unless the tense clearly points the other way.
    Tense t = TenseNear(at);
    if (t == Tense::kPast && days_of(best) > a + 30) --best;
    if (t == Tense::kFuture && days_of(best) < a - 30) ++best;
    return best;
  }

  std::string WeekdayValue(size_t at, int wd, int direction /* -1 strict past, 1 strict future, 0 tense */) {
    if (!RefComplete()) return Fmt("XXXX-WXX-%d", wd);
    int64_t a = RefDays();
    int cur = WeekdayOf(a);
    int64_t day;
    if (direction == -1) {
      int back = (cur - wd + 7) % 7;
      day = a - (back == 0 ? 7 : back);
    } else if (direction == 1) {
      int fwd = (wd - cur + 7) % 7;
      day = a + (fwd == 0 ? 7 : fwd);
    } else if (TenseNear(at) == Tense::kFuture) {
      day = a + (wd - cur + 7) % 7;
    } else {
      day = a - (cur - wd + 7) % 7;
    }
    return DayIso(day);
  }

  // Value of the period `unit` containing the reference, shifted by `k` units.
  std::string PeriodValue(int unit, int k) {
    CivilDate r = Ref();
    switch (unit) {
      case 7:  // year
        return r.year ? Fmt("%04d", r.year + k) : "XXXX";
      case 8:  // decade
        return r.year ? Fmt("%03d", r.year / 10 + k) : "XXX";
      case 9:
        return r.year ? Fmt("%02d", r.year / 100 + k) : "XX";
      case 6: {  // month
        if (!r.year || !r.month) return "XXXX-XX";
        int mm = r.year * 12 + (r.month - 1) + k;
        return Fmt("%04d-%02d", mm / 12, mm % 12 + 1);
      }
      case 5:
      case 10:
      case 11: {  // week, weekend
        if (!RefComplete()) return unit == 10 ? "XXXX-WXX-WE" : "XXXX-WXX";
        int wy, w;
        IsoWeek(RefDays() + 7 * k, &wy, &w);
        return Fmt(unit == 10 ? "%04d-W%02d-WE" : "%04d-W%02d", wy, w);
      }
      case 4:
        if (!RefComplete()) return "XXXX-XX-XX";
        return DayIso(RefDays() + k);
      default:
        return RefComplete() ? DayIso(RefDays()) : "XXXX-XX-XX";
    }
  }

  // Reads a count at i: digits, number words ("two", "twenty-five", "a"),
  // or a vague word (-2). Returns the number of tokens used, 0 if none.
  size_t ReadCount(size_t i, long long* count) const {
    if (i >= toks_.size()) return 0;
    const Tok& t = T(i);
    if (t.number >= 0) { *count = t.number; return 1; }
    if (t.lex && t.lex->vague) { *count = -2; return 1; }
    if (t.lex && t.lex->is_num && t.lex->num < 100) {
      *count = t.lex->num;
      if (t.low() == "couple" && Is(i + 1, "of")) return 2;
      return 1;
    }
    // twenty-five
    std::string_view w = t.low();
    size_t dash = w.find('-');
    if (dash != std::string_view::npos) {
      auto a = lex_.words.find(std::string(w.substr(0, dash)));
      auto b = lex_.words.find(std::string(w.substr(dash + 1)));
      if (a != lex_.words.end() && b != lex_.words.end() && a->second.is_num && b->second.is_num &&
          a->second.num >= 20 && b->second.num < 10) {
        *count = a->second.num + b->second.num;
        return 1;
      }
    }
    return 0;
  }

  // "five trading days", "six straight days": one adjective may sit
  // between a count and its unit.
  size_t SkipUnitAdjective(size_t j) const {
    static const char* const kAdj[] = {"trading", "straight", "consecutive", "business", "working",
                                       "full", "calendar", "successive", "long", "short"};
    if (j + 1 < toks_.size() && L(j + 1) && L(j + 1)->unit) {
      for (const char* a : kAdj) if (T(j).low() == a) return j + 1;
    }
    return j;
  }

  static std::string Duration(long long n, int unit) {
    std::string v = "P";
    if (unit <= 3) v += "T";
    v += n < 0 ? std::string("X") : std::to_string(n);
    if (unit == 11) {  // fortnight
      return n < 0 ? "PXW" : "P" + std::to_string(2 * n) + "W";
    }
    if (unit == 8 || unit == 9) {  // decades and centuries in years
      return n < 0 ? (unit == 8 ? "PXDE" : "PXCE") : "P" + std::to_string(n * (unit == 8 ? 10 : 100)) + "Y";
    }
    v += kUnitLetter[unit];
    return v;
  }

  // "two-year", "30-day", "five-year-old", "24-hour": one token.
  bool HyphenDuration(size_t i, TimeExpression* e) const {
    std::string_view w = T(i).low();
    size_t dash = w.find('-');
    if (dash == std::string_view::npos || dash == 0) return false;
    std::string_view a = w.substr(0, dash), b = w.substr(dash + 1);
    size_t dash2 = b.find('-');
    if (dash2 != std::string_view::npos) {
      if (b.substr(dash2 + 1) != "old" && b.substr(dash2 + 1) != "long") return false;
      b = b.substr(0, dash2);
    }
    auto ub = lex_.words.find(std::string(b));
    if (ub == lex_.words.end() || !ub->second.unit || ub->second.unit == 10) return false;
    long long n = -1;
    bool digits = !a.empty() && a.size() < 6;
    for (char c : a) digits = digits && c >= '0' && c <= '9';
    if (digits) {
      n = std::atoll(std::string(a).c_str());
    } else {
      auto ua = lex_.words.find(std::string(a));
      if (ua == lex_.words.end() || !ua->second.is_num || ua->second.num >= 100) return false;
      n = ua->second.num;
    }
    e->type = TimexType::kDuration;
    e->value = Duration(n, ub->second.unit);
    e->resolved = true;
    return true;
  }

  bool IsYear(size_t i) const {
    const Tok& t = T(i);
    if (t.number < 1000 || t.number > 2099 || t.text.size() != 4) return false;
    if (i > 0 && (T(i - 1).text == "$" || T(i - 1).text == "#")) return false;
    if (i + 1 < toks_.size()) {
      const Tok& nx = T(i + 1);
      if (nx.text == "%" || (nx.lex && (nx.lex->unit || nx.lex->is_num))) return false;
      std::string_view w = nx.low();
      if (w == "people" || w == "troops" || w == "soldiers" || w == "votes" || w == "km" ||
          w == "miles" || w == "metres" || w == "meters" || w == "feet" || w == "tons")
        return false;
    }
    return true;
  }

  // Optional "of 2012" / "2012" after a month, season or quarter.
  size_t YearAfter(size_t j, int* year) const {
    if (j < toks_.size() && IsYear(j)) { *year = static_cast<int>(T(j).number); return j + 1; }
    if (Is(j, "of") && j + 1 < toks_.size() && IsYear(j + 1)) {
      *year = static_cast<int>(T(j + 1).number);
      return j + 2;
    }
    // "of last year", "of this year", "of the previous year"
    size_t k = Is(j, "of") ? j + 1 : toks_.size();
    if (Is(k, "the")) ++k;
    if (k + 1 < toks_.size() && L(k) && L(k)->rel != -99 && Is(k + 1, "year") && Ref().year) {
      *year = Ref().year + L(k)->rel;
      return k + 2;
    }
    return j;
  }

  static std::string Offset(const meta::PartialDateTime& v) {
    if (!v.has_offset) return "";
    int off = v.offset_minutes;
    if (off == 0) return "Z";
    std::string out = off < 0 ? "-" : "+";
    out += Fmt("%02d", std::abs(off) / 60);
    if (std::abs(off) % 60) out += Fmt(":%02d", std::abs(off) % 60);
    return out;
  }

  // "May" is the month after a preposition of time or before a year.
  bool MayIsMonth(size_t i) const {
    if (i + 1 < toks_.size() && IsYear(i + 1)) return true;
    if (i == 0) return false;
    static const char* const kPrep[] = {"in", "since", "until", "till", "by", "during", "from", "through",
                                        "before", "after", "between", "and", "to", "of", "early", "late"};
    for (const char* p : kPrep) if (T(i - 1).low() == p) return true;
    return false;
  }

  bool Core(size_t i, size_t* end, TimeExpression* e, bool after_fuzzy) {
    const size_t n = toks_.size();
    if (i >= n) return false;
    const Tok& t = T(i);
    const Lex* l = t.lex;

    // Written dates and times: delegated to FindDate.
    if (date_ && date_->begin == spans_[i].begin) {
      const meta::PartialDateTime& v = date_->value;
      size_t j = i;
      while (j < n && spans_[j].begin < date_->end) ++j;
      if (j > i && spans_[j - 1].end == date_->end) {
        *end = j;
        if (v.has_date() || v.month) {
          int y = v.year;
          bool inferred = false;
          if (y == 0) { y = InferYear(i, v.month, v.day); inferred = true; }
          std::string val = v.day ? (y ? Fmt("%04d-%02d-%02d", y, v.month, v.day)
                                       : Fmt("XXXX-%02d-%02d", v.month, v.day))
                                  : (y ? Fmt("%04d-%02d", y, v.month) : Fmt("XXXX-%02d", v.month));
          if (v.has_time()) {
            val += Fmt("T%02d:%02d", v.hour, v.minute) + Offset(v);
            e->type = TimexType::kTime;
          }
          SetDate(e, val, inferred);
          if (!inferred) NoteYear(v.year, v.month, v.day);
          else NoteMonth(y, v.month, v.day);
          return true;
        }
        if (v.has_time()) {
          // A bare time: its day is a following weekday or date, else the reference.
          std::string day;
          size_t k = j;
          if (Is(k, ",")) ++k;
          if (Is(k, "on")) ++k;
          if (k < n && T(k).lex && T(k).lex->weekday && T(k).cap) {
            day = WeekdayValue(k, T(k).lex->weekday, 0);
            *end = k + 1;
          } else if (k < n && T(k).lex && (T(k).lex->deictic != -99)) {
            day = PeriodValue(4, T(k).lex->deictic);
            *end = k + 1;
          } else if (!last_day_.empty() && last_day_sentence_ == sent_.begin) {
            // "made its first flight Tuesday ... at 18:00 UTC": the day the
            // same sentence has just named.
            day = last_day_;
          } else {
            day = PeriodValue(4, 0);
          }
          std::string val = day + Fmt("T%02d:%02d", v.hour, v.minute) + Offset(v);
          e->type = TimexType::kTime;
          SetDate(e, val, true);
          return true;
        }
      }
    }
    // mid-June, mid-2013, mid-1990s (one token).
    std::string_view w = t.low();
    if (w.size() > 4 && w.substr(0, 4) == "mid-" && !after_fuzzy) {
      std::string rest(w.substr(4));
      auto it = lex_.words.find(rest);
      if (it != lex_.words.end() && it->second.month) {
        int m = it->second.month, y = 0;
        *end = YearAfter(i + 1, &y);
        bool inferred = y == 0;
        if (inferred) y = InferYear(i, m, 0);
        SetDate(e, y ? Fmt("%04d-%02d", y, m) : Fmt("XXXX-%02d", m), inferred);
        e->mod = "MID";
        return true;
      }
      bool digits = rest.size() >= 4;
      for (size_t k = 0; k < 4 && k < rest.size(); ++k) digits = digits && rest[k] >= '0' && rest[k] <= '9';
      if (digits && (rest.size() == 4 || rest == rest.substr(0, 4) + "s")) {
        int y = std::atoi(rest.substr(0, 4).c_str());
        SetDate(e, rest.size() == 4 ? Fmt("%04d", y) : Fmt("%03d", y / 10), false);
        e->mod = "MID";
        *end = i + 1;
        return true;
      }
    }
    // Years before the common era: 241 BC.
    if (t.number > 0 && t.number < 10000 && i + 1 < n &&
        (T(i + 1).low() == "bc" || T(i + 1).low() == "b.c." || T(i + 1).low() == "bce")) {
      SetDate(e, Fmt("BC%04d", static_cast<int>(t.number)), false);
      *end = i + 2;
      return true;
    }
    // Decades: 1990s.
    if (w.size() == 5 && w[4] == 's' && w[3] == '0' && std::isdigit(static_cast<unsigned char>(w[0]))) {
      int y = std::atoi(std::string(w.substr(0, 4)).c_str());
      if (y >= 1000 && y < 2100) {
        SetDate(e, Fmt("%03d", y / 10), false);
        *end = i + 1;
        return true;
      }
    }
    if (t.number >= 0 && IsYear(i) && options_.bare_years) {
      SetDate(e, Fmt("%04d", static_cast<int>(t.number)), false);
      NoteYear(static_cast<int>(t.number));
      *end = i + 1;
      return true;
    }
    if (HyphenDuration(i, e)) {
      *end = i + 1;
      return true;
    }
    {
      // third-quarter, first-half
      size_t dash = w.find('-');
      if (dash != std::string_view::npos && (w.substr(dash + 1) == "quarter" || w.substr(dash + 1) == "half")) {
        auto it = lex_.words.find(std::string(w.substr(0, dash)));
        bool q = w.substr(dash + 1) == "quarter";
        if (it != lex_.words.end() && it->second.ordinal && (q || it->second.ordinal <= 2)) {
          int k = it->second.ordinal;
          int y = 0;
          *end = YearAfter(i + 1, &y);
          bool inferred = y == 0;
          if (inferred) y = InferYear(i, q ? 3 * k : 6 * k, 0);
          SetDate(e, (y ? Fmt("%04d", y) : std::string("XXXX")) + Fmt(q ? "-Q%d" : "-H%d", k), inferred);
          return true;
        }
      }
    }
    // Two-digit decades and years: 80s, '80s, '82 (the twentieth century).
    {
      std::string_view d = w;
      bool apostrophe = !d.empty() && (d[0] == '\'');
      if (apostrophe) d.remove_prefix(1);
      bool two = d.size() >= 2 && std::isdigit(static_cast<unsigned char>(d[0])) &&
                 std::isdigit(static_cast<unsigned char>(d[1]));
      if (two && d.size() == 3 && d[2] == 's' && d[1] == '0') {
        SetDate(e, Fmt("19%c", d[0]), false);
        e->value = std::string("19") + d[0];
        *end = i + 1;
        return true;
      }
      if (two && d.size() == 2 && apostrophe) {
        SetDate(e, std::string("19") + std::string(d), false);
        *end = i + 1;
        return true;
      }
    }
    if (!l) return false;

    if (l->holiday && t.cap) {
      int y = 0;
      size_t j = YearAfter(i + 1, &y);
      bool inferred = y == 0;
      if (inferred) y = InferYear(i, l->holiday / 100, 0);
      SetDate(e, (y ? Fmt("%04d", y) : std::string("XXXX")) + Fmt("-%02d-%02d", l->holiday / 100, l->holiday % 100),
              inferred);
      *end = j;
      return true;
    }
    if (l->weekday && t.cap) {
      std::string val = WeekdayValue(i, l->weekday, 0);
      size_t j = i + 1;
      if (j < n && L(j) && L(j)->pod) { val += std::string("T") + kPod[L(j)->pod]; ++j; }
      SetDate(e, val, true);
      *end = j;
      return true;
    }
    if (l->month && t.cap && (t.low() != "may" || after_fuzzy || Is(i + 1, "of") || MayIsMonth(i))) {
      int y = 0;
      size_t j = YearAfter(i + 1, &y);
      // "August-September 2012": the first month shares the year.
      if (y == 0 && Is(i + 1, "-") && L(i + 2) && L(i + 2)->month) YearAfter(i + 3, &y);
      bool inferred = y == 0;
      if (inferred) y = InferYear(i, l->month, 0);
      else NoteYear(y, l->month);
      SetDate(e, y ? Fmt("%04d-%02d", y, l->month) : Fmt("XXXX-%02d", l->month), inferred);
      *end = j;
      return true;
    }
    if (l->deictic != -99) {
      std::string val = PeriodValue(4, l->deictic);
      size_t j = i + 1;
      if (j < n && L(j) && L(j)->pod) { val += std::string("T") + kPod[L(j)->pod]; ++j; }
      SetDate(e, val, true);
      *end = j;
      return true;
    }
    if (l->tonight) {
      SetDate(e, PeriodValue(4, 0) + "TNI", true);
      *end = i + 1;
      return true;
    }
    if (l->season && (t.low() != "fall" || after_fuzzy || (i > 0 && (Is(i - 1, "the") || Is(i - 1, "in"))))) {
      int y = 0;
      size_t j = YearAfter(i + 1, &y);
      bool inferred = y == 0;
      if (inferred) y = Ref().year;
      SetDate(e, (y ? Fmt("%04d", y) : std::string("XXXX")) + "-" + kSeason[l->season], inferred);
      *end = j;
      return true;
    }
    // first quarter, first half [of 2013]
    if (l->ordinal && i + 1 < n && L(i + 1) && (L(i + 1)->quarter || L(i + 1)->half)) {
      bool q = L(i + 1)->quarter;
      int y = 0;
      size_t j = YearAfter(i + 2, &y);
      int k = l->ordinal;
      bool inferred = y == 0;
      if (inferred) y = InferYear(i, q ? 3 * k : 6 * k, 0);
      if (!q && k > 2) return false;
      SetDate(e, (y ? Fmt("%04d", y) : std::string("XXXX")) + Fmt(q ? "-Q%d" : "-H%d", k), inferred);
      *end = j;
      return true;
    }
    if (l->ref && options_.references) {
      SetDate(e, l->ref == 1 ? "PRESENT_REF" : "PAST_REF", false);
      *end = i + 1;
      return true;
    }
    return false;
  }

  // Counted spans: "two years", "several months", "a year ago".
  bool Counted(size_t i, size_t* end, TimeExpression* e, bool allow_article) {
    long long count = 0;
    size_t used = ReadCount(i, &count);
    if (!used) return false;
    bool article = T(i).low() == "a" || T(i).low() == "an";
    size_t j = SkipUnitAdjective(i + used);
    if (j >= toks_.size() || !L(j) || !L(j)->unit) return false;
    int unit = L(j)->unit;
    ++j;
    if (options_.narrative && (Is(j, "later") || Is(j, "earlier")) && count > 0 && RefComplete()) {
      // Histories: "two days later" is two days after the last date mentioned.
      int k = static_cast<int>(count) * (Is(j, "later") ? 1 : -1);
      if (unit == 4) SetDate(e, PeriodValue(4, k), true);
      else if (unit == 5) SetDate(e, PeriodValue(4, 7 * k), true);
      else if (unit == 6 || unit == 7) SetDate(e, PeriodValue(unit, k), true);
      else return false;
      *end = j + 1;
      return true;
    }
    if (Is(j, "ago")) {
      // A point in the past at the unit's granularity.
      if (count < 0) {
        SetDate(e, "PAST_REF", false);
      } else if (!RefComplete()) {
        SetDate(e, unit >= 7 ? "XXXX" : "XXXX-XX-XX", true);
      } else if (unit == 5) {  // weeks ago: the day, as TE3 annotators give it
        SetDate(e, PeriodValue(4, -7 * static_cast<int>(count)), true);
      } else if (unit == 7 || unit == 8 || unit == 9 || unit == 6) {
        int k = static_cast<int>(count) * (unit == 8 ? 10 : unit == 9 ? 100 : 1);
        SetDate(e, PeriodValue(unit == 8 || unit == 9 ? 7 : unit, -k), true);
      } else if (unit == 4) {
        SetDate(e, PeriodValue(4, -static_cast<int>(count)), true);
      } else {
        SetDate(e, PeriodValue(4, 0), true);
      }
      *end = j + 1;
      return true;
    }
    if (article && !allow_article) {
      // "a year" alone is too often "twice a year" or "a day of"; only after
      // a preposition that takes a span.
      if (i == 0) return false;
      std::string_view p = T(i - 1).low();
      if (p != "for" && p != "in" && p != "within" && p != "than" && p != "over" && p != "about" &&
          p != "nearly" && p != "almost" && p != "least" && p != "after")
        return false;
    }
    if (count == 1 && !article && T(i).low() == "one" && unit == 4 && i + 1 < toks_.size() &&
        T(i).cap)
      return false;  // "One day, ..." is not a span
    e->type = TimexType::kDuration;
    e->value = Duration(count < 0 ? -1 : count, unit);
    e->resolved = count >= 0;
    *end = j;
    return true;
  }

  bool TryAt(size_t i, size_t* end, TimeExpression* e) {
    const size_t n = toks_.size();
    const Lex* l = L(i);
    std::string_view w = T(i).low();
    if (w.empty()) return false;
    char c0 = w[0];
    // Fast reject: expressions start with a letter or digit.
    if (!((c0 >= 'a' && c0 <= 'z') || (c0 >= '0' && c0 <= '9'))) return false;

    // Qualifiers before a span: more than / less than / at least / up to / about.
    std::string mod;
    size_t j = i;
    if ((w == "more" || w == "less" || w == "fewer") && Is(i + 1, "than")) {
      mod = w == "more" ? "MORE_THAN" : "LESS_THAN";
      j = i + 2;
    } else if (w == "at" && (Is(i + 1, "least") || Is(i + 1, "most"))) {
      mod = Is(i + 1, "least") ? "EQUAL_OR_MORE" : "EQUAL_OR_LESS";
      j = i + 2;
    } else if (w == "up" && Is(i + 1, "to")) {
      mod = "EQUAL_OR_LESS";
      j = i + 2;
    } else if (l && l->qualifier && !(w == "over" && Is(i + 1, "the"))) {
      mod = l->qualifier == 1 ? "MORE_THAN" : "APPROX";
      j = i + 1;
    }
    if (j > i) {
      size_t k = j;
      if (Is(k, "the") && (Is(k + 1, "past") || Is(k + 1, "last"))) k += 2;
      if (Counted(k, end, e, true) && e->type == TimexType::kDuration) {
        e->mod = mod;
        return true;
      }
      *e = TimeExpression();
      return false;
    }

    // "the past four days", "the last two years", "the next three weeks",
    // "the past year", "the past", "the future", "the 1990s", "the end of".
    bool the = w == "the";
    j = the ? i + 1 : i;
    if (j >= n) return false;
    const Lex* lj = L(j);

    if (lj && lj->rel != -99 && j + 1 < n) {
      int rel = lj->rel;
      std::string_view rw = T(j).low();
      // rel + count + unit: a span.
      long long count = 0;
      size_t used = ReadCount(j + 1, &count);
      size_t u = used ? SkipUnitAdjective(j + 1 + used) : 0;
      if (used && T(j + 1).low() != "a" && T(j + 1).low() != "an" && u < n && L(u) && L(u)->unit &&
          rel != 0) {
        e->type = TimexType::kDuration;
        e->value = Duration(count < 0 ? -1 : count, L(u)->unit);
        e->resolved = count >= 0;
        *end = u + 1;
        return true;
      }
      const Lex* ln = L(j + 1);
      if (ln) {
        if (ln->unit && ln->unit >= 4) {
          int unit = ln->unit;
          if ((the || rw == "past") && rel != 0 && unit != 10 && rw != "next" && rw != "coming" &&
              rw != "following" && rw != "previous" && rw != "preceding") {
            // "the past year": the span that ends at the reference.
            e->type = TimexType::kDuration;
            e->value = Duration(1, unit);
            e->resolved = true;
            *end = j + 2;
            return true;
          }
          if (rw == "following" || rw == "upcoming") return false;
          if ((rw == "previous" || rw == "preceding") && (!the || options_.narrative)) return false;
          SetDate(e, PeriodValue(unit, rel), true);
          *end = j + 2;
          return true;
        }
        if (ln->month && T(j + 1).cap) {
          CivilDate r = Ref();
          int y = r.year;
          if (y && r.month) {
            if (rel < 0 && ln->month >= r.month) --y;
            if (rel > 0 && ln->month <= r.month) ++y;
          }
          SetDate(e, y ? Fmt("%04d-%02d", y, ln->month) : Fmt("XXXX-%02d", ln->month), true);
          *end = j + 2;
          return true;
        }
        if (ln->weekday && T(j + 1).cap) {
          std::string val = WeekdayValue(j + 1, ln->weekday, rel < 0 ? -1 : rel > 0 ? 1 : 0);
          size_t k = j + 2;
          if (k < n && L(k) && L(k)->pod) { val += std::string("T") + kPod[L(k)->pod]; ++k; }
          SetDate(e, val, true);
          *end = k;
          return true;
        }
        if (ln->season) {
          CivilDate r = Ref();
          int y = r.year;
          int season_end_month[] = {0, 5, 8, 11, 2};
          if (y && r.month && rel < 0 && r.month <= season_end_month[ln->season] + (ln->season == 4 ? 12 : 0)) --y;
          if (y && rel > 0) ++y;
          SetDate(e, (y ? Fmt("%04d", y) : std::string("XXXX")) + "-" + kSeason[ln->season], true);
          *end = j + 2;
          return true;
        }
        if (ln->pod) {
          int shift = rel < 0 ? -1 : rel > 0 ? 1 : 0;
          if (ln->pod != 5 || rel == 0) shift = rel == 0 ? 0 : shift;
          SetDate(e, PeriodValue(4, shift) + "T" + kPod[ln->pod], true);
          *end = j + 2;
          return true;
        }
        if (ln->quarter && rel != 0) {
          CivilDate r = Ref();
          if (!r.year || !r.month) { SetDate(e, "XXXX-QX", true); *end = j + 2; return true; }
          int q = r.year * 4 + (r.month - 1) / 3 + rel;
          SetDate(e, Fmt("%04d-Q%d", q / 4, q % 4 + 1), true);
          *end = j + 2;
          return true;
        }
      }
      if (the && rw == "past" && options_.references) {
        SetDate(e, "PAST_REF", false);
        *end = j + 1;
        return true;
      }
    }
    if (options_.narrative && (the || w == "that")) {
      // Histories refer back: "that year", "the same month", "the next day",
      // "the previous year" are relative to the last date mentioned.
      const size_t base = w == "that" ? i + 1 : j;
      size_t k = base;
      int shift = 0;
      if (Is(k, "same")) {
        ++k;
      } else if (the && (Is(k, "next") || Is(k, "following"))) {
        shift = 1;
        ++k;
      } else if (the && (Is(k, "previous") || Is(k, "preceding"))) {
        shift = -1;
        ++k;
      }
      if (k < n && L(k) && L(k)->unit >= 4 && L(k)->unit <= 7 && T(k).low().back() != 's' &&
          (k > base || w == "that")) {
        SetDate(e, PeriodValue(L(k)->unit, shift), true);
        *end = k + 1;
        return true;
      }
    }
    if (the && !options_.narrative && (T(j).low() == "day" || (T(j).low() == "same" && Is(j + 1, "day")))) {
      // The day last named in the text, else the anchor's.
      SetDate(e, last_day_.empty() ? PeriodValue(4, 0) : last_day_, true);
      *end = T(j).low() == "day" ? j + 1 : j + 2;
      return true;
    }
    if (the && (T(j).low() == "near" || T(j).low() == "long") && Is(j + 1, "term") && options_.references) {
      SetDate(e, "FUTURE_REF", false);
      *end = j + 2;
      return true;
    }
    if (the && T(j).low() == "weekend" && !options_.narrative) {
      // The weekend around the anchor: the coming one in future sentences.
      int shift = TenseNear(j) == Tense::kFuture ? 0 : -1;
      if (RefComplete() && WeekdayOf(RefDays()) >= 6) shift = 0;
      SetDate(e, PeriodValue(10, shift), true);
      *end = j + 1;
      return true;
    }
    if (the && T(j).low() == "future" && options_.references) {
      SetDate(e, "FUTURE_REF", false);
      *end = j + 1;
      return true;
    }
    if (lj && lj->vague && T(j).low() == "recent" && L(j + 1) && L(j + 1)->unit && options_.references) {
      SetDate(e, "PAST_REF", false);
      *end = j + 2;
      return true;
    }

    // Fuzzy positions: early / mid / late X, the end/beginning/middle of X,
    // late on Monday, earlier this year.
    if (lj && lj->fuzzy) {
      std::string_view fw = T(j).low();
      size_t k = j + 1;
      int fz = lj->fuzzy;
      if (fw == "end" || fw == "beginning" || fw == "start" || fw == "middle") {
        if (!Is(k, "of")) return false;
        ++k;
        if (Is(k, "the")) ++k;
      } else if (!the) {
        if (Is(k, "on") || Is(k, "in")) ++k;
      } else {
        return false;
      }
      TimeExpression inner;
      size_t e2 = 0;
      // The core may itself be a determiner phrase: "late last year".
      bool ok = false;
      if (k + 1 < n && k > 0 && Is(k - 1, "the") && L(k) && L(k)->unit >= 5 && L(k)->unit <= 7 &&
          T(k).low().back() != 's') {
        // the end of the year: the period holding the reference
        SetDate(&inner, PeriodValue(L(k)->unit, 0), true);
        e2 = k + 1;
        ok = true;
      }
      if (!ok && k < n && L(k) && L(k)->rel != -99) ok = TryAt(k, &e2, &inner);
      if (!ok) ok = Core(k, &e2, &inner, true);
      if (ok && inner.type == TimexType::kDate) {
        *e = std::move(inner);
        if (e->mod.empty()) e->mod = kFuzzyMod[fz];
        *end = e2;
        return true;
      }
      return false;
    }
    if ((T(i).low() == "earlier" || T(i).low() == "later") &&
        (Is(i + 1, "this") || Is(i + 1, "last") || Is(i + 1, "next") || Is(i + 1, "today") ||
         Is(i + 1, "tonight"))) {
      TimeExpression inner;
      size_t e2 = 0;
      if (TryAt(i + 1, &e2, &inner) && inner.type == TimexType::kDate) {
        *e = std::move(inner);
        *end = e2;
        return true;
      }
      return false;
    }

    // Recurrences: every week, every two years, every Monday, weekly.
    if (l && l->every && i + 1 < n) {
      std::string_view ew = w;
      const Lex* ln = L(i + 1);
      if (ln && ln->weekday && T(i + 1).cap && ew != "per") {
        e->type = TimexType::kSet;
        e->value = Fmt("XXXX-WXX-%d", ln->weekday);
        e->resolved = true;
        *end = i + 2;
        return true;
      }
      if (ln && ln->unit) {
        e->type = TimexType::kSet;
        e->value = Duration(1, ln->unit);
        e->resolved = true;
        *end = i + 2;
        return true;
      }
      long long count = 0;
      size_t used = ReadCount(i + 1, &count);
      if (used && count > 0 && L(i + 1 + used) && L(i + 1 + used)->unit && ew == "every") {
        e->type = TimexType::kSet;
        e->value = Duration(count, L(i + 1 + used)->unit);
        e->resolved = true;
        *end = i + 2 + used;
        return true;
      }
      return false;
    }
    if (l && l->setword) {
      e->type = TimexType::kSet;
      e->value = Duration(1, l->setword);
      e->resolved = true;
      *end = i + 1;
      return true;
    }

    if (the) {
      // the 1990s, the summer, the first quarter
      if (Core(j, end, e, false)) {
        if (e->type == TimexType::kDate && e->value.size() == 3 && T(j).low().back() == 's') return true;
        if (L(j) && (L(j)->season || L(j)->ordinal)) return true;
        *e = TimeExpression();
      }
      if (Counted(j, end, e, false)) return true;
      *e = TimeExpression();
      return false;
    }
    if (Counted(i, end, e, false)) return true;
    *e = TimeExpression();
    if (l && l->unit && l->unit >= 3 && l->unit != 10 && w.back() == 's' && i > 0 &&
        (Is(i - 1, "for") || Is(i - 1, "decades") || (Is(i - 1, "the") && i > 1 && Is(i - 2, "over")))) {
      e->type = TimexType::kDuration;
      e->value = Duration(-1, l->unit);
      *end = i + 1;
      return true;
    }
    return Core(i, end, e, false);
  }

  std::string_view text_;
  const std::vector<Span>& sentences_;
  const TimeOptions& options_;
  std::vector<TimeExpression>* out_;
  const Lexicon& lex_;
  std::vector<Tok> toks_;
  std::vector<Span> spans_;
  CivilDate ref_;
  bool narrative_month_set_ = false;
  std::string last_day_;  // the last day-precision date tagged
  uint32_t last_day_sentence_ = UINT32_MAX;  // begin of the sentence it was found in
  Span sent_;
  const meta::DateMatch* date_ = nullptr;
};

}  // namespace

std::string_view TimexTypeName(TimexType t) {
  switch (t) {
    case TimexType::kDate: return "DATE";
    case TimexType::kTime: return "TIME";
    case TimexType::kDuration: return "DURATION";
    case TimexType::kSet: return "SET";
  }
  return "DATE";
}

CivilDate ParseCivil(std::string_view iso) {
  CivilDate d;
  auto num = [&](size_t pos, size_t len) -> int {
    if (iso.size() < pos + len) return -1;
    int v = 0;
    for (size_t k = pos; k < pos + len; ++k) {
      if (iso[k] < '0' || iso[k] > '9') return -1;
      v = v * 10 + (iso[k] - '0');
    }
    return v;
  };
  if (iso.size() < 10 || iso[4] != '-' || iso[7] != '-') {
    if (iso.size() >= 7 && iso[4] == '-') {
      int y = num(0, 4), m = num(5, 2);
      if (m >= 1 && m <= 12) { d.month = m; d.year = y > 0 ? y : 0; }
    }
    return d;
  }
  int y = num(0, 4), m = num(5, 2), dd = num(8, 2);
  if (m < 1 || m > 12 || dd < 1 || dd > 31) return {};
  d.year = y > 0 ? y : 0;
  d.month = m;
  d.day = dd;
  return d;
}

void TimeTagger::Tag(std::string_view text, const std::vector<Span>& sentences, const Anchor& anchor,
                     std::vector<TimeExpression>* out) {
  tokens_.clear();
  text::Tokenize(text, &tokens_);
  // Ranges are written with a hyphen the tokenizer keeps inside words
  // ("1861-1865", "August-24", "22-23"): split where a digit follows it, so
  // each end is an expression of its own; "30-day" stays whole.
  size_t n = tokens_.size();
  for (size_t k = 0; k < n; ++k) {
    text::Token& t = tokens_[k];
    std::string_view w = t.span.In(text);
    size_t dash = w.find('-');
    if (dash == std::string_view::npos || dash == 0 || dash + 1 >= w.size()) continue;
    if (!std::isdigit(static_cast<unsigned char>(w[dash + 1]))) {
      // "August-September": month names on both sides; "1950-the": a
      // number glued to a word that is not a unit ("30-day" stays whole).
      const auto& words = GetLexicon().words;
      std::string_view left = w.substr(0, dash), right = w.substr(dash + 1);
      auto a = words.find(LowerStr(left));
      auto b = words.find(LowerStr(right));
      bool months = a != words.end() && b != words.end() && a->second.month && b->second.month;
      bool digits = true;
      for (char c : left) digits = digits && c >= '0' && c <= '9';
      auto unit = words.find(LowerStr(right.substr(0, right.find('-'))));
      bool unit_word = unit != words.end() && unit->second.unit;
      if (!months && !(digits && left.size() == 4 && !unit_word)) continue;
    }
    uint32_t b = t.span.begin, e = t.span.end;
    uint32_t d = b + static_cast<uint32_t>(dash);
    t.span.end = d;
    tokens_.push_back({{d, d + 1}, text::TokenKind::kPunct});
    tokens_.push_back({{d + 1, e}, std::isdigit(static_cast<unsigned char>(w[0])) ? text::TokenKind::kNumber
                                                                                  : t.kind});
  }
  if (tokens_.size() != n) {
    std::sort(tokens_.begin(), tokens_.end(),
              [](const text::Token& a, const text::Token& b) { return a.span.begin < b.span.begin; });
  }
  const std::vector<Span>* sents = &sentences;
  if (sentences.empty()) {
    sentences_.clear();
    text::SplitSentences(text, 0, &sentences_);
    sents = &sentences_;
  }
  Run run(text, tokens_, *sents, anchor, options_, out);
  run.Go();
}

Anchor ChooseAnchor(const Article& article) {
  Anchor a;
  CivilDate pub = ParseCivil(article.published.value);
  if (pub.complete()) {
    a.date = pub;
    a.source = "published:" + article.published.source;
    a.confidence = article.published.confidence;
    return a;
  }
  if (pub.month && pub.day) {
    // Month and day known (a dateline): a year only when the text states
    // this very day with its year.
    size_t from = 0;
    while (auto m = meta::FindDate(article.body, from)) {
      from = m->end;
      if (m->value.year && m->value.month == pub.month && m->value.day == pub.day) {
        a.date = {m->value.year, pub.month, pub.day};
        a.source = "inferred:dateline+dated-statement";
        a.confidence = 0.7f;
        return a;
      }
    }
    // Weekdays stated with dates ("Monday, May 27") fix the year among the
    // few after the latest year the text names, when exactly one agrees.
    const Lexicon& lx = GetLexicon();
    std::vector<std::pair<int, CivilDate>> pairs;  // weekday, month-day
    int latest_year = 0;
    from = 0;
    while (auto m = meta::FindDate(article.body, from)) {
      from = m->end;
      latest_year = std::max(latest_year, m->value.year);
      if (m->value.year || !m->value.month || !m->value.day) continue;
      // The word before the date (skipping ", " and "on"), or the date's own first word.
      std::string_view head = std::string_view(article.body).substr(m->begin, m->end - m->begin);
      std::string_view before = std::string_view(article.body).substr(0, m->begin);
      while (!before.empty() && (before.back() == ' ' || before.back() == ',')) before.remove_suffix(1);
      if (before.size() >= 3 && before.substr(before.size() - 3) == " on") before.remove_suffix(3);
      while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
      size_t sp = before.find_last_of(" \n(");
      std::string_view prev = before.substr(sp == std::string_view::npos ? 0 : sp + 1);
      std::string_view first = head.substr(0, head.find_first_of(" ,"));
      for (std::string_view w : {prev, first}) {
        auto it = lx.words.find(LowerStr(w));
        if (it != lx.words.end() && it->second.weekday) {
          pairs.push_back({it->second.weekday, {0, m->value.month, m->value.day}});
          break;
        }
      }
    }
    if (!pairs.empty() && latest_year) {
      int found = 0, year = 0;
      for (int y = latest_year; y <= latest_year + 3; ++y) {
        bool ok = true;
        for (const auto& [wd, d] : pairs) {
          if (d.day > DaysInMonth(y, d.month) || WeekdayOf(DaysFromCivil(y, d.month, d.day)) != wd) ok = false;
        }
        if (ok) ++found, year = y;
      }
      if (found == 1) {
        a.date = {year, pub.month, pub.day};
        a.source = "inferred:dateline+weekday-agreement";
        a.confidence = 0.5f;
        return a;
      }
    }
    a.date = pub;
    a.source = "partial:" + article.published.source;
    a.confidence = article.published.confidence;
  }
  return a;
}

}  // namespace storyline::time
