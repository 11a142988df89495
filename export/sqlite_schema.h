// The SQLite schema of the output contract (documents, projects,
// budget_lines, indicators, checks) plus extra columns. Amounts are INTEGER
// fen (0.01 元) in *_fen columns; children cascade on delete so that
// removing a documents row removes everything read from it.
#ifndef DECLTAB_EXPORT_SQLITE_SCHEMA_H_
#define DECLTAB_EXPORT_SQLITE_SCHEMA_H_

#include <sqlite3.h>

#include <string>

#include "core/result.h"
#include "core/status.h"
#include "export/sqlite_db.h"

namespace decltab::exporter {

// Stored in PRAGMA user_version.
// 2: the corrections table (a version 1 database gets it on its next write).
inline constexpr int kSchemaVersion = 2;

// The CREATE statements, idempotent (IF NOT EXISTS).
extern const char kSchemaSql[];

// Creates the tables and indexes if missing, in one transaction. Fails on a
// database whose user_version is newer than kSchemaVersion.
Status EnsureSchema(sqlite3* db);

// OpenDatabase (sqlite_db.h), then EnsureSchema.
Result<SqlitePtr> OpenWithSchema(const std::string& db_path);

}  // namespace decltab::exporter

#endif  // DECLTAB_EXPORT_SQLITE_SCHEMA_H_
