#include "store/sqlite_util.h"

namespace storyline::store {

Status Exec(sqlite3* db, std::string_view sql) {
  std::string s(sql);
  char* err = nullptr;
  if (sqlite3_exec(db, s.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
    std::string m = err != nullptr ? err : sqlite3_errmsg(db);
    sqlite3_free(err);
    return IoError("sqlite: " + m);
  }
  return Status::Ok();
}

std::string_view ColumnText(sqlite3_stmt* s, int col) {
  const unsigned char* t = sqlite3_column_text(s, col);
  if (t == nullptr) return {};
  return std::string_view(reinterpret_cast<const char*>(t),
                          static_cast<size_t>(sqlite3_column_bytes(s, col)));
}

Status SqliteError(sqlite3* db, std::string_view what) {
  int code = sqlite3_errcode(db);
  std::string m = std::string(what) + ": " + sqlite3_errmsg(db);
  if (code == SQLITE_FULL || code == SQLITE_IOERR || code == SQLITE_READONLY ||
      code == SQLITE_BUSY || code == SQLITE_CANTOPEN) {
    return IoError(m);
  }
  if (code == SQLITE_CORRUPT || code == SQLITE_NOTADB) return DataLossError(m);
  return InternalError(m);
}

}  // namespace storyline::store
