// The PostgreSQL server of the tests, and reading a database on it back.
// Under ctest the fixture `postgres` has started the server and
// DECLTAB_TEST_PG_HOST names its socket folder; a test binary run by hand
// starts a server of its own (tests/postgres_cluster.sh), stopped at exit.
// Each test gets a database of its own (PgTestDatabase), so that tests run
// in parallel do not see each other's rows.
#ifndef DECLTAB_TESTS_EXPORT_POSTGRES_TEST_UTIL_H_
#define DECLTAB_TESTS_EXPORT_POSTGRES_TEST_UTIL_H_

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <regex>
#include <stdexcept>
#include <string>
#include <vector>

#include "export/postgres_db.h"
#include "tests/export/sqlite_test_util.h"

namespace decltab::exporter::testing {

// Socket folder of the test server.
inline const std::string& PgTestHost() {
  struct Server {
    std::string host;
    bool own = false;
    Server() {
      if (const char* env = std::getenv("DECLTAB_TEST_PG_HOST")) {
        host = env;
        return;
      }
      host = "/tmp/decltab-pg-test-" + std::to_string(::getpid());
      own = true;
      const std::string start = std::string(DECLTAB_SOURCE_DIR) +
                                "/tests/postgres_cluster.sh start " + host + " >/dev/null";
      if (std::system(start.c_str()) != 0)
        throw std::runtime_error("cannot start a PostgreSQL server in " + host);
    }
    ~Server() {
      if (!own) return;
      const std::string stop =
          std::string(DECLTAB_SOURCE_DIR) + "/tests/postgres_cluster.sh stop " + host;
      std::system(stop.c_str());
    }
  };
  static Server server;
  return server.host;
}

inline std::string PgTestUri(const std::string& database) {
  return "postgresql:///" + database + "?host=" + PgTestHost() + "&user=decltab";
}

// Every row of `sql` as "a|b|c" (NULL as "NULL"), or one "error: ..." row.
inline std::vector<std::string> PgQuery(const std::string& uri, const std::string& sql) {
  PgConnPtr conn(PQconnectdb(uri.c_str()));
  if (PQstatus(conn.get()) != CONNECTION_OK)
    return {std::string("error: ") + PQerrorMessage(conn.get())};
  PgResultPtr result(PQexec(conn.get(), sql.c_str()));
  const ExecStatusType status = PQresultStatus(result.get());
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
    return {std::string("error: ") + PQresultErrorMessage(result.get())};
  std::vector<std::string> rows;
  for (int r = 0; r < PQntuples(result.get()); ++r) {
    std::string row;
    for (int c = 0; c < PQnfields(result.get()); ++c) {
      if (c) row += '|';
      row += PQgetisnull(result.get(), r, c) ? "NULL" : PQgetvalue(result.get(), r, c);
    }
    rows.push_back(row);
  }
  return rows;
}

inline std::string PgOne(const std::string& uri, const std::string& sql) {
  std::vector<std::string> rows = PgQuery(uri, sql);
  return rows.size() == 1 ? rows[0] : "<" + std::to_string(rows.size()) + " rows>";
}

// A fresh database on the test server, dropped at the end.
class PgTestDatabase {
 public:
  PgTestDatabase() {
    static std::atomic<int> counter{0};
    name_ = "decltab_test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
    std::vector<std::string> made = PgQuery(PgTestUri("postgres"), "CREATE DATABASE " + name_);
    if (!made.empty()) throw std::runtime_error("cannot create test database: " + made[0]);
    uri_ = PgTestUri(name_);
  }
  ~PgTestDatabase() {
    PgQuery(PgTestUri("postgres"), "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  }
  const std::string& uri() const { return uri_; }

 private:
  std::string name_, uri_;
};

// SQLite writes a REAL that holds a whole number as "11.0", PostgreSQL a
// double precision as "11": each such field as "11", so that the rows of
// both databases compare.
inline std::vector<std::string> WithoutZeroFractions(std::vector<std::string> rows) {
  static const std::regex kZeroFraction("(^|\\|)(-?[0-9]+)\\.0(?=\\||$)");
  for (std::string& row : rows) {
    std::string previous;
    while (previous != row) {  // adjacent fields share their '|'
      previous = row;
      row = std::regex_replace(row, kZeroFraction, "$1$2");
    }
  }
  return rows;
}

// ContentRows of either database, made comparable: WithoutZeroFractions,
// sorted again.
inline std::vector<std::string> Comparable(std::vector<std::string> content_rows) {
  std::vector<std::string> rows = WithoutZeroFractions(std::move(content_rows));
  std::sort(rows.begin(), rows.end());
  return rows;
}

// ContentRows (sqlite_test_util.h) of a PostgreSQL database.
inline std::vector<std::string> PgContentRows(const std::string& uri) {
  return ContentRowsOf(
      [&](const std::string& sql) { return PgQuery(uri, sql); },
      [&](const std::string& table) {
        return PgQuery(uri,
                       "SELECT column_name FROM information_schema.columns WHERE "
                       "table_schema = current_schema() AND table_name = '" + table +
                           "' ORDER BY ordinal_position");
      });
}

}  // namespace decltab::exporter::testing

#endif  // DECLTAB_TESTS_EXPORT_POSTGRES_TEST_UTIL_H_
