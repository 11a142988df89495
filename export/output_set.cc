#include "export/output_set.h"

#include <filesystem>

#include "export/atomic_file.h"
#include "export/json_writer.h"

namespace decltab::exporter {

Status WriteOutputFiles(const Declaration& declaration, const std::string& json_path,
                        const std::string& csv_dir, const CsvOptions& options) {
  // Stage everything before anything is renamed into place.
  Result<AtomicFile> json = AtomicFile::Create(json_path);
  if (!json.ok()) return json.status();
  Status written = json->Write(ContractJsonText(declaration));
  if (!written.ok()) return written;

  Result<StagedDirectory> csv = StagedDirectory::Create(csv_dir);
  if (!csv.ok()) return csv.status();
  for (const CsvFile& file : ToCsvFiles(declaration, options)) {
    written = csv->WriteFile(file.name, file.content);
    if (!written.ok()) return written;
  }

  // The JSON goes last: a reader that sees the new JSON sees the new CSVs.
  Status installed = csv->Install();
  if (!installed.ok()) return installed;
  Status committed = json->Commit();
  if (!committed.ok()) {
    csv->Restore();
    return committed;
  }
  csv->Finish();
  return Status::Ok();
}

Result<std::string> WriteOutputSet(const Declaration& declaration,
                                   const std::string& out_dir, const std::string& stem,
                                   const CsvOptions& options) {
  if (stem.empty() || stem.find('/') != std::string::npos || stem == "." ||
      stem == "..")
    return Status::Internal("bad output name \"" + stem + "\"");
  std::error_code ec;
  if (!out_dir.empty()) std::filesystem::create_directories(out_dir, ec);
  if (ec) return Status::Internal(out_dir + ": cannot create directory: " + ec.message());
  std::string base = out_dir.empty() || out_dir.back() == '/' ? out_dir : out_dir + "/";
  std::string json_path = base + stem + ".json";
  RemoveStaleTemporaries(json_path);
  RemoveStaleTemporaries(base + stem);
  Status status = WriteOutputFiles(declaration, json_path, base + stem, options);
  if (!status.ok()) return status;
  return json_path;
}

}  // namespace decltab::exporter
