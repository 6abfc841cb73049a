// Small RAII helpers over the SQLite C API, shared by the store and by the
// stages that keep their own tables (Store::Component).
#ifndef STORYLINE_STORE_SQLITE_UTIL_H_
#define STORYLINE_STORE_SQLITE_UTIL_H_

#include <sqlite3.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "storyline/status.h"

namespace storyline::store {

// Owns one prepared statement; resets it on scope exit of each use.
class Stmt {
 public:
  Stmt() = default;
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt() { sqlite3_finalize(stmt_); }

  Stmt(Stmt&& o) noexcept : stmt_(o.stmt_) { o.stmt_ = nullptr; }

  Status Prepare(sqlite3* db, std::string_view sql) {
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
    if (sqlite3_prepare_v3(db, sql.data(), static_cast<int>(sql.size()),
                           SQLITE_PREPARE_PERSISTENT, &stmt_, nullptr) != SQLITE_OK) {
      return InternalError(std::string("prepare failed: ") + sqlite3_errmsg(db));
    }
    return Status::Ok();
  }
  sqlite3_stmt* get() { return stmt_; }
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  void Bind(int i, std::string_view s) {
    sqlite3_bind_text(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
  void BindBlob(int i, std::string_view s) {
    sqlite3_bind_blob(stmt_, i, s.data(), static_cast<int>(s.size()), SQLITE_TRANSIENT);
  }
  void Bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void Bind(int i, double v) { sqlite3_bind_double(stmt_, i, v); }

 private:
  sqlite3_stmt* stmt_ = nullptr;
};

// Runs one or more statements without results.
Status Exec(sqlite3* db, std::string_view sql);

// Column helpers: text as a view valid until the next step; "" for NULL.
std::string_view ColumnText(sqlite3_stmt* s, int col);

// A Status for the last error on `db`, with `what` as context.
Status SqliteError(sqlite3* db, std::string_view what);

}  // namespace storyline::store

#endif  // STORYLINE_STORE_SQLITE_UTIL_H_
