// Skew measurement and removal. Ruling lines and text lines of a rotated
// page stop lining up with the pixel rows; the rotation that makes the
// horizontal projection profile of the ink the most peaked is the skew.
// Internal to layout/.
#ifndef DECLTAB_LAYOUT_DESKEW_H_
#define DECLTAB_LAYOUT_DESKEW_H_

#include <cstdint>

#include <opencv2/core.hpp>

namespace decltab::layout {

// The page's rotation in degrees, counter-clockwise positive as seen on the
// page, within [-max_degrees, max_degrees]. `ink` is CV_8UC1 with non-zero
// ink pixels. A coarse search on a 4x reduced image is refined at full
// resolution in steps of `step_degrees` and interpolated between steps.
// Returns 0 for an image without ink. May throw cv::Exception (out of memory).
double EstimateSkewDegrees(const cv::Mat& ink, double max_degrees,
                           double step_degrees);

// `grey` rotated by -skew_degrees about its centre (same size), so a page
// measured at `skew_degrees` comes out upright. Uncovered corners get `fill`.
cv::Mat RemoveSkew(const cv::Mat& grey, double skew_degrees, uint8_t fill);

// 255 where RemoveSkew(…, skew_degrees, …) of an image of `size` shows the
// original page, at least `inset` pixels away from the uncovered corners; 0
// elsewhere. Binarizing across that seam finds false ink, so it is masked.
cv::Mat CoveredArea(cv::Size size, double skew_degrees, int inset);

// The paper's grey level: the median of the image (pages are mostly paper).
uint8_t PaperLevel(const cv::Mat& grey);

}  // namespace decltab::layout

#endif  // DECLTAB_LAYOUT_DESKEW_H_
