// The database a document's rows go to, behind one interface with two
// implementations: a SQLite file (the default, embedded) and a PostgreSQL
// server (`postgresql://` or `postgres://` URI, libpq syntax). Both hold the
// same tables (sqlite_schema.cc, postgres_schema.cc) and keep a document
// keyed by sha256: writing it again replaces its rows, each document is one
// transaction, and a `done` copy replaces a `failed` one.
#ifndef DECLTAB_EXPORT_DATABASE_H_
#define DECLTAB_EXPORT_DATABASE_H_

#include <memory>
#include <set>
#include <string>

#include "core/declaration.h"
#include "core/result.h"
#include "core/status.h"
#include "export/sqlite_merge.h"

namespace decltab::exporter {

class Database {
 public:
  virtual ~Database() = default;

  // Stores `declaration` as a 'done' document, replacing every row of an
  // earlier document with the same sha256 (or, when sha256 is empty, of the
  // same file). On failure the database is as it was before the call.
  virtual Status Write(const Declaration& declaration) = 0;

  // Records a document that could not be read: one 'failed' row with the
  // reason, replacing earlier rows of the same sha256 (or, when `sha256` is
  // empty, of the same file).
  virtual Status WriteFailed(const std::string& file, const std::string& sha256,
                             const std::string& error) = 0;

  // The sha256 of every document stored as 'done': what a resumed batch skips.
  virtual Result<std::set<std::string>> CompletedDocuments() = 0;

  // Copies every document of the SQLite database `shard_path` (a `decltab
  // batch --shard` output) in: one already 'done' here is kept, a 'failed'
  // one is replaced by the shard's 'done' copy.
  virtual Result<MergeCounts> MergeShard(const std::string& shard_path) = 0;

  // Where the rows go, fit for messages (a URI never holds a password).
  virtual const std::string& name() const = 0;
};

// True for "postgresql://..." and "postgres://...".
bool IsPostgresUri(const std::string& target);

// A SQLite file path, or a PostgreSQL URI. Creates the schema if missing
// (and the SQLite file). Safe to call from several threads at once on the
// returned object. A URI holding a password is refused: libpq reads it from
// PGPASSWORD or ~/.pgpass, where no process list or log shows it.
Result<std::unique_ptr<Database>> OpenOutputDatabase(const std::string& target);

}  // namespace decltab::exporter

#endif  // DECLTAB_EXPORT_DATABASE_H_
