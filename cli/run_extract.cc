#include "cli/run_extract.h"

#include "export/output_set.h"
#include "normalize/declaration_builder.h"
#include "reconcile/reconcile.h"

namespace decltab::cli {
namespace {

// Why a read document holds no declaration, or Ok.
Status NotADeclaration(const DocumentLayout& layout, const Declaration& declaration) {
  if (!declaration.projects.empty()) return Status::Ok();
  bool any_table = false, any_text = false;
  for (const PageLayout& page : layout.pages) {
    any_table = any_table || !page.tables.empty();
    any_text = any_text || !page.blocks.empty();
  }
  const std::string pages = std::to_string(layout.page_count) +
                            (layout.page_count == 1 ? " page" : " pages");
  if (!any_table && !any_text)
    return Status::InvalidInput("blank: no text or table on " + pages);
  if (!any_table)
    return Status::InvalidInput("not a declaration: no table on " + pages);
  return Status::InvalidInput(
      "not a declaration: no project form (项目名称) or budget heading on " + pages);
}

// A damaged file's repairs and render errors as the declaration's warnings,
// so that what is missing from it is not taken for what the document says.
void AddDamageWarnings(const DocumentLayout& layout, Declaration* declaration) {
  std::vector<std::string> damage;
  for (const std::string& w : layout.warnings) damage.push_back("damaged PDF: " + w);
  for (const PageLayout& page : layout.pages)
    for (const std::string& w : page.warnings)
      damage.push_back("page " + std::to_string(page.page_number) + ": " + w);
  if (damage.empty()) return;
  damage.insert(damage.begin(),
                "damaged PDF: Poppler repaired or skipped parts of it; what it could not "
                "read is missing here");
  declaration->warnings.insert(declaration->warnings.begin(), damage.begin(), damage.end());
}

}  // namespace

std::string FileStem(const std::string& path) {
  size_t slash = path.find_last_of('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  size_t dot = name.find_last_of('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

Result<Declaration> BuildReconciledDeclaration(const DocumentLayout& layout,
                                               float min_confidence) {
  Result<Declaration> declaration =
      normalize::BuildDeclaration(layout, normalize::BuildOptions{});
  if (!declaration.ok()) return declaration.status();
  Status usable = NotADeclaration(layout, *declaration);
  if (!usable.ok()) return usable;
  AddDamageWarnings(layout, &*declaration);
  reconcile::Reconcile(&*declaration, reconcile::ReconcileOptions{min_confidence});
  return declaration;
}

Result<std::string> WriteDeclaration(const Declaration& declaration,
                                     const std::string& out_dir,
                                     const std::string& stem, bool excel,
                                     exporter::Database* db) {
  exporter::CsvOptions csv;
  csv.excel_bom = excel;
  Result<std::string> json =
      exporter::WriteOutputSet(declaration, out_dir, stem, csv);
  if (!json.ok()) return json.status();
  if (db != nullptr) {
    Status stored = db->Write(declaration);
    if (!stored.ok()) return stored.WithContext(db->name());
  }
  return json;
}

Result<ExtractOutcome> RunExtract(const ExtractRequest& request,
                                  const LogFn& log) {
  std::unique_ptr<exporter::Database> db;
  if (!request.db.empty()) {
    Result<std::unique_ptr<exporter::Database>> opened =
        exporter::OpenOutputDatabase(request.db);
    if (!opened.ok()) return opened.status();
    db = std::move(opened).value();
  }
  // Unusable input gets a `failed` row when there is a database.
  // (The row's `file` names the input; `error` is the bare reason.)
  auto fail = [&](const Status& failed, const std::string& sha256) -> Status {
    if (db && failed.code() == Status::Code::kInvalidInput) {
      Status recorded = db->WriteFailed(request.input, sha256, failed.message());
      if (!recorded.ok() && log) log("cannot record failure: " + recorded.message());
    }
    return failed.WithContext(request.input);
  };
  Result<extract::SourceDocument> document =
      extract::SourceDocument::Open(request.input);
  if (!document.ok()) return fail(document.status(), "");

  ExtractOutcome outcome;
  ProgressFn progress;
  if (log)
    progress = [&](int done, int total) {
      log("page " + std::to_string(done) + "/" + std::to_string(total));
    };
  Result<DocumentLayout> layout = ReadDocument(
      *document, request.input, request.read, progress, &outcome.times);
  // A page that cannot be read (too large, too small, damaged) fails the
  // document as any other unusable input does: with its `failed` row.
  if (!layout.ok()) return fail(layout.status(), document->sha256());

  Result<Declaration> declaration =
      BuildReconciledDeclaration(*layout, request.min_confidence);
  if (!declaration.ok())
    return fail(declaration.status(), document->sha256());
  outcome.declaration = std::move(declaration).value();
  Result<std::string> json =
      WriteDeclaration(outcome.declaration, request.out_dir,
                       FileStem(request.input), request.excel, db.get());
  if (!json.ok()) return json.status();
  outcome.json_path = *json;
  return outcome;
}

}  // namespace decltab::cli
