#include "export/postgres_writer.h"

#include <utility>

#include "export/postgres_db.h"
#include "export/row_values.h"

namespace decltab::exporter {
namespace {

// The columns of each INSERT are those of sqlite_writer.cc, in the order of
// row_values.h.
constexpr char kInsertDocument[] =
    "INSERT INTO documents (sha256, file, pages, kind, status, error, "
    "stated_project_count, stated_total_fen, title, warnings) "
    "VALUES ($1, $2, $3, $4, 'done', NULL, $5, $6, $7, $8) RETURNING id";
constexpr char kInsertProject[] =
    "INSERT INTO projects (document_id, seq, name, heading_name, pages, category, "
    "department, implementer, start_date, end_date, total_fen, annual_request_fen, "
    "appropriation_fen, fiscal_fen, carryover_fen, other_fen, overall_goal, "
    "annual_goal, warnings) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, "
    "$12, $13, $14, $15, $16, $17, $18, $19) RETURNING id";
constexpr char kInsertLine[] =
    "INSERT INTO budget_lines (project_id, seq, grp, item, quantity, quantity_text, "
    "unit, unit_price_fen, amount_fen, amount_from_formula, raw, page, cell, "
    "confidence) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)";
constexpr char kInsertIndicator[] =
    "INSERT INTO indicators (project_id, seq, level1, level2, level3, target, "
    "target_op, target_value, target_value_text, target_unit, page, cell, "
    "confidence) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)";
constexpr char kInsertCheck[] =
    "INSERT INTO checks (document_id, project_id, seq, scope, rule, status, "
    "expected_fen, computed_fen, delta_fen, is_count, detail) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)";

constexpr char kInsertCorrection[] =
    "INSERT INTO corrections (document_id, project_id, seq, field, read_value, "
    "corrected_value, who, at, note) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

Status Insert(PGconn* conn, const char* sql, Row row) {
  Result<PgResultPtr> done = PgExec(conn, sql, row);
  return done.ok() ? Status::Ok() : done.status();
}

Status InsertProject(PGconn* conn, int64_t document_id, size_t seq, const Project& p,
                     size_t* check_seq, int64_t* project_id_out) {
  const std::string where = "project " + std::to_string(seq + 1);
  Result<int64_t> project_id =
      PgExecId(conn, kInsertProject, WithParent(document_id, ProjectRow(p, seq)));
  if (!project_id.ok()) return project_id.status().WithContext(where);
  *project_id_out = *project_id;
  for (size_t i = 0; i < p.budget_lines.size(); ++i) {
    Status s = Insert(conn, kInsertLine,
                      WithParent(*project_id, BudgetLineRow(p.budget_lines[i], i)));
    if (!s.ok()) return s.WithContext(where + ": budget line " + std::to_string(i + 1));
  }
  for (size_t i = 0; i < p.indicators.size(); ++i) {
    Status s = Insert(conn, kInsertIndicator,
                      WithParent(*project_id, IndicatorRow(p.indicators[i], i)));
    if (!s.ok()) return s.WithContext(where + ": indicator " + std::to_string(i + 1));
  }
  for (const Check& c : p.checks) {
    Status s = Insert(conn, kInsertCheck,
                      WithParent(document_id, WithParent(*project_id,
                                                         CheckRow(c, (*check_seq)++, "project"))));
    if (!s.ok()) return s.WithContext(where + ": check");
  }
  return Status::Ok();
}

}  // namespace

std::string DocumentLockKey(const std::string& file, const std::string& sha256) {
  return sha256.empty() ? "file:" + file : "sha256:" + sha256;
}

Status DeleteEarlierPostgres(PGconn* conn, const std::string& file,
                             const std::string& sha256) {
  Result<PgResultPtr> deleted = PgExec(
      conn, "DELETE FROM documents WHERE sha256 = $1 OR (sha256 IS NULL AND file = $2)",
      {Sha(sha256), file});
  return deleted.ok() ? Status::Ok() : deleted.status();
}

Status WritePostgres(PGconn* conn, const Declaration& d) {
  Result<PgTransaction> tx = PgTransaction::Begin(conn);
  if (!tx.ok()) return tx.status();
  Status s = PgLockKey(conn, DocumentLockKey(d.file, d.sha256));
  if (s.ok()) s = DeleteEarlierPostgres(conn, d.file, d.sha256);
  if (!s.ok()) return s;
  Result<int64_t> document_id = PgExecId(conn, kInsertDocument, DocumentRow(d));
  if (!document_id.ok()) return document_id.status().WithContext("document");
  size_t check_seq = 0;
  std::vector<int64_t> project_ids(d.projects.size());
  for (size_t i = 0; i < d.projects.size(); ++i) {
    s = InsertProject(conn, *document_id, i, d.projects[i], &check_seq, &project_ids[i]);
    if (!s.ok()) return s;
  }
  for (size_t i = 0; i < d.corrections.size(); ++i) {
    s = Insert(conn, kInsertCorrection,
               WithParent(*document_id, CorrectionRow(d.corrections[i], i, project_ids)));
    if (!s.ok()) return s.WithContext("correction " + std::to_string(i + 1));
  }
  for (const Check& c : d.checks) {
    s = Insert(conn, kInsertCheck,
               WithParent(*document_id,
                          WithParent(nullptr, CheckRow(c, check_seq++, "document"))));
    if (!s.ok()) return s.WithContext("document check");
  }
  return tx->Commit();  // an early return above rolls back
}

Status WritePostgresFailed(PGconn* conn, const std::string& file,
                           const std::string& sha256, const std::string& error) {
  Result<PgTransaction> tx = PgTransaction::Begin(conn);
  if (!tx.ok()) return tx.status();
  Status s = PgLockKey(conn, DocumentLockKey(file, sha256));
  if (s.ok()) s = DeleteEarlierPostgres(conn, file, sha256);
  if (!s.ok()) return s;
  Result<PgResultPtr> inserted =
      PgExec(conn,
             "INSERT INTO documents (sha256, file, status, error) "
             "VALUES ($1, $2, 'failed', $3)",
             {Sha(sha256), file, error});
  if (!inserted.ok()) return inserted.status();
  return tx->Commit();
}

Result<std::set<std::string>> PostgresCompletedDocuments(PGconn* conn) {
  Result<PgResultPtr> rows =
      PgExec(conn, "SELECT sha256 FROM documents WHERE status = 'done'");
  if (!rows.ok()) return rows.status().WithContext("cannot list documents");
  std::set<std::string> done;
  for (int r = 0; r < PQntuples(rows->get()); ++r)
    if (std::optional<std::string> sha = PgText(rows->get(), r, 0)) done.insert(*sha);
  return done;
}

}  // namespace decltab::exporter
