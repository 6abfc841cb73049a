// SQLite implementation of Store.
//
// Prepared statements are compiled once per connection and reused. Span
// lists (paragraphs, sentences) are stored as BLOBs of little-endian uint32
// (begin, end) pairs: compact, and decoded in one pass. Content identity is
// the UNIQUE content_hash column; a Put that hits it is "identical" and may
// fill metadata the stored row lacks ("merged").
#include <sqlite3.h>

#include <chrono>
#include <cstring>
#include <ctime>
#include <nlohmann/json.hpp>

#include "store/schema.h"
#include "store/sqlite_util.h"
#include "storyline/store.h"

namespace storyline {
namespace {

using store::Stmt;

std::string NowUtc() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

std::string PackSpans(const std::vector<Span>& spans) {
  std::string out(spans.size() * 8, '\0');
  char* p = out.data();
  for (const Span& s : spans) {
    uint32_t v[2] = {s.begin, s.end};
    for (uint32_t x : v) {
      for (int i = 0; i < 4; ++i) *p++ = static_cast<char>((x >> (8 * i)) & 0xff);
    }
  }
  return out;
}

std::vector<Span> UnpackSpans(const void* data, int bytes) {
  std::vector<Span> out;
  if (data == nullptr || bytes <= 0) return out;
  const auto* p = static_cast<const unsigned char*>(data);
  out.reserve(bytes / 8);
  for (int off = 0; off + 8 <= bytes; off += 8) {
    auto u32 = [&](int o) {
      return uint32_t(p[o]) | uint32_t(p[o + 1]) << 8 | uint32_t(p[o + 2]) << 16 |
             uint32_t(p[o + 3]) << 24;
    };
    out.push_back(Span{u32(off), u32(off + 4)});
  }
  return out;
}

std::string ToJsonArray(const std::vector<std::string>& v) {
  return nlohmann::json(v).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::vector<std::string> FromJsonArray(const char* s) {
  std::vector<std::string> out;
  if (s == nullptr) return out;
  nlohmann::json j = nlohmann::json::parse(s, nullptr, /*allow_exceptions=*/false);
  if (!j.is_array()) return out;
  for (const auto& e : j) {
    if (e.is_string()) out.push_back(e.get<std::string>());
  }
  return out;
}

InputFormat FormatFromName(std::string_view n) {
  if (n == "text") return InputFormat::kText;
  if (n == "html") return InputFormat::kHtml;
  if (n == "jsonl") return InputFormat::kJsonl;
  if (n == "warc") return InputFormat::kWarc;
  return InputFormat::kUnknown;
}

const char* Text(sqlite3_stmt* s, int col) {
  const unsigned char* t = sqlite3_column_text(s, col);
  return t != nullptr ? reinterpret_cast<const char*>(t) : "";
}

// Column lists for ReadRow, over the alias `a` of articles.
constexpr char kArticleColumns[] =
    "a.id, a.content_hash, a.external_id, a.url, a.outlet, a.title, a.language, a.author, "
    "a.published, a.published_source, a.published_confidence, a.dateline_place, a.credits, "
    "a.captions, a.input, a.record, a.format, a.ingested_at, length(a.sentences) / 8";
constexpr char kTextColumns[] = ", a.body, a.paragraphs, a.sentences";

struct DbCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};

class SqliteStore final : public Store {
 public:
  explicit SqliteStore(sqlite3* db) : owner_(db), db_(db) {}

  Status Init(const StoreOptions& options) {
    std::string pragmas = "PRAGMA foreign_keys=ON;";
    if (!options.read_only) {
      pragmas += "PRAGMA journal_mode=WAL;";
      pragmas += options.synchronous_full ? "PRAGMA synchronous=FULL;" : "PRAGMA synchronous=NORMAL;";
    }
    sqlite3_busy_timeout(db_, options.busy_timeout_ms);
    STORYLINE_RETURN_IF_ERROR(Exec(pragmas));
    STORYLINE_RETURN_IF_ERROR(ReadVersion());
    const auto& migrations = store::Migrations();
    if (version_ > static_cast<int>(migrations.size())) {
      return InvalidDataError("database schema version " + std::to_string(version_) +
                              " is newer than this program supports (" +
                              std::to_string(migrations.size()) + "); upgrade storyline");
    }
    if (version_ < static_cast<int>(migrations.size())) {
      if (options.read_only) {
        return InvalidDataError("database needs a schema upgrade; open it once read-write");
      }
      STORYLINE_RETURN_IF_ERROR(Migrate());
    }
    if (!options.read_only) {
      STORYLINE_RETURN_IF_ERROR(insert_.Prepare(db_, R"sql(
        INSERT INTO articles (content_hash, external_id, url, outlet, title, language, author,
          published, published_source, published_confidence, dateline_place, credits, captions,
          body, paragraphs, sentences, input, record, format, ingested_at, run_id)
        VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21)
        ON CONFLICT(content_hash) DO NOTHING)sql"));
      STORYLINE_RETURN_IF_ERROR(find_hash_.Prepare(
          db_, "SELECT id, published, url, outlet, external_id, published_confidence FROM articles "
          "WHERE content_hash = ?1"));
      STORYLINE_RETURN_IF_ERROR(merge_.Prepare(db_, R"sql(
        UPDATE articles SET
          published_source = CASE WHEN ?2 != '' AND published_confidence < ?4 THEN ?3 ELSE published_source END,
          published = CASE WHEN ?2 != '' AND published_confidence < ?4 THEN ?2 ELSE published END,
          published_confidence = CASE WHEN ?2 != '' AND published_confidence < ?4 THEN ?4 ELSE published_confidence END,
          url = CASE WHEN url = '' THEN ?5 ELSE url END,
          outlet = CASE WHEN outlet = '' THEN ?6 ELSE outlet END
        WHERE id = ?1)sql"));
    }
    return Status::Ok();
  }

  int schema_version() const override { return version_; }

  Status Begin() override { return Exec("BEGIN IMMEDIATE"); }
  Status Commit() override { return Exec("COMMIT"); }
  Status Rollback() override { return Exec("ROLLBACK"); }

  Result<PutResult> Put(const Article& a, int64_t run_id) override {
    if (a.content_hash.empty()) return InvalidArgumentError("article has no content hash");
    Stmt& s = insert_;
    s.Reset();
    s.Bind(1, a.content_hash);
    s.Bind(2, a.external_id);
    s.Bind(3, a.url);
    s.Bind(4, a.outlet);
    s.Bind(5, a.title);
    s.Bind(6, a.language);
    s.Bind(7, a.author);
    s.Bind(8, a.published.value);
    s.Bind(9, a.published.source);
    s.Bind(10, static_cast<double>(a.published.confidence));
    s.Bind(11, a.dateline_place);
    s.Bind(12, ToJsonArray(a.credits));
    s.Bind(13, ToJsonArray(a.captions));
    s.Bind(14, a.body);
    s.BindBlob(15, PackSpans(a.paragraphs));
    s.BindBlob(16, PackSpans(a.sentences));
    s.Bind(17, a.input);
    s.Bind(18, a.record);
    s.Bind(19, InputFormatName(a.format));
    s.Bind(20, NowUtc());
    s.Bind(21, run_id);
    int rc = sqlite3_step(s.get());
    s.Reset();
    if (rc != SQLITE_DONE) return Error("insert article");
    if (sqlite3_changes(db_) == 1) {
      return PutResult{sqlite3_last_insert_rowid(db_), PutOutcome::kStored};
    }
    // Already stored: fill what the stored row lacks.
    Stmt& f = find_hash_;
    f.Reset();
    f.Bind(1, a.content_hash);
    if (sqlite3_step(f.get()) != SQLITE_ROW) {
      f.Reset();
      return Error("look up existing article");
    }
    PutResult r{sqlite3_column_int64(f.get(), 0), PutOutcome::kIdentical};
    bool lacks = (!a.published.empty() && sqlite3_column_double(f.get(), 5) < a.published.confidence) ||
                 (std::strlen(Text(f.get(), 2)) == 0 && !a.url.empty()) ||
                 (std::strlen(Text(f.get(), 3)) == 0 && !a.outlet.empty());
    f.Reset();
    if (lacks) {
      Stmt& m = merge_;
      m.Reset();
      m.Bind(1, r.id);
      m.Bind(2, a.published.value);
      m.Bind(3, a.published.source);
      m.Bind(4, static_cast<double>(a.published.confidence));
      m.Bind(5, a.url);
      m.Bind(6, a.outlet);
      rc = sqlite3_step(m.get());
      m.Reset();
      if (rc != SQLITE_DONE) return Error("merge article metadata");
      r.outcome = PutOutcome::kMerged;
    }
    return r;
  }

  Result<std::optional<StoredArticle>> Get(std::string_view key) override {
    if (key.empty()) return std::optional<StoredArticle>();
    std::string base = std::string("SELECT ") + kArticleColumns + kTextColumns + " FROM articles a ";
    bool numeric = key.find_first_not_of("0123456789") == std::string_view::npos && key.size() < 19;
    bool hexlike = key.size() >= 8 && key.find_first_not_of("0123456789abcdef") == std::string_view::npos;
    std::vector<std::pair<std::string, std::string>> tries;
    if (numeric) tries.push_back({base + "WHERE a.id = ?1", std::string(key)});
    tries.push_back({base + "WHERE a.external_id = ?1 LIMIT 2", std::string(key)});
    if (hexlike) {
      std::string hi(key);
      hi += "g";  // every hex digit sorts below 'g': a prefix range query
      tries.push_back({base + "WHERE a.content_hash >= ?1 AND a.content_hash < ?2 LIMIT 2", std::string(key) + "\n" + hi});
    }
    for (auto& [sql, arg] : tries) {
      Stmt s;
      STORYLINE_RETURN_IF_ERROR(s.Prepare(db_, sql));
      size_t nl = arg.find('\n');
      if (nl == std::string::npos) {
        s.Bind(1, arg);
      } else {
        s.Bind(1, std::string_view(arg).substr(0, nl));
        s.Bind(2, std::string_view(arg).substr(nl + 1));
      }
      std::vector<StoredArticle> found;
      int rc;
      while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) found.push_back(ReadRow(s.get(), true));
      if (rc != SQLITE_DONE) return Error("get article");
      if (found.size() == 1) return std::optional<StoredArticle>(std::move(found[0]));
      if (found.size() > 1) {
        return InvalidArgumentError("'" + std::string(key) + "' matches several articles; give more of the hash");
      }
    }
    return std::optional<StoredArticle>();
  }

  Status List(const ArticleQuery& q,
              const std::function<bool(const StoredArticle&)>& visit) override {
    std::string sql = std::string("SELECT ") + kArticleColumns + (q.load_text ? kTextColumns : "");
    sql += " FROM articles a";
    std::vector<std::string> args;
    std::vector<std::string> where;
    if (!q.search.empty()) {
      sql += " JOIN articles_fts f ON f.rowid = a.id";
      where.push_back("articles_fts MATCH ?");
      args.push_back(q.search);
    }
    if (!q.outlet.empty()) {
      where.push_back("a.outlet = ?");
      args.push_back(q.outlet);
    }
    if (!q.since.empty()) {
      where.push_back("a.published >= ? AND a.published != ''");
      args.push_back(q.since);
    }
    if (!q.until.empty()) {
      where.push_back("a.published <= ? AND a.published != ''");
      args.push_back(q.until + "\xff");
    }
    for (size_t i = 0; i < where.size(); ++i) sql += (i == 0 ? " WHERE " : " AND ") + where[i];
    sql += q.search.empty() ? " ORDER BY a.id DESC" : " ORDER BY bm25(articles_fts, 5.0, 1.0)";
    sql += " LIMIT " + std::to_string(q.limit > 0 ? q.limit : -1) + " OFFSET " + std::to_string(q.offset);
    Stmt s;
    STORYLINE_RETURN_IF_ERROR(s.Prepare(db_, sql));
    for (size_t i = 0; i < args.size(); ++i) s.Bind(static_cast<int>(i + 1), args[i]);
    int rc;
    while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
      if (!visit(ReadRow(s.get(), q.load_text))) return Status::Ok();
    }
    if (rc != SQLITE_DONE) {
      if (!q.search.empty()) {
        return InvalidArgumentError("bad search query '" + q.search + "': " + sqlite3_errmsg(db_));
      }
      return Error("list articles");
    }
    return Status::Ok();
  }

  Result<int64_t> CountArticles() override {
    Stmt s;
    STORYLINE_RETURN_IF_ERROR(s.Prepare(db_, "SELECT count(*) FROM articles"));
    if (sqlite3_step(s.get()) != SQLITE_ROW) return Error("count articles");
    return static_cast<int64_t>(sqlite3_column_int64(s.get(), 0));
  }

  Result<int64_t> StartRun(std::string_view command) override {
    Stmt s;
    STORYLINE_RETURN_IF_ERROR(s.Prepare(db_, "INSERT INTO ingest_runs(command, started_at) VALUES (?1, ?2)"));
    s.Bind(1, command);
    s.Bind(2, NowUtc());
    if (sqlite3_step(s.get()) != SQLITE_DONE) return Error("start ingest run");
    return static_cast<int64_t>(sqlite3_last_insert_rowid(db_));
  }

  Status FinishRun(int64_t run_id, const IngestCounts& c, bool completed) override {
    Stmt s;
    STORYLINE_RETURN_IF_ERROR(s.Prepare(db_, R"sql(
      UPDATE ingest_runs SET finished_at = ?2, completed = ?3, read = ?4, stored = ?5,
        identical = ?6, merged = ?7, rejected = ?8 WHERE id = ?1)sql"));
    s.Bind(1, run_id);
    s.Bind(2, NowUtc());
    s.Bind(3, int64_t{completed ? 1 : 0});
    s.Bind(4, c.read);
    s.Bind(5, c.stored);
    s.Bind(6, c.identical);
    s.Bind(7, c.merged);
    s.Bind(8, c.rejected);
    if (sqlite3_step(s.get()) != SQLITE_DONE) return Error("finish ingest run");
    return Status::Ok();
  }

  Status LogReject(int64_t run_id, std::string_view input, std::string_view record,
                   std::string_view reason) override {
    if (!reject_.get()) {
      STORYLINE_RETURN_IF_ERROR(reject_.Prepare(
          db_, "INSERT INTO ingest_rejects(run_id, input, record, reason) VALUES (?1,?2,?3,?4)"));
    }
    reject_.Reset();
    reject_.Bind(1, run_id);
    reject_.Bind(2, input);
    reject_.Bind(3, record);
    reject_.Bind(4, reason);
    int rc = sqlite3_step(reject_.get());
    reject_.Reset();
    if (rc != SQLITE_DONE) return Error("log reject");
    return Status::Ok();
  }

  Result<sqlite3*> Component(std::string_view name,
                             const std::vector<std::string_view>& migrations) override {
    Stmt get;
    STORYLINE_RETURN_IF_ERROR(get.Prepare(db_, "SELECT version FROM schema_components WHERE name = ?1"));
    get.Bind(1, name);
    int have = 0;
    int rc = sqlite3_step(get.get());
    if (rc == SQLITE_ROW) have = sqlite3_column_int(get.get(), 0);
    else if (rc != SQLITE_DONE) return Error("read component version");
    if (have > static_cast<int>(migrations.size())) {
      return InvalidDataError("the " + std::string(name) + " tables are newer (version " +
                              std::to_string(have) + ") than this program supports; upgrade storyline");
    }
    for (int v = have; v < static_cast<int>(migrations.size()); ++v) {
      STORYLINE_RETURN_IF_ERROR(Exec("SAVEPOINT component_migration"));
      Status st = Exec(std::string(migrations[v]));
      if (st.ok()) {
        Stmt put;
        st = put.Prepare(db_, "INSERT INTO schema_components(name, version) VALUES (?1, ?2) "
                              "ON CONFLICT(name) DO UPDATE SET version = excluded.version");
        if (st.ok()) {
          put.Bind(1, name);
          put.Bind(2, int64_t{v + 1});
          if (sqlite3_step(put.get()) != SQLITE_DONE) st = Error("record component version");
        }
      }
      if (!st.ok()) {
        (void)Exec("ROLLBACK TO component_migration; RELEASE component_migration");
        return st.WithContext(std::string(name) + " schema migration " + std::to_string(v + 1));
      }
      STORYLINE_RETURN_IF_ERROR(Exec("RELEASE component_migration"));
    }
    return db_;
  }

  Status CheckIntegrity() override {
    Stmt s;
    STORYLINE_RETURN_IF_ERROR(s.Prepare(db_, "PRAGMA integrity_check"));
    std::string problems;
    while (sqlite3_step(s.get()) == SQLITE_ROW) {
      std::string line = Text(s.get(), 0);
      if (line != "ok") problems += line + "; ";
    }
    if (!problems.empty()) return DataLossError("integrity check failed: " + problems);
    if (sqlite3_exec(db_, "INSERT INTO articles_fts(articles_fts, rank) VALUES('integrity-check', 1)",
                     nullptr, nullptr, nullptr) != SQLITE_OK) {
      return DataLossError(std::string("full-text index inconsistent: ") + sqlite3_errmsg(db_));
    }
    return Status::Ok();
  }

 private:
  Status Exec(const std::string& sql) { return store::Exec(db_, sql); }
  Status Error(std::string_view what) { return store::SqliteError(db_, what); }

  Status ReadVersion() {
    Stmt s;
    STORYLINE_RETURN_IF_ERROR(s.Prepare(db_, "PRAGMA user_version"));
    if (sqlite3_step(s.get()) != SQLITE_ROW) return Error("read schema version");
    version_ = sqlite3_column_int(s.get(), 0);
    return Status::Ok();
  }

  Status Migrate() {
    const auto& migrations = store::Migrations();
    for (int v = version_; v < static_cast<int>(migrations.size()); ++v) {
      STORYLINE_RETURN_IF_ERROR(Exec("BEGIN IMMEDIATE"));
      Status st = Exec(std::string(migrations[v]));
      if (st.ok()) st = Exec("PRAGMA user_version = " + std::to_string(v + 1));
      if (!st.ok()) {
        (void)Exec("ROLLBACK");
        return st.WithContext("schema migration " + std::to_string(v + 1));
      }
      STORYLINE_RETURN_IF_ERROR(Exec("COMMIT"));
      version_ = v + 1;
    }
    return Status::Ok();
  }

  StoredArticle ReadRow(sqlite3_stmt* s, bool with_text) {
    StoredArticle r;
    Article& a = r.article;
    r.id = sqlite3_column_int64(s, 0);
    a.content_hash = Text(s, 1);
    a.external_id = Text(s, 2);
    a.url = Text(s, 3);
    a.outlet = Text(s, 4);
    a.title = Text(s, 5);
    a.language = Text(s, 6);
    a.author = Text(s, 7);
    a.published.value = Text(s, 8);
    a.published.source = Text(s, 9);
    a.published.confidence = static_cast<float>(sqlite3_column_double(s, 10));
    a.dateline_place = Text(s, 11);
    a.credits = FromJsonArray(Text(s, 12));
    a.captions = FromJsonArray(Text(s, 13));
    a.input = Text(s, 14);
    a.record = Text(s, 15);
    a.format = FormatFromName(Text(s, 16));
    r.ingested_at = Text(s, 17);
    r.sentence_count = static_cast<size_t>(sqlite3_column_int64(s, 18));
    if (with_text) {
      a.body = Text(s, 19);
      a.paragraphs = UnpackSpans(sqlite3_column_blob(s, 20), sqlite3_column_bytes(s, 20));
      a.sentences = UnpackSpans(sqlite3_column_blob(s, 21), sqlite3_column_bytes(s, 21));
    }
    return r;
  }

  // Declared first so it is destroyed last, after the statements.
  std::unique_ptr<sqlite3, DbCloser> owner_;
  sqlite3* db_;
  int version_ = 0;
  Stmt insert_;
  Stmt find_hash_;
  Stmt merge_;
  Stmt reject_;
};

}  // namespace

Result<std::unique_ptr<Store>> Store::Open(const std::string& path, const StoreOptions& options) {
  sqlite3* db = nullptr;
  int flags = options.read_only ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  flags |= SQLITE_OPEN_NOMUTEX;
  int rc = sqlite3_open_v2(path.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string m = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close_v2(db);
    if (options.read_only && rc == SQLITE_CANTOPEN) {
      return NotFoundError("cannot open database " + path + ": " + m +
                           " (run 'storyline ingest' first, or pass --db)");
    }
    return IoError("cannot open database " + path + ": " + m);
  }
  auto store = std::make_unique<SqliteStore>(db);
  Status st = store->Init(options);
  if (!st.ok()) {
    if (st.message().find("file is not a database") != std::string::npos) {
      return InvalidDataError(path + " is not a storyline database (not SQLite)");
    }
    return st.WithContext(path);
  }
  return std::unique_ptr<Store>(std::move(store));
}

}  // namespace storyline
