// Event dates: the nearest stated day, unless the report's own clause owns it.
#include "events/event_date.h"

#include <cctype>
#include <string>

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

DateChoice ChooseEventDate(std::string_view sentence, Span verb,
                           const std::vector<time::TimeExpression>& expressions,
                           std::string_view article_date, plover::Modality modality) {
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
