#include "export/database.h"

#include <mutex>
#include <utility>

#include "export/postgres_db.h"
#include "export/postgres_merge.h"
#include "export/postgres_schema.h"
#include "export/postgres_writer.h"
#include "export/sqlite_schema.h"
#include "export/sqlite_writer.h"

namespace decltab::exporter {
namespace {

// Opens the file for each call, as concurrent writers of one file need.
class SqliteDatabase : public Database {
 public:
  explicit SqliteDatabase(std::string path) : path_(std::move(path)) {}

  Status Write(const Declaration& declaration) override {
    return WriteSqlite(declaration, path_);
  }
  Status WriteFailed(const std::string& file, const std::string& sha256,
                     const std::string& error) override {
    return WriteFailedDocument(path_, file, sha256, error);
  }
  Result<std::set<std::string>> CompletedDocuments() override {
    return exporter::CompletedDocuments(path_);
  }
  Result<MergeCounts> MergeShard(const std::string& shard_path) override {
    return MergeDatabase(path_, shard_path);
  }
  const std::string& name() const override { return path_; }

 private:
  std::string path_;
};

// One connection, used by one thread at a time; a connection the server
// dropped is reset before the next call.
class PostgresDatabase : public Database {
 public:
  PostgresDatabase(std::string uri, PgConnPtr conn)
      : uri_(std::move(uri)), conn_(std::move(conn)) {}

  Status Write(const Declaration& declaration) override {
    std::lock_guard<std::mutex> lock(mutex_);
    Reconnect();
    return WritePostgres(conn_.get(), declaration);
  }
  Status WriteFailed(const std::string& file, const std::string& sha256,
                     const std::string& error) override {
    std::lock_guard<std::mutex> lock(mutex_);
    Reconnect();
    return WritePostgresFailed(conn_.get(), file, sha256, error);
  }
  Result<std::set<std::string>> CompletedDocuments() override {
    std::lock_guard<std::mutex> lock(mutex_);
    Reconnect();
    return PostgresCompletedDocuments(conn_.get());
  }
  Result<MergeCounts> MergeShard(const std::string& shard_path) override {
    std::lock_guard<std::mutex> lock(mutex_);
    Reconnect();
    return MergeShardIntoPostgres(conn_.get(), shard_path);
  }
  const std::string& name() const override { return uri_; }

 private:
  void Reconnect() {
    if (PQstatus(conn_.get()) != CONNECTION_OK) PQreset(conn_.get());
  }

  std::string uri_;
  std::mutex mutex_;
  PgConnPtr conn_;
};

}  // namespace

bool IsPostgresUri(const std::string& target) {
  return target.rfind("postgresql://", 0) == 0 || target.rfind("postgres://", 0) == 0;
}

Result<std::unique_ptr<Database>> OpenOutputDatabase(const std::string& target) {
  if (!IsPostgresUri(target)) {
    // Creates the file and schema now, so that a bad path fails up front.
    Result<SqlitePtr> db = OpenWithSchema(target);
    if (!db.ok()) return db.status().WithContext(target);
    return std::unique_ptr<Database>(new SqliteDatabase(target));
  }
  Result<PgConnPtr> conn = PgConnect(target);
  if (!conn.ok()) return conn.status();
  Status schema = EnsurePostgresSchema(conn->get());
  if (!schema.ok()) return schema.WithContext(target);
  return std::unique_ptr<Database>(new PostgresDatabase(target, std::move(conn).value()));
}

}  // namespace decltab::exporter
