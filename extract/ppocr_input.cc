#include "extract/ppocr_input.h"

#include <algorithm>
#include <climits>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace decltab::extract {
namespace {

constexpr uint8_t kInkBelow = 128;
// Rows of ink closer than this share of the tallest run belong to one line.
constexpr double kLineGapShare = 0.25;
// A run lower than this share of the tallest (a dot, an accent, a stroke of
// 二 apart from the rest) joins the nearer line next to it.
constexpr double kPartShare = 0.5;

}  // namespace

std::vector<cv::Rect> FindTextLines(const cv::Mat& grey, double margin) {
  CV_Assert(grey.type() == CV_8UC1);
  struct Run { int begin, end; };
  std::vector<Run> runs;
  for (int y = 0; y < grey.rows; ++y) {
    const uint8_t* row = grey.ptr<uint8_t>(y);
    if (std::none_of(row, row + grey.cols, [](uint8_t p) { return p < kInkBelow; }))
      continue;
    if (!runs.empty() && runs.back().end == y)
      runs.back().end = y + 1;
    else
      runs.push_back({y, y + 1});
  }
  int tallest = 0;
  for (const Run& r : runs) tallest = std::max(tallest, r.end - r.begin);
  std::vector<Run> lines;
  for (const Run& r : runs) {
    if (!lines.empty() && r.begin - lines.back().end < kLineGapShare * tallest)
      lines.back().end = r.end;
    else
      lines.push_back(r);
  }
  tallest = 0;
  for (const Run& r : lines) tallest = std::max(tallest, r.end - r.begin);
  for (size_t i = 0; lines.size() > 1 && i < lines.size();) {
    if (lines[i].end - lines[i].begin >= kPartShare * tallest) {
      ++i;
      continue;
    }
    const int above = i > 0 ? lines[i].begin - lines[i - 1].end : INT_MAX;
    const int below = i + 1 < lines.size() ? lines[i + 1].begin - lines[i].end : INT_MAX;
    if (above <= below) {
      lines[i - 1].end = lines[i].end;
    } else {
      lines[i + 1].begin = lines[i].begin;
    }
    lines.erase(lines.begin() + i);
  }
  std::vector<cv::Rect> out;
  for (const Run& line : lines) {
    const cv::Mat band = grey.rowRange(line.begin, line.end) < kInkBelow;
    const cv::Rect ink = cv::boundingRect(band);
    const int pad = static_cast<int>(std::lround(margin * (line.end - line.begin)));
    const int top = std::max(0, line.begin - pad);
    const int bottom = std::min(grey.rows, line.end + pad);
    const int left = std::max(0, ink.x - pad);
    const int right = std::min(grey.cols, ink.x + ink.width + pad);
    out.emplace_back(left, top, right - left, bottom - top);
  }
  return out;
}

int PpOcrInputWidth(int width, int height) {
  const int scaled = std::max(
      1, static_cast<int>(std::ceil(static_cast<double>(kPpOcrInputHeight) * width /
                                    std::max(1, height))));
  for (int bucket : kPpOcrWidthBuckets)
    if (scaled <= bucket) return bucket;
  constexpr int kStep = 512;
  return (scaled + kStep - 1) / kStep * kStep;
}

cv::Mat PpOcrInputBlob(const cv::Mat& grey_line, int input_width) {
  CV_Assert(grey_line.type() == CV_8UC1 && !grey_line.empty() && input_width > 0);
  const int scaled = static_cast<int>(std::ceil(
      static_cast<double>(kPpOcrInputHeight) * grey_line.cols / grey_line.rows));
  const int resized_width = std::clamp(scaled, 1, input_width);
  cv::Mat resized;
  cv::resize(grey_line, resized, cv::Size(resized_width, kPpOcrInputHeight), 0, 0,
             cv::INTER_LINEAR);
  cv::Mat normalized;
  resized.convertTo(normalized, CV_32F, 2.0 / 255.0, -1.0);
  const int shape[4] = {1, 3, kPpOcrInputHeight, input_width};
  cv::Mat blob(4, shape, CV_32F, cv::Scalar(0));
  for (int c = 0; c < 3; ++c) {
    cv::Mat plane(kPpOcrInputHeight, input_width, CV_32F, blob.ptr<float>(0, c));
    normalized.copyTo(plane(cv::Rect(0, 0, resized_width, kPpOcrInputHeight)));
  }
  return blob;
}

}  // namespace decltab::extract
