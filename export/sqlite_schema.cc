#include "export/sqlite_schema.h"

#include <string>

#include "export/sqlite_db.h"

namespace decltab::exporter {

const char kSchemaSql[] = R"sql(
CREATE TABLE IF NOT EXISTS documents (
  id INTEGER PRIMARY KEY,
  sha256 TEXT UNIQUE,                 -- NULL only for a file that could not be read
  file TEXT NOT NULL,
  pages INTEGER,
  kind TEXT,                          -- scanned | digital | mixed
  status TEXT NOT NULL CHECK (status IN ('done', 'failed')),
  error TEXT,                         -- NULL when done
  stated_project_count INTEGER,
  stated_total_fen INTEGER,
  title TEXT,
  warnings TEXT,                      -- JSON array of strings
  written_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE IF NOT EXISTS projects (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,               -- 1-based order in the document
  name TEXT NOT NULL,
  heading_name TEXT,
  pages TEXT,                         -- "1,2,3"
  category TEXT, department TEXT, implementer TEXT,
  start_date TEXT, end_date TEXT,     -- YYYY-MM-DD
  total_fen INTEGER, annual_request_fen INTEGER, appropriation_fen INTEGER,
  fiscal_fen INTEGER, carryover_fen INTEGER, other_fen INTEGER,
  overall_goal TEXT, annual_goal TEXT,
  warnings TEXT,                      -- JSON array of strings
  UNIQUE (document_id, seq)
);
CREATE TABLE IF NOT EXISTS budget_lines (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  grp TEXT,
  item TEXT NOT NULL,
  quantity REAL,
  quantity_text TEXT,                 -- exact decimal text of quantity
  unit TEXT,
  unit_price_fen INTEGER,
  amount_fen INTEGER NOT NULL,
  amount_from_formula INTEGER NOT NULL DEFAULT 0,
  raw TEXT,
  page INTEGER,
  cell TEXT,
  confidence REAL,
  UNIQUE (project_id, seq)
);
CREATE TABLE IF NOT EXISTS indicators (
  id INTEGER PRIMARY KEY,
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  level1 TEXT, level2 TEXT, level3 TEXT,
  target TEXT,
  target_op TEXT, target_value REAL, target_value_text TEXT, target_unit TEXT,
  page INTEGER,
  cell TEXT,
  confidence REAL,
  UNIQUE (project_id, seq)
);
CREATE TABLE IF NOT EXISTS checks (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  project_id INTEGER REFERENCES projects(id) ON DELETE CASCADE,  -- NULL: document-level
  seq INTEGER NOT NULL,
  scope TEXT NOT NULL,                -- budget_line | project | document
  rule TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('ok', 'mismatch', 'unverifiable')),
  expected_fen INTEGER, computed_fen INTEGER, delta_fen INTEGER,  -- counts when is_count
  is_count INTEGER NOT NULL DEFAULT 0,
  detail TEXT
);
-- Reviewers' corrections (decltab correct), in the order applied; the
-- corrected value is also the current one in projects / budget_lines / ...
CREATE TABLE IF NOT EXISTS corrections (
  id INTEGER PRIMARY KEY,
  document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
  project_id INTEGER REFERENCES projects(id) ON DELETE CASCADE,  -- NULL: document field
  seq INTEGER NOT NULL,
  field TEXT NOT NULL,                -- funds.total, budget_lines[3].amount, ...
  read_value TEXT,                    -- as extracted
  corrected_value TEXT NOT NULL,      -- as the reviewer gave it
  who TEXT, at TEXT, note TEXT
);
CREATE INDEX IF NOT EXISTS checks_document ON checks(document_id);
CREATE INDEX IF NOT EXISTS checks_project ON checks(project_id);
CREATE INDEX IF NOT EXISTS checks_rule_status ON checks(rule, status);
CREATE INDEX IF NOT EXISTS projects_name ON projects(name);
)sql";

Status EnsureSchema(sqlite3* db) {
  int existing = 0;
  {
    Result<StatementPtr> version = Prepare(db, "PRAGMA user_version");
    if (!version.ok()) return version.status();
    if (sqlite3_step(version->get()) == SQLITE_ROW)
      existing = sqlite3_column_int(version->get(), 0);
  }  // finalized before the schema transaction
  if (existing > kSchemaVersion)
    return Status::Internal("database schema version " + std::to_string(existing) +
                            " is newer than this decltab's " +
                            std::to_string(kSchemaVersion));
  Result<Transaction> tx = Transaction::Begin(db);
  if (!tx.ok()) return tx.status();
  Status s = Exec(db, kSchemaSql);
  if (s.ok() && existing < kSchemaVersion)
    s = Exec(db, "PRAGMA user_version = " + std::to_string(kSchemaVersion));
  if (!s.ok()) return Status::Internal("cannot create schema: " + s.message());
  return tx->Commit();
}

Result<SqlitePtr> OpenWithSchema(const std::string& db_path) {
  Result<SqlitePtr> db = OpenDatabase(db_path);
  if (!db.ok()) return db.status();
  Status s = EnsureSchema(db->get());
  if (!s.ok()) return s;
  return db;
}

}  // namespace decltab::exporter
