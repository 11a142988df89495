// A page image holding a copy of an 8-bit grey cv::Mat, for extract tests.
#ifndef DECLTAB_TESTS_EXTRACT_MAT_PAGE_H_
#define DECLTAB_TESTS_EXTRACT_MAT_PAGE_H_

#include <opencv2/core.hpp>

#include "core/page_layout.h"

namespace decltab::extract {

inline PageImage MatPage(const cv::Mat& grey, int dpi, int page_number = 1) {
  PageImage image;
  image.page_number = page_number;
  image.dpi = dpi;
  image.width = grey.cols;
  image.height = grey.rows;
  image.pixels.assign(grey.datastart, grey.dataend);
  return image;
}

}  // namespace decltab::extract

#endif  // DECLTAB_TESTS_EXTRACT_MAT_PAGE_H_
