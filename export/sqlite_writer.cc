#include "export/sqlite_writer.h"

#include <utility>

#include "export/row_values.h"
#include "export/sqlite_db.h"
#include "export/sqlite_schema.h"

namespace decltab::exporter {
namespace {

// Removes an earlier copy of the document (same sha256), and an earlier
// failure to read the same file (no sha256); children go by cascade.
Status DeleteEarlier(sqlite3* db, const std::string& file, const std::string& sha256) {
  Result<StatementPtr> del = Prepare(
      db, "DELETE FROM documents WHERE sha256 = ?1 OR (sha256 IS NULL AND file = ?2)");
  if (!del.ok()) return del.status();
  return Run(db, del->get(), {sha256.empty() ? SqlValue(nullptr) : SqlValue(sha256), file});
}

// The prepared inserts of one document's write.
struct Inserts {
  StatementPtr document, project, line, indicator, check, correction;
};

Result<Inserts> PrepareInserts(sqlite3* db) {
  Inserts ins;
  const std::pair<StatementPtr*, const char*> kSql[] = {
      {&ins.document,
       "INSERT INTO documents (sha256, file, pages, kind, status, error, "
       "stated_project_count, stated_total_fen, title, warnings) "
       "VALUES (?1, ?2, ?3, ?4, 'done', NULL, ?5, ?6, ?7, ?8)"},
      {&ins.project,
       "INSERT INTO projects (document_id, seq, name, heading_name, pages, category, "
       "department, implementer, start_date, end_date, total_fen, annual_request_fen, "
       "appropriation_fen, fiscal_fen, carryover_fen, other_fen, overall_goal, "
       "annual_goal, warnings) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, "
       "?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19)"},
      {&ins.line,
       "INSERT INTO budget_lines (project_id, seq, grp, item, quantity, quantity_text, "
       "unit, unit_price_fen, amount_fen, amount_from_formula, raw, page, cell, "
       "confidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"},
      {&ins.indicator,
       "INSERT INTO indicators (project_id, seq, level1, level2, level3, target, "
       "target_op, target_value, target_value_text, target_unit, page, cell, "
       "confidence) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"},
      {&ins.check,
       "INSERT INTO checks (document_id, project_id, seq, scope, rule, status, "
       "expected_fen, computed_fen, delta_fen, is_count, detail) "
       "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"},
      {&ins.correction,
       "INSERT INTO corrections (document_id, project_id, seq, field, read_value, "
       "corrected_value, who, at, note) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"},
  };
  for (const auto& [stmt, sql] : kSql) {
    Result<StatementPtr> prepared = Prepare(db, sql);
    if (!prepared.ok()) return prepared.status();
    *stmt = std::move(prepared).value();
  }
  return ins;
}

Status InsertCheck(sqlite3* db, sqlite3_stmt* stmt, int64_t document_id,
                   SqlValue project_id, size_t seq, const Check& c,
                   const char* default_scope) {
  return Run(db, stmt,
             WithParent(document_id,
                        WithParent(std::move(project_id), CheckRow(c, seq, default_scope))));
}

Status InsertProject(sqlite3* db, Inserts& ins, int64_t document_id, size_t seq,
                     const Project& p, size_t* check_seq, int64_t* project_id_out) {
  Status s = Run(db, ins.project.get(), WithParent(document_id, ProjectRow(p, seq)));
  if (!s.ok()) return s.WithContext("project " + std::to_string(seq + 1));
  int64_t project_id = sqlite3_last_insert_rowid(db);
  *project_id_out = project_id;

  for (size_t i = 0; i < p.budget_lines.size(); ++i) {
    s = Run(db, ins.line.get(), WithParent(project_id, BudgetLineRow(p.budget_lines[i], i)));
    if (!s.ok())
      return s.WithContext("project " + std::to_string(seq + 1) + ": budget line " +
                           std::to_string(i + 1));
  }
  for (size_t i = 0; i < p.indicators.size(); ++i) {
    s = Run(db, ins.indicator.get(), WithParent(project_id, IndicatorRow(p.indicators[i], i)));
    if (!s.ok())
      return s.WithContext("project " + std::to_string(seq + 1) + ": indicator " +
                           std::to_string(i + 1));
  }
  for (const Check& c : p.checks) {
    s = InsertCheck(db, ins.check.get(), document_id, project_id, (*check_seq)++, c,
                    "project");
    if (!s.ok()) return s.WithContext("project " + std::to_string(seq + 1) + ": check");
  }
  return Status::Ok();
}

Status WriteDocument(sqlite3* db, const Declaration& d) {
  Result<Transaction> tx = Transaction::Begin(db);
  if (!tx.ok()) return tx.status();
  Status s = DeleteEarlier(db, d.file, d.sha256);
  if (!s.ok()) return s;
  Result<Inserts> ins = PrepareInserts(db);
  if (!ins.ok()) return ins.status();
  s = Run(db, ins->document.get(), DocumentRow(d));
  if (!s.ok()) return s.WithContext("document");
  int64_t document_id = sqlite3_last_insert_rowid(db);
  size_t check_seq = 0;
  std::vector<int64_t> project_ids(d.projects.size());
  for (size_t i = 0; i < d.projects.size(); ++i) {
    s = InsertProject(db, *ins, document_id, i, d.projects[i], &check_seq,
                      &project_ids[i]);
    if (!s.ok()) return s;
  }
  for (size_t i = 0; i < d.corrections.size(); ++i) {
    s = Run(db, ins->correction.get(),
            WithParent(document_id, CorrectionRow(d.corrections[i], i, project_ids)));
    if (!s.ok()) return s.WithContext("correction " + std::to_string(i + 1));
  }
  for (const Check& c : d.checks) {
    s = InsertCheck(db, ins->check.get(), document_id, nullptr, check_seq++, c,
                    "document");
    if (!s.ok()) return s.WithContext("document check");
  }
  return tx->Commit();  // an early return above rolls back
}

}  // namespace

Status WriteSqlite(const Declaration& declaration, const std::string& db_path) {
  Result<SqlitePtr> db = OpenWithSchema(db_path);
  if (!db.ok()) return db.status();
  return WriteDocument(db->get(), declaration);
}

Status WriteFailedDocument(const std::string& db_path, const std::string& file,
                           const std::string& sha256, const std::string& error) {
  Result<SqlitePtr> db = OpenWithSchema(db_path);
  if (!db.ok()) return db.status();
  sqlite3* h = db->get();
  Result<Transaction> tx = Transaction::Begin(h);
  if (!tx.ok()) return tx.status();
  Status s = DeleteEarlier(h, file, sha256);
  if (!s.ok()) return s;
  Result<StatementPtr> insert =
      Prepare(h, "INSERT INTO documents (sha256, file, status, error) "
                 "VALUES (?1, ?2, 'failed', ?3)");
  if (!insert.ok()) return insert.status();
  s = Run(h, insert->get(), {Sha(sha256), file, error});
  if (!s.ok()) return s;
  return tx->Commit();
}

Result<std::set<std::string>> CompletedDocuments(const std::string& db_path) {
  Result<SqlitePtr> db = OpenWithSchema(db_path);
  if (!db.ok()) return db.status();
  Result<StatementPtr> select =
      Prepare(db->get(), "SELECT sha256 FROM documents WHERE status = 'done'");
  if (!select.ok()) return select.status();
  std::set<std::string> done;
  int rc;
  while ((rc = sqlite3_step(select->get())) == SQLITE_ROW)
    done.insert(reinterpret_cast<const char*>(sqlite3_column_text(select->get(), 0)));
  if (rc != SQLITE_DONE)
    return Status::Internal(std::string("cannot list documents: ") +
                            sqlite3_errmsg(db->get()));
  return done;
}

}  // namespace decltab::exporter
