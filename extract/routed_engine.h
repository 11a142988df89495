// An OcrEngine that reads with a fast first engine (Tesseract) and asks a
// second, more accurate one (PP-OCR) where the first is likely wrong: a
// reading that holds figures or comparison signs, or one read unsure.
#ifndef DECLTAB_EXTRACT_ROUTED_ENGINE_H_
#define DECLTAB_EXTRACT_ROUTED_ENGINE_H_

#include <memory>
#include <string>

#include "core/result.h"
#include "extract/ocr_engine.h"

namespace decltab::extract {

struct RoutingOptions {
  // The first engine's readings below this confidence go to the second.
  float second_below = 0.80f;
};

// Whether `first` (the first engine's reading of a text line or block) is to
// be read again by the second engine: it holds a digit, %, a comparison sign
// or a glyph the first engine reads for one (之 么 z for ≥/≤ ...), or its
// confidence is below options.second_below. Empty readings of inked images
// go too.
bool WorthSecondReading(const OcrText& first, const RoutingOptions& options);

// Reads kSingleLine and kBlock with `first`; where WorthSecondReading, the
// second engine's reading replaces it unless that is less sure than both
// 0.5 and the first, or brings in Latin letters the first did not have.
// kDigits goes to `second` only. Takes both engines.
std::unique_ptr<OcrEngine> CreateRoutedEngine(std::unique_ptr<OcrEngine> first,
                                              std::unique_ptr<OcrEngine> second,
                                              const RoutingOptions& options);

}  // namespace decltab::extract

#endif  // DECLTAB_EXTRACT_ROUTED_ENGINE_H_
