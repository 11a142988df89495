// Adaptive binarization for rendered and scanned pages. Internal to layout/.
#ifndef DECLTAB_LAYOUT_BINARIZE_H_
#define DECLTAB_LAYOUT_BINARIZE_H_

#include <opencv2/core.hpp>

#include "layout/layout_options.h"

namespace decltab::layout {

// Ink mask of `grey` (CV_8UC1): 255 ink, 0 paper. A pixel is ink when it is
// darker than the mean of a window of options.binarize_window_mm around it by
// more than an offset; the offset grows with the measured noise so grain on
// grey paper stays paper while faint ruling lines stay ink. May throw
// cv::Exception (out of memory).
// `offset`, when given, receives the offset used.
cv::Mat BinarizeInk(const cv::Mat& grey, int dpi, const LayoutOptions& options,
                    double* offset = nullptr);

// The ink mask BinarizeInk gives inside `area` of `grey` with the offset
// `offset`, worked out for that area only (a lower offset than the page's
// takes in faint ink there, and a little grain).
cv::Mat BinarizeArea(const cv::Mat& grey, cv::Rect area, int dpi,
                     const LayoutOptions& options, double offset);

// The standard deviation of pixel noise in `grey`, estimated robustly from
// the median absolute difference to a 5x5 median (pages are mostly paper).
double EstimateNoiseSigma(const cv::Mat& grey);

}  // namespace decltab::layout

#endif  // DECLTAB_LAYOUT_BINARIZE_H_
