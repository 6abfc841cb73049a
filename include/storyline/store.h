// Store: the embedded SQLite database that keeps articles and everything
// later stages derive from them.
//
// One file (default ./storyline.db), WAL mode, schema versioned with
// PRAGMA user_version and upgraded by ordered migrations on Open
// (doc/formats/schema.md documents every table). Articles are keyed by
// their content hash, so storing the same article twice adds nothing.
// Writes happen in explicit transactions (Begin/Commit): a crash or kill -9
// loses at most the open transaction and never leaves a partial article.
//
// Thread-safety: a Store is used by one thread at a time. Several processes
// may open the same file (SQLite locking; writers wait busy_timeout_ms).
#ifndef STORYLINE_STORE_H_
#define STORYLINE_STORE_H_

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "storyline/article.h"
#include "storyline/status.h"

struct sqlite3;

namespace storyline {

struct StoreOptions {
  bool read_only = false;          // open without creating or migrating
  int busy_timeout_ms = 10000;     // wait this long for another writer's lock
  bool synchronous_full = false;   // fsync every commit (NORMAL is crash-safe in WAL)
};

struct StoredArticle {
  int64_t id = 0;              // stable row id
  std::string ingested_at;     // ISO 8601 UTC
  size_t sentence_count = 0;   // filled even when the text is not loaded
  Article article;
};

enum class PutOutcome {
  kStored,     // a new article
  kIdentical,  // an article with the same content hash was already stored
  kMerged,     // already stored; metadata it lacked (URL, outlet) or a better-evidenced
               // publication date (higher confidence) was added
};

struct PutResult {
  int64_t id = 0;
  PutOutcome outcome = PutOutcome::kStored;
};

struct ArticleQuery {
  std::string search;     // FTS5 query over title and body ("" = all)
  std::string outlet;     // exact outlet ("" = any)
  std::string since;      // published >= since (ISO prefix, "" = any)
  std::string until;      // published <= until
  int64_t limit = 50;     // at most this many (<= 0: no limit)
  int64_t offset = 0;
  bool load_text = false; // fill body, paragraphs and sentences
};

struct IngestCounts {
  int64_t read = 0;       // records read (good and bad)
  int64_t stored = 0;     // new articles
  int64_t identical = 0;  // already stored (incl. merged)
  int64_t merged = 0;     // of identical: metadata added
  int64_t rejected = 0;   // records refused, with a reason
};

class Store {
 public:
  // Opens (creating and migrating unless read_only) the database at `path`.
  static Result<std::unique_ptr<Store>> Open(const std::string& path,
                                             const StoreOptions& options = {});
  virtual ~Store() = default;

  // Schema version of the open database (latest after Open).
  virtual int schema_version() const = 0;

  virtual Status Begin() = 0;
  virtual Status Commit() = 0;
  virtual Status Rollback() = 0;

  // Stores `article` (inside the open transaction, or its own).
  virtual Result<PutResult> Put(const Article& article, int64_t run_id = 0) = 0;

  // Finds one article by row id, content-hash prefix (>= 8 hex digits) or
  // external id, with its text. nullopt when there is none.
  virtual Result<std::optional<StoredArticle>> Get(std::string_view key) = 0;

  // Calls `visit` for each article matching `query`, newest row first for
  // listings and best match first for searches; stops when visit returns false.
  virtual Status List(const ArticleQuery& query,
                      const std::function<bool(const StoredArticle&)>& visit) = 0;

  virtual Result<int64_t> CountArticles() = 0;

  // Ingest bookkeeping: one row per `storyline ingest` run, its rejects.
  virtual Result<int64_t> StartRun(std::string_view command) = 0;
  virtual Status FinishRun(int64_t run_id, const IngestCounts& counts, bool completed) = 0;
  virtual Status LogReject(int64_t run_id, std::string_view input, std::string_view record,
                           std::string_view reason) = 0;

  // For stages that keep their own tables (clusters, events, times): brings
  // component `name` to the latest of its `migrations` (each applied once,
  // in order, versions kept in schema_components) and returns the SQLite
  // connection, owned by this Store and valid for its lifetime. The stage
  // then reads and writes its tables with the helpers in
  // src/store/sqlite_util.h, on this thread only.
  virtual Result<sqlite3*> Component(std::string_view name,
                                     const std::vector<std::string_view>& migrations) = 0;

  // Runs SQLite's integrity check and FTS consistency check; OK when sound.
  virtual Status CheckIntegrity() = 0;
};

}  // namespace storyline

#endif  // STORYLINE_STORE_H_
