// Persistence of clustering results in the store's "cluster" component.
//
// The online clusterer's state is saved as one blob with every batch, in the
// same transaction as the batch's rows, so rows and state never disagree.
// Events and stories touched in a batch are upserted (their label, dates and
// counts change as articles join); articles and duplicates are only inserted.
#include "cluster/cluster_store.h"

#include <chrono>
#include <cmath>

#include "store/sqlite_util.h"

namespace storyline::cluster {
namespace {

using store::ColumnText;
using store::Stmt;

const std::vector<std::string_view>& Migrations() {
  static const std::vector<std::string_view> kMigrations = {
      R"sql(
CREATE TABLE cluster_events (
  id            INTEGER PRIMARY KEY,
  story_id      INTEGER NOT NULL,
  label         TEXT NOT NULL DEFAULT '',
  first_date    TEXT NOT NULL DEFAULT '',
  last_date     TEXT NOT NULL DEFAULT '',
  article_count INTEGER NOT NULL DEFAULT 0,
  active        INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX cluster_events_story ON cluster_events(story_id);
CREATE TABLE cluster_stories (
  id            INTEGER PRIMARY KEY,
  label         TEXT NOT NULL DEFAULT '',
  first_date    TEXT NOT NULL DEFAULT '',
  last_date     TEXT NOT NULL DEFAULT '',
  article_count INTEGER NOT NULL DEFAULT 0,
  event_count   INTEGER NOT NULL DEFAULT 0,
  active        INTEGER NOT NULL DEFAULT 1
);
CREATE TABLE cluster_articles (
  article_id INTEGER PRIMARY KEY,
  event_id   INTEGER NOT NULL,
  story_id   INTEGER NOT NULL,
  score      REAL NOT NULL,
  seq        INTEGER NOT NULL
);
CREATE INDEX cluster_articles_event ON cluster_articles(event_id);
CREATE INDEX cluster_articles_seq ON cluster_articles(seq);
CREATE TABLE cluster_duplicates (
  article_id   INTEGER PRIMARY KEY,
  canonical_id INTEGER NOT NULL,
  similarity   REAL NOT NULL,
  exact        INTEGER NOT NULL
);
CREATE INDEX cluster_duplicates_canonical ON cluster_duplicates(canonical_id);
CREATE TABLE cluster_state (
  id    INTEGER PRIMARY KEY CHECK (id = 1),
  state BLOB NOT NULL
);
)sql",
  };
  return kMigrations;
}

Result<sqlite3*> Open(Store& store) { return store.Component("cluster", Migrations()); }

Status Step(Stmt& s, sqlite3* db, std::string_view what) {
  int rc = sqlite3_step(s.get());
  s.Reset();
  if (rc != SQLITE_DONE && rc != SQLITE_ROW) return store::SqliteError(db, what);
  return Status::Ok();
}

class Writer {
 public:
  explicit Writer(sqlite3* db) : db_(db) {}
  Status Prepare() {
    STORYLINE_RETURN_IF_ERROR(article_.Prepare(
        db_,
        "INSERT OR REPLACE INTO cluster_articles(article_id, event_id, story_id, score, seq) "
        "VALUES (?1, ?2, ?3, ?4, ?5)"));
    STORYLINE_RETURN_IF_ERROR(dup_.Prepare(
        db_,
        "INSERT OR REPLACE INTO cluster_duplicates(article_id, canonical_id, similarity, exact) "
        "VALUES (?1, ?2, ?3, ?4)"));
    STORYLINE_RETURN_IF_ERROR(event_.Prepare(
        db_,
        "INSERT OR REPLACE INTO cluster_events(id, story_id, label, first_date, last_date, "
        "article_count, active) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    STORYLINE_RETURN_IF_ERROR(
        story_.Prepare(db_,
                       "INSERT OR REPLACE INTO cluster_stories(id, label, first_date, last_date, "
                       "article_count, event_count, active) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
    STORYLINE_RETURN_IF_ERROR(
        state_.Prepare(db_, "INSERT OR REPLACE INTO cluster_state(id, state) VALUES (1, ?1)"));
    return Status::Ok();
  }
  Status Article(int64_t id, const Assignment& a, int64_t seq) {
    article_.Bind(1, id);
    article_.Bind(2, static_cast<int64_t>(a.event));
    article_.Bind(3, static_cast<int64_t>(a.story));
    article_.Bind(4, a.score);
    article_.Bind(5, seq);
    STORYLINE_RETURN_IF_ERROR(Step(article_, db_, "write cluster_articles"));
    if (a.duplicate_of != 0) {
      dup_.Bind(1, id);
      dup_.Bind(2, static_cast<int64_t>(a.duplicate_of));
      dup_.Bind(3, a.duplicate_similarity);
      dup_.Bind(4, int64_t{a.exact_copy ? 1 : 0});
      STORYLINE_RETURN_IF_ERROR(Step(dup_, db_, "write cluster_duplicates"));
    }
    return Status::Ok();
  }
  Status Flush(OnlineClusterer& c) {
    for (const ClusterSummary& e : c.TouchedEvents()) {
      event_.Bind(1, static_cast<int64_t>(e.id));
      event_.Bind(2, static_cast<int64_t>(e.story));
      event_.Bind(3, e.label);
      event_.Bind(4, IsoFromDay(e.first_day));
      event_.Bind(5, IsoFromDay(e.last_day));
      event_.Bind(6, static_cast<int64_t>(e.articles));
      event_.Bind(7, int64_t{e.active ? 1 : 0});
      STORYLINE_RETURN_IF_ERROR(Step(event_, db_, "write cluster_events"));
    }
    for (const ClusterSummary& s : c.TouchedStories()) {
      story_.Bind(1, static_cast<int64_t>(s.id));
      story_.Bind(2, s.label);
      story_.Bind(3, IsoFromDay(s.first_day));
      story_.Bind(4, IsoFromDay(s.last_day));
      story_.Bind(5, static_cast<int64_t>(s.articles));
      story_.Bind(6, static_cast<int64_t>(s.events));
      story_.Bind(7, int64_t{s.active ? 1 : 0});
      STORYLINE_RETURN_IF_ERROR(Step(story_, db_, "write cluster_stories"));
    }
    c.ClearTouched();
    std::string state = c.SaveState();
    state_.BindBlob(1, state);
    return Step(state_, db_, "write cluster_state");
  }

 private:
  sqlite3* db_;
  Stmt article_, dup_, event_, story_, state_;
};

}  // namespace

Result<ClusterRunReport> ClusterPending(Store& store, const ClusterStoreOptions& options) {
  auto start = std::chrono::steady_clock::now();
  STORYLINE_RETURN_IF_ERROR(dedup::NearDupIndex::CheckOptions(options.cluster.dedup));
  STORYLINE_ASSIGN_OR_RETURN(sqlite3 * db, Open(store));
  ClusterRunReport report;
  // Nothing new: skip loading the state and re-sketching recent articles.
  {
    Stmt s;
    STORYLINE_RETURN_IF_ERROR(s.Prepare(db,
                                        "SELECT EXISTS(SELECT 1 FROM articles WHERE id NOT IN "
                                        "(SELECT article_id FROM cluster_articles))"));
    if (sqlite3_step(s.get()) == SQLITE_ROW && sqlite3_column_int(s.get(), 0) == 0) return report;
  }
  OnlineClusterer clusterer(options.cluster);

  // Saved state.
  {
    Stmt s;
    STORYLINE_RETURN_IF_ERROR(s.Prepare(db, "SELECT state FROM cluster_state WHERE id = 1"));
    if (sqlite3_step(s.get()) == SQLITE_ROW) {
      const void* blob = sqlite3_column_blob(s.get(), 0);
      int n = sqlite3_column_bytes(s.get(), 0);
      STORYLINE_RETURN_IF_ERROR(clusterer.LoadState(
          std::string_view(static_cast<const char*>(blob), static_cast<size_t>(n))));
    }
  }
  int64_t seq = 0;
  {
    Stmt s;
    STORYLINE_RETURN_IF_ERROR(s.Prepare(db, "SELECT COALESCE(MAX(seq), 0) FROM cluster_articles"));
    if (sqlite3_step(s.get()) == SQLITE_ROW) seq = sqlite3_column_int64(s.get(), 0);
  }
  // Re-sketch recent articles so new near-copies of them are found.
  if (options.cluster.use_dedup && options.prime_duplicates > 0 && seq > 0) {
    Stmt s;
    STORYLINE_RETURN_IF_ERROR(s.Prepare(
        db,
        "SELECT * FROM (SELECT a.id, a.body, c.event_id, c.seq FROM cluster_articles c "
        "JOIN articles a ON a.id = c.article_id ORDER BY c.seq DESC LIMIT ?1) ORDER BY seq"));
    s.Bind(1, options.prime_duplicates);
    while (sqlite3_step(s.get()) == SQLITE_ROW) {
      STORYLINE_RETURN_IF_ERROR(clusterer.PrimeDuplicate(
          static_cast<uint64_t>(sqlite3_column_int64(s.get(), 0)), ColumnText(s.get(), 1),
          static_cast<uint64_t>(sqlite3_column_int64(s.get(), 2))));
    }
  }
  // Pending articles: dated by date; then those whose day can be estimated
  // (year-less date, dates in the text) by that estimate; then the undated,
  // each by id.
  struct Pending {
    int64_t id;
    double day;
    bool estimated;
  };
  std::vector<Pending> pending, estimated, undated;
  double reference = clusterer.stream_day();
  {
    Stmt s;
    STORYLINE_RETURN_IF_ERROR(s.Prepare(db,
                                        "SELECT id, published FROM articles WHERE id NOT IN "
                                        "(SELECT article_id FROM cluster_articles) "
                                        "ORDER BY published, id"));
    while (sqlite3_step(s.get()) == SQLITE_ROW) {
      int64_t id = sqlite3_column_int64(s.get(), 0);
      double day = DayFromIso(ColumnText(s.get(), 1));
      if (std::isnan(day)) {
        undated.push_back({id, kNoDay, false});
      } else {
        pending.push_back({id, day, false});
        if (std::isnan(reference) || day > reference) reference = day;
      }
    }
  }
  if (pending.empty() && undated.empty()) return report;
  Stmt get;
  STORYLINE_RETURN_IF_ERROR(
      get.Prepare(db, "SELECT title, body, published FROM articles WHERE id = ?1"));
  if (!undated.empty()) {
    std::vector<Pending> still;
    for (const Pending& p : undated) {
      get.Bind(1, p.id);
      if (sqlite3_step(get.get()) == SQLITE_ROW) {
        bool from_text = false;
        double day =
            EstimateDay(ColumnText(get.get(), 2), ColumnText(get.get(), 1), reference, &from_text);
        if (std::isnan(day)) {
          still.push_back(p);
        } else {
          estimated.push_back({p.id, day, from_text});
        }
      }
      get.Reset();
    }
    std::stable_sort(estimated.begin(), estimated.end(),
                     [](const Pending& a, const Pending& b) { return a.day < b.day; });
    pending.insert(pending.end(), estimated.begin(), estimated.end());
    pending.insert(pending.end(), still.begin(), still.end());
  }

  Writer writer(db);
  STORYLINE_RETURN_IF_ERROR(writer.Prepare());
  size_t i = 0;
  while (i < pending.size()) {
    STORYLINE_RETURN_IF_ERROR(store.Begin());
    Status st = Status::Ok();
    for (int64_t n = 0; n < options.batch_size && i < pending.size() && st.ok(); ++n, ++i) {
      get.Bind(1, pending[i].id);
      if (sqlite3_step(get.get()) != SQLITE_ROW) {
        get.Reset();
        continue;  // deleted meanwhile
      }
      StreamArticle a;
      a.id = static_cast<uint64_t>(pending[i].id);
      a.title = ColumnText(get.get(), 0);
      a.body = ColumnText(get.get(), 1);
      a.day = pending[i].day;
      a.day_estimated = pending[i].estimated;
      if (std::isnan(a.day) || a.day_estimated) ++report.undated;
      Result<Assignment> r = clusterer.Add(a);
      get.Reset();
      if (!r.ok()) {
        st = r.status();
        break;
      }
      ++report.articles;
      report.new_events += r->new_event;
      report.new_stories += r->new_story;
      report.duplicates += r->duplicate_of != 0;
      st = writer.Article(pending[i].id, *r, ++seq);
    }
    if (st.ok()) st = writer.Flush(clusterer);
    if (!st.ok()) {
      (void)store.Rollback();
      return st.WithContext("cluster");
    }
    STORYLINE_RETURN_IF_ERROR(store.Commit());
  }
  // Late merge of small events: their articles move to the surviving event
  // (and its story); the absorbed event's row goes (its id is not reused).
  {
    STORYLINE_RETURN_IF_ERROR(store.Begin());
    Status st = Status::Ok();
    std::vector<EventMerge> merges = clusterer.Consolidate();
    Stmt move, drop;
    if (!merges.empty()) {
      st = move.Prepare(
          db, "UPDATE cluster_articles SET event_id = ?2, story_id = ?3 WHERE event_id = ?1");
      if (st.ok()) st = drop.Prepare(db, "DELETE FROM cluster_events WHERE id = ?1");
    }
    for (size_t m = 0; m < merges.size() && st.ok(); ++m) {
      move.Bind(1, static_cast<int64_t>(merges[m].from));
      move.Bind(2, static_cast<int64_t>(merges[m].into));
      move.Bind(3, static_cast<int64_t>(merges[m].story));
      st = Step(move, db, "move merged cluster_articles");
      if (!st.ok()) break;
      drop.Bind(1, static_cast<int64_t>(merges[m].from));
      st = Step(drop, db, "drop merged cluster_events");
    }
    report.merged_events = static_cast<int64_t>(merges.size());
    if (st.ok()) st = writer.Flush(clusterer);
    // A story left without events by a merge is dropped (a later event
    // joining it writes it again).
    if (st.ok() && !merges.empty()) {
      Stmt empty;
      st = empty.Prepare(db, "DELETE FROM cluster_stories WHERE event_count = 0");
      if (st.ok()) st = Step(empty, db, "drop emptied cluster_stories");
    }
    if (!st.ok()) {
      (void)store.Rollback();
      return st.WithContext("cluster merge");
    }
    STORYLINE_RETURN_IF_ERROR(store.Commit());
  }
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

Result<std::vector<StoryRow>> ListStories(Store& store, int64_t limit) {
  STORYLINE_ASSIGN_OR_RETURN(sqlite3 * db, Open(store));
  Stmt s;
  STORYLINE_RETURN_IF_ERROR(s.Prepare(
      db,
      "SELECT id, label, first_date, last_date, article_count, event_count FROM cluster_stories "
      "ORDER BY article_count DESC, id LIMIT ?1"));
  s.Bind(1, limit > 0 ? limit : int64_t{-1});
  std::vector<StoryRow> out;
  while (sqlite3_step(s.get()) == SQLITE_ROW) {
    StoryRow r;
    r.id = sqlite3_column_int64(s.get(), 0);
    r.label = ColumnText(s.get(), 1);
    r.first_date = ColumnText(s.get(), 2);
    r.last_date = ColumnText(s.get(), 3);
    r.articles = sqlite3_column_int64(s.get(), 4);
    r.events = sqlite3_column_int64(s.get(), 5);
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::optional<StoryDetail>> GetStory(Store& store, int64_t id) {
  STORYLINE_ASSIGN_OR_RETURN(sqlite3 * db, Open(store));
  StoryDetail d;
  {
    Stmt s;
    STORYLINE_RETURN_IF_ERROR(s.Prepare(
        db,
        "SELECT id, label, first_date, last_date, article_count, event_count FROM cluster_stories "
        "WHERE id = ?1"));
    s.Bind(1, id);
    if (sqlite3_step(s.get()) != SQLITE_ROW) return std::optional<StoryDetail>();
    d.story.id = sqlite3_column_int64(s.get(), 0);
    d.story.label = ColumnText(s.get(), 1);
    d.story.first_date = ColumnText(s.get(), 2);
    d.story.last_date = ColumnText(s.get(), 3);
    d.story.articles = sqlite3_column_int64(s.get(), 4);
    d.story.events = sqlite3_column_int64(s.get(), 5);
  }
  {
    Stmt s;
    STORYLINE_RETURN_IF_ERROR(s.Prepare(
        db,
        "SELECT id, story_id, label, first_date, last_date, article_count FROM cluster_events "
        "WHERE story_id = ?1 ORDER BY first_date = '', first_date, id"));
    s.Bind(1, id);
    while (sqlite3_step(s.get()) == SQLITE_ROW) {
      EventRow e;
      e.id = sqlite3_column_int64(s.get(), 0);
      e.story = sqlite3_column_int64(s.get(), 1);
      e.label = ColumnText(s.get(), 2);
      e.first_date = ColumnText(s.get(), 3);
      e.last_date = ColumnText(s.get(), 4);
      e.articles = sqlite3_column_int64(s.get(), 5);
      d.events.push_back(std::move(e));
    }
  }
  {
    Stmt s;
    STORYLINE_RETURN_IF_ERROR(
        s.Prepare(db,
                  "SELECT a.id, c.event_id, a.external_id, a.title, a.published, "
                  "COALESCE(d.canonical_id, 0) FROM cluster_articles c JOIN articles a ON a.id = "
                  "c.article_id "
                  "LEFT JOIN cluster_duplicates d ON d.article_id = a.id "
                  "WHERE c.story_id = ?1 ORDER BY c.event_id, a.published, a.id"));
    s.Bind(1, id);
    while (sqlite3_step(s.get()) == SQLITE_ROW) {
      ClusteredArticle a;
      a.id = sqlite3_column_int64(s.get(), 0);
      a.event = sqlite3_column_int64(s.get(), 1);
      a.external_id = ColumnText(s.get(), 2);
      a.title = ColumnText(s.get(), 3);
      a.published = ColumnText(s.get(), 4);
      a.duplicate_of = sqlite3_column_int64(s.get(), 5);
      d.articles.push_back(std::move(a));
    }
  }
  return std::optional<StoryDetail>(std::move(d));
}

Result<std::vector<DuplicateGroup>> ListDuplicateGroups(Store& store, int64_t limit) {
  STORYLINE_ASSIGN_OR_RETURN(sqlite3 * db, Open(store));
  Stmt s;
  STORYLINE_RETURN_IF_ERROR(s.Prepare(
      db,
      "SELECT d.canonical_id, COALESCE(a.title, ''), d.article_id, d.similarity, g.n "
      "FROM cluster_duplicates d "
      "JOIN (SELECT canonical_id, COUNT(*) AS n FROM cluster_duplicates GROUP BY canonical_id "
      "      ORDER BY n DESC, canonical_id LIMIT ?1) g ON g.canonical_id = d.canonical_id "
      "LEFT JOIN articles a ON a.id = d.canonical_id "
      "ORDER BY g.n DESC, d.canonical_id, d.article_id"));
  s.Bind(1, limit > 0 ? limit : int64_t{-1});
  std::vector<DuplicateGroup> out;
  while (sqlite3_step(s.get()) == SQLITE_ROW) {
    int64_t canonical = sqlite3_column_int64(s.get(), 0);
    if (out.empty() || out.back().canonical != canonical) {
      out.emplace_back();
      out.back().canonical = canonical;
      out.back().canonical_title = ColumnText(s.get(), 1);
    }
    out.back().members.push_back(sqlite3_column_int64(s.get(), 2));
    out.back().similarity.push_back(sqlite3_column_double(s.get(), 3));
  }
  return out;
}

Result<std::vector<std::pair<int64_t, int64_t>>> ArticleEvents(Store& store) {
  STORYLINE_ASSIGN_OR_RETURN(sqlite3 * db, Open(store));
  Stmt s;
  STORYLINE_RETURN_IF_ERROR(
      s.Prepare(db, "SELECT article_id, event_id FROM cluster_articles ORDER BY article_id"));
  std::vector<std::pair<int64_t, int64_t>> out;
  while (sqlite3_step(s.get()) == SQLITE_ROW) {
    out.emplace_back(sqlite3_column_int64(s.get(), 0), sqlite3_column_int64(s.get(), 1));
  }
  return out;
}

Result<PairReport> ExplainPair(Store& store, std::string_view a, std::string_view b,
                               const dedup::DedupOptions& options) {
  STORYLINE_RETURN_IF_ERROR(dedup::NearDupIndex::CheckOptions(options));
  STORYLINE_ASSIGN_OR_RETURN(std::optional<StoredArticle> x, store.Get(a));
  if (!x.has_value()) return NotFoundError("no article '" + std::string(a) + "'");
  STORYLINE_ASSIGN_OR_RETURN(std::optional<StoredArticle> y, store.Get(b));
  if (!y.has_value()) return NotFoundError("no article '" + std::string(b) + "'");
  std::vector<uint32_t> sx, sy, kx, ky;
  dedup::Shingles(x->article.body, options, &sx);
  dedup::Shingles(y->article.body, options, &sy);
  dedup::Sketch(sx, options, &kx);
  dedup::Sketch(sy, options, &ky);
  PairReport r;
  r.a = x->id;
  r.b = y->id;
  r.exact = dedup::SetJaccard(sx, sy);
  r.estimated = dedup::EstimatedJaccard(kx, ky);
  r.threshold = options.threshold;
  r.near_duplicate = r.exact >= options.threshold;
  return r;
}

}  // namespace storyline::cluster
