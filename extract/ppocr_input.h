// Preparation of a grey text image for PaddleOCR's PP-OCR text-line
// recognizer (internal to the PP-OCR engine; declared here for tests):
// where the lines are, which network width a line goes to, and the input
// tensor. Pure functions over pixels, so they are tested without a model.
#ifndef DECLTAB_EXTRACT_PPOCR_INPUT_H_
#define DECLTAB_EXTRACT_PPOCR_INPUT_H_

#include <cstdint>
#include <vector>

#include <opencv2/core.hpp>

namespace decltab::extract {

// The recognizer's input height in pixels (PP-OCRv4: 3 x 48 x W).
constexpr int kPpOcrInputHeight = 48;

// Text lines of a grey image (ink < 128) by horizontal projection, top to
// bottom, each as the rows and columns of its ink plus `margin` (a share of
// the line's ink height) above and below, clipped to the image. Runs of ink
// rows separated by less than a quarter of the tallest run are one line, and
// a run less than half as tall as the tallest joins the nearer line beside
// it (a stray dot, the strokes of a lone 二). Empty without ink.
std::vector<cv::Rect> FindTextLines(const cv::Mat& grey, double margin);

// The network input widths lines are padded to (beyond the last, multiples
// of 512). OpenCV's DNN re-plans a network whenever its input shape changes
// (25-35 ms), so the engine keeps one network per width, and a few widths
// keep that memory bounded; the padding costs less than re-planning.
constexpr int kPpOcrWidthBuckets[] = {64, 128, 192, 256, 384, 512, 768, 1024, 1536, 2048};

// The network input width for a line image of `width` x `height`: the width
// it has scaled to kPpOcrInputHeight, rounded up to a bucket.
int PpOcrInputWidth(int width, int height);

// The 1 x 3 x kPpOcrInputHeight x `input_width` float tensor of a grey line
// image: scaled to the input height keeping its aspect (squeezed when wider
// than input_width), the grey copied to all three channels, normalized as
// (x / 255 - 0.5) / 0.5, padded on the right with 0 (mid grey).
cv::Mat PpOcrInputBlob(const cv::Mat& grey_line, int input_width);

}  // namespace decltab::extract

#endif  // DECLTAB_EXTRACT_PPOCR_INPUT_H_
