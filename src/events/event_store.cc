// The events component: incremental coding and merging, and the queries.
//
// Pending articles are found by difference against events_coded (ids only),
// coded one by one with one reused ArticleCoder, and written in
// transactions of batch_size articles. Each mention finds its event through
// the UNIQUE merge_key index inside the open transaction, so mentions of
// the same batch merge as well as mentions of earlier runs; the event row is
// folded with merge.h's AddMention and rewritten.
#include "events/event_store.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <ctime>
#include <unordered_map>
#include <unordered_set>
#include <variant>

#include "events/merge.h"
#include "events/places.h"
#include "store/sqlite_util.h"
#include "time/annotate.h"

namespace storyline::events {

using store::ColumnText;
using store::Stmt;

const std::vector<std::string_view>& EventMigrations() {
  static const std::vector<std::string_view> kMigrations = {
      R"sql(
CREATE TABLE events (
  id             INTEGER PRIMARY KEY,
  merge_key      TEXT NOT NULL UNIQUE,
  story_id       INTEGER NOT NULL,
  story_key      TEXT NOT NULL,
  date           TEXT NOT NULL,
  date_source    TEXT NOT NULL,
  source         TEXT NOT NULL,
  target         TEXT NOT NULL,
  cameo          TEXT NOT NULL,
  root           TEXT NOT NULL,
  plover_type    TEXT NOT NULL,
  plover_mode    TEXT NOT NULL,
  plover_context TEXT NOT NULL,
  modality       TEXT NOT NULL,
  quad_class     INTEGER NOT NULL,
  goldstein      REAL NOT NULL,
  place          TEXT NOT NULL,
  place_country  TEXT NOT NULL,
  place_lat      REAL,
  place_lon      REAL,
  corroboration  INTEGER NOT NULL,
  mention_count  INTEGER NOT NULL,
  first_article  INTEGER NOT NULL,
  first_seen     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
);
CREATE INDEX events_date ON events(date);
CREATE INDEX events_story ON events(story_id);
CREATE INDEX events_source ON events(source);
CREATE INDEX events_target ON events(target);
CREATE TABLE event_mentions (
  id             INTEGER PRIMARY KEY,
  event_id       INTEGER NOT NULL,
  article_id     INTEGER NOT NULL,
  original_article INTEGER NOT NULL,
  sentence       INTEGER NOT NULL,
  sentence_begin INTEGER NOT NULL,
  sentence_end   INTEGER NOT NULL,
  verb_begin     INTEGER NOT NULL,
  verb_end       INTEGER NOT NULL,
  source         TEXT NOT NULL,
  target         TEXT NOT NULL,
  source_text    TEXT NOT NULL,
  source_begin   INTEGER NOT NULL,
  source_end     INTEGER NOT NULL,
  target_text    TEXT NOT NULL,
  target_begin   INTEGER NOT NULL,
  target_end     INTEGER NOT NULL,
  code           TEXT NOT NULL,
  cameo          TEXT NOT NULL,
  modality       TEXT NOT NULL,
  date           TEXT NOT NULL,
  date_source    TEXT NOT NULL,
  date_text      TEXT NOT NULL,
  place          TEXT NOT NULL,
  place_country  TEXT NOT NULL,
  issues         TEXT NOT NULL,
  lead           INTEGER NOT NULL,
  sentence_text  TEXT NOT NULL,
  explanation    TEXT NOT NULL
);
CREATE INDEX event_mentions_event ON event_mentions(event_id, original_article);
CREATE INDEX event_mentions_article ON event_mentions(article_id);
CREATE TABLE events_coded (
  article_id   INTEGER PRIMARY KEY,
  coded_at     TEXT NOT NULL,
  sentences    INTEGER NOT NULL,
  coded        INTEGER NOT NULL,
  mentions     INTEGER NOT NULL,
  negated      INTEGER NOT NULL,
  duplicates   INTEGER NOT NULL,
  discarded    INTEGER NOT NULL,
  story_id     INTEGER NOT NULL,
  article_date TEXT NOT NULL,
  coder_date   INTEGER NOT NULL
);
)sql",
  };
  return kMigrations;
}

bool ParseModality(std::string_view name, plover::Modality* out) {
  for (plover::Modality m : {plover::Modality::kHappened, plover::Modality::kPlanned,
                             plover::Modality::kNegated, plover::Modality::kHypothetical}) {
    if (plover::ModalityName(m) == name) {
      *out = m;
      return true;
    }
  }
  return false;
}

namespace {

Result<sqlite3*> Open(Store& store) { return store.Component("events", EventMigrations()); }

std::string NowUtc() {
  std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

Status Done(Stmt& s, sqlite3* db, std::string_view what) {
  int rc = sqlite3_step(s.get());
  s.Reset();
  if (rc != SQLITE_DONE && rc != SQLITE_ROW) return store::SqliteError(db, what);
  return Status::Ok();
}

// What the cluster component knows of the articles so far (empty when
// clustering never ran): article id -> story, and near-duplicate copy ->
// original.
struct ClusterFacts {
  std::unordered_map<int64_t, int64_t> story;
  std::unordered_map<int64_t, int64_t> original;
};

Result<ClusterFacts> LoadClusterFacts(sqlite3* db) {
  ClusterFacts out;
  auto table_exists = [&](const char* name) {
    Stmt q;
    if (!q.Prepare(db, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").ok()) {
      return false;
    }
    q.Bind(1, std::string_view(name));
    return sqlite3_step(q.get()) == SQLITE_ROW;
  };
  if (table_exists("cluster_articles")) {
    Stmt q;
    STORYLINE_RETURN_IF_ERROR(q.Prepare(db, "SELECT article_id, story_id FROM cluster_articles"));
    while (sqlite3_step(q.get()) == SQLITE_ROW) {
      out.story[sqlite3_column_int64(q.get(), 0)] = sqlite3_column_int64(q.get(), 1);
    }
  }
  if (table_exists("cluster_duplicates")) {
    Stmt q;
    STORYLINE_RETURN_IF_ERROR(
        q.Prepare(db, "SELECT article_id, canonical_id FROM cluster_duplicates"));
    while (sqlite3_step(q.get()) == SQLITE_ROW) {
      out.original[sqlite3_column_int64(q.get(), 0)] = sqlite3_column_int64(q.get(), 1);
    }
  }
  return out;
}

constexpr std::string_view kEventColumns =
    "id, story_id, story_key, date, date_source, source, target, cameo, root, plover_type, "
    "plover_mode, plover_context, modality, quad_class, goldstein, place, place_country, "
    "place_lat, place_lon, corroboration, mention_count, first_article, first_seen";

Event ReadEvent(sqlite3_stmt* s) {
  Event e;
  e.id = sqlite3_column_int64(s, 0);
  e.story_id = sqlite3_column_int64(s, 1);
  e.story_key = std::string(ColumnText(s, 2));
  e.date = std::string(ColumnText(s, 3));
  e.date_source = std::string(ColumnText(s, 4));
  e.source = std::string(ColumnText(s, 5));
  e.target = std::string(ColumnText(s, 6));
  e.cameo = std::string(ColumnText(s, 7));
  e.root = std::string(ColumnText(s, 8));
  e.plover_type = std::string(ColumnText(s, 9));
  e.plover_mode = std::string(ColumnText(s, 10));
  e.plover_context = std::string(ColumnText(s, 11));
  ParseModality(ColumnText(s, 12), &e.modality);
  e.quad_class = sqlite3_column_int(s, 13);
  e.goldstein = sqlite3_column_double(s, 14);
  e.place = std::string(ColumnText(s, 15));
  e.place_country = std::string(ColumnText(s, 16));
  if (sqlite3_column_type(s, 17) != SQLITE_NULL) e.place_lat = sqlite3_column_double(s, 17);
  if (sqlite3_column_type(s, 18) != SQLITE_NULL) e.place_lon = sqlite3_column_double(s, 18);
  e.corroboration = sqlite3_column_int64(s, 19);
  e.mention_count = sqlite3_column_int64(s, 20);
  e.first_article = sqlite3_column_int64(s, 21);
  e.first_seen = std::string(ColumnText(s, 22));
  const plover::CameoInfo* info = plover::Ontology::Default().Find(e.cameo);
  e.cameo_name = info != nullptr ? info->name : "";
  return e;
}

void FillCoordinates(Event* e) {
  e->place_lat.reset();
  e->place_lon.reset();
  const GazetteerEntry* g = Gazetteer::Default().Lookup(e->place);
  if (g != nullptr && g->has_coordinates) {
    e->place_lat = g->lat;
    e->place_lon = g->lon;
  }
}

// Prepared statements of one coding run.
class Writer {
 public:
  explicit Writer(sqlite3* db) : db_(db) {}

  Status Prepare() {
    STORYLINE_RETURN_IF_ERROR(find_.Prepare(
        db_, "SELECT " + std::string(kEventColumns) + " FROM events WHERE merge_key = ?"));
    STORYLINE_RETURN_IF_ERROR(has_article_.Prepare(
        db_, "SELECT 1 FROM event_mentions WHERE event_id = ? AND original_article = ? LIMIT 1"));
    STORYLINE_RETURN_IF_ERROR(insert_event_.Prepare(
        db_,
        "INSERT INTO events(merge_key, story_id, story_key, date, date_source, source, target, "
        "cameo, root, plover_type, plover_mode, plover_context, modality, quad_class, goldstein, "
        "place, place_country, place_lat, place_lon, corroboration, mention_count, first_article, "
        "first_seen, updated_at) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    STORYLINE_RETURN_IF_ERROR(update_event_.Prepare(
        db_,
        "UPDATE events SET date_source = ?, cameo = ?, root = ?, plover_type = ?, plover_mode = ?, "
        "plover_context = ?, quad_class = ?, goldstein = ?, place = ?, place_country = ?, "
        "place_lat = ?, place_lon = ?, corroboration = ?, mention_count = ?, updated_at = ?, "
        "modality = ? WHERE id = ?"));
    STORYLINE_RETURN_IF_ERROR(insert_mention_.Prepare(
        db_,
        "INSERT INTO event_mentions(event_id, article_id, original_article, sentence, "
        "sentence_begin, sentence_end, "
        "verb_begin, verb_end, source, target, source_text, source_begin, source_end, target_text, "
        "target_begin, target_end, code, cameo, modality, date, date_source, date_text, place, "
        "place_country, issues, lead, sentence_text, explanation) "
        "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"));
    STORYLINE_RETURN_IF_ERROR(insert_coded_.Prepare(
        db_,
        "INSERT OR REPLACE INTO events_coded(article_id, coded_at, sentences, coded, mentions, "
        "negated, duplicates, discarded, story_id, article_date, coder_date) "
        "VALUES(?,?,?,?,?,?,?,?,?,?,?)"));
    return Status::Ok();
  }

  // Merges `m` (of a story with key `story_key`) into its event; returns
  // whether a new event was made.
  Result<bool> Add(Mention& m, const std::string& story_key, int64_t story_id,
                   const std::string& now) {
    std::string key = MergeKey(story_key, m);
    find_.Bind(1, key);
    std::optional<Event> found;
    if (sqlite3_step(find_.get()) == SQLITE_ROW) found = ReadEvent(find_.get());
    find_.Reset();
    bool created = !found;
    if (found) {
      has_article_.Bind(1, found->id);
      has_article_.Bind(2, CorroboratingArticle(m));
      bool seen = sqlite3_step(has_article_.get()) == SQLITE_ROW;
      has_article_.Reset();
      AddMention(&*found, m, !seen);
      FillCoordinates(&*found);
      Stmt& u = update_event_;
      u.Bind(1, found->date_source);
      u.Bind(2, found->cameo);
      u.Bind(3, found->root);
      u.Bind(4, found->plover_type);
      u.Bind(5, found->plover_mode);
      u.Bind(6, found->plover_context);
      u.Bind(7, static_cast<int64_t>(found->quad_class));
      u.Bind(8, found->goldstein);
      u.Bind(9, found->place);
      u.Bind(10, found->place_country);
      if (found->place_lat) u.Bind(11, *found->place_lat);
      if (found->place_lon) u.Bind(12, *found->place_lon);
      u.Bind(13, found->corroboration);
      u.Bind(14, found->mention_count);
      u.Bind(15, now);
      u.Bind(16, plover::ModalityName(found->modality));
      u.Bind(17, found->id);
      STORYLINE_RETURN_IF_ERROR(Done(u, db_, "updating an event"));
      m.event_id = found->id;
    } else {
      Event e = NewEvent(m, story_key, story_id);
      FillCoordinates(&e);
      Stmt& s = insert_event_;
      s.Bind(1, key);
      s.Bind(2, e.story_id);
      s.Bind(3, e.story_key);
      s.Bind(4, e.date);
      s.Bind(5, e.date_source);
      s.Bind(6, e.source);
      s.Bind(7, e.target);
      s.Bind(8, e.cameo);
      s.Bind(9, e.root);
      s.Bind(10, e.plover_type);
      s.Bind(11, e.plover_mode);
      s.Bind(12, e.plover_context);
      s.Bind(13, plover::ModalityName(e.modality));
      s.Bind(14, static_cast<int64_t>(e.quad_class));
      s.Bind(15, e.goldstein);
      s.Bind(16, e.place);
      s.Bind(17, e.place_country);
      if (e.place_lat) s.Bind(18, *e.place_lat);
      if (e.place_lon) s.Bind(19, *e.place_lon);
      s.Bind(20, e.corroboration);
      s.Bind(21, e.mention_count);
      s.Bind(22, e.first_article);
      s.Bind(23, now);
      s.Bind(24, now);
      STORYLINE_RETURN_IF_ERROR(Done(s, db_, "storing an event"));
      m.event_id = sqlite3_last_insert_rowid(db_);
    }
    Stmt& s = insert_mention_;
    s.Bind(1, m.event_id);
    s.Bind(2, m.article_id);
    s.Bind(3, CorroboratingArticle(m));
    s.Bind(4, m.sentence);
    s.Bind(5, static_cast<int64_t>(m.sentence_span.begin));
    s.Bind(6, static_cast<int64_t>(m.sentence_span.end));
    s.Bind(7, static_cast<int64_t>(m.verb.begin));
    s.Bind(8, static_cast<int64_t>(m.verb.end));
    s.Bind(9, m.source);
    s.Bind(10, m.target);
    s.Bind(11, m.source_text);
    s.Bind(12, static_cast<int64_t>(m.source_span.begin));
    s.Bind(13, static_cast<int64_t>(m.source_span.end));
    s.Bind(14, m.target_text);
    s.Bind(15, static_cast<int64_t>(m.target_span.begin));
    s.Bind(16, static_cast<int64_t>(m.target_span.end));
    s.Bind(17, m.code);
    s.Bind(18, m.cameo);
    s.Bind(19, plover::ModalityName(m.modality));
    s.Bind(20, m.date);
    s.Bind(21, m.date_source);
    s.Bind(22, m.date_text);
    s.Bind(23, m.place);
    s.Bind(24, m.place_country);
    s.Bind(25, m.issues);
    s.Bind(26, static_cast<int64_t>(m.lead));
    s.Bind(27, m.sentence_text);
    s.Bind(28, m.explanation);
    STORYLINE_RETURN_IF_ERROR(Done(s, db_, "storing an event mention"));
    m.id = sqlite3_last_insert_rowid(db_);
    return created;
  }

  Status MarkCoded(int64_t article_id, const ArticleCoding& c, int64_t story_id,
                   const std::string& now) {
    Stmt& s = insert_coded_;
    s.Bind(1, article_id);
    s.Bind(2, now);
    s.Bind(3, c.sentences);
    s.Bind(4, c.coded);
    s.Bind(5, static_cast<int64_t>(c.mentions.size()));
    s.Bind(6, c.negated);
    s.Bind(7, c.duplicates);
    s.Bind(8, c.discarded);
    s.Bind(9, story_id);
    s.Bind(10, c.article_date);
    s.Bind(11, static_cast<int64_t>(c.coder_date));
    return Done(s, db_, "storing events_coded");
  }

 private:
  sqlite3* db_;
  Stmt find_, has_article_, insert_event_, update_event_, insert_mention_, insert_coded_;
};

}  // namespace

Result<CodeRunReport> CodePending(Store& store, const coder::Coder& coder,
                                  const CodeRunOptions& options) {
  auto start = std::chrono::steady_clock::now();
  STORYLINE_ASSIGN_OR_RETURN(sqlite3 * db, Open(store));
  std::unordered_set<int64_t> done;
  {
    Stmt q;
    STORYLINE_RETURN_IF_ERROR(q.Prepare(db, "SELECT article_id FROM events_coded"));
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
  if (options.limit > 0 && static_cast<int64_t>(pending.size()) > options.limit)
    pending.resize(options.limit);
  CodeRunReport report;
  if (pending.empty()) return report;

  STORYLINE_ASSIGN_OR_RETURN(ClusterFacts cluster, LoadClusterFacts(db));
  Writer writer(db);
  STORYLINE_RETURN_IF_ERROR(writer.Prepare());
  ArticleCoder article_coder(coder, options.code);
  std::vector<time::TimeExpression> times;
  int64_t in_batch = 0;
  bool open = false;
  auto fail = [&](Status st) {
    if (open) (void)store.Rollback();
    return st;
  };
  for (int64_t id : pending) {
    STORYLINE_ASSIGN_OR_RETURN(std::optional<StoredArticle> got, store.Get(std::to_string(id)));
    if (!got || got->id != id) continue;
    STORYLINE_ASSIGN_OR_RETURN(std::vector<time::StoredTimeExpression> stored,
                               time::LoadTimeExpressions(store, id));
    times.clear();
    for (time::StoredTimeExpression& s : stored) times.push_back(std::move(s.expression));
    // No stored expressions: the time stage has not run (or found none, in
    // which case tagging again finds none too).
    ArticleCoding coding = article_coder.Code(got->article, id, times.empty() ? nullptr : &times);

    if (!open) {
      STORYLINE_RETURN_IF_ERROR(store.Begin());
      open = true;
    }
    auto story = cluster.story.find(id);
    int64_t story_id = story == cluster.story.end() ? 0 : story->second;
    auto original = cluster.original.find(id);
    int64_t original_id = original == cluster.original.end() ? 0 : original->second;
    if (story_id == 0) ++report.unclustered;
    std::string story_key = StoryKey(story_id, id);
    std::string now = NowUtc();
    for (Mention& m : coding.mentions) {
      m.original_article = original_id;
      Result<bool> created = writer.Add(m, story_key, story_id, now);
      if (!created.ok()) return fail(created.status());
      ++(*created ? report.new_events : report.merged);
    }
    Status st = writer.MarkCoded(id, coding, story_id, now);
    if (!st.ok()) return fail(st);
    ++report.articles;
    report.sentences += coding.sentences;
    report.coded += coding.coded;
    report.mentions += static_cast<int64_t>(coding.mentions.size());
    report.negated += coding.negated;
    report.duplicates += coding.duplicates;
    report.discarded += coding.discarded;
    if (++in_batch >= options.batch_size) {
      STORYLINE_RETURN_IF_ERROR(store.Commit());
      open = false;
      in_batch = 0;
    }
  }
  if (open) STORYLINE_RETURN_IF_ERROR(store.Commit());
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return report;
}

Status ClearEvents(Store& store) {
  STORYLINE_ASSIGN_OR_RETURN(sqlite3 * db, Open(store));
  STORYLINE_RETURN_IF_ERROR(store.Begin());
  Status st =
      store::Exec(db, "DELETE FROM event_mentions; DELETE FROM events; DELETE FROM events_coded;");
  if (!st.ok()) {
    (void)store.Rollback();
    return st;
  }
  return store.Commit();
}

namespace {

Status LoadMentions(sqlite3* db, Stmt& q, Event* e) {
  q.Bind(1, e->id);
  int rc;
  while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) {
    sqlite3_stmt* s = q.get();
    Mention m;
    m.id = sqlite3_column_int64(s, 0);
    m.event_id = e->id;
    m.article_id = sqlite3_column_int64(s, 1);
    m.sentence = sqlite3_column_int64(s, 2);
    auto span = [&](int col) {
      return Span{static_cast<uint32_t>(sqlite3_column_int64(s, col)),
                  static_cast<uint32_t>(sqlite3_column_int64(s, col + 1))};
    };
    m.sentence_span = span(3);
    m.verb = span(5);
    m.source = std::string(ColumnText(s, 7));
    m.target = std::string(ColumnText(s, 8));
    m.source_text = std::string(ColumnText(s, 9));
    m.source_span = span(10);
    m.target_text = std::string(ColumnText(s, 12));
    m.target_span = span(13);
    m.code = std::string(ColumnText(s, 15));
    m.cameo = std::string(ColumnText(s, 16));
    ParseModality(ColumnText(s, 17), &m.modality);
    m.date = std::string(ColumnText(s, 18));
    m.date_source = std::string(ColumnText(s, 19));
    m.date_text = std::string(ColumnText(s, 20));
    m.place = std::string(ColumnText(s, 21));
    m.place_country = std::string(ColumnText(s, 22));
    m.issues = std::string(ColumnText(s, 23));
    m.lead = sqlite3_column_int(s, 24) != 0;
    m.sentence_text = std::string(ColumnText(s, 25));
    m.explanation = std::string(ColumnText(s, 26));
    m.article_title = std::string(ColumnText(s, 27));
    m.article_url = std::string(ColumnText(s, 28));
    m.article_outlet = std::string(ColumnText(s, 29));
    m.article_external_id = std::string(ColumnText(s, 30));
    m.article_published = std::string(ColumnText(s, 31));
    m.original_article = sqlite3_column_int64(s, 32);
    e->mentions.push_back(std::move(m));
  }
  q.Reset();
  if (rc != SQLITE_DONE) return store::SqliteError(db, "reading event mentions");
  return Status::Ok();
}

constexpr std::string_view kMentionQuery =
    "SELECT m.id, m.article_id, m.sentence, m.sentence_begin, m.sentence_end, m.verb_begin, "
    "m.verb_end, m.source, m.target, m.source_text, m.source_begin, m.source_end, m.target_text, "
    "m.target_begin, m.target_end, m.code, m.cameo, m.modality, m.date, m.date_source, "
    "m.date_text, m.place, m.place_country, m.issues, m.lead, m.sentence_text, m.explanation, "
    "COALESCE(a.title, ''), COALESCE(a.url, ''), COALESCE(a.outlet, ''), "
    "COALESCE(a.external_id, ''), COALESCE(a.published, ''), m.original_article "
    "FROM event_mentions m LEFT JOIN articles a ON a.id = m.article_id "
    "WHERE m.event_id = ? ORDER BY m.id";

bool LooksLikeCode(std::string_view s) {
  if (s.size() < 3) return false;
  for (char c : s) {
    if (!std::isupper(static_cast<unsigned char>(c)) &&
        !std::isdigit(static_cast<unsigned char>(c)))
      return false;
  }
  return true;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// LIKE pattern text with its wildcards escaped ('\' is the escape).
std::string LikeEscape(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '%' || c == '_' || c == '\\') out += '\\';
    out += c;
  }
  return out;
}

}  // namespace

Result<std::vector<Event>> ListEvents(Store& store, const EventQuery& query) {
  STORYLINE_ASSIGN_OR_RETURN(sqlite3 * db, Open(store));
  std::string sql = "SELECT " + std::string(kEventColumns) + " FROM events e WHERE 1";
  std::vector<std::variant<std::string, int64_t>> args;  // bound in order
  auto text = [&](std::string v) { args.emplace_back(std::move(v)); };
  auto number = [&](int64_t v) { args.emplace_back(v); };
  if (!query.actor.empty()) {
    if (LooksLikeCode(query.actor)) {
      sql += " AND (e.source LIKE ? ESCAPE '\\' OR e.target LIKE ? ESCAPE '\\')";
      text(LikeEscape(query.actor) + "%");
      text(LikeEscape(query.actor) + "%");
    } else {
      sql +=
          " AND EXISTS (SELECT 1 FROM event_mentions m WHERE m.event_id = e.id AND "
          "(' ' || lower(m.source_text) LIKE ? ESCAPE '\\' OR ' ' || lower(m.target_text) LIKE ? "
          "ESCAPE '\\'))";
      text("% " + LikeEscape(Lower(query.actor)) + "%");
      text("% " + LikeEscape(Lower(query.actor)) + "%");
    }
  }
  if (!query.country.empty()) {
    sql += " AND (substr(e.source, 1, 3) = ? OR substr(e.target, 1, 3) = ? OR e.place_country = ?)";
    for (int i = 0; i < 3; ++i) text(query.country);
  }
  if (!query.code.empty()) {
    sql += " AND e.cameo LIKE ? ESCAPE '\\'";
    text(LikeEscape(query.code) + "%");
  }
  if (!query.root.empty()) {
    sql += " AND e.root = ?";
    text(query.root);
  }
  if (!query.plover.empty()) {
    sql += " AND upper(e.plover_type) = upper(?)";
    text(query.plover);
  }
  if (!query.since.empty()) {
    sql += " AND e.date != '' AND e.date >= ?";
    text(query.since);
  }
  if (!query.until.empty()) {
    sql += " AND e.date != '' AND substr(e.date, 1, length(?)) <= ?";
    text(query.until);
    text(query.until);
  }
  if (query.story > 0) {
    sql += " AND e.story_id = ?";
    number(query.story);
  }
  if (!query.modality.empty()) {
    sql += " AND e.modality = ?";
    text(query.modality);
  }
  if (query.min_corroboration > 0) {
    sql += " AND e.corroboration >= ?";
    number(query.min_corroboration);
  }
  sql += " ORDER BY e.date = '', e.date, e.id";
  if (query.limit > 0) {
    sql += " LIMIT ?";
    number(query.limit);
  }
  Stmt q;
  STORYLINE_RETURN_IF_ERROR(q.Prepare(db, sql));
  for (size_t i = 0; i < args.size(); ++i) {
    int col = static_cast<int>(i) + 1;
    if (const int64_t* v = std::get_if<int64_t>(&args[i]))
      q.Bind(col, *v);
    else
      q.Bind(col, std::get<std::string>(args[i]));
  }
  std::vector<Event> out;
  int rc;
  while ((rc = sqlite3_step(q.get())) == SQLITE_ROW) out.push_back(ReadEvent(q.get()));
  if (rc != SQLITE_DONE) return store::SqliteError(db, "listing events");
  if (query.with_mentions) {
    Stmt m;
    STORYLINE_RETURN_IF_ERROR(m.Prepare(db, kMentionQuery));
    for (Event& e : out) STORYLINE_RETURN_IF_ERROR(LoadMentions(db, m, &e));
  }
  return out;
}

Result<std::optional<Event>> GetEvent(Store& store, int64_t id) {
  STORYLINE_ASSIGN_OR_RETURN(sqlite3 * db, Open(store));
  Stmt q;
  STORYLINE_RETURN_IF_ERROR(
      q.Prepare(db, "SELECT " + std::string(kEventColumns) + " FROM events WHERE id = ?"));
  q.Bind(1, id);
  if (sqlite3_step(q.get()) != SQLITE_ROW) return std::optional<Event>();
  Event e = ReadEvent(q.get());
  Stmt m;
  STORYLINE_RETURN_IF_ERROR(m.Prepare(db, kMentionQuery));
  STORYLINE_RETURN_IF_ERROR(LoadMentions(db, m, &e));
  return std::optional<Event>(std::move(e));
}

Result<EventTotals> CountEvents(Store& store) {
  STORYLINE_ASSIGN_OR_RETURN(sqlite3 * db, Open(store));
  Stmt q;
  STORYLINE_RETURN_IF_ERROR(
      q.Prepare(db,
                "SELECT (SELECT COUNT(*) FROM events), (SELECT COUNT(*) FROM event_mentions), "
                "(SELECT COUNT(*) FROM events_coded)"));
  EventTotals t;
  if (sqlite3_step(q.get()) == SQLITE_ROW) {
    t.events = sqlite3_column_int64(q.get(), 0);
    t.mentions = sqlite3_column_int64(q.get(), 1);
    t.articles_coded = sqlite3_column_int64(q.get(), 2);
  }
  return t;
}

}  // namespace storyline::events
