#include "cli/read_document.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "extract/region_image.h"
#include "normalize/form_labels.h"

namespace decltab::cli {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Restores the short budget headers of each row of `table`
// (normalize::RestoreShortHeaders), keeping what OCR read in read_as.
void RestoreBudgetHeaders(Table* table) {
  for (int r = 0; r < table->rows; ++r) {
    std::vector<Cell*> cells;
    std::vector<std::string> texts;
    for (Cell& cell : table->cells)
      if (cell.row == r) {
        cells.push_back(&cell);
        texts.push_back(cell.text);
      }
    normalize::RestoreShortHeaders(&texts);
    for (size_t i = 0; i < cells.size(); ++i)
      if (texts[i] != cells[i]->text) {
        if (cells[i]->read_as.empty()) cells[i]->read_as = cells[i]->text;
        cells[i]->text = texts[i];
      }
  }
}

// Fills cell and line text of an image-only page by OCR of each region.
Status OcrPage(const layout::PageGeometry& geometry, PageWorker& worker,
               const ReadOptions& options, PageLayout* page) {
  std::vector<Rect> regions;
  for (const Table& table : page->tables)
    for (const Cell& cell : table.cells) regions.push_back(cell.box);
  // Text-line boxes hug the ink, but the region reader clears marks near a
  // region's edge (ruling-line remnants in cells): give lines a margin.
  const int margin = geometry.binary.dpi / 12;  // ~2 mm
  const Rect page_box{0, 0, geometry.binary.width, geometry.binary.height};
  for (const Rect& line : geometry.text_lines)
    regions.push_back(Rect{line.x - margin, line.y - margin,
                           line.width + 2 * margin, line.height + 2 * margin}
                          .Intersect(page_box));
  if (!worker.engine) {
    Result<std::unique_ptr<extract::OcrEngine>> engine = CreateOcrEngine(options);
    if (!engine.ok()) return engine.status();
    worker.engine = std::move(engine).value();
  }
  Clock::time_point start = Clock::now();
  Result<std::vector<extract::OcrText>> texts = extract::ReadRegions(
      extract::OcrPageImage(geometry.deskewed, geometry.binary), regions,
      *worker.engine, options.regions);
  worker.times.ocr += SecondsSince(start);
  if (!texts.ok()) return texts.status();
  worker.times.ocr_regions += static_cast<int>(regions.size());
  size_t i = 0;
  for (Table& table : page->tables) {
    for (Cell& cell : table.cells) {
      cell.text = normalize::RestoreFixedLabel((*texts)[i].text);
      if (cell.text != (*texts)[i].text) cell.read_as = (*texts)[i].text;
      cell.confidence = (*texts)[i].confidence;
      ++i;
    }
    RestoreBudgetHeaders(&table);
  }
  for (const Rect& line : geometry.text_lines) {
    const extract::OcrText& text = (*texts)[i++];
    if (!text.text.empty())
      page->blocks.push_back(TextBlock{line, text.text, text.confidence});
  }
  return Status::Ok();
}

Result<PageLayout> ReadPageOrThrow(const extract::SourceDocument& document, int index,
                                   std::mutex& document_mutex, PageWorker& worker,
                                   const ReadOptions& options) {
  Clock::time_point start = Clock::now();
  PageImage image;
  std::vector<Word> words;
  std::vector<std::string> damage;  // Poppler's errors on this page
  {
    // poppler-cpp documents are not safe for concurrent use.
    std::lock_guard<std::mutex> lock(document_mutex);
    extract::PopplerErrors poppler_errors;
    Result<PageImage> rendered = document.RenderPage(index, options.render);
    if (!rendered.ok()) return rendered.status();
    image = std::move(rendered).value();
    if (!options.force_ocr && !document.is_image()) {
      Result<std::vector<Word>> layer = document.TextLayer(index, image.dpi);
      if (layer.ok() && extract::TextLayerUsable(*layer))
        words = std::move(layer).value();
    }
    damage = poppler_errors.errors();
  }
  worker.times.render += SecondsSince(start);

  const bool use_text_layer = !words.empty();
  layout::LayoutOptions layout_options = options.layout;
  // A text layer's boxes are in unrotated page coordinates: never deskew.
  // A rendered page has no faint or broken lines to repair.
  if (use_text_layer) {
    layout_options.max_skew_degrees = 0;
    layout_options.repair_scanned_lines = false;
  }
  start = Clock::now();
  Result<layout::PageGeometry> geometry =
      layout::AnalyzePage(image, layout_options);
  worker.times.layout += SecondsSince(start);
  if (!geometry.ok()) return geometry.status();

  PageLayout page;
  page.page_number = index + 1;
  page.dpi = image.dpi;
  page.width = image.width;
  page.height = image.height;
  page.skew_degrees = geometry->skew_degrees;
  page.tables = geometry->tables;
  for (const std::string& error : damage) page.warnings.push_back("damaged: " + error);
  if (use_text_layer) {
    page.source = PageSource::kTextLayer;
    layout::AssignWords(words, &page.tables, &page.blocks);
  } else {
    page.source = PageSource::kOcr;
    Status ocr = OcrPage(*geometry, worker, options, &page);
    if (!ocr.ok()) return ocr;
  }
  if (!options.debug_dir.empty()) {
    std::string png = options.debug_dir + "/page-" +
                      std::to_string(page.page_number) + ".png";
    Status written = layout::WriteOverlay(*geometry, page, png);
    if (!written.ok()) return written;
  }
  return page;
}

// `status` naming page `index` once: the stages name it in some messages
// ("page 3: page too large") and not in others.
Status NamePage(const Status& status, int index) {
  const std::string where = "page " + std::to_string(index + 1);
  const std::string& message = status.message();
  if (message.compare(0, where.size() + 1, where + ":") == 0) return status;
  return status.WithContext(where);
}

}  // namespace

// The engine kAuto stands for when PP-OCR's model is there.
constexpr OcrChoice kDefaultOcr = OcrChoice::kPpOcr;

Status ResolveOcrChoice(ReadOptions* options,
                        const std::function<void(const std::string&)>& warn) {
  if (options->ocr_engine == OcrChoice::kTesseract) return Status::Ok();
  const Status model = extract::CheckPpOcrModel(options->ppocr);
  if (options->ocr_engine != OcrChoice::kAuto) return model;
  options->ocr_engine = model.ok() ? kDefaultOcr : OcrChoice::kTesseract;
  if (!model.ok() && warn)
    warn("warning: " + model.message() + "; reading with Tesseract");
  return Status::Ok();
}

Result<std::unique_ptr<extract::OcrEngine>> CreateOcrEngine(const ReadOptions& options) {
  OcrChoice choice = options.ocr_engine;
  if (choice == OcrChoice::kAuto)
    choice = extract::CheckPpOcrModel(options.ppocr).ok() ? kDefaultOcr
                                                          : OcrChoice::kTesseract;
  switch (choice) {
    case OcrChoice::kTesseract:
    case OcrChoice::kAuto:
      return extract::CreateTesseractEngine(options.ocr);
    case OcrChoice::kPpOcr:
      return extract::CreatePpOcrEngine(options.ppocr);
    case OcrChoice::kHybrid: {
      Result<std::unique_ptr<extract::OcrEngine>> first =
          extract::CreateTesseractEngine(options.ocr);
      if (!first.ok()) return first;
      Result<std::unique_ptr<extract::OcrEngine>> second =
          extract::CreatePpOcrEngine(options.ppocr);
      if (!second.ok()) return second;
      return extract::CreateRoutedEngine(std::move(first).value(),
                                         std::move(second).value(), options.routing);
    }
  }
  return Status::Internal("unknown OCR engine");
}

int WorkerCount(int requested) {
  const int cores = std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
  if (requested <= 0) return cores;
  return std::min(requested, cores * kWorkersPerCore);
}

Result<PageLayout> ReadPage(const extract::SourceDocument& document, int index,
                            std::mutex& document_mutex, PageWorker& worker,
                            const ReadOptions& options) {
  Status failed;
  try {
    Result<PageLayout> page =
        ReadPageOrThrow(document, index, document_mutex, worker, options);
    if (page.ok()) return page;
    failed = page.status();
  } catch (const std::bad_alloc&) {
    failed = Status::Internal("out of memory");
  } catch (const std::exception& e) {
    failed = Status::Internal(std::string("internal error: ") + e.what());
  } catch (...) {
    failed = Status::Internal("internal error: unknown exception");
  }
  return NamePage(failed, index);
}

Result<DocumentLayout> AssembleLayout(const extract::SourceDocument& document,
                                      const std::string& file_name,
                                      std::vector<Result<PageLayout>> pages) {
  DocumentLayout layout;
  layout.file = file_name;
  layout.sha256 = document.sha256();
  layout.page_count = document.page_count();
  layout.warnings = document.load_errors();
  for (size_t i = 0; i < pages.size(); ++i) {
    if (!pages[i].ok()) return NamePage(pages[i].status(), static_cast<int>(i));
    layout.pages.push_back(std::move(pages[i]).value());
  }
  return layout;
}

Result<DocumentLayout> ReadDocument(const extract::SourceDocument& document,
                                    const std::string& file_name,
                                    const ReadOptions& options,
                                    const ProgressFn& progress,
                                    StageTimes* times) {
  const int pages = document.page_count();
  const int workers = std::min(WorkerCount(options.workers), std::max(1, pages));

  std::vector<Result<PageLayout>> results(pages, Status::Internal("not read"));
  std::vector<PageWorker> state(workers);
  std::atomic<int> next{0};
  std::mutex document_mutex, progress_mutex;
  int done = 0;
  auto work = [&](PageWorker& worker) {
    for (int i = next++; i < pages; i = next++) {
      results[i] = ReadPage(document, i, document_mutex, worker, options);
      std::lock_guard<std::mutex> lock(progress_mutex);
      ++done;
      // No exception may leave a worker thread (std::terminate): progress
      // is a courtesy, and a failing one is dropped.
      try {
        if (progress) progress(done, pages);
      } catch (...) {
      }
    }
  };
  std::vector<std::thread> threads;
  try {
    for (int w = 1; w < workers; ++w) threads.emplace_back(work, std::ref(state[w]));
  } catch (const std::system_error&) {
    // The system gave fewer threads than asked for: read with those started.
  }
  work(state[0]);
  for (std::thread& t : threads) t.join();

  if (times) {
    for (const PageWorker& w : state) {
      times->render += w.times.render;
      times->layout += w.times.layout;
      times->ocr += w.times.ocr;
      times->ocr_regions += w.times.ocr_regions;
    }
  }
  return AssembleLayout(document, file_name, std::move(results));
}

}  // namespace decltab::cli
