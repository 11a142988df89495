#include "export/sqlite_merge.h"

#include <algorithm>
#include <filesystem>
#include <vector>

#include "export/sqlite_db.h"
#include "export/sqlite_schema.h"

namespace decltab::exporter {
namespace {

std::string Text(sqlite3_stmt* stmt, int column) {
  const unsigned char* text = sqlite3_column_text(stmt, column);
  return text ? reinterpret_cast<const char*>(text) : "";
}

Result<std::vector<std::string>> Columns(sqlite3* db, const std::string& schema,
                                         const std::string& table) {
  // The schema as pragma_table_info's second argument: "shard.pragma_table_info"
  // reads main's table on SQLite 3.40, and a shard lacking a newer column
  // then failed with "no such column".
  Result<StatementPtr> info =
      Prepare(db, "SELECT name FROM pragma_table_info('" + table + "', '" + schema + "')");
  if (!info.ok()) return info.status();
  std::vector<std::string> names;
  while (sqlite3_step(info->get()) == SQLITE_ROW) names.push_back(Text(info->get(), 0));
  return names;
}

// Columns both copies of `table` have, without `id` and `skip`: a shard
// written by an older decltab may lack columns added since.
Result<std::vector<std::string>> SharedColumns(sqlite3* db, const std::string& table,
                                               const std::string& skip) {
  Result<std::vector<std::string>> mine = Columns(db, "main", table);
  if (!mine.ok()) return mine.status();
  Result<std::vector<std::string>> theirs = Columns(db, "shard", table);
  if (!theirs.ok()) return theirs.status();
  if (theirs->empty()) return Status::InvalidInput("no table " + table);
  std::vector<std::string> shared;
  for (const std::string& c : *mine)
    if (c != "id" && c != skip &&
        std::find(theirs->begin(), theirs->end(), c) != theirs->end())
      shared.push_back(c);
  return shared;
}

// "a, b, c", each name prefixed (or replaced when it is `replaced`).
std::string Join(const std::vector<std::string>& columns, const std::string& prefix,
                 const std::string& replaced = "", const std::string& by = "") {
  std::string list;
  for (const std::string& c : columns)
    list += (list.empty() ? "" : ", ") + (c == replaced ? by : prefix + c);
  return list;
}

// Copies `table`'s rows belonging to the documents in temp.doc_map (shard
// id -> target id). `parent` is the column pointing up: document_id, or
// project_id, resolved through the project's (document, seq).
Status CopyRows(sqlite3* db, const std::string& table, const std::string& parent,
                const std::string& joins) {
  Result<std::vector<std::string>> cols = SharedColumns(db, table, parent);
  if (!cols.ok()) return cols.status();
  const std::string parent_value = parent == "document_id" ? "m.new_id" : "np.id";
  return Exec(db, "INSERT INTO main." + table + " (" + parent + ", " +
                      Join(*cols, "") + ") SELECT " + parent_value + ", " +
                      Join(*cols, "child.", "project_id", "np.id") + " FROM shard." +
                      table + " child " + joins);
}

Status CopyChildren(sqlite3* db) {
  const std::string by_document =
      "JOIN temp.doc_map m ON child.document_id = m.old_id";
  const std::string by_project =
      "JOIN shard.projects sp ON child.project_id = sp.id "
      "JOIN temp.doc_map m ON sp.document_id = m.old_id "
      "JOIN main.projects np ON np.document_id = m.new_id AND np.seq = sp.seq";
  // A document-level check has no project.
  const std::string check_joins =
      by_document +
      " LEFT JOIN shard.projects sp ON child.project_id = sp.id"
      " LEFT JOIN main.projects np ON np.document_id = m.new_id AND np.seq = sp.seq";
  Status s = CopyRows(db, "projects", "document_id", by_document);
  if (s.ok()) s = CopyRows(db, "budget_lines", "project_id", by_project);
  if (s.ok()) s = CopyRows(db, "indicators", "project_id", by_project);
  if (s.ok()) s = CopyRows(db, "checks", "document_id", check_joins);
  // A shard written before schema version 2 has no corrections table.
  Result<std::vector<std::string>> corrections = Columns(db, "shard", "corrections");
  if (s.ok() && corrections.ok() && !corrections->empty())
    s = CopyRows(db, "corrections", "document_id", check_joins);
  return s;
}

}  // namespace

Result<MergeCounts> MergeDatabase(const std::string& target_path,
                                  const std::string& shard_path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(shard_path, ec))
    return Status::InvalidInput(shard_path + ": no such database");
  Result<SqlitePtr> opened = OpenWithSchema(target_path);
  if (!opened.ok()) return opened.status();
  sqlite3* db = opened->get();
  Result<StatementPtr> attach = Prepare(db, "ATTACH DATABASE ?1 AS shard");
  if (!attach.ok()) return attach.status();
  Status s = Run(db, attach->get(), {shard_path});
  if (!s.ok()) return s.WithContext(shard_path);
  attach->reset();
  s = Exec(db, "CREATE TEMP TABLE doc_map (old_id INTEGER PRIMARY KEY, new_id INTEGER)");
  if (!s.ok()) return s;
  Result<std::vector<std::string>> doc_cols = SharedColumns(db, "documents", "");
  if (!doc_cols.ok())
    return Status::InvalidInput(shard_path + ": not a decltab database");

  MergeCounts counts;
  {
    Result<Transaction> tx = Transaction::Begin(db);
    if (!tx.ok()) return tx.status();
    // For each shard document: the target's copy (same sha256, or same file
    // for an unreadable file) and both statuses decide.
    Result<StatementPtr> docs = Prepare(
        db,
        "SELECT s.id, s.status, t.id, t.status FROM shard.documents s "
        "LEFT JOIN main.documents t ON (s.sha256 IS NOT NULL AND t.sha256 = s.sha256) "
        "OR (s.sha256 IS NULL AND t.sha256 IS NULL AND t.file = s.file) ORDER BY s.id");
    Result<StatementPtr> copy = Prepare(
        db, "INSERT INTO main.documents (" + Join(*doc_cols, "") + ") SELECT " +
                Join(*doc_cols, "") +
                " FROM shard.documents WHERE id = ?1");
    Result<StatementPtr> drop = Prepare(db, "DELETE FROM main.documents WHERE id = ?1");
    Result<StatementPtr> map = Prepare(db, "INSERT INTO temp.doc_map VALUES (?1, ?2)");
    for (auto* r : {&docs, &copy, &drop, &map})
      if (!r->ok()) return r->status();
    int rc;
    while ((rc = sqlite3_step(docs->get())) == SQLITE_ROW) {
      const int64_t shard_id = sqlite3_column_int64(docs->get(), 0);
      const bool shard_done = Text(docs->get(), 1) == "done";
      const bool in_target = sqlite3_column_type(docs->get(), 2) != SQLITE_NULL;
      if (in_target) {
        const bool target_done = Text(docs->get(), 3) == "done";
        if (target_done || !shard_done) {
          ++counts.kept;
          continue;
        }
        s = Run(db, drop->get(), {sqlite3_column_int64(docs->get(), 2)});
        if (!s.ok()) return s;
        ++counts.replaced;
      } else {
        ++counts.added;
      }
      s = Run(db, copy->get(), {shard_id});
      if (!s.ok()) return s;
      s = Run(db, map->get(), {shard_id, sqlite3_last_insert_rowid(db)});
      if (!s.ok()) return s;
    }
    if (rc != SQLITE_DONE)
      return Status::Internal(std::string("cannot read shard documents: ") +
                              sqlite3_errmsg(db));
    docs->reset();
    s = CopyChildren(db);
    if (!s.ok()) return s.WithContext(shard_path);
    s = tx->Commit();
    if (!s.ok()) return s;
  }
  return counts;
}

}  // namespace decltab::exporter
