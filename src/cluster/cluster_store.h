// Clustering over the Store: runs the online clusterer (online.h) on the
// stored articles not yet clustered and keeps the results in the store's
// "cluster" component tables (doc/formats/clusters.md):
//
//   cluster_articles   article_id -> event_id, story_id, score, seq
//   cluster_events     id, story_id, label, first_date, last_date, article_count, active
//   cluster_stories    id, label, first_date, last_date, article_count, event_count, active
//   cluster_duplicates article_id -> canonical_id (group id), similarity, exact
//   cluster_state      the clusterer state (vocabulary, active centroids)
//
// Incremental: ClusterPending loads the saved state, re-sketches the most
// recently clustered articles for near-duplicate lookup, and processes only
// new articles, in publication-date order with undated (and year-less) ones
// last, committing every `batch_size` articles together with the state, so a
// killed run loses at most one batch and a re-run completes it. At the end
// of a run, small events are merged into similar ones (Consolidate): their
// articles are rewritten to the surviving event and story, and the absorbed
// event's row is deleted. Ids of events, stories and groups are never
// reused or renumbered; an article changes event only by such a merge.
//
// Thread-safety: as the Store (one thread at a time).
#ifndef STORYLINE_CLUSTER_CLUSTER_STORE_H_
#define STORYLINE_CLUSTER_CLUSTER_STORE_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "cluster/online.h"
#include "storyline/status.h"
#include "storyline/store.h"

namespace storyline::cluster {

struct ClusterStoreOptions {
  ClusterOptions cluster;           // the clustering itself
  int64_t batch_size = 2048;        // articles per transaction
  int64_t prime_duplicates = 5000;  // recent articles re-sketched for near-duplicate lookup
};

struct ClusterRunReport {
  int64_t articles = 0;  // articles clustered in this run
  int64_t new_events = 0;
  int64_t new_stories = 0;
  int64_t duplicates = 0;  // near-duplicates (incl. exact copies) found
  int64_t undated = 0;     // articles without a full publication date
  int64_t merged_events =
      0;  // small events absorbed by the late merge (OnlineClusterer::Consolidate)
  double seconds = 0;
};

// Clusters every stored article not clustered yet.
Result<ClusterRunReport> ClusterPending(Store& store, const ClusterStoreOptions& options = {});

struct StoryRow {
  int64_t id = 0;
  std::string label;
  std::string first_date, last_date;  // "" when no article is dated
  int64_t articles = 0;
  int64_t events = 0;
};

struct EventRow {
  int64_t id = 0;
  int64_t story = 0;
  std::string label;
  std::string first_date, last_date;
  int64_t articles = 0;
};

struct ClusteredArticle {
  int64_t id = 0;  // article row id
  int64_t event = 0;
  std::string external_id;
  std::string title;
  std::string published;
  int64_t duplicate_of = 0;  // canonical article of its group (0: none)
};

struct StoryDetail {
  StoryRow story;
  std::vector<EventRow> events;            // by first date, then id
  std::vector<ClusteredArticle> articles;  // by event, then date
};

struct DuplicateGroup {
  int64_t canonical = 0;  // group id = the canonical article's row id
  std::string canonical_title;
  std::vector<int64_t> members;    // other articles, by id
  std::vector<double> similarity;  // each member's Jaccard with its match
};

// Stories, largest first (then id); limit <= 0 for all.
Result<std::vector<StoryRow>> ListStories(Store& store, int64_t limit = 0);
// One story with its events and articles; nullopt when there is no such story.
Result<std::optional<StoryDetail>> GetStory(Store& store, int64_t id);
// Near-duplicate groups, largest first.
Result<std::vector<DuplicateGroup>> ListDuplicateGroups(Store& store, int64_t limit = 0);
// Event of each clustered article (article id -> event id), for evaluation.
Result<std::vector<std::pair<int64_t, int64_t>>> ArticleEvents(Store& store);

struct PairReport {
  int64_t a = 0, b = 0;         // article row ids
  double estimated = 0;         // MinHash estimate
  double exact = 0;             // exact shingle Jaccard
  bool near_duplicate = false;  // exact >= threshold
  double threshold = 0;
};
// Estimated and exact Jaccard of two stored articles (any key Store::Get takes).
Result<PairReport> ExplainPair(Store& store, std::string_view a, std::string_view b,
                               const dedup::DedupOptions& options = {});

}  // namespace storyline::cluster

#endif  // STORYLINE_CLUSTER_CLUSTER_STORE_H_
