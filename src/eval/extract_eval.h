// Scoring of article-body extraction against the Zyte (ScrapingHub)
// article-extraction benchmark (github.com/scrapinghub/article-extraction-
// benchmark, evaluate.py), reproduced exactly:
//
//  - tokens are the matches of Python's Unicode `\w+` (letters, numbers and
//    '_'; case kept);
//  - shingles are the 4-token windows of a text, counted as a multiset; a text
//    of 1-3 tokens has one shingle (all its tokens), an empty text none;
//  - per page, tp/fp/fn are the multiset overlap and differences, then divided
//    by their sum (so every page weighs the same);
//  - precision is the mean over pages with tp+fp > 0 of tp/(tp+fp), recall
//    the mean over pages with tp+fn > 0 of tp/(tp+fn) (a page whose shingles
//    match exactly, fp = fn = 0, scores 1); F1 is the harmonic mean of these
//    two means (not a mean of per-page F1);
//  - accuracy is the share of pages whose token sequence equals the truth's.
//
// The dataset folder holds `ground-truth.json` or `ground-truth.*.json`
// (id -> {"articleBody", "url"}) and html/<id>.html.gz.
//
// Thread-safety: the functions are thread-safe; `extract` is called from the
// calling thread only.
#ifndef STORYLINE_EVAL_EXTRACT_EVAL_H_
#define STORYLINE_EVAL_EXTRACT_EVAL_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/status.h"

namespace storyline::eval {

// Shingle matching of one page, normalised so that tp + fp + fn = 1 (all 0
// when both texts are empty).
struct ShingleMatch {
  double tp = 0, fp = 0, fn = 0;
};

struct PageScore {
  std::string id;
  std::string url;
  double precision = 0;   // tp/(tp+fp); 1 on an exact shingle match
  double recall = 0;      // tp/(tp+fn)
  double f1 = 0;          // per-page harmonic mean (for inspection only)
  bool exact_match = false;  // token sequences equal (the "accuracy" test)
  ShingleMatch match;
  size_t truth_chars = 0;
  size_t predicted_chars = 0;
  std::string error;      // non-empty when extraction failed (scored as empty)
};

struct ExtractEvalReport {
  std::vector<PageScore> pages;  // in id order
  double precision = 0;
  double recall = 0;
  double f1 = 0;
  double accuracy = 0;
  size_t n = 0;                  // pages scored
  size_t failures = 0;           // pages whose extraction returned an error
  double seconds = 0;            // time spent inside `extract`
  double megabytes = 0;          // HTML bytes given to `extract`
};

// Returns the body text of a page from its raw (undecoded) bytes.
using ExtractFn =
    std::function<Result<std::string>(std::string_view raw_html_bytes, std::string_view url)>;

// Python `\w+` tokens of `text` (views into it).
std::vector<std::string_view> WordTokens(std::string_view text);

// evaluate.py's string_shingle_matching(true, pred) with 4-token shingles.
ShingleMatch MatchShingles(std::string_view truth, std::string_view predicted, int n = 4);

// Precision, recall, F1 and accuracy over `pages` as evaluate.py computes
// them (fills the summary fields of `report`).
void Summarize(ExtractEvalReport* report);

// Runs `extract` on every page of the dataset and scores it. A page whose
// extraction fails counts as an empty prediction. Errors: NotFound when the
// folder, the ground truth or a page is missing; InvalidData on bad JSON;
// DataLoss on a corrupt .gz.
Result<ExtractEvalReport> EvaluateExtraction(const std::string& dataset_dir,
                                             const ExtractFn& extract);

// Reads a whole .gz file (or a plain file) into memory.
Result<std::string> ReadMaybeGzip(const std::string& path);

}  // namespace storyline::eval

#endif  // STORYLINE_EVAL_EXTRACT_EVAL_H_
