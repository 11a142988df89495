// Thin RAII helpers over libpq for the PostgreSQL writer: an owned
// connection and result, statements run with their values sent apart from
// the SQL text (PQexecParams), and a transaction that rolls back unless
// committed. Errors come back as Status with the server's message.
#ifndef DECLTAB_EXPORT_POSTGRES_DB_H_
#define DECLTAB_EXPORT_POSTGRES_DB_H_

#include <libpq-fe.h>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/status.h"
#include "export/sql_value.h"

namespace decltab::exporter {

struct PgConnCloser {
  void operator()(PGconn* conn) const { PQfinish(conn); }
};
using PgConnPtr = std::unique_ptr<PGconn, PgConnCloser>;

struct PgResultClearer {
  void operator()(PGresult* result) const { PQclear(result); }
};
using PgResultPtr = std::unique_ptr<PGresult, PgResultClearer>;

// Connects to `uri` (libpq connection URI). kInvalidInput when the URI is
// malformed or holds a password (libpq takes it from PGPASSWORD or
// ~/.pgpass). Messages never repeat the URI.
Result<PgConnPtr> PgConnect(const std::string& uri);

// Runs `sql` with `values` as $1..$N (text format; the server casts each to
// its column's type). Returns the result of a command or a query.
Result<PgResultPtr> PgExec(PGconn* conn, const std::string& sql,
                           const std::vector<SqlValue>& values = {});

// Runs `sql`, which may hold several statements and no parameters (the
// schema script).
Status PgExecScript(PGconn* conn, const std::string& sql);

// The first column of the first row as an integer (RETURNING id, count(*)).
Result<int64_t> PgExecId(PGconn* conn, const std::string& sql,
                         const std::vector<SqlValue>& values = {});

// Text of a cell; std::nullopt for NULL.
std::optional<std::string> PgText(const PGresult* result, int row, int column);

// BEGIN ... COMMIT; rolls back on destruction unless Commit() succeeded.
class PgTransaction {
 public:
  static Result<PgTransaction> Begin(PGconn* conn);
  PgTransaction(PgTransaction&& other) noexcept;
  PgTransaction& operator=(PgTransaction&&) = delete;
  PgTransaction(const PgTransaction&) = delete;
  PgTransaction& operator=(const PgTransaction&) = delete;
  ~PgTransaction();

  Status Commit();

 private:
  explicit PgTransaction(PGconn* conn) : conn_(conn) {}
  PGconn* conn_;  // not owned; nullptr once committed or moved from
};

// Takes a transaction-scoped advisory lock on `key` (released at COMMIT or
// ROLLBACK): concurrent writers of the same document queue on it.
Status PgLockKey(PGconn* conn, const std::string& key);

}  // namespace decltab::exporter

#endif  // DECLTAB_EXPORT_POSTGRES_DB_H_
