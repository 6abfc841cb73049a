// Batch annotation of stored articles with their time expressions.
//
// Pending articles are found by difference against time_anchors (ids only,
// no text), then loaded one by one, tagged with one reused TimeTagger and
// written in transactions of batch_size articles with prepared statements.
#include "time/annotate.h"

#include <algorithm>
#include <cstdio>
#include <unordered_set>

#include "store/sqlite_util.h"

namespace storyline::time {

const std::vector<std::string_view>& TimeMigrations() {
  static const std::vector<std::string_view> kMigrations = {
      R"sql(
CREATE TABLE time_anchors(
  article_id INTEGER PRIMARY KEY,
  anchor TEXT NOT NULL,
  source TEXT NOT NULL,
  confidence REAL NOT NULL,
  expressions INTEGER NOT NULL);
CREATE TABLE time_expressions(
  article_id INTEGER NOT NULL,
  begin INTEGER NOT NULL,
  end INTEGER NOT NULL,
  sentence INTEGER NOT NULL,
  text TEXT NOT NULL,
  type TEXT NOT NULL,
  value TEXT NOT NULL,
  mod TEXT NOT NULL,
  anchor TEXT NOT NULL,
  resolved INTEGER NOT NULL);
CREATE INDEX time_expressions_article ON time_expressions(article_id, begin);
CREATE INDEX time_expressions_value ON time_expressions(value);
)sql",
  };
  return kMigrations;
}

int64_t SentenceIndex(const std::vector<Span>& sentences, uint32_t offset) {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                             [](uint32_t o, const Span& s) { return o < s.end; });
  if (it == sentences.end() || it->begin > offset) return -1;
  return it - sentences.begin();
}

namespace {

std::string Iso(const CivilDate& d) {
  if (!d.month) return "";
  char buf[16];
  if (d.year) std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  else std::snprintf(buf, sizeof buf, "XXXX-%02d-%02d", d.month, d.day);
  return buf;
}

}  // namespace

Result<AnnotateReport> AnnotatePending(Store& store, const AnnotateOptions& options) {
  STORYLINE_ASSIGN_OR_RETURN(sqlite3 * db, store.Component("time", TimeMigrations()));
  std::unordered_set<int64_t> done;
  {
    store::Stmt q;
    STORYLINE_RETURN_IF_ERROR(q.Prepare(db, "SELECT article_id FROM time_anchors"));
    while (sqlite3_step(q.get()) == SQLITE_ROW) done.insert(sqlite3_column_int64(q.get(), 0));
  }
  std::vector<int64_t> pending;
  ArticleQuery all;
  all.limit = 0;
  STORYLINE_RETURN_IF_ERROR(store.List(all, [&](const StoredArticle& s) {
    if (!done.count(s.id)) pending.push_back(s.id);
    return true;
  }));
  std::sort(pending.begin(), pending.end());
  if (options.limit > 0 && static_cast<int64_t>(pending.size()) > options.limit) pending.resize(options.limit);

  store::Stmt ins_anchor, ins_expr;
  STORYLINE_RETURN_IF_ERROR(ins_anchor.Prepare(
      db, "INSERT OR REPLACE INTO time_anchors(article_id, anchor, source, confidence, expressions) "
          "VALUES(?,?,?,?,?)"));
  STORYLINE_RETURN_IF_ERROR(ins_expr.Prepare(
      db, "INSERT INTO time_expressions(article_id, begin, end, sentence, text, type, value, mod, "
          "anchor, resolved) VALUES(?,?,?,?,?,?,?,?,?,?)"));
  AnnotateReport report;
  TimeTagger tagger(options.tagger);
  std::vector<TimeExpression> found;
  int64_t in_batch = 0;
  bool open = false;
  for (int64_t id : pending) {
    STORYLINE_ASSIGN_OR_RETURN(std::optional<StoredArticle> got, store.Get(std::to_string(id)));
    if (!got || got->id != id) continue;
    if (!open) {
      STORYLINE_RETURN_IF_ERROR(store.Begin());
      open = true;
    }
    const Article& a = got->article;
    Anchor anchor = ChooseAnchor(a);
    found.clear();
    tagger.Tag(a, anchor, &found);
    for (const TimeExpression& e : found) {
      ins_expr.Reset();
      ins_expr.Bind(1, id);
      ins_expr.Bind(2, static_cast<int64_t>(e.span.begin));
      ins_expr.Bind(3, static_cast<int64_t>(e.span.end));
      ins_expr.Bind(4, SentenceIndex(a.sentences, e.span.begin));
      ins_expr.Bind(5, e.span.In(a.body));
      ins_expr.Bind(6, TimexTypeName(e.type));
      ins_expr.Bind(7, e.value);
      ins_expr.Bind(8, e.mod);
      ins_expr.Bind(9, e.anchor);
      ins_expr.Bind(10, static_cast<int64_t>(e.resolved));
      if (sqlite3_step(ins_expr.get()) != SQLITE_DONE) {
        Status st = store::SqliteError(db, "storing time expressions");
        (void)store.Rollback();
        return st;
      }
      ++report.expressions;
      report.resolved += e.resolved;
    }
    ins_anchor.Reset();
    ins_anchor.Bind(1, id);
    ins_anchor.Bind(2, Iso(anchor.date));
    ins_anchor.Bind(3, anchor.source);
    ins_anchor.Bind(4, static_cast<double>(anchor.confidence));
    ins_anchor.Bind(5, static_cast<int64_t>(found.size()));
    if (sqlite3_step(ins_anchor.get()) != SQLITE_DONE) {
      Status st = store::SqliteError(db, "storing time anchor");
      (void)store.Rollback();
      return st;
    }
    ++report.articles;
    report.anchored += anchor.date.complete();
    if (++in_batch >= options.batch_size) {
      STORYLINE_RETURN_IF_ERROR(store.Commit());
      open = false;
      in_batch = 0;
    }
  }
  if (open) STORYLINE_RETURN_IF_ERROR(store.Commit());
  return report;
}

Result<std::vector<StoredTimeExpression>> LoadTimeExpressions(Store& store, int64_t article_id) {
  STORYLINE_ASSIGN_OR_RETURN(sqlite3 * db, store.Component("time", TimeMigrations()));
  store::Stmt q;
  STORYLINE_RETURN_IF_ERROR(q.Prepare(
      db, "SELECT begin, end, sentence, text, type, value, mod, anchor, resolved FROM time_expressions "
          "WHERE article_id = ? ORDER BY begin"));
  q.Bind(1, article_id);
  std::vector<StoredTimeExpression> out;
  while (sqlite3_step(q.get()) == SQLITE_ROW) {
    sqlite3_stmt* s = q.get();
    StoredTimeExpression r;
    r.article_id = article_id;
    r.expression.span = {static_cast<uint32_t>(sqlite3_column_int64(s, 0)),
                         static_cast<uint32_t>(sqlite3_column_int64(s, 1))};
    r.sentence = sqlite3_column_int64(s, 2);
    r.text = std::string(store::ColumnText(s, 3));
    std::string_view type = store::ColumnText(s, 4);
    r.expression.type = type == "TIME"       ? TimexType::kTime
                        : type == "DURATION" ? TimexType::kDuration
                        : type == "SET"      ? TimexType::kSet
                                             : TimexType::kDate;
    r.expression.value = std::string(store::ColumnText(s, 5));
    r.expression.mod = std::string(store::ColumnText(s, 6));
    r.expression.anchor = std::string(store::ColumnText(s, 7));
    r.expression.resolved = sqlite3_column_int64(s, 8) != 0;
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace storyline::time
