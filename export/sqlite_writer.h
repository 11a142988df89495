// Writes declarations into a SQLite database in the output contract's schema
// (see sqlite_schema.h). Each document is one transaction (BEGIN IMMEDIATE
// ... COMMIT; ROLLBACK on any error), so a reader never sees half a
// document. Several processes may write the same database at once: it uses
// WAL and a busy timeout, and writers queue.
#ifndef DECLTAB_EXPORT_SQLITE_WRITER_H_
#define DECLTAB_EXPORT_SQLITE_WRITER_H_

#include <set>
#include <string>

#include "core/declaration.h"
#include "core/result.h"
#include "core/status.h"

namespace decltab::exporter {

// Stores `declaration` as a 'done' document, replacing every row of an
// earlier document with the same sha256 (or, when sha256 is empty, of the
// same file). Creates the database and schema if missing. On failure the
// database is as it was before the call.
Status WriteSqlite(const Declaration& declaration, const std::string& db_path);

// Records a document that could not be read: one documents row with
// status 'failed' and the reason in `error`, replacing earlier rows of the
// same sha256 (or, when `sha256` is empty, of the same file).
Status WriteFailedDocument(const std::string& db_path, const std::string& file,
                           const std::string& sha256, const std::string& error);

// The sha256 of every document stored as 'done' (creating the database if
// missing): what a resumed batch skips.
Result<std::set<std::string>> CompletedDocuments(const std::string& db_path);

}  // namespace decltab::exporter

#endif  // DECLTAB_EXPORT_SQLITE_WRITER_H_
