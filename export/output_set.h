// A document's whole output set, written all-or-nothing:
//   OUTDIR/<stem>.json and OUTDIR/<stem>/{projects,budget_lines,indicators,checks}.csv
// Every piece is staged under a temporary name first; the CSV directory is
// swapped in, then the JSON renamed over its final name. If any step fails,
// the temporaries are removed and an older output set is left as it was.
#ifndef DECLTAB_EXPORT_OUTPUT_SET_H_
#define DECLTAB_EXPORT_OUTPUT_SET_H_

#include <string>

#include "core/declaration.h"
#include "core/result.h"
#include "export/csv_writer.h"

namespace decltab::exporter {

// Writes `json_path` and the CSV directory `csv_dir` as one set (both must
// be in existing folders).
Status WriteOutputFiles(const Declaration& declaration, const std::string& json_path,
                        const std::string& csv_dir, const CsvOptions& options);

// Creates `out_dir` (and its parents) if needed, then WriteOutputFiles with
// `out_dir/<stem>.json` and `out_dir/<stem>`. Returns the JSON path.
// `stem` must be a plain file name (no '/'). Temporaries of the same set left
// by a killed decltab are removed first (RemoveStaleTemporaries).
Result<std::string> WriteOutputSet(const Declaration& declaration,
                                   const std::string& out_dir, const std::string& stem,
                                   const CsvOptions& options);

}  // namespace decltab::exporter

#endif  // DECLTAB_EXPORT_OUTPUT_SET_H_
