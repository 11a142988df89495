// Decoding of scanned image files (PNG, JPEG, TIFF incl. multi-page) with
// Leptonica, for SourceDocument (internal).
#ifndef DECLTAB_EXTRACT_IMAGE_FILE_H_
#define DECLTAB_EXTRACT_IMAGE_FILE_H_

#include <cstdint>
#include <vector>

#include "core/page_layout.h"
#include "core/result.h"

namespace decltab::extract {

// Whether `bytes` start like a PNG, JPEG or TIFF file.
bool LooksLikeImage(const std::vector<uint8_t>& bytes);

// Number of pages (TIFF directories; 1 for other formats), or kInvalidInput
// "damaged image" when the file cannot be decoded.
Result<int> CountImagePages(const std::vector<uint8_t>& bytes);

// Decodes page `index` (0-based) to 8-bit grey at the file's own resolution.
// dpi comes from the file when plausible (50..1200), else it is estimated
// assuming the page is A4 wide (the declarations are A4 forms). A page whose
// header declares more than `max_pixels` (> 0) is kInvalidInput "page too
// large to read" before anything is decoded: a 439 KB PNG can declare
// 20000 x 20000 pixels, 1.2 GB once decoded. Leptonica's messages are
// silenced (the caller reports one line); libpng's error line for corrupt
// image data is not.
Result<PageImage> DecodeImagePage(const std::vector<uint8_t>& bytes, int index,
                                  int64_t max_pixels = 0);

}  // namespace decltab::extract

#endif  // DECLTAB_EXTRACT_IMAGE_FILE_H_
