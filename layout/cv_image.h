// Conversions between core::PageImage and cv::Mat, and millimetre-to-pixel
// arithmetic shared by the layout steps. Internal to layout/.
#ifndef DECLTAB_LAYOUT_CV_IMAGE_H_
#define DECLTAB_LAYOUT_CV_IMAGE_H_

#include <opencv2/core.hpp>

#include "core/page_layout.h"

namespace decltab::layout {

// A deep copy of `page` as CV_8UC1. The caller checks page.empty() and the
// buffer size first. May throw cv::Exception (out of memory).
cv::Mat ToMat(const PageImage& page);

// A PageImage holding a copy of `grey` (CV_8UC1) with the page number and
// dpi of `like`.
PageImage ToPageImage(const cv::Mat& grey, const PageImage& like);

// Pixels at `dpi` for a length in millimetres, at least `min_px`.
int MmToPx(double mm, int dpi, int min_px = 1);

}  // namespace decltab::layout

#endif  // DECLTAB_LAYOUT_CV_IMAGE_H_
