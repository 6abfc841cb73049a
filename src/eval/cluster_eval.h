// Scoring of document clustering against gold clusters, and readers for the
// evaluation sets (doc/formats/clusters.md).
//
// Metrics (labels are arbitrary strings; only the partition matters):
//  - BCubed precision/recall (Bagga & Baldwin 1998; Amigó et al. 2009): per
//    item, the share of its predicted cluster that shares its gold cluster
//    (P) and of its gold cluster that shares its predicted cluster (R),
//    averaged over items; F1 their harmonic mean;
//  - pairwise precision/recall/F1 over the unordered item pairs put together;
//  - ARI (Hubert & Arabie 1985) and AMI (Vinh et al. 2010, arithmetic-mean
//    normalisation, as scikit-learn's default), with the exact expected
//    mutual information under the hypergeometric model.
//
// Stream order fed to the clusterer:
//  - ECB+ (ReadEcbPlus): the corpus has no dates, so sub-topics are
//    interleaved round-robin: sub-topics sorted by topic number, `ecb` before
//    `ecbplus`; documents inside a sub-topic by their number; the stream takes
//    the 1st document of every sub-topic, then the 2nd of every sub-topic,
//    and so on. Both similar events of a topic are thus live at once (hard).
//  - JSONL (ReadJsonlArticles): by publication date, undated last, ties in
//    file order.
//
// Thread-safety: all functions are thread-safe.
#ifndef STORYLINE_EVAL_CLUSTER_EVAL_H_
#define STORYLINE_EVAL_CLUSTER_EVAL_H_

#include <string>
#include <vector>

#include "cluster/online.h"
#include "storyline/status.h"

namespace storyline::eval {

struct ClusterScores {
  double bcubed_precision = 0, bcubed_recall = 0, bcubed_f1 = 0;
  double pairwise_precision = 0, pairwise_recall = 0, pairwise_f1 = 0;
  double ami = 0, ari = 0;
  size_t predicted_clusters = 0, gold_clusters = 0, items = 0;
};

// Scores `predicted` against `gold` (same length, item i in both). An empty
// input scores 0 everywhere.
ClusterScores ScoreClustering(const std::vector<std::string>& predicted,
                              const std::vector<std::string>& gold);

// One evaluation document.
struct EvalDoc {
  std::string id;
  std::string title;
  std::string text;
  std::string date;   // ISO 8601 or ""
  std::string topic;  // grouping for within-topic scores ("" when none)
  std::string gold;   // gold cluster
};

// ECB+ as laid out in ../shared/data/clustering/ecbplus: gold.tsv (doc_file,
// topic, sub-topic cluster) and the XML documents, whose <token> elements
// are joined with spaces, one line per sentence; the first sentence is also
// the title. Returned in the documented stream order.
Result<std::vector<EvalDoc>> ReadEcbPlus(const std::string& dir);

// JSON Lines articles: "id" (string or number), "text" or "body", optional
// "title", "date" / "published" / "time", "topic", and "cluster" (the gold).
// With `gold_tsv` non-empty, gold clusters come from that file instead
// (lines "id<TAB>cluster", '#' comments); articles without a gold cluster
// are an error. Returned in the documented stream order.
Result<std::vector<EvalDoc>> ReadJsonlArticles(const std::string& jsonl,
                                               const std::string& gold_tsv = "");

struct ClusterEvalReport {
  ClusterScores events;  // predicted events vs gold, whole stream
  ClusterScores
      within_topic;  // macro average over topics of per-topic scores (cluster counts summed)
  ClusterScores stories_vs_topics;     // predicted stories vs topics (when topics are given)
  std::vector<std::string> predicted;  // event label per document, in input order
  double seconds = 0;
};

// Clusters `docs` in order with a fresh OnlineClusterer, applies its late
// merge (Consolidate) at the end as ClusterPending does, and scores it.
Result<ClusterEvalReport> EvaluateClustering(const std::vector<EvalDoc>& docs,
                                             const cluster::ClusterOptions& options = {});

}  // namespace storyline::eval

#endif  // STORYLINE_EVAL_CLUSTER_EVAL_H_
