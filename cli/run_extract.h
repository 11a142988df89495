// `decltab extract`: one document from file to JSON, CSV and (optionally)
// a database: a SQLite file or a PostgreSQL server. The CLI is a thin shell over RunExtract.
#ifndef DECLTAB_CLI_RUN_EXTRACT_H_
#define DECLTAB_CLI_RUN_EXTRACT_H_

#include <functional>
#include <string>

#include "cli/read_document.h"
#include "core/declaration.h"
#include "core/result.h"
#include "export/database.h"
#include "reconcile/reconcile.h"

namespace decltab::cli {

struct ExtractRequest {
  std::string input;    // PDF or PNG/TIFF/JPEG page scan
  std::string out_dir;  // gets <stem>.json and <stem>/*.csv
  std::string db;       // SQLite file or postgresql:// URI; empty: none
  bool excel = false;   // CSV with a UTF-8 BOM for Excel
  float min_confidence = reconcile::kDefaultMinConfidence;
  ReadOptions read;
};

struct ExtractOutcome {
  Declaration declaration;
  std::string json_path;
  StageTimes times;
};

// Log lines ("page 3/36"), for a terminal or a log file.
using LogFn = std::function<void(const std::string&)>;

// kInvalidInput: the input is unusable (nothing is written to out_dir; with
// a database, a `failed` documents row records the reason).
Result<ExtractOutcome> RunExtract(const ExtractRequest& request,
                                  const LogFn& log = nullptr);

// The reconciled declaration of a read document. kInvalidInput when the
// document holds no declaration: every page blank, no table anywhere, or no
// project found.
Result<Declaration> BuildReconciledDeclaration(const DocumentLayout& layout,
                                               float min_confidence);

// Writes out_dir/<stem>.json and out_dir/<stem>/*.csv as one set, then the
// database rows when `db` is not null. Returns the JSON path.
Result<std::string> WriteDeclaration(const Declaration& declaration,
                                     const std::string& out_dir,
                                     const std::string& stem, bool excel,
                                     exporter::Database* db);

// "x/y/scan.pdf" -> "scan".
std::string FileStem(const std::string& path);

}  // namespace decltab::cli

#endif  // DECLTAB_CLI_RUN_EXTRACT_H_
