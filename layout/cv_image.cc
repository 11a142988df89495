#include "layout/cv_image.h"

#include <algorithm>
#include <cmath>

namespace decltab::layout {

cv::Mat ToMat(const PageImage& page) {
  return cv::Mat(page.height, page.width, CV_8UC1,
                 const_cast<uint8_t*>(page.pixels.data()))
      .clone();
}

PageImage ToPageImage(const cv::Mat& grey, const PageImage& like) {
  PageImage out;
  out.page_number = like.page_number;
  out.dpi = like.dpi;
  out.width = grey.cols;
  out.height = grey.rows;
  out.pixels.resize(static_cast<size_t>(grey.cols) * grey.rows);
  for (int y = 0; y < grey.rows; ++y) {
    const uint8_t* row = grey.ptr<uint8_t>(y);
    std::copy(row, row + grey.cols, out.pixels.begin() + static_cast<size_t>(y) * grey.cols);
  }
  return out;
}

int MmToPx(double mm, int dpi, int min_px) {
  return std::max(min_px, static_cast<int>(std::lround(mm * dpi / 25.4)));
}

}  // namespace decltab::layout
