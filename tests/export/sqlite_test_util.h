// Reading back a SQLite database in the export tests.
#ifndef DECLTAB_TESTS_EXPORT_SQLITE_TEST_UTIL_H_
#define DECLTAB_TESTS_EXPORT_SQLITE_TEST_UTIL_H_

#include <sqlite3.h>

#include <algorithm>
#include <functional>
#include <initializer_list>
#include <string>
#include <vector>

#include "export/sqlite_db.h"

namespace decltab::exporter::testing {

// Every row of `sql` as "a|b|c" (NULL as "NULL").
inline std::vector<std::string> Query(const std::string& db_path, const std::string& sql) {
  std::vector<std::string> rows;
  sqlite3* raw = nullptr;
  sqlite3_open_v2(db_path.c_str(), &raw, SQLITE_OPEN_READONLY, nullptr);
  SqlitePtr db(raw);
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db.get(), sql.c_str(), -1, &s, nullptr) != SQLITE_OK) {
    rows.push_back(std::string("error: ") + sqlite3_errmsg(db.get()));
    return rows;
  }
  StatementPtr stmt(s);
  while (sqlite3_step(stmt.get()) == SQLITE_ROW) {
    std::string row;
    for (int c = 0; c < sqlite3_column_count(stmt.get()); ++c) {
      if (c) row += '|';
      const unsigned char* text = sqlite3_column_text(stmt.get(), c);
      row += text ? reinterpret_cast<const char*>(text) : "NULL";
    }
    rows.push_back(row);
  }
  return rows;
}

inline std::string One(const std::string& db_path, const std::string& sql) {
  std::vector<std::string> rows = Query(db_path, sql);
  return rows.size() == 1 ? rows[0] : "<" + std::to_string(rows.size()) + " rows>";
}

// The rows of a query as "a|b|c" (NULL as "NULL"), and the column names of
// a table in order: how ContentRowsOf reads either database.
using QueryFn = std::function<std::vector<std::string>(const std::string& sql)>;
using ColumnNamesFn = std::function<std::vector<std::string>(const std::string& table)>;

// "x.a, x.b" for every column of `table` but `skipped` ones.
inline std::string ColumnsOf(const ColumnNamesFn& names, const std::string& table,
                             const std::string& alias,
                             std::initializer_list<const char*> skipped) {
  std::string list;
  for (const std::string& name : names(table)) {
    bool skip = false;
    for (const char* s : skipped) skip = skip || name == s;
    if (!skip) list += (list.empty() ? "" : ", ") + alias + "." + name;
  }
  return list;
}

// Every stored value but row ids and write times, each row naming its
// document by sha256 (or file) and its project by seq, sorted: equal for two
// databases that hold the same documents, however their ids were assigned.
inline std::vector<std::string> ContentRowsOf(const QueryFn& query,
                                              const ColumnNamesFn& names) {
  const std::string doc = "coalesce(d.sha256, d.file)";
  const std::string by_project =
      " JOIN projects p ON x.project_id = p.id JOIN documents d ON p.document_id = d.id";
  std::vector<std::string> rows;
  auto add = [&](const std::string& tag, const std::string& sql) {
    for (std::string& row : query(sql)) rows.push_back(tag + "|" + row);
  };
  add("documents", "SELECT " + ColumnsOf(names, "documents", "d", {"id", "written_at"}) +
                       " FROM documents d");
  add("projects", "SELECT " + doc + ", " +
                      ColumnsOf(names, "projects", "x", {"id", "document_id"}) +
                      " FROM projects x JOIN documents d ON x.document_id = d.id");
  for (const char* table : {"budget_lines", "indicators"})
    add(table, "SELECT " + doc + ", p.seq, " +
                   ColumnsOf(names, table, "x", {"id", "project_id"}) + " FROM " + table +
                   " x" + by_project);
  add("checks", "SELECT " + doc + ", p.seq, " +
                    ColumnsOf(names, "checks", "x", {"id", "document_id", "project_id"}) +
                    " FROM checks x JOIN documents d ON x.document_id = d.id"
                    " LEFT JOIN projects p ON x.project_id = p.id");
  // SQLite only, so far (schema version 2).
  if (!names("corrections").empty())
    add("corrections",
        "SELECT " + doc + ", p.seq, " +
            ColumnsOf(names, "corrections", "x", {"id", "document_id", "project_id"}) +
            " FROM corrections x JOIN documents d ON x.document_id = d.id"
            " LEFT JOIN projects p ON x.project_id = p.id");
  std::sort(rows.begin(), rows.end());
  return rows;
}

inline std::vector<std::string> ContentRows(const std::string& db) {
  return ContentRowsOf(
      [&](const std::string& sql) { return Query(db, sql); },
      [&](const std::string& table) {
        return Query(db, "SELECT name FROM pragma_table_info('" + table + "')");
      });
}

}  // namespace decltab::exporter::testing

#endif  // DECLTAB_TESTS_EXPORT_SQLITE_TEST_UTIL_H_
