// ROUGE-N (Lin 2004) for evaluation, computed in the project: text is
// lowercased and split on every non-alphanumeric byte (ASCII letters and
// digits; bytes >= 0x80 are kept inside tokens), tokens are stemmed with the
// Porter stemmer (Snowball's "porter" algorithm from libstemmer, as
// ROUGE-1.5.5's -m), and no stopwords are removed unless asked. N-grams are counted within
// sentences (a summary is a list of sentences) and clipped against the
// reference: hits = sum over n-grams of min(system count, reference count).
//
// Counts are kept separately (hits, system total, reference total) so that
// callers can sum them over many pairs (micro-averaging, as the timeline
// metrics of tls_eval.h do) before dividing.
//
// Thread-safety: functions are thread-safe (one stemmer per thread).
#ifndef STORYLINE_EVAL_ROUGE_H_
#define STORYLINE_EVAL_ROUGE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace storyline::eval {

struct RougeOptions {
  bool stem = true;  // Porter stemming of every token
  // Drop function words before stemming, as ROUGE-1.5.5's -s (tilse turns it
  // on). The list is the project's English function-word list
  // (data/cluster/stopwords.txt, 180-odd words), shorter than ROUGE-1.5.5's
  // SMART list, so scores with it only approximate tilse's. Off by default.
  bool remove_stopwords = false;
};

// Lowercased, stemmed tokens of one text.
std::vector<std::string> RougeTokens(std::string_view text, const RougeOptions& options = {});

// The Porter stem of one lowercase token.
std::string PorterStem(std::string_view token);

// N-gram counts of a summary (sentences already tokenised); n-grams never
// span two sentences. Keys join the tokens with a space.
using NgramCounts = std::unordered_map<std::string, int64_t>;
NgramCounts CountNgrams(const std::vector<std::vector<std::string>>& sentences, int n);

// Precision = hits / system, recall = hits / reference; hits may be weighted
// (the alignment metric discounts them), hence double.
struct RougeCounts {
  double hits = 0;
  int64_t system = 0;     // n-grams in the system summary
  int64_t reference = 0;  // n-grams in the reference summary

  double precision() const { return system > 0 ? hits / static_cast<double>(system) : 0; }
  double recall() const { return reference > 0 ? hits / static_cast<double>(reference) : 0; }
  double f1() const;
};

// F1 of a precision and a recall (0 when both are 0).
double FScore(double precision, double recall);

// Clipped n-gram overlap of two count tables.
RougeCounts Overlap(const NgramCounts& system, const NgramCounts& reference);

// ROUGE-N of two summaries given as sentences (raw text).
RougeCounts RougeN(const std::vector<std::string>& system,
                   const std::vector<std::string>& reference, int n,
                   const RougeOptions& options = {});

}  // namespace storyline::eval

#endif  // STORYLINE_EVAL_ROUGE_H_
