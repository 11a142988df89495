#include "export/postgres_db.h"

#include <charconv>
#include <cstdlib>
#include <utility>

namespace decltab::exporter {
namespace {

std::string ConnError(PGconn* conn) {
  std::string message = conn ? PQerrorMessage(conn) : "out of memory";
  while (!message.empty() && (message.back() == '\n' || message.back() == ' '))
    message.pop_back();
  return message;
}

// The text libpq sends for `v` (nullopt: NULL). Doubles in the shortest
// form that reads back to the same value.
std::optional<std::string> Text(const SqlValue& v) {
  if (std::holds_alternative<std::nullptr_t>(v)) return std::nullopt;
  if (const auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  if (const auto* d = std::get_if<double>(&v)) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, *d);
    return std::string(buf, ec == std::errc() ? end : buf);
  }
  return std::get<std::string>(v);
}

}  // namespace

Result<PgConnPtr> PgConnect(const std::string& uri) {
  char* parse_error = nullptr;
  PQconninfoOption* options = PQconninfoParse(uri.c_str(), &parse_error);
  if (options == nullptr) {
    std::string why = parse_error ? parse_error : "out of memory";
    PQfreemem(parse_error);
    while (!why.empty() && why.back() == '\n') why.pop_back();
    return Status::InvalidInput("bad PostgreSQL URI: " + why);
  }
  bool has_password = false;
  for (PQconninfoOption* o = options; o->keyword != nullptr; ++o)
    if (std::string(o->keyword) == "password" && o->val != nullptr && *o->val != '\0')
      has_password = true;
  PQconninfoFree(options);
  if (has_password)
    return Status::InvalidInput(
        "the PostgreSQL URI holds a password: put it in PGPASSWORD or ~/.pgpass "
        "instead, where no process list or log shows it");
  PgConnPtr conn(PQconnectdb(uri.c_str()));
  if (!conn || PQstatus(conn.get()) != CONNECTION_OK)
    return Status::Internal("cannot connect to PostgreSQL: " + ConnError(conn.get()));
  // Notices (e.g. "relation already exists, skipping") are not for the log.
  PQsetNoticeProcessor(conn.get(), [](void*, const char*) {}, nullptr);
  return conn;
}

Result<PgResultPtr> PgExec(PGconn* conn, const std::string& sql,
                           const std::vector<SqlValue>& values) {
  std::vector<std::optional<std::string>> texts;
  texts.reserve(values.size());
  for (const SqlValue& v : values) texts.push_back(Text(v));
  std::vector<const char*> params;
  params.reserve(texts.size());
  for (const auto& t : texts) params.push_back(t ? t->c_str() : nullptr);
  PgResultPtr result(PQexecParams(conn, sql.c_str(), static_cast<int>(params.size()),
                                  nullptr, params.data(), nullptr, nullptr, 0));
  const ExecStatusType status = result ? PQresultStatus(result.get()) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    // The server's primary message, without the "ERROR:" prefix and the
    // statement text libpq adds to the full one.
    const char* primary =
        result ? PQresultErrorField(result.get(), PG_DIAG_MESSAGE_PRIMARY) : nullptr;
    return Status::Internal(primary ? primary : ConnError(conn));
  }
  return result;
}

Status PgExecScript(PGconn* conn, const std::string& sql) {
  PgResultPtr result(PQexec(conn, sql.c_str()));
  if (result && PQresultStatus(result.get()) == PGRES_COMMAND_OK) return Status::Ok();
  return Status::Internal(ConnError(conn));
}

Result<int64_t> PgExecId(PGconn* conn, const std::string& sql,
                         const std::vector<SqlValue>& values) {
  Result<PgResultPtr> result = PgExec(conn, sql, values);
  if (!result.ok()) return result.status();
  std::optional<std::string> text = PgText(result->get(), 0, 0);
  if (!text) return Status::Internal("statement returned no value");
  return static_cast<int64_t>(std::strtoll(text->c_str(), nullptr, 10));
}

std::optional<std::string> PgText(const PGresult* result, int row, int column) {
  if (row >= PQntuples(result) || column >= PQnfields(result) ||
      PQgetisnull(result, row, column))
    return std::nullopt;
  return std::string(PQgetvalue(result, row, column),
                     PQgetlength(result, row, column));
}

Result<PgTransaction> PgTransaction::Begin(PGconn* conn) {
  Result<PgResultPtr> begun = PgExec(conn, "BEGIN");
  if (!begun.ok()) return Status::Internal("cannot begin transaction: " + begun.status().message());
  return PgTransaction(conn);
}

PgTransaction::PgTransaction(PgTransaction&& other) noexcept
    : conn_(std::exchange(other.conn_, nullptr)) {}

PgTransaction::~PgTransaction() {
  if (conn_ != nullptr) PQclear(PQexec(conn_, "ROLLBACK"));
}

Status PgTransaction::Commit() {
  if (conn_ == nullptr) return Status::Internal("transaction already ended");
  PGconn* conn = std::exchange(conn_, nullptr);
  Result<PgResultPtr> committed = PgExec(conn, "COMMIT");
  if (!committed.ok()) return Status::Internal("cannot commit: " + committed.status().message());
  return Status::Ok();
}

Status PgLockKey(PGconn* conn, const std::string& key) {
  Result<PgResultPtr> locked =
      PgExec(conn, "SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", {key});
  return locked.ok() ? Status::Ok() : locked.status().WithContext("cannot lock " + key);
}

}  // namespace decltab::exporter
