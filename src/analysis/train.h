// Training and evaluation of the part-of-speech tagger on CoNLL-U treebanks
// (UD English EWT: XPOS = Penn Treebank tags).
//
// Treebank tokens are made to look like text::Tokenize's: a hyphen tagged
// HYPH written without spaces on either side ("Al - Zaman", "30 - year - old"
// with SpaceAfter=No) is merged with its neighbours into one token that takes
// the tag of its last part ("Al-Zaman" NNP, "30-year-old" JJ). Multiword-token
// range lines ("1-2") and empty nodes ("8.1") are skipped: the syntactic words
// ("do" "n't") are what the tokenizer yields too.
//
// Thread-safety: all functions are thread-safe (no shared state).
#ifndef STORYLINE_ANALYSIS_TRAIN_H_
#define STORYLINE_ANALYSIS_TRAIN_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/tagger.h"
#include "storyline/status.h"

namespace storyline::analysis {

struct TreebankSentence {
  std::vector<std::string> words;
  std::vector<analysis::Tag> tags;  // gold XPOS
  std::vector<std::string> upos;    // gold UPOS
};

struct TreebankOptions {
  bool merge_hyphens = true;  // join "x - y" written "x-y" into one token (see above)
};

// Reads one .conllu file. NotFound / IoError for the file, InvalidData naming
// file and line for a malformed token line or an unknown XPOS.
Result<std::vector<TreebankSentence>> ReadConllu(const std::string& path, const TreebankOptions& options = {});

struct TrainOptions {
  int epochs = 12;                   // passes over the training sentences (shuffled each pass)
  uint64_t seed = 20240601;          // shuffling and recasing
  double title_case_share = 0.06;    // share of sentences per pass rewritten In Title Case
  double upper_case_share = 0.04;    // share rewritten IN ALL CAPITALS
  int dict_min_count = 10;           // a word enters the tag dictionary when seen this often...
  double dict_min_share = 0.97;      // ...with one tag at least this share of the time
  double prune_below = 0.5;          // averaged weights smaller than this (update units) are dropped
};

struct TrainReport {
  size_t sentences = 0, tokens = 0;
  std::vector<double> epoch_accuracy;  // training accuracy of each pass (before averaging)
  size_t dictionary = 0, features = 0, weights = 0, pruned = 0;
  double seconds = 0;
};

// Trains a tagger on `train`. `progress` (may be empty) is called after each
// pass with (pass, training accuracy).
Result<std::unique_ptr<Tagger>> TrainTagger(const std::vector<TreebankSentence>& train, const TrainOptions& options,
                                            TrainReport* report,
                                            const std::function<void(int, double)>& progress = {});

// Maps a predicted Penn tag to a UD UPOS: the UPOS most often seen with the
// (lowercased word, XPOS) pair in the training treebank, else the one most
// often seen with the XPOS alone. Built from training data only.
class UposMapper {
 public:
  explicit UposMapper(const std::vector<TreebankSentence>& train);
  std::string_view Map(std::string_view word, analysis::Tag tag) const;

 private:
  std::unordered_map<std::string, std::string> by_word_tag_;
  std::string by_tag_[kNumTags];
};

struct TagEvaluation {
  size_t tokens = 0, xpos_correct = 0, upos_correct = 0, sentences = 0;
  double seconds = 0;
  double xpos_accuracy() const { return tokens ? static_cast<double>(xpos_correct) / tokens : 0; }
  double upos_accuracy() const { return tokens ? static_cast<double>(upos_correct) / tokens : 0; }
};

// Tags each sentence's gold tokens and counts agreement with the gold XPOS
// and (through `upos`, when given) UPOS.
TagEvaluation EvaluateTagger(const Tagger& tagger, const std::vector<TreebankSentence>& gold,
                             const UposMapper* upos);

}  // namespace storyline::analysis

#endif  // STORYLINE_ANALYSIS_TRAIN_H_
