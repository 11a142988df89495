#include "layout/page_analyzer.h"

#include <cmath>
#include <new>
#include <string>

#include <opencv2/core.hpp>

#include "layout/binarize.h"
#include "layout/cv_image.h"
#include "layout/deskew.h"
#include "layout/grid_builder.h"
#include "layout/ruling_lines.h"
#include "layout/text_lines.h"

namespace decltab::layout {
namespace {

// Where a cell edge shows too little line on the ink mask, it is looked for
// again with the binarization offset scaled by this: a faint stretch of line
// (thinned by the scan) then shows as ink.
constexpr double kFaintOffsetScale = 0.5;

// A side shorter than this holds no line of text at any resolution decltab
// renders at (and OpenCV's reductions need a few pixels to work on).
constexpr int kMinPageSidePx = 32;

}  // namespace

Result<PageGeometry> AnalyzePage(const PageImage& page,
                                 const LayoutOptions& options) {
  std::string where = "page " + std::to_string(page.page_number);
  if (page.empty())
    return Status::InvalidInput(where + ": empty page image");
  if (page.pixels.size() != static_cast<size_t>(page.width) * page.height)
    return Status::InvalidInput(where + ": pixel buffer holds " +
                                std::to_string(page.pixels.size()) +
                                " bytes, not " + std::to_string(page.width) +
                                "x" + std::to_string(page.height));
  if (page.dpi <= 0)
    return Status::InvalidInput(where + ": dpi " + std::to_string(page.dpi) +
                                " is not positive");
  if (page.width < kMinPageSidePx || page.height < kMinPageSidePx)
    return Status::InvalidInput(where + ": page too small to read (" +
                                std::to_string(page.width) + " x " +
                                std::to_string(page.height) + " px)");
  try {
    PageGeometry geometry;
    cv::Mat grey = ToMat(page);
    double offset = 0;
    cv::Mat ink = BinarizeInk(grey, page.dpi, options, &offset);
    geometry.skew_degrees = EstimateSkewDegrees(ink, options.max_skew_degrees,
                                                options.skew_step_degrees);
    if (std::abs(geometry.skew_degrees) >= options.min_skew_to_correct_degrees) {
      grey = RemoveSkew(grey, geometry.skew_degrees, PaperLevel(grey));
      ink = BinarizeInk(grey, page.dpi, options, &offset);
      int inset = MmToPx(options.binarize_window_mm, page.dpi) / 2 + 2;
      ink &= CoveredArea(grey.size(), geometry.skew_degrees, inset);
    } else {
      geometry.skew_degrees = 0;
    }
    RulingLines lines = FindRulingLines(ink, page.dpi, options);
    if (options.repair_scanned_lines) {
      lines.grey = grey;
      lines.faint_offset = kFaintOffsetScale * offset;
    }
    geometry.tables = BuildTables(lines, page.dpi, options);
    geometry.text_lines = FindTextLines(ink, lines.line_mask, geometry.tables,
                                        page.dpi, options);
    geometry.deskewed = ToPageImage(grey, page);
    cv::Mat binary = 255 - ink;
    geometry.binary = ToPageImage(binary, page);
    return geometry;
  } catch (const cv::Exception& e) {
    return Status::Internal(where + ": OpenCV: " + e.what());
  } catch (const std::bad_alloc&) {
    return Status::Internal(where + ": out of memory");
  }
}

}  // namespace decltab::layout
