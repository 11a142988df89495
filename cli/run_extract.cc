#include "cli/run_extract.h"

#include "export/output_set.h"
#include "export/sqlite_writer.h"
#include "normalize/declaration_builder.h"
#include "reconcile/reconcile.h"

namespace decltab::cli {

std::string FileStem(const std::string& path) {
  size_t slash = path.find_last_of('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  size_t dot = name.find_last_of('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

Result<ExtractOutcome> RunExtract(const ExtractRequest& request,
                                  const LogFn& log) {
  Result<extract::SourceDocument> document =
      extract::SourceDocument::Open(request.input);
  if (!document.ok()) {
    Status failed = document.status().WithContext(request.input);
    if (!request.db.empty()) {
      Status recorded =
          exporter::WriteFailedDocument(request.db, request.input, "",
                                        failed.message());
      if (!recorded.ok() && log) log("cannot record failure: " + recorded.message());
    }
    return failed;
  }

  ExtractOutcome outcome;
  ProgressFn progress;
  if (log)
    progress = [&](int done, int total) {
      log("page " + std::to_string(done) + "/" + std::to_string(total));
    };
  Result<DocumentLayout> layout = ReadDocument(
      *document, request.input, request.read, progress, &outcome.times);
  if (!layout.ok()) return layout.status().WithContext(request.input);

  Result<Declaration> declaration =
      normalize::BuildDeclaration(*layout, normalize::BuildOptions{});
  if (!declaration.ok()) return declaration.status().WithContext(request.input);
  outcome.declaration = std::move(declaration).value();
  reconcile::Reconcile(&outcome.declaration,
                       reconcile::ReconcileOptions{request.min_confidence});

  exporter::CsvOptions csv;
  csv.excel_bom = request.excel;
  Result<std::string> json = exporter::WriteOutputSet(
      outcome.declaration, request.out_dir, FileStem(request.input), csv);
  if (!json.ok()) return json.status();
  outcome.json_path = *json;
  if (!request.db.empty()) {
    Status stored = exporter::WriteSqlite(outcome.declaration, request.db);
    if (!stored.ok()) return stored.WithContext(request.db);
  }
  return outcome;
}

}  // namespace decltab::cli
