// Reading back a SQLite database in the export tests.
#ifndef DECLTAB_TESTS_EXPORT_SQLITE_TEST_UTIL_H_
#define DECLTAB_TESTS_EXPORT_SQLITE_TEST_UTIL_H_

#include <sqlite3.h>

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

}  // namespace decltab::exporter::testing

#endif  // DECLTAB_TESTS_EXPORT_SQLITE_TEST_UTIL_H_
