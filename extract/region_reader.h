// OCR of the text regions of one page: table cells and text lines.
#ifndef DECLTAB_EXTRACT_REGION_READER_H_
#define DECLTAB_EXTRACT_REGION_READER_H_

#include <vector>

#include "core/geometry.h"
#include "core/page_layout.h"
#include "core/result.h"
#include "extract/ocr_engine.h"

namespace decltab::extract {

struct RegionOptions {
  // Height in pixels that the text lines of a region are scaled to (ink
  // extent of a line, i.e. about the CJK glyph height) before OCR. 20 read
  // best on synthetic 150/300 dpi form cells (16: 91%, 20: 90%, 24: 89%,
  // 32: 86% exact over 200 cells); larger heights magnify scan noise.
  int target_text_height_px = 20;
  // White margin added around the trimmed ink, in pixels after scaling.
  int border_px = 10;
  // Re-read single-line cells whose text looks numeric with
  // OcrMode::kDigits and keep that reading when it is more confident.
  bool reread_digits = true;
  // A reading less confident than this is read again with its text 1.5
  // times as high, and the more confident reading kept (0: never); so is a
  // number opening with 0 before another digit, whose leading digits merged
  // into one blob ("0000" for 440000), and there a larger reading that
  // does not open so wins. On the
  // 200 and 150 dpi sample scans glyphs confused at one scale (量/最, 需/再)
  // often read right at the other; 3% of the 300 dpi scan's characters are
  // in readings below 0.85.
  float reread_larger_below = 0.85f;
  // Regions whose share of ink pixels is below this are empty (no OCR).
  float min_ink_fraction = 0.002f;
};

// Reads the text of each region of `binary`, a binarized, deskewed page
// (0 ink, 255 paper; grey input also works) whose dpi scales the noise
// filters. Regions are pixel boxes at binary.dpi, e.g. cell boxes inside the
// ruling lines or text-line rectangles; parts outside the page are ignored.
//
// Per region: crop; erase ruling-line remnants along the edges and specks;
// trim to the ink (an empty region gives text "" with confidence 1 and no
// OCR call); scale so text lines are about target_text_height_px high; add
// a white border; OCR as one line or as a block by the number of text
// lines; clean the text (see CleanRegionText) and optionally re-read
// numeric-looking cells with the digit engine.
//
// Returns one OcrText per region, in order. Fails with kInvalidInput when
// the page is empty or its buffer does not match width * height, and with
// the engine's error (prefixed "region N") when OCR fails.
Result<std::vector<OcrText>> ReadRegions(const PageImage& binary,
                                         const std::vector<Rect>& regions,
                                         OcrEngine& engine,
                                         const RegionOptions& options);

}  // namespace decltab::extract

#endif  // DECLTAB_EXTRACT_REGION_READER_H_
