// The PostgreSQL twin of sqlite_schema.h: the same tables and columns in the
// same order, amounts as bigint fen, written_at as timestamptz, foreign keys
// cascading from documents down, and the indexes the README's queries use.
// The version lives in the table decltab_schema.
#ifndef DECLTAB_EXPORT_POSTGRES_SCHEMA_H_
#define DECLTAB_EXPORT_POSTGRES_SCHEMA_H_

#include <libpq-fe.h>

#include "core/status.h"

namespace decltab::exporter {

// The CREATE statements of version kSchemaVersion (sqlite_schema.h).
extern const char kPostgresSchemaSql[];

// Creates (or, for an older version, migrates) the schema in one
// transaction, holding an advisory lock so that shards starting at once on
// an empty database do not race. Fails on a schema newer than this decltab's.
Status EnsurePostgresSchema(PGconn* conn);

}  // namespace decltab::exporter

#endif  // DECLTAB_EXPORT_POSTGRES_SCHEMA_H_
