// OcrEngine over Tesseract's C++ API.
#include <tesseract/baseapi.h>

#include <algorithm>
#include <memory>
#include <string>

#include "extract/ocr_engine.h"

#ifdef _OPENMP
#include <omp.h>
#endif

namespace decltab::extract {
namespace {

// Characters the digit re-read may produce (eng knows no ≥ ≤; they are
// listed so a future traineddata that does can use them).
constexpr char kDigitWhitelist[] = "0123456789.,%-=><≥≤:/";

// Tesseract prints "Estimating resolution..." and similar notes on stderr
// unless debug output goes to a file.
constexpr char kQuietDebugFile[] = "/dev/null";

// Owns one initialized TessBaseAPI; End() on destruction.
class TessApi {
 public:
  TessApi() = default;
  TessApi(const TessApi&) = delete;
  TessApi& operator=(const TessApi&) = delete;
  ~TessApi() { api_.End(); }

  Status Init(const std::string& tessdata_dir, const std::string& languages,
              const char* whitelist, int source_dpi) {
    api_.SetVariable("debug_file", kQuietDebugFile);
    if (api_.Init(tessdata_dir.empty() ? nullptr : tessdata_dir.c_str(),
                  languages.c_str(), tesseract::OEM_LSTM_ONLY) != 0)
      return Status::InvalidInput("cannot load Tesseract language \"" +
                                  languages + "\"" +
                                  (tessdata_dir.empty()
                                       ? std::string()
                                       : " from " + tessdata_dir));
    // Keep runs of spaces, so numbers and words separated in a cell stay
    // separated for the normalizer.
    api_.SetVariable("preserve_interword_spaces", "1");
    api_.SetVariable("debug_file", kQuietDebugFile);
    if (whitelist) api_.SetVariable("tessedit_char_whitelist", whitelist);
    source_dpi_ = source_dpi;
    return Status::Ok();
  }

  Result<OcrText> Recognize(const uint8_t* pixels, int width, int height,
                            tesseract::PageSegMode psm) {
    api_.SetPageSegMode(psm);
    api_.SetImage(pixels, width, height, /*bytes_per_pixel=*/1,
                  /*bytes_per_line=*/width);
    api_.SetSourceResolution(source_dpi_);
    if (api_.Recognize(nullptr) != 0) {
      api_.Clear();
      return Status::Internal("Tesseract recognition failed");
    }
    std::unique_ptr<char[]> text(api_.GetUTF8Text());
    OcrText out;
    if (text) out.text = text.get();
    while (!out.text.empty() &&
           (out.text.back() == '\n' || out.text.back() == ' '))
      out.text.pop_back();
    // MeanTextConf is 0 for an image without words.
    out.confidence = out.text.empty() ? 0.f : api_.MeanTextConf() / 100.f;
    api_.Clear();
    return out;
  }

 private:
  tesseract::TessBaseAPI api_;
  int source_dpi_ = 300;
};

// Tesseract's LSTM opens OpenMP teams of up to 10 threads per line. On two
// cores, with one engine per worker thread, that oversubscription made
// recognition 6x slower (85.6 vs 14.3 ms per cell, see the extract report).
// OMP_THREAD_LIMIT=1 fixes it only when set before libgomp loads, which
// setenv() in a factory is too late for (measured: no effect). Instead every
// parallel region of the calling thread is made inactive: max-active-levels
// is a per-thread (per-task) setting in OpenMP 5 / libgomp, so it is set on
// each call, from the thread that runs the recognition.
void SerializeOpenMp() {
#ifdef _OPENMP
  omp_set_max_active_levels(0);
#endif
}

class TesseractEngine : public OcrEngine {
 public:
  Status Init(const TesseractOptions& options) {
    Status text = text_.Init(options.tessdata_dir, options.languages, nullptr,
                             options.source_dpi);
    if (!text.ok()) return text;
    return digits_.Init(options.tessdata_dir, options.digit_languages,
                        kDigitWhitelist, options.source_dpi);
  }

  Result<OcrText> Recognize(const uint8_t* pixels, int width, int height,
                            OcrMode mode) override {
    SerializeOpenMp();
    if (!pixels || width <= 0 || height <= 0)
      return Status::InvalidInput("empty image");
    // Tesseract rejects images this small ("Image too small to scan").
    if (width < 4 || height < 4) return OcrText{"", 0.f};
    // chi_sim's LSTM makes up a character ("和") for a blank line.
    if (std::none_of(pixels, pixels + static_cast<size_t>(width) * height,
                     [](uint8_t p) { return p < 128; }))
      return OcrText{"", 1.f};
    switch (mode) {
      case OcrMode::kSingleLine:
        return text_.Recognize(pixels, width, height,
                               tesseract::PSM_SINGLE_LINE);
      case OcrMode::kBlock:
        return text_.Recognize(pixels, width, height,
                               tesseract::PSM_SINGLE_BLOCK);
      case OcrMode::kDigits:
        return digits_.Recognize(pixels, width, height,
                                 tesseract::PSM_SINGLE_LINE);
    }
    return Status::Internal("unknown OCR mode");
  }

 private:
  TessApi text_;
  TessApi digits_;
};

}  // namespace

Result<std::unique_ptr<OcrEngine>> CreateTesseractEngine(
    const TesseractOptions& options) {
  auto engine = std::make_unique<TesseractEngine>();
  Status status = engine->Init(options);
  if (!status.ok()) return status;
  return std::unique_ptr<OcrEngine>(std::move(engine));
}

}  // namespace decltab::extract
