// A shallow clause test: without a parse, the words between the verb and a
// date or place tell whether they still share a clause. Reporting verbs and
// subordinators are the common separators in news sentences.
#include "events/clauses.h"

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_set>

#include "common/embedded_data.h"

namespace storyline::events {
namespace {

const std::unordered_set<std::string>& Separators() {
  static const auto* const kWords = [] {
    auto* words = new std::unordered_set<std::string>();
    for (const char* file : {"events/reporting_words.txt", "events/clause_barriers.txt"}) {
      for (std::string_view w : data::Lines(file)) words->emplace(w);
    }
    return words;
  }();
  return *kWords;
}

std::unordered_set<std::string>* Load(const char* file) {
  auto* words = new std::unordered_set<std::string>();
  for (std::string_view w : data::Lines(file)) words->emplace(w);
  return words;
}

const std::unordered_set<std::string>& RelativePronouns() {
  static const auto* const kWords = Load("events/relative_pronouns.txt");
  return *kWords;
}

const std::unordered_set<std::string>& ReportingWords() {
  static const auto* const kWords = Load("events/reporting_words.txt");
  return *kWords;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsAlpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

// The bounds of the comma-delimited relative clause holding `verb` (", who
// is in Damascus meeting officials,"), or false when it is in none.
bool RelativeClause(std::string_view text, Span verb, size_t* begin, size_t* end) {
  const size_t comma = text.rfind(',', verb.begin == 0 ? 0 : verb.begin - 1);
  if (comma == std::string_view::npos || comma >= verb.begin) return false;
  size_t w = comma + 1;
  while (w < verb.begin && text[w] == ' ') ++w;
  size_t e = w;
  while (e < text.size() && IsAlpha(text[e])) ++e;
  if (e == w || !RelativePronouns().count(Lower(text.substr(w, e - w)))) {
    return false;
  }
  *begin = comma;
  const size_t close = text.find(',', verb.end);
  *end = close == std::string_view::npos ? text.size() : close;
  return true;
}

}  // namespace

bool AfterReportingWord(std::string_view text, Span span) {
  static const std::unordered_set<std::string> kSkip = {"on", "last", "this", "late", "early"};
  size_t end = std::min<size_t>(span.begin, text.size());
  for (int words = 0; words < 3; ++words) {
    while (end > 0 && !IsAlpha(text[end - 1])) {
      // A comma or other mark between them ends the reporting phrase.
      if (text[end - 1] != ' ') return false;
      --end;
    }
    size_t begin = end;
    while (begin > 0 && IsAlpha(text[begin - 1])) --begin;
    if (begin == end) return false;
    const std::string word = Lower(text.substr(begin, end - begin));
    if (ReportingWords().count(word)) return true;
    if (!kSkip.count(word)) return false;
    end = begin;
  }
  return false;
}

bool InOtherClause(std::string_view text, Span verb, Span other) {
  size_t rel_begin = 0, rel_end = 0;
  if (RelativeClause(text, verb, &rel_begin, &rel_end) &&
      (other.begin >= rel_end || other.end <= rel_begin)) {
    return true;
  }
  size_t begin = other.begin >= verb.end ? verb.end : other.end;
  size_t end = other.begin >= verb.end ? other.begin : verb.begin;
  if (end > text.size()) end = text.size();
  const auto& words = Separators();
  std::string word;
  for (size_t i = begin; i <= end; ++i) {
    char c = i < end ? text[i] : ' ';
    if (std::isalpha(static_cast<unsigned char>(c))) {
      word.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    } else {
      if (!word.empty() && words.count(word)) return true;
      word.clear();
    }
  }
  return false;
}

}  // namespace storyline::events
