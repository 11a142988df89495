// What a review report needs of the page images: for a figure's Source, a
// PNG crop around its box, and the whole page downscaled, as data: URIs.
// page_crops.h renders them from the source document; tests use a fake.
#ifndef DECLTAB_REVIEW_FIGURE_IMAGES_H_
#define DECLTAB_REVIEW_FIGURE_IMAGES_H_

#include <string>

#include "core/declaration.h"

namespace decltab::review {

// A page's size in the frame of Source boxes (pixels at `dpi`).
struct PageFrame {
  int width = 0, height = 0, dpi = 0;
};

class FigureImages {
 public:
  virtual ~FigureImages() = default;
  // "data:image/png;base64,..." of the source's box with a margin around
  // it; "" when there is no box or no image of its page.
  virtual std::string CropUri(const Source& source) const = 0;
  // The whole page `page` (1-based), downscaled; "" when there is none.
  virtual std::string PageUri(int page) const = 0;
  // The page's frame; width 0 when unknown.
  virtual PageFrame Frame(int page) const = 0;
};

// Base64 (RFC 4648, with padding) of `bytes`.
std::string Base64(const std::string& bytes);

}  // namespace decltab::review

#endif  // DECLTAB_REVIEW_FIGURE_IMAGES_H_
