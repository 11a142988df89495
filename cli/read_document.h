// Reads every page of a source document into the page model: renders it,
// finds its ruled tables and text lines, and fills them with text from the
// PDF text layer where that is sound, else from OCR of each cell and line.
#ifndef DECLTAB_CLI_READ_DOCUMENT_H_
#define DECLTAB_CLI_READ_DOCUMENT_H_

#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "core/page_layout.h"
#include "core/result.h"
#include "extract/ocr_engine.h"
#include "extract/ppocr_engine.h"
#include "extract/routed_engine.h"
#include "extract/region_reader.h"
#include "extract/source_document.h"
#include "layout/page_analyzer.h"

namespace decltab::cli {

// The recognizer image-only pages are read with (--ocr).
enum class OcrChoice {
  kTesseract,  // Tesseract chi_sim (+ eng for digits)
  kPpOcr,      // PP-OCRv4 through OpenCV DNN; its model must be there
  kHybrid,     // Tesseract, and PP-OCR where its reading holds figures or
               // signs or is unsure (extract/routed_engine.h)
  kAuto,       // kPpOcr when its model is there, else kTesseract
};

struct ReadOptions {
  extract::RenderOptions render;      // dpi 300 by default
  // Tesseract by default: PP-OCR costs 3-6 times the OCR time for a small
  // gain in cell text on decltab's prepared regions (README, Recognizers).
  OcrChoice ocr_engine = OcrChoice::kTesseract;
  extract::TesseractOptions ocr;
  extract::PpOcrOptions ppocr;
  extract::RoutingOptions routing;
  extract::RegionOptions regions;
  layout::LayoutOptions layout;
  int workers = 0;                    // 0: one per core
  bool force_ocr = false;             // ignore text layers
  std::string debug_dir;              // non-empty: write overlay PNGs here
};

// Workers beyond this many per core only cost memory (each has its own OCR
// engine and page buffers) and time; -j is clamped to it.
inline constexpr int kWorkersPerCore = 4;

// The worker threads to start for `requested` (-j): one per core for 0 or
// less, else `requested`, at most kWorkersPerCore per core.
int WorkerCount(int requested);

// Settles options->ocr_engine before pages are read: kPpOcr and kHybrid
// fail with kNotFound (naming the missing model file and the bootstrap
// command) when the model is not there; kAuto becomes kPpOcr, or
// kTesseract with one warning line passed to `warn` when the model is
// missing.
Status ResolveOcrChoice(ReadOptions* options,
                        const std::function<void(const std::string&)>& warn);

// The engine options->ocr_engine names (kAuto as ResolveOcrChoice settles it,
// silently).
Result<std::unique_ptr<extract::OcrEngine>> CreateOcrEngine(const ReadOptions& options);

// Called after each page with (pages done, page count); from worker threads,
// serialized by the reader.
using ProgressFn = std::function<void(int done, int total)>;

// Per-stage wall time summed over pages, in seconds (for the benchmark).
struct StageTimes {
  double render = 0, layout = 0, ocr = 0;
  int ocr_regions = 0;  // cells and text lines handed to ReadRegions
};

// Everything one worker thread owns across pages and documents: its OCR
// engine (created on the first page that needs OCR, so born-digital input
// never starts Tesseract) and its stage times.
struct PageWorker {
  std::unique_ptr<extract::OcrEngine> engine;
  StageTimes times;
};

// Reads page `index` of `document`. `document_mutex` serializes the calls
// into the (not thread-safe) document; everything else runs unlocked. Never
// throws (an exception becomes an internal-error Status), so it is safe on a
// worker thread; a failure's message names the page once.
Result<PageLayout> ReadPage(const extract::SourceDocument& document, int index,
                            std::mutex& document_mutex, PageWorker& worker,
                            const ReadOptions& options);

// The document's layout from its pages in order; the first failed page's
// Status (naming the page) if any failed.
Result<DocumentLayout> AssembleLayout(const extract::SourceDocument& document,
                                      const std::string& file_name,
                                      std::vector<Result<PageLayout>> pages);

// Reads every page, in parallel on WorkerCount(options.workers) threads (or
// as many as the system starts). Fails only when
// a page cannot be rendered or the OCR engine cannot start; the Status
// names the page.
Result<DocumentLayout> ReadDocument(const extract::SourceDocument& document,
                                    const std::string& file_name,
                                    const ReadOptions& options,
                                    const ProgressFn& progress = nullptr,
                                    StageTimes* times = nullptr);

}  // namespace decltab::cli

#endif  // DECLTAB_CLI_READ_DOCUMENT_H_
