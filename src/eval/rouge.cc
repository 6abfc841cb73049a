#include "eval/rouge.h"

#include <libstemmer.h>

#include <algorithm>
#include <memory>
#include <string_view>
#include <unordered_set>

#include "common/embedded_data.h"

namespace storyline::eval {
namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

sb_stemmer* ThreadStemmer() {
  thread_local std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(
      sb_stemmer_new("porter", "UTF_8"));
  return stemmer.get();
}

bool IsAlnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

const std::unordered_set<std::string_view>& Stopwords() {
  static const auto* kWords = [] {
    auto* words = new std::unordered_set<std::string_view>();
    for (std::string_view line : data::Lines("cluster/stopwords.txt")) {
      if (!line.empty() && line[0] != '#') words->insert(line);
    }
    return words;
  }();
  return *kWords;
}

}  // namespace

std::string PorterStem(std::string_view token) {
  sb_stemmer* stemmer = ThreadStemmer();
  if (stemmer == nullptr || token.empty()) return std::string(token);
  const sb_symbol* out = sb_stemmer_stem(stemmer, reinterpret_cast<const sb_symbol*>(token.data()),
                                         static_cast<int>(token.size()));
  int length = sb_stemmer_length(stemmer);
  // Out of memory, or a one-letter word stemmed away ("s"): keep the token.
  if (out == nullptr || length <= 0) return std::string(token);
  return std::string(reinterpret_cast<const char*>(out), static_cast<size_t>(length));
}

std::vector<std::string> RougeTokens(std::string_view text, const RougeOptions& options) {
  std::vector<std::string> tokens;
  size_t i = 0;
  while (i < text.size()) {
    if (!IsAlnum(static_cast<unsigned char>(text[i]))) {
      ++i;
      continue;
    }
    std::string token;
    while (i < text.size() && IsAlnum(static_cast<unsigned char>(text[i]))) {
      char c = text[i++];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      token.push_back(c);
    }
    if (options.remove_stopwords && Stopwords().count(token) > 0) continue;
    tokens.push_back(options.stem ? PorterStem(token) : std::move(token));
  }
  return tokens;
}

NgramCounts CountNgrams(const std::vector<std::vector<std::string>>& sentences, int n) {
  NgramCounts counts;
  if (n < 1) return counts;
  for (const auto& tokens : sentences) {
    for (size_t i = 0; i + static_cast<size_t>(n) <= tokens.size(); ++i) {
      std::string key = tokens[i];
      for (int k = 1; k < n; ++k) {
        key.push_back(' ');
        key += tokens[i + static_cast<size_t>(k)];
      }
      ++counts[key];
    }
  }
  return counts;
}

double FScore(double precision, double recall) {
  if (precision + recall <= 0) return 0;
  return 2 * precision * recall / (precision + recall);
}

double RougeCounts::f1() const { return FScore(precision(), recall()); }

RougeCounts Overlap(const NgramCounts& system, const NgramCounts& reference) {
  RougeCounts r;
  for (const auto& [gram, count] : system) {
    r.system += count;
    auto it = reference.find(gram);
    if (it != reference.end()) r.hits += static_cast<double>(std::min(count, it->second));
  }
  for (const auto& [gram, count] : reference) r.reference += count;
  return r;
}

RougeCounts RougeN(const std::vector<std::string>& system,
                   const std::vector<std::string>& reference, int n, const RougeOptions& options) {
  std::vector<std::vector<std::string>> s, r;
  for (const auto& x : system) s.push_back(RougeTokens(x, options));
  for (const auto& x : reference) r.push_back(RougeTokens(x, options));
  return Overlap(CountNgrams(s, n), CountNgrams(r, n));
}

}  // namespace storyline::eval
