#include "store/schema.h"

namespace storyline::store {

const std::vector<std::string_view>& Migrations() {
  static const std::vector<std::string_view> kMigrations = {
      // 1: articles, their text layer, full-text index, ingest bookkeeping.
      R"sql(
CREATE TABLE articles (
  id                   INTEGER PRIMARY KEY,
  content_hash         TEXT NOT NULL UNIQUE,
  external_id          TEXT NOT NULL DEFAULT '',
  url                  TEXT NOT NULL DEFAULT '',
  outlet               TEXT NOT NULL DEFAULT '',
  title                TEXT NOT NULL DEFAULT '',
  language             TEXT NOT NULL DEFAULT '',
  author               TEXT NOT NULL DEFAULT '',
  published            TEXT NOT NULL DEFAULT '',
  published_source     TEXT NOT NULL DEFAULT '',
  published_confidence REAL NOT NULL DEFAULT 0,
  dateline_place       TEXT NOT NULL DEFAULT '',
  credits              TEXT NOT NULL DEFAULT '[]',
  captions             TEXT NOT NULL DEFAULT '[]',
  body                 TEXT NOT NULL,
  paragraphs           BLOB NOT NULL,
  sentences            BLOB NOT NULL,
  input                TEXT NOT NULL DEFAULT '',
  record               TEXT NOT NULL DEFAULT '',
  format               TEXT NOT NULL DEFAULT '',
  ingested_at          TEXT NOT NULL,
  run_id               INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX articles_external_id ON articles(external_id);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet);

CREATE VIRTUAL TABLE articles_fts USING fts5(
  title, body, content='articles', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
  INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, body)
  VALUES ('delete', old.id, old.title, old.body);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
  INSERT INTO articles_fts(articles_fts, rowid, title, body)
  VALUES ('delete', old.id, old.title, old.body);
  INSERT INTO articles_fts(rowid, title, body) VALUES (new.id, new.title, new.body);
END;

CREATE TABLE ingest_runs (
  id          INTEGER PRIMARY KEY,
  command     TEXT NOT NULL,
  started_at  TEXT NOT NULL,
  finished_at TEXT NOT NULL DEFAULT '',
  completed   INTEGER NOT NULL DEFAULT 0,
  read        INTEGER NOT NULL DEFAULT 0,
  stored      INTEGER NOT NULL DEFAULT 0,
  identical   INTEGER NOT NULL DEFAULT 0,
  merged      INTEGER NOT NULL DEFAULT 0,
  rejected    INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE ingest_rejects (
  run_id INTEGER NOT NULL,
  input  TEXT NOT NULL,
  record TEXT NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX ingest_rejects_run ON ingest_rejects(run_id);

-- Schema versions of the stages that keep their own tables (Store::Component).
CREATE TABLE schema_components (
  name    TEXT PRIMARY KEY,
  version INTEGER NOT NULL
);
)sql",
  };
  return kMigrations;
}

}  // namespace storyline::store
