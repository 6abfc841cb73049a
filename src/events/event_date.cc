// Event dates: the nearest stated day, unless the report's own clause owns it.
#include "events/event_date.h"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>

#include "common/calendar.h"
#include "events/clauses.h"
#include "events/event.h"

namespace storyline::events {

bool IsFullDate(std::string_view v) {
  if (v.size() < 10) return false;
  for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9}) {
    if (!std::isdigit(static_cast<unsigned char>(v[i]))) return false;
  }
  return v[4] == '-' && v[7] == '-' && (v.size() == 10 || v[10] == 'T');
}

namespace {

std::string LowerWord(std::string_view text, size_t begin, size_t end) {
  std::string w(text.substr(begin, end - begin));
  for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return w;
}

// True when the verb is a past perfect: "had agreed", "had already agreed",
// "had been agreed".
bool PastPerfect(std::string_view text, Span verb) {
  size_t end = std::min<size_t>(verb.begin, text.size());
  for (int words = 0; words < 2; ++words) {
    while (end > 0 && text[end - 1] == ' ') --end;
    size_t begin = end;
    while (begin > 0 && std::isalpha(static_cast<unsigned char>(text[begin - 1]))) --begin;
    if (begin == end) return false;
    const std::string w = LowerWord(text, begin, end);
    if (w == "had") return true;
    if (w != "been" && !w.ends_with("ly") && w != "also" && w != "just") return false;
    end = begin;
  }
  return false;
}

// "2014-W04" -> the day numbers of its Monday and Sunday.
bool WeekDays(std::string_view v, int64_t* monday, int64_t* sunday) {
  if (v.size() != 8 || v[4] != '-' || v[5] != 'W') return false;
  for (size_t i : {0, 1, 2, 3, 6, 7}) {
    if (!std::isdigit(static_cast<unsigned char>(v[i]))) return false;
  }
  const int year = std::stoi(std::string(v.substr(0, 4)));
  const int week = std::stoi(std::string(v.substr(6, 2)));
  if (week < 1 || week > 53) return false;
  const int64_t jan4 = DaysFromCivil(year, 1, 4);  // always in week 1
  *monday = jan4 - (WeekdayOf(jan4) - 1) + int64_t{7} * (week - 1);
  *sunday = *monday + 6;
  return true;
}

int64_t DayNumber(std::string_view day) {
  return DaysFromCivil(std::stoi(std::string(day.substr(0, 4))),
                       std::stoi(std::string(day.substr(5, 2))),
                       std::stoi(std::string(day.substr(8, 2))));
}

}  // namespace

DateChoice ChooseEventDate(std::string_view sentence, Span verb,
                           const std::vector<time::TimeExpression>& expressions,
                           std::string_view article_date, plover::Modality modality,
                           const std::vector<std::string>& article_days) {
  const bool dated_article = IsFullDate(article_date);
  std::string_view article_day = dated_article ? article_date.substr(0, 10) : std::string_view();
  const time::TimeExpression* best = nullptr;
  size_t best_distance = 0;
  for (int pass = 0; pass < 2 && best == nullptr; ++pass) {
    time::TimexType want = pass == 0 ? time::TimexType::kDate : time::TimexType::kTime;
    for (const time::TimeExpression& e : expressions) {
      if (e.type != want || !IsFullDate(e.value)) continue;
      std::string_view day = std::string_view(e.value).substr(0, 10);
      // What happened happened by publication; what is planned is to come.
      if (dated_article && modality == plover::Modality::kHappened && day > article_day) continue;
      if (dated_article && modality == plover::Modality::kPlanned && day < article_day) continue;
      if (InOtherClause(sentence, verb, e.span)) continue;
      if (e.span.end <= verb.begin && AfterReportingWord(sentence, e.span) &&
          PastPerfect(sentence, verb)) {
        continue;
      }
      bool after = e.span.begin >= verb.end;
      size_t gap_begin = after ? verb.end : e.span.end;
      size_t gap_end = after ? e.span.begin : verb.begin;
      size_t distance = gap_end > gap_begin ? gap_end - gap_begin : 0;
      // Nearest wins; at equal distance the earlier one (text order) stays.
      if (best == nullptr || distance < best_distance) {
        best = &e;
        best_distance = distance;
      }
    }
  }
  DateChoice out;
  if (best == nullptr) {
    // A week in the verb's clause, and exactly one day of it named in the
    // article: that day.
    for (const time::TimeExpression& e : expressions) {
      int64_t monday = 0, sunday = 0;
      if (!WeekDays(e.value, &monday, &sunday) || InOtherClause(sentence, verb, e.span)) continue;
      std::set<std::string_view> in_week;
      for (const std::string& day : article_days) {
        if (!IsFullDate(day)) continue;
        const int64_t n = DayNumber(day);
        if (n >= monday && n <= sunday) in_week.insert(std::string_view(day).substr(0, 10));
      }
      if (in_week.size() != 1) continue;
      const std::string_view found = *in_week.begin();
      if (dated_article && modality == plover::Modality::kHappened && found > article_day) continue;
      if (dated_article && modality == plover::Modality::kPlanned && found < article_day) continue;
      out.date = std::string(found);
      out.source = kDateText;
      out.span = e.span;
      return out;
    }
  }
  if (best != nullptr) {
    out.date = best->value.substr(0, 10);
    out.source = kDateText;
    out.span = best->span;
  } else if (dated_article) {
    out.date = std::string(article_day);
    out.source = kDateArticle;
  }
  return out;
}

}  // namespace storyline::events
