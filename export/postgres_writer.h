// Writes declarations into a PostgreSQL database in the schema of
// postgres_schema.h, with the semantics of sqlite_writer.h: each document
// one transaction, keyed by sha256 (or, unhashed, by file), its earlier
// rows replaced. A transaction-scoped advisory lock on the key comes first,
// so that writers of the same document on several machines queue instead of
// duplicating it, and each holds one such lock only: no deadlock.
#ifndef DECLTAB_EXPORT_POSTGRES_WRITER_H_
#define DECLTAB_EXPORT_POSTGRES_WRITER_H_

#include <libpq-fe.h>

#include <set>
#include <string>

#include "core/declaration.h"
#include "core/result.h"
#include "core/status.h"

namespace decltab::exporter {

Status WritePostgres(PGconn* conn, const Declaration& declaration);

Status WritePostgresFailed(PGconn* conn, const std::string& file,
                           const std::string& sha256, const std::string& error);

Result<std::set<std::string>> PostgresCompletedDocuments(PGconn* conn);

// The advisory-lock key of a document: its sha256, or its file when unhashed.
std::string DocumentLockKey(const std::string& file, const std::string& sha256);

// Deletes an earlier copy of the document (same sha256) and an earlier
// failure to read the same file (no sha256); children go by cascade.
Status DeleteEarlierPostgres(PGconn* conn, const std::string& file,
                             const std::string& sha256);

}  // namespace decltab::exporter

#endif  // DECLTAB_EXPORT_POSTGRES_WRITER_H_
