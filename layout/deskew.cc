#include "layout/deskew.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <opencv2/imgproc.hpp>

namespace decltab::layout {
namespace {

constexpr double kPi = 3.14159265358979323846;

// Projects ink points along a line of the given slope and scores how peaked
// the profile is (sum of squared bin counts): aligned lines pile into few
// bins, which the square rewards.
class ProfileScorer {
 public:
  ProfileScorer(const std::vector<cv::Point>& points, int width, int height,
                double max_degrees)
      : points_(points), centre_x_(width / 2.0) {
    double reach = width / 2.0 * std::tan(max_degrees * kPi / 180.0) + 2;
    offset_ = static_cast<int>(std::ceil(reach));
    bins_.resize(static_cast<size_t>(height + 2 * offset_ + 2));
  }

  double Score(double degrees) {
    std::fill(bins_.begin(), bins_.end(), 0);
    // A page rotated counter-clockwise by a has lines y = y0 - x * tan(a).
    double slope = std::tan(degrees * kPi / 180.0);
    double shift = offset_ + 0.5;
    int last = static_cast<int>(bins_.size()) - 1;
    for (const cv::Point& p : points_) {
      int bin = static_cast<int>(p.y + (p.x - centre_x_) * slope + shift);
      ++bins_[std::clamp(bin, 0, last)];
    }
    double sum = 0;
    for (int count : bins_) sum += static_cast<double>(count) * count;
    return sum;
  }

 private:
  const std::vector<cv::Point>& points_;
  double centre_x_;
  int offset_ = 0;
  std::vector<int> bins_;
};

// Best angle on [lo, hi] in steps of `step`, interpolated with a parabola
// through the best score and its neighbours.
double SearchAngle(ProfileScorer& scorer, double lo, double hi, double step) {
  int count = static_cast<int>(std::floor((hi - lo) / step + 1e-9)) + 1;
  std::vector<double> scores(static_cast<size_t>(count));
  for (int i = 0; i < count; ++i) scores[i] = scorer.Score(lo + i * step);
  int best = static_cast<int>(
      std::max_element(scores.begin(), scores.end()) - scores.begin());
  // Small angles may not move any point into another bin: take the middle
  // of a plateau of equal best scores.
  int last = best;
  while (last + 1 < count && scores[last + 1] == scores[best]) ++last;
  if (last > best) return lo + (best + last) / 2.0 * step;
  double angle = lo + best * step;
  if (best > 0 && best + 1 < count) {
    double left = scores[best - 1], mid = scores[best], right = scores[best + 1];
    double denominator = left - 2 * mid + right;
    if (denominator < 0) angle += 0.5 * (left - right) / denominator * step;
  }
  return angle;
}

}  // namespace

double EstimateSkewDegrees(const cv::Mat& ink, double max_degrees,
                           double step_degrees) {
  // Under 4 pixels a side the 1/4 reduction below would be empty.
  if (max_degrees <= 0 || ink.cols < 4 || ink.rows < 4 || cv::countNonZero(ink) == 0)
    return 0;
  step_degrees = std::max(step_degrees, 0.001);

  // Coarse: any ink in a 4x4 block marks the reduced pixel.
  cv::Mat reduced;
  cv::resize(ink, reduced, cv::Size(), 0.25, 0.25, cv::INTER_AREA);
  std::vector<cv::Point> coarse_points;
  cv::findNonZero(reduced > 40, coarse_points);
  double coarse = 0;
  if (!coarse_points.empty()) {
    ProfileScorer scorer(coarse_points, reduced.cols, reduced.rows,
                         max_degrees);
    coarse = SearchAngle(scorer, -max_degrees, max_degrees, 0.1);
  }

  std::vector<cv::Point> points;
  cv::findNonZero(ink, points);
  ProfileScorer scorer(points, ink.cols, ink.rows, max_degrees);
  // On whole multiples of the step, so a level page is measured at 0 exactly.
  double lo = std::max(-max_degrees,
                       std::floor((coarse - 0.25) / step_degrees) * step_degrees);
  double hi = std::min(max_degrees,
                       std::ceil((coarse + 0.25) / step_degrees) * step_degrees);
  double fine = SearchAngle(scorer, lo, hi, step_degrees);
  return std::clamp(fine, -max_degrees, max_degrees);
}

cv::Mat RemoveSkew(const cv::Mat& grey, double skew_degrees, uint8_t fill) {
  cv::Point2f centre(grey.cols / 2.0f, grey.rows / 2.0f);
  cv::Mat rotation = cv::getRotationMatrix2D(centre, -skew_degrees, 1.0);
  cv::Mat upright;
  // A constant paper-coloured fill: replicating the border would smear edge
  // noise into long straight streaks that look like ruling lines.
  cv::warpAffine(grey, upright, rotation, grey.size(), cv::INTER_LINEAR,
                 cv::BORDER_CONSTANT, cv::Scalar(fill));
  return upright;
}

cv::Mat CoveredArea(cv::Size size, double skew_degrees, int inset) {
  cv::Mat all(size, CV_8U, cv::Scalar(255));
  cv::Point2f centre(size.width / 2.0f, size.height / 2.0f);
  cv::Mat rotation = cv::getRotationMatrix2D(centre, -skew_degrees, 1.0);
  cv::Mat covered;
  cv::warpAffine(all, covered, rotation, size, cv::INTER_NEAREST,
                 cv::BORDER_CONSTANT, cv::Scalar(0));
  if (inset > 0) {
    // Only the seams with the uncovered corners count, not the image edges.
    cv::copyMakeBorder(covered, covered, inset, inset, inset, inset,
                       cv::BORDER_CONSTANT, cv::Scalar(255));
    cv::erode(covered, covered,
              cv::getStructuringElement(cv::MORPH_RECT,
                                        cv::Size(2 * inset + 1, 2 * inset + 1)));
    covered = covered(cv::Rect(inset, inset, size.width, size.height)).clone();
  }
  return covered;
}

uint8_t PaperLevel(const cv::Mat& grey) {
  int channels[] = {0};
  int bins[] = {256};
  float range[] = {0, 256};
  const float* ranges[] = {range};
  cv::Mat hist;
  cv::calcHist(&grey, 1, channels, cv::Mat(), hist, 1, bins, ranges);
  double half = grey.total() / 2.0, seen = 0;
  for (int v = 0; v < 256; ++v) {
    seen += hist.at<float>(v);
    if (seen >= half) return static_cast<uint8_t>(v);
  }
  return 255;
}

}  // namespace decltab::layout
