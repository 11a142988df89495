#include "export/postgres_merge.h"

#include <filesystem>
#include <map>
#include <vector>

#include "export/postgres_db.h"
#include "export/postgres_writer.h"
#include "export/row_values.h"
#include "export/sqlite_db.h"

namespace decltab::exporter {
namespace {

// A table's columns copied from the shard: both schemas have them; the row
// id and the parent ids (which the load assigns) are left out.
struct Table {
  std::string name;
  std::vector<std::string> columns;
};

SqlValue Column(sqlite3_stmt* stmt, int column) {
  switch (sqlite3_column_type(stmt, column)) {
    case SQLITE_NULL: return nullptr;
    case SQLITE_INTEGER: return static_cast<int64_t>(sqlite3_column_int64(stmt, column));
    case SQLITE_FLOAT: return sqlite3_column_double(stmt, column);
    default: {
      const unsigned char* text = sqlite3_column_text(stmt, column);
      return std::string(reinterpret_cast<const char*>(text),
                         sqlite3_column_bytes(stmt, column));
    }
  }
}

// Every row of a shard query, its values typed as stored.
Result<std::vector<Row>> ShardRows(sqlite3* db, const std::string& sql,
                                   const std::vector<SqlValue>& values) {
  Result<StatementPtr> stmt = Prepare(db, sql);
  if (!stmt.ok()) return stmt.status();
  for (size_t i = 0; i < values.size(); ++i)
    sqlite3_bind_int64(stmt->get(), static_cast<int>(i + 1), std::get<int64_t>(values[i]));
  std::vector<Row> rows;
  int rc;
  while ((rc = sqlite3_step(stmt->get())) == SQLITE_ROW) {
    Row row;
    for (int c = 0; c < sqlite3_column_count(stmt->get()); ++c)
      row.push_back(Column(stmt->get(), c));
    rows.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE)
    return Status::Internal(std::string("cannot read shard: ") + sqlite3_errmsg(db));
  return rows;
}

Result<Table> SharedTable(sqlite3* shard, PGconn* conn, const std::string& name) {
  Result<std::vector<Row>> theirs =
      ShardRows(shard, "SELECT name FROM pragma_table_info('" + name + "')", {});
  if (!theirs.ok()) return theirs.status();
  if (theirs->empty()) return Status::InvalidInput("not a decltab database (no table " + name + ")");
  Result<PgResultPtr> mine = PgExec(
      conn,
      "SELECT column_name FROM information_schema.columns WHERE table_schema = "
      "current_schema() AND table_name = $1 ORDER BY ordinal_position",
      {name});
  if (!mine.ok()) return mine.status();
  Table table{name, {}};
  for (int r = 0; r < PQntuples(mine->get()); ++r) {
    std::string column = *PgText(mine->get(), r, 0);
    if (column == "id" || column == "document_id" || column == "project_id") continue;
    for (const Row& t : *theirs)
      if (std::get<std::string>(t[0]) == column) table.columns.push_back(column);
  }
  return table;
}

std::string ColumnList(const Table& t, const std::string& prefix = "") {
  std::string list;
  for (const std::string& c : t.columns) list += (list.empty() ? "" : ", ") + prefix + "\"" + c + "\"";
  return list;
}

// INSERT INTO t (parent..., columns...) VALUES ($1, ...) [RETURNING id].
std::string InsertSql(const Table& t, const std::vector<std::string>& parents,
                      bool returning) {
  std::string columns, params;
  size_t n = 0;
  for (const std::string& p : parents) {
    columns += (n ? ", " : "") + p;
    params += (n ? ", $" : "$") + std::to_string(n + 1);
    ++n;
  }
  for (const std::string& c : t.columns) {
    columns += (n ? ", \"" : "\"") + c + "\"";
    params += (n ? ", $" : "$") + std::to_string(n + 1);
    ++n;
  }
  return "INSERT INTO " + t.name + " (" + columns + ") VALUES (" + params + ")" +
         (returning ? " RETURNING id" : "");
}

struct Tables {
  Table documents, projects, lines, indicators, checks;
};

// Copies shard document `shard_id` (its row and every child) in, inside the
// caller's transaction.
Status CopyDocument(sqlite3* shard, PGconn* conn, const Tables& t, int64_t shard_id) {
  Result<std::vector<Row>> doc = ShardRows(
      shard, "SELECT " + ColumnList(t.documents) + " FROM documents WHERE id = ?1", {shard_id});
  if (!doc.ok()) return doc.status();
  Result<int64_t> document_id = PgExecId(conn, InsertSql(t.documents, {}, true), doc->at(0));
  if (!document_id.ok()) return document_id.status().WithContext("document");

  std::map<int64_t, int64_t> project_ids;  // shard id -> new id
  Result<std::vector<Row>> projects = ShardRows(
      shard, "SELECT id, " + ColumnList(t.projects) + " FROM projects WHERE document_id = ?1",
      {shard_id});
  if (!projects.ok()) return projects.status();
  const std::string insert_project = InsertSql(t.projects, {"document_id"}, true);
  for (Row& row : *projects) {
    const int64_t old_id = std::get<int64_t>(row[0]);
    row[0] = *document_id;
    Result<int64_t> id = PgExecId(conn, insert_project, row);
    if (!id.ok()) return id.status().WithContext("project");
    project_ids[old_id] = *id;
    for (const Table* child : {&t.lines, &t.indicators}) {
      Result<std::vector<Row>> rows = ShardRows(
          shard, "SELECT " + ColumnList(*child) + " FROM " + child->name +
                     " WHERE project_id = ?1", {old_id});
      if (!rows.ok()) return rows.status();
      const std::string insert = InsertSql(*child, {"project_id"}, false);
      for (Row& r : *rows) {
        Result<PgResultPtr> done = PgExec(conn, insert, WithParent(*id, std::move(r)));
        if (!done.ok()) return done.status().WithContext(child->name);
      }
    }
  }
  Result<std::vector<Row>> checks = ShardRows(
      shard, "SELECT project_id, " + ColumnList(t.checks) + " FROM checks WHERE document_id = ?1",
      {shard_id});
  if (!checks.ok()) return checks.status();
  const std::string insert_check = InsertSql(t.checks, {"document_id", "project_id"}, false);
  for (Row& row : *checks) {
    if (const auto* old = std::get_if<int64_t>(&row[0])) {
      auto found = project_ids.find(*old);
      if (found == project_ids.end()) return Status::Internal("check of an unknown project");
      row[0] = found->second;
    }
    Result<PgResultPtr> done = PgExec(conn, insert_check, WithParent(*document_id, std::move(row)));
    if (!done.ok()) return done.status().WithContext("checks");
  }
  return Status::Ok();
}

}  // namespace

Result<MergeCounts> MergeShardIntoPostgres(PGconn* conn, const std::string& shard_path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(shard_path, ec))
    return Status::InvalidInput(shard_path + ": no such database");
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(shard_path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  SqlitePtr shard(raw);
  if (rc != SQLITE_OK)
    return Status::InvalidInput(shard_path + ": cannot open: " + sqlite3_errmsg(shard.get()));
  Tables t;
  const std::pair<Table*, const char*> kTables[] = {
      {&t.documents, "documents"}, {&t.projects, "projects"}, {&t.lines, "budget_lines"},
      {&t.indicators, "indicators"}, {&t.checks, "checks"}};
  for (const auto& [table, name] : kTables) {
    Result<Table> shared = SharedTable(shard.get(), conn, name);
    if (!shared.ok())
      return Status::InvalidInput(shard_path + ": " + shared.status().message());
    *table = std::move(shared).value();
  }
  Result<std::vector<Row>> docs = ShardRows(
      shard.get(), "SELECT id, sha256, file, status FROM documents ORDER BY id", {});
  if (!docs.ok()) return docs.status().WithContext(shard_path);

  MergeCounts counts;
  for (const Row& doc : *docs) {
    const int64_t shard_id = std::get<int64_t>(doc[0]);
    const std::string sha =
        std::holds_alternative<std::string>(doc[1]) ? std::get<std::string>(doc[1]) : "";
    const std::string file = std::get<std::string>(doc[2]);
    const bool shard_done = std::get<std::string>(doc[3]) == "done";
    Result<PgTransaction> tx = PgTransaction::Begin(conn);
    if (!tx.ok()) return tx.status();
    Status s = PgLockKey(conn, DocumentLockKey(file, sha));
    if (!s.ok()) return s;
    Result<PgResultPtr> target = PgExec(
        conn,
        "SELECT status FROM documents WHERE sha256 = $1::text OR "
        "($1::text IS NULL AND sha256 IS NULL AND file = $2)",
        {doc[1], file});
    if (!target.ok()) return target.status();
    if (PQntuples(target->get()) > 0) {
      if (PgText(target->get(), 0, 0) == "done" || !shard_done) {
        ++counts.kept;
        continue;  // rolls back: nothing written
      }
      s = DeleteEarlierPostgres(conn, file, sha);
      if (!s.ok()) return s;
      ++counts.replaced;
    } else {
      ++counts.added;
    }
    s = CopyDocument(shard.get(), conn, t, shard_id);
    if (s.ok()) s = tx->Commit();
    if (!s.ok()) return s.WithContext(shard_path + ": " + file);
  }
  return counts;
}

}  // namespace decltab::exporter
