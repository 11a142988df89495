// Thin RAII helpers over the SQLite C API for the exporter: owned handles,
// statements run with bound values, and a write transaction that rolls back
// unless committed. Errors come back as Status with SQLite's message.
#ifndef DECLTAB_EXPORT_SQLITE_DB_H_
#define DECLTAB_EXPORT_SQLITE_DB_H_

#include <sqlite3.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/status.h"
#include "export/sql_value.h"

namespace decltab::exporter {

struct SqliteCloser {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using SqlitePtr = std::unique_ptr<sqlite3, SqliteCloser>;

struct StatementFinalizer {
  void operator()(sqlite3_stmt* stmt) const { sqlite3_finalize(stmt); }
};
using StatementPtr = std::unique_ptr<sqlite3_stmt, StatementFinalizer>;

// Opens (creating if needed) a database for writing by possibly several
// processes at once: WAL journal, foreign keys on, and a busy timeout so
// that a writer waits for another's transaction instead of failing.
Result<SqlitePtr> OpenDatabase(const std::string& path, int busy_timeout_ms = 60000);

Status Exec(sqlite3* db, const std::string& sql);
Result<StatementPtr> Prepare(sqlite3* db, const std::string& sql);

// Resets `stmt`, binds `values` to ?1..?N and steps it to completion
// (rows it returns are skipped).
Status Run(sqlite3* db, sqlite3_stmt* stmt, const std::vector<SqlValue>& values);

// BEGIN IMMEDIATE: takes the write lock up front, so that a busy database
// makes it wait (busy timeout) instead of failing at the first write.
// Rolls back on destruction unless Commit() succeeded.
class Transaction {
 public:
  static Result<Transaction> Begin(sqlite3* db);
  Transaction(Transaction&& other) noexcept;
  Transaction& operator=(Transaction&&) = delete;
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction();

  Status Commit();

 private:
  explicit Transaction(sqlite3* db) : db_(db) {}
  sqlite3* db_;  // not owned; nullptr once committed or moved from
};

}  // namespace decltab::exporter

#endif  // DECLTAB_EXPORT_SQLITE_DB_H_
