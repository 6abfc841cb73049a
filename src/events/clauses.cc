// A shallow clause test: without a parse, the words between the verb and a
// date or place tell whether they still share a clause. Reporting verbs and
// subordinators are the common separators in news sentences.
#include "events/clauses.h"

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

}  // namespace

bool InOtherClause(std::string_view text, Span verb, Span other) {
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
