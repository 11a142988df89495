// Reads every page of a source document into the page model: renders it,
// finds its ruled tables and text lines, and fills them with text from the
// PDF text layer where that is sound, else from OCR of each cell and line.
#ifndef DECLTAB_CLI_READ_DOCUMENT_H_
#define DECLTAB_CLI_READ_DOCUMENT_H_

#include <functional>
#include <string>

#include "core/page_layout.h"
#include "core/result.h"
#include "extract/ocr_engine.h"
#include "extract/region_reader.h"
#include "extract/source_document.h"
#include "layout/page_analyzer.h"

namespace decltab::cli {

struct ReadOptions {
  extract::RenderOptions render;      // dpi 300 by default
  extract::TesseractOptions ocr;
  extract::RegionOptions regions;
  layout::LayoutOptions layout;
  int workers = 0;                    // 0: one per core
  bool force_ocr = false;             // ignore text layers
  std::string debug_dir;              // non-empty: write overlay PNGs here
};

// Called after each page with (pages done, page count); from worker threads,
// serialized by the reader.
using ProgressFn = std::function<void(int done, int total)>;

// Per-stage wall time summed over pages, in seconds (for the benchmark).
struct StageTimes {
  double render = 0, layout = 0, ocr = 0;
  int ocr_regions = 0, skipped_regions = 0;
};

// Fails only when a page cannot be rendered or the OCR engine cannot start;
// the Status names the page.
Result<DocumentLayout> ReadDocument(const extract::SourceDocument& document,
                                    const std::string& file_name,
                                    const ReadOptions& options,
                                    const ProgressFn& progress = nullptr,
                                    StageTimes* times = nullptr);

}  // namespace decltab::cli

#endif  // DECLTAB_CLI_READ_DOCUMENT_H_
