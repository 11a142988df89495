// OCR behind an interface, so layout and normalize tests can run on a fake
// engine (tests/fakes/fake_ocr_engine.h) and the pipeline on Tesseract.
#ifndef DECLTAB_EXTRACT_OCR_ENGINE_H_
#define DECLTAB_EXTRACT_OCR_ENGINE_H_

#include <cstdint>
#include <memory>
#include <string>

#include "core/result.h"

namespace decltab::extract {

struct OcrText {
  std::string text;        // UTF-8, lines separated by '\n'
  float confidence = 0;    // 0..1
};

enum class OcrMode {
  kSingleLine,  // one text line
  kBlock,       // several lines of one block, in reading order
  kDigits,      // one line of digits and numeric signs only (0-9 . , % - = > < ≥ ≤ : /)
};

// Recognizes one grey 8-bit image (row-major, width * height bytes, not
// retained after the call). Implementations are not thread-safe: use one
// engine per worker thread.
class OcrEngine {
 public:
  virtual ~OcrEngine() = default;
  // Fails with kInvalidInput for a null or empty image, kInternal when the
  // engine fails; an image with no text gives an empty text.
  virtual Result<OcrText> Recognize(const uint8_t* pixels, int width,
                                    int height, OcrMode mode) = 0;
};

struct TesseractOptions {
  // Tesseract language(s) for text ("chi_sim", "script/HanS", "chi_sim+eng").
  std::string languages = "chi_sim";
  // Language for OcrMode::kDigits (restricted to the numeric character set).
  std::string digit_languages = "eng";
  // Folder holding the *.traineddata files; empty = Tesseract's default.
  std::string tessdata_dir;
  // Resolution reported to Tesseract; ReadRegions scales text to a fixed
  // pixel height, so this only silences its resolution guess.
  int source_dpi = 300;
};

// Creates an engine that owns two Tesseract instances (text and digits),
// LSTM only. Fails with kInvalidInput when a language cannot be loaded
// (missing traineddata), naming it.
Result<std::unique_ptr<OcrEngine>> CreateTesseractEngine(
    const TesseractOptions& options);

}  // namespace decltab::extract

#endif  // DECLTAB_EXTRACT_OCR_ENGINE_H_
