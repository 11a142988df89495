// decltab: scanned budget declarations in, trustworthy data out.
// A thin shell: argv -> request -> library call -> exit status
// (0 extracted, 2 unusable input, 1 bad usage or options, a batch that could
// not run, or an internal error).
#include <unistd.h>

#ifdef __GLIBC__
#include <malloc.h>
#endif

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include "cli/batch.h"
#include "cli/batch_progress.h"
#include "cli/layout_json.h"
#include "cli/run_extract.h"
#include "cli/summary.h"
#include "core/utf8.h"
#include "export/database.h"
#include "export/json_reader.h"
#include "review/corrections.h"
#include "review/report_file.h"

namespace {

using decltab::Result;
using decltab::Status;
namespace cli = decltab::cli;

int ExitCode(const Status& status) {
  return status.code() == Status::Code::kInvalidInput ? 2 : 1;
}

// Progress on a terminal overwrites one line; a log gets one line per step.
cli::LogFn MakeLogger(bool quiet) {
  if (quiet) return nullptr;
  const bool tty = isatty(STDERR_FILENO);
  return [tty](const std::string& line) {
    const std::string shown = decltab::EscapeControls(line);
    if (tty)
      std::fprintf(stderr, "\r\033[K%s", shown.c_str());
    else
      std::fprintf(stderr, "%s\n", shown.c_str());
  };
}

// The one line a failed command prints. Paths and reasons may hold newlines
// or terminal escapes (a file's name, a document's text): shown escaped.
void PrintError(const std::string& message) {
  std::fprintf(stderr, "decltab: %s\n", decltab::EscapeControls(message).c_str());
}

void EndProgress(bool quiet) {
  if (!quiet && isatty(STDERR_FILENO)) std::fprintf(stderr, "\r\033[K");
}

void AddReadOptions(CLI::App* app, cli::ReadOptions* read) {
  app->add_option("--dpi", read->render.dpi, "render resolution")
      ->capture_default_str()
      ->check(CLI::Range(50, 600));
  app->add_option("-j,--jobs", read->workers,
                  "worker threads (0: one per core; at most " +
                      std::to_string(cli::kWorkersPerCore) + " per core)")
      ->capture_default_str();
  app->add_option("--ocr", read->ocr_engine,
                  "recognizer for scanned pages: tesseract, ppocr (PP-OCRv4), hybrid "
                  "(tesseract, ppocr for figures, signs and unsure readings), or auto "
                  "(ppocr when its model is installed, else tesseract)")
      ->transform(CLI::CheckedTransformer(
          std::map<std::string, cli::OcrChoice>{{"tesseract", cli::OcrChoice::kTesseract},
                                                {"ppocr", cli::OcrChoice::kPpOcr},
                                                {"hybrid", cli::OcrChoice::kHybrid},
                                                {"auto", cli::OcrChoice::kAuto}},
          CLI::ignore_case))
      ->option_text("tesseract|ppocr|hybrid|auto (default: tesseract)");
  app->add_option("--model-dir", read->ppocr.model_dir,
                  "folder of the PP-OCR model (default: $DECLTAB_PPOCR_DIR, else "
                  "build/models/ppocr)");
  app->add_option("--lang", read->ocr.languages, "Tesseract languages for text")
      ->capture_default_str();
  app->add_option("--text-height", read->regions.target_text_height_px,
                  "pixel height text is scaled to before OCR")
      ->capture_default_str()
      ->check(CLI::Range(4, 400));
  app->add_flag("--force-ocr", read->force_ocr, "OCR even where a text layer exists");
  app->add_option("--debug-dir", read->debug_dir,
                  "write overlay PNGs (grid, cell ids, confidence) here");
}

// The review report of a declaration read from `document`.
int WriteReport(const decltab::Declaration& declaration, const std::string& document,
                const std::string& html, decltab::review::ReportOptions options) {
  Status written = decltab::review::WriteReviewReport(declaration, document, html, options);
  if (!written.ok()) {
    PrintError(written.message());
    return ExitCode(written);
  }
  std::printf("wrote %s\n", html.c_str());
  return 0;
}

int RunReviewCommand(const std::string& json, const std::string& html,
                     const std::string& pdf, decltab::review::ReportOptions options) {
  Result<decltab::Declaration> declaration = decltab::exporter::ReadContractJson(json);
  if (!declaration.ok()) {
    PrintError(declaration.status().message());
    return ExitCode(declaration.status());
  }
  options.json_path = json;
  return WriteReport(*declaration, pdf.empty() ? declaration->file : pdf, html, options);
}

// Applies a corrections file to an extraction, reruns the rules and writes
// the corrected output set (and database rows) under the JSON's stem.
int RunCorrectCommand(const std::string& json, const std::string& corrections,
                      const std::string& out_dir, const std::string& db, bool excel,
                      float min_confidence) {
  auto fail = [](const Status& s) {
    PrintError(s.message());
    return ExitCode(s);
  };
  Result<decltab::Declaration> declaration = decltab::exporter::ReadContractJson(json);
  if (!declaration.ok()) return fail(declaration.status());
  Result<decltab::review::CorrectionsFile> file = decltab::review::ReadCorrections(corrections);
  if (!file.ok()) return fail(file.status());
  Status applied = decltab::review::ApplyCorrections(*file, &*declaration);
  if (!applied.ok()) return fail(applied.WithContext(corrections));
  decltab::review::Rereconcile(&*declaration,
                               decltab::reconcile::ReconcileOptions{min_confidence});
  std::unique_ptr<decltab::exporter::Database> database;
  if (!db.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(out_dir, ec);  // the database may live in it
    Result<std::unique_ptr<decltab::exporter::Database>> opened =
        decltab::exporter::OpenOutputDatabase(db);
    if (!opened.ok()) return fail(opened.status());
    database = std::move(opened).value();
  }
  Result<std::string> written = cli::WriteDeclaration(*declaration, out_dir,
                                                      cli::FileStem(json), excel,
                                                      database.get());
  if (!written.ok()) return fail(written.status());
  std::printf("applied %zu corrections\n%s", file->corrections.size(),
              cli::Summarize(*declaration).c_str());
  std::printf("wrote %s\n", written->c_str());
  return 0;
}

// Options CLI11 cannot check alone. A bad option is exit 1 with the option
// named, never 2 (which says the input is unusable).
bool CheckReadOptions(const CLI::App& command, const cli::ReadOptions& read) {
  if (command.count("--lang") > 0) {
    // A language that does not load would otherwise fail every scanned page
    // (and no born-digital one) as if the documents were at fault.
    Result<std::unique_ptr<decltab::extract::OcrEngine>> engine =
        decltab::extract::CreateTesseractEngine(read.ocr);
    if (!engine.ok()) {
      PrintError("--lang " + read.ocr.languages + ": " + engine.status().message());
      return false;
    }
  }
  return true;
}

int RunExtractCommand(cli::ExtractRequest& request, bool quiet, bool timings,
                      const std::string& report, float review_below) {
  if (!request.read.debug_dir.empty())
    std::filesystem::create_directories(request.read.debug_dir);
  Result<cli::ExtractOutcome> outcome = cli::RunExtract(request, MakeLogger(quiet));
  EndProgress(quiet);
  if (!outcome.ok()) {
    PrintError(outcome.status().message());
    return ExitCode(outcome.status());
  }
  std::printf("%s", cli::Summarize(outcome->declaration).c_str());
  std::printf("wrote %s\n", decltab::EscapeControls(outcome->json_path).c_str());
  if (!report.empty()) {
    decltab::review::ReportOptions options;
    options.review_below = review_below;
    options.min_confidence = request.min_confidence;
    options.json_path = outcome->json_path;
    int status = WriteReport(outcome->declaration, request.input, report, options);
    if (status != 0) return status;
  }
  if (timings) {
    const cli::StageTimes& t = outcome->times;
    std::fprintf(stderr,
                 "timings: render %.2f s, layout %.2f s, ocr %.2f s (%d regions), "
                 "summed over workers\n",
                 t.render, t.layout, t.ocr, t.ocr_regions);
  }
  return 0;
}

int RunLayoutCommand(const std::string& input, const std::string& out_dir,
                     cli::ReadOptions& read, bool quiet) {
  Result<decltab::extract::SourceDocument> document =
      decltab::extract::SourceDocument::Open(input);
  if (!document.ok()) {
    PrintError(input + ": " + document.status().message());
    return ExitCode(document.status());
  }
  if (!read.debug_dir.empty()) std::filesystem::create_directories(read.debug_dir);
  cli::LogFn log = MakeLogger(quiet);
  Result<decltab::DocumentLayout> layout = cli::ReadDocument(
      *document, input, read,
      [&](int done, int total) {
        if (log) log("page " + std::to_string(done) + "/" + std::to_string(total));
      });
  EndProgress(quiet);
  if (!layout.ok()) {
    PrintError(input + ": " + layout.status().message());
    return ExitCode(layout.status());
  }
  std::filesystem::create_directories(out_dir);  // only once there is something to write
  for (const decltab::PageLayout& page : layout->pages) {
    std::string path = out_dir + "/page-" + std::to_string(page.page_number) + ".json";
    std::ofstream out(path);
    out << cli::PageLayoutToJson(page).dump(1) << "\n";
    if (!out) {
      PrintError("cannot write " + path);
      return 1;
    }
  }
  std::printf("wrote %d page files to %s\n", layout->page_count,
              decltab::EscapeControls(out_dir).c_str());
  return 0;
}

// Exit 0 when every document of the shard is in the database, 2 when some
// failed (each has its reason in the log and a `failed` row), 1 when the
// batch could not run.
int RunBatchCommand(cli::BatchRequest& request, const std::string& shard, bool quiet) {
  if (!shard.empty()) {
    Result<cli::Shard> parsed = cli::ParseShard(shard);
    if (!parsed.ok()) {
      PrintError(parsed.status().message());
      return 1;
    }
    request.shard = *parsed;
  }
  if (!request.read.debug_dir.empty())
    std::filesystem::create_directories(request.read.debug_dir);
  cli::BatchProgress progress(stderr, isatty(STDERR_FILENO), request.shard.count);
  cli::BatchObserver observe;
  if (!quiet) observe = [&progress](const cli::BatchEvent& e) { progress(e); };
  Result<cli::BatchCounts> counts = cli::RunBatch(request, observe);
  if (!counts.ok()) {
    PrintError(counts.status().message());
    return 1;  // the batch could not run (its documents' failures are 2)
  }
  std::printf("%s", progress.Summary(*counts).c_str());
  return counts->failed > 0 ? 2 : 0;
}

// `target` is a SQLite file or a PostgreSQL URI; shards are SQLite files.
int RunMergeCommand(const std::string& target, const std::vector<std::string>& shards) {
  Result<std::unique_ptr<decltab::exporter::Database>> db =
      decltab::exporter::OpenOutputDatabase(target);
  if (!db.ok()) {
    PrintError(db.status().message());
    return ExitCode(db.status());
  }
  for (const std::string& shard : shards) {
    Result<decltab::exporter::MergeCounts> merged = (*db)->MergeShard(shard);
    if (!merged.ok()) {
      PrintError(merged.status().message());
      return ExitCode(merged.status());
    }
    std::printf("merged %s: %d added, %d replaced failed rows, %d already present\n",
                decltab::EscapeControls(shard).c_str(), merged->added, merged->replaced,
                merged->kept);
  }
  return 0;
}

// Every page allocates and frees a few page-sized buffers (renders,
// binarized and rotated copies, Tesseract's line images). Above glibc's
// mmap threshold each is mapped and unmapped afresh, and the kernel zeroes
// its pages each time; keeping them in the heap cut system time from 5.2 to
// 1.5 s and wall time by 8% on the 33-page 300 dpi sample at -j1.
void ReuseFreedPageBuffers() {
#ifdef __GLIBC__
  mallopt(M_MMAP_THRESHOLD, 128 << 20);
  mallopt(M_TRIM_THRESHOLD, 512 << 20);
#endif
}

}  // namespace

int main(int argc, char** argv) {
  ReuseFreedPageBuffers();
  try {
    CLI::App app{"decltab: extract budget declarations (财政支出项目绩效目标申报表)"};
    app.require_subcommand(1);
    // One line, like every other failure.
    app.failure_message([](const CLI::App*, const CLI::Error& e) {
      return "decltab: " + decltab::EscapeControls(e.what()) + " (see --help)\n";
    });
    bool quiet = false;
    app.add_flag("-q,--quiet", quiet, "no progress on stderr");

    cli::ExtractRequest request;
    CLI::App* extract = app.add_subcommand("extract", "extract one document");
    extract->add_option("input", request.input, "PDF or page scan")->required();
    extract->add_option("-o,--out", request.out_dir, "output folder")->required();
    extract->add_option("--db", request.db,
                        "SQLite database, or postgresql:// URI, to write into");
    extract->add_flag("--excel", request.excel, "CSV with a UTF-8 BOM for Excel");
    extract->add_option("--min-confidence", request.min_confidence,
                        "OCR confidence below which a check is unverifiable")
        ->capture_default_str();
    AddReadOptions(extract, &request.read);
    bool timings = false;
    extract->add_flag("--timings", timings, "print time per stage on stderr");
    std::string extract_report;
    extract->add_option("--report", extract_report,
                        "also write the review report (HTML) here");
    decltab::review::ReportOptions review_options;
    extract->add_option("--review-below", review_options.review_below,
                        "confidence below which a value goes to the report's review queue")
        ->capture_default_str();

    std::string review_json, review_html, review_pdf;
    CLI::App* review = app.add_subcommand(
        "review", "write the auditor's HTML report of an extraction (checks, crops, queue)");
    review->add_option("json", review_json, "OUT/<stem>.json written by extract")->required();
    review->add_option("-o,--out", review_html, "report file (.html)")->required();
    review->add_option("--pdf", review_pdf,
                       "the document read (default: source.file of the JSON)");
    review->add_option("--review-below", review_options.review_below,
                       "confidence below which a value goes to the review queue")
        ->capture_default_str();
    review->add_option("--min-confidence", review_options.min_confidence,
                       "confidence below which a value shows red (as the checks use it)")
        ->capture_default_str();

    std::string layout_input, layout_out;
    cli::ReadOptions layout_read;
    CLI::App* layout = app.add_subcommand("layout", "write the page model as JSON");
    layout->add_option("input", layout_input, "PDF or page scan")->required();
    layout->add_option("-o,--out", layout_out, "output folder")->required();
    AddReadOptions(layout, &layout_read);

    cli::BatchRequest batch_request;
    std::string shard;
    CLI::App* batch = app.add_subcommand(
        "batch", "extract every document under a folder (or in a list file) into one database");
    batch->add_option("input", batch_request.input, "folder, or file listing one path per line")
        ->required();
    batch->add_option("-o,--out", batch_request.out_dir, "output folder")->required();
    batch->add_option("--db", batch_request.db,
                      "SQLite database or postgresql:// URI (also the resume key)")
        ->required();
    batch->add_option("--shard", shard, "K/N: take only the K-th of N parts (0 <= K < N)");
    batch->add_flag("--excel", batch_request.excel, "CSV with a UTF-8 BOM for Excel");
    batch->add_option("--min-confidence", batch_request.min_confidence,
                      "OCR confidence below which a check is unverifiable")
        ->capture_default_str();
    AddReadOptions(batch, &batch_request.read);

    std::string correct_json, correct_file, correct_out, correct_db;
    bool correct_excel = false;
    float correct_min_confidence = 0.50f;
    CLI::App* correct = app.add_subcommand(
        "correct", "apply a reviewer's corrections to an extraction and check it again");
    correct->add_option("json", correct_json, "OUT/<stem>.json written by extract")
        ->required();
    correct->add_option("corrections", correct_file, "corrections file (JSON or CSV)")
        ->required();
    correct->add_option("-o,--out", correct_out, "output folder")->required();
    correct->add_option("--db", correct_db,
                        "SQLite database or postgresql:// URI to write into");
    correct->add_flag("--excel", correct_excel, "CSV with a UTF-8 BOM for Excel");
    correct->add_option("--min-confidence", correct_min_confidence,
                        "OCR confidence below which a check is unverifiable")
        ->capture_default_str();

    std::string merge_target;
    std::vector<std::string> merge_shards;
    CLI::App* merge = app.add_subcommand(
        "merge", "combine shard databases into one, or load them into PostgreSQL");
    merge->add_option("target", merge_target,
                      "SQLite database (created if missing) or postgresql:// URI to merge into")
        ->required();
    merge->add_option("shards", merge_shards, "shard databases")->required();

    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      // Help is 0; a usage error is 1 (2 is kept for unusable input).
      int code = app.exit(e);  // prints help or the parse error
      return code == 0 ? 0 : 1;
    }
    cli::ReadOptions* read = extract->parsed() ? &request.read
                             : layout->parsed() ? &layout_read
                             : batch->parsed()  ? &batch_request.read
                                                : nullptr;
    if (read) {
      const Status ocr = cli::ResolveOcrChoice(read, [](const std::string& line) {
        std::fprintf(stderr, "decltab: %s\n", line.c_str());
      });
      if (!ocr.ok()) {
        std::fprintf(stderr, "decltab: %s\n", ocr.message().c_str());
        return ExitCode(ocr);
      }
    }
    if (extract->parsed())
      return CheckReadOptions(*extract, request.read)
                 ? RunExtractCommand(request, quiet, timings, extract_report,
                                     review_options.review_below)
                 : 1;
    if (review->parsed())
      return RunReviewCommand(review_json, review_html, review_pdf, review_options);
    if (layout->parsed())
      return CheckReadOptions(*layout, layout_read)
                 ? RunLayoutCommand(layout_input, layout_out, layout_read, quiet)
                 : 1;
    if (correct->parsed())
      return RunCorrectCommand(correct_json, correct_file, correct_out, correct_db,
                               correct_excel, correct_min_confidence);
    if (batch->parsed())
      return CheckReadOptions(*batch, batch_request.read)
                 ? RunBatchCommand(batch_request, shard, quiet)
                 : 1;
    if (merge->parsed()) return RunMergeCommand(merge_target, merge_shards);
    return 1;
  } catch (const std::exception& e) {
    PrintError(std::string("internal error: ") + e.what());
    return 1;
  } catch (...) {
    std::fprintf(stderr, "decltab: internal error\n");
    return 1;
  }
}
