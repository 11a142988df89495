// Loads shard databases (SQLite files from `decltab batch --shard K/N`)
// into a PostgreSQL database with the rules of sqlite_merge.h: a document
// already 'done' in the server is kept, a 'failed' one is replaced by the
// shard's 'done' copy. Each document is one transaction under the same
// advisory lock the writer takes, so loads may run while batches write.
#ifndef DECLTAB_EXPORT_POSTGRES_MERGE_H_
#define DECLTAB_EXPORT_POSTGRES_MERGE_H_

#include <libpq-fe.h>

#include <string>

#include "core/result.h"
#include "export/sqlite_merge.h"

namespace decltab::exporter {

// Copies the columns both schemas have (a shard written by an older decltab
// may lack some). kInvalidInput when the shard is not a decltab database; a
// failure midway leaves the documents loaded so far, each whole.
Result<MergeCounts> MergeShardIntoPostgres(PGconn* conn, const std::string& shard_path);

}  // namespace decltab::exporter

#endif  // DECLTAB_EXPORT_POSTGRES_MERGE_H_
