#include "layout/binarize.h"

#include <algorithm>

#include <opencv2/imgproc.hpp>

#include "layout/cv_image.h"

namespace decltab::layout {
namespace {

// Offset per unit of (smoothed) noise: 3.5 sigma keeps the false-ink rate of
// flat paper near 1e-4.
constexpr double kNoiseOffsetFactor = 3.5;
constexpr double kMaxOffset = 40;

}  // namespace

double EstimateNoiseSigma(const cv::Mat& grey) {
  cv::Mat median, diff;
  cv::medianBlur(grey, median, 5);
  cv::absdiff(grey, median, diff);
  int channels[] = {0};
  int bins[] = {256};
  float range[] = {0, 256};
  const float* ranges[] = {range};
  cv::Mat hist;
  cv::calcHist(&diff, 1, channels, cv::Mat(), hist, 1, bins, ranges);
  // Median of |difference|, interpolated inside its integer bin.
  double half = diff.total() / 2.0, seen = 0, mad = 0;
  for (int v = 0; v < 256; ++v) {
    double count = hist.at<float>(v);
    if (seen + count >= half && count > 0) {
      mad = std::max(0.0, v - 0.5 + (half - seen) / count);
      break;
    }
    seen += count;
  }
  // 1.4826 turns a MAD into a gaussian sigma; the 5x5 median follows the
  // noise a little, which the factor 1.1 makes up for.
  return 1.4826 * 1.1 * mad;
}

cv::Mat BinarizeInk(const cv::Mat& grey, int dpi, const LayoutOptions& options,
                    double* offset) {
  cv::Mat smooth;
  cv::GaussianBlur(grey, smooth, cv::Size(3, 3), 0);
  double used = std::clamp(kNoiseOffsetFactor * EstimateNoiseSigma(smooth),
                           options.binarize_min_offset, kMaxOffset);
  if (offset != nullptr) *offset = used;
  int window = MmToPx(options.binarize_window_mm, dpi, 3) | 1;
  cv::Mat ink;
  cv::adaptiveThreshold(smooth, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C,
                        cv::THRESH_BINARY_INV, window, used);
  return ink;
}

cv::Mat BinarizeArea(const cv::Mat& grey, cv::Rect area, int dpi,
                     const LayoutOptions& options, double offset) {
  int window = MmToPx(options.binarize_window_mm, dpi, 3) | 1;
  // The blur and the window reach this far: beyond the page edge both
  // replicate the border, as on the whole page.
  int margin = window / 2 + 1;
  cv::Rect page(0, 0, grey.cols, grey.rows);
  area &= page;
  cv::Rect outer = (area + cv::Size(2 * margin, 2 * margin) - cv::Point(margin, margin)) & page;
  cv::Mat smooth, ink;
  cv::GaussianBlur(grey(outer), smooth, cv::Size(3, 3), 0);
  cv::adaptiveThreshold(smooth, ink, 255, cv::ADAPTIVE_THRESH_MEAN_C,
                        cv::THRESH_BINARY_INV, window, offset);
  return ink(area - outer.tl());
}

}  // namespace decltab::layout
