#include "export/sqlite_db.h"

#include <chrono>
#include <thread>
#include <utility>

namespace decltab::exporter {
namespace {

Status SqliteError(sqlite3* db, const std::string& what) {
  return Status::Internal(what + ": " + (db ? sqlite3_errmsg(db) : "out of memory"));
}

}  // namespace

Result<SqlitePtr> OpenDatabase(const std::string& path, int busy_timeout_ms) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
  SqlitePtr db(raw);  // owns the handle even when the open failed
  if (rc != SQLITE_OK) return SqliteError(db.get(), "cannot open database");
  sqlite3_extended_result_codes(db.get(), 1);
  sqlite3_busy_timeout(db.get(), busy_timeout_ms);
  Status s = Exec(db.get(), "PRAGMA foreign_keys = ON");
  if (!s.ok()) return s;
  // Switching a new database to WAL needs an exclusive lock, and a
  // connection that meets another one switching it gets SQLITE_BUSY at
  // once, without the busy handler (concurrent writers of a new batch
  // database): retried until the busy timeout.
  const auto deadline =
      std::chrono::steady_clock::now() + std::chrono::milliseconds(busy_timeout_ms);
  for (;;) {
    const int wal = sqlite3_exec(db.get(), "PRAGMA journal_mode = WAL", nullptr, nullptr, nullptr);
    if (wal == SQLITE_OK) return db;
    if ((wal & 0xff) != SQLITE_BUSY || std::chrono::steady_clock::now() >= deadline)
      return SqliteError(db.get(), "cannot switch database to WAL");
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

Status Exec(sqlite3* db, const std::string& sql) {
  char* message = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
  if (rc == SQLITE_OK) return Status::Ok();
  std::string text = message ? message : sqlite3_errstr(rc);
  sqlite3_free(message);
  return Status::Internal(text);
}

Result<StatementPtr> Prepare(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* raw = nullptr;
  int rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &raw, nullptr);
  StatementPtr stmt(raw);
  if (rc != SQLITE_OK) return SqliteError(db, "cannot prepare statement");
  return stmt;
}

Status Run(sqlite3* db, sqlite3_stmt* stmt, const std::vector<SqlValue>& values) {
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  int index = 1;
  for (const SqlValue& v : values) {
    int rc = SQLITE_OK;
    if (std::holds_alternative<int64_t>(v)) {
      rc = sqlite3_bind_int64(stmt, index, std::get<int64_t>(v));
    } else if (std::holds_alternative<double>(v)) {
      rc = sqlite3_bind_double(stmt, index, std::get<double>(v));
    } else if (std::holds_alternative<std::string>(v)) {
      const std::string& s = std::get<std::string>(v);
      rc = sqlite3_bind_text(stmt, index, s.data(), static_cast<int>(s.size()),
                             SQLITE_TRANSIENT);
    } else {
      rc = sqlite3_bind_null(stmt, index);
    }
    if (rc != SQLITE_OK) return SqliteError(db, "cannot bind parameter " + std::to_string(index));
    ++index;
  }
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
  }
  if (rc != SQLITE_DONE) {
    Status s = SqliteError(db, "statement failed");
    sqlite3_reset(stmt);
    return s;
  }
  return Status::Ok();
}

Result<Transaction> Transaction::Begin(sqlite3* db) {
  Status s = Exec(db, "BEGIN IMMEDIATE");
  if (!s.ok()) return Status::Internal("cannot begin transaction: " + s.message());
  return Transaction(db);
}

Transaction::Transaction(Transaction&& other) noexcept
    : db_(std::exchange(other.db_, nullptr)) {}

Transaction::~Transaction() {
  if (db_ != nullptr) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

Status Transaction::Commit() {
  if (db_ == nullptr) return Status::Internal("transaction already ended");
  Status s = Exec(db_, "COMMIT");
  if (!s.ok()) return Status::Internal("cannot commit: " + s.message());
  db_ = nullptr;
  return Status::Ok();
}

}  // namespace decltab::exporter
