#include "layout/binarize.h"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

namespace decltab::layout {
namespace {

TEST(BinarizeTest, FindsFaintLinesOnUnevenNoisyPaper) {
  cv::Mat page(600, 800, CV_8U);
  cv::RNG rng(5);
  for (int y = 0; y < page.rows; ++y)
    for (int x = 0; x < page.cols; ++x)
      page.at<uint8_t>(y, x) = cv::saturate_cast<uint8_t>(
          245 - 60.0 * x / page.cols + rng.gaussian(8));
  // A faint line (only 45 levels below the paper) across the gradient.
  for (int x = 0; x < page.cols; ++x) {
    int paper = 245 - 60 * x / page.cols;
    page.at<uint8_t>(300, x) = cv::saturate_cast<uint8_t>(paper - 45);
    page.at<uint8_t>(301, x) = cv::saturate_cast<uint8_t>(paper - 45);
  }
  cv::Mat ink = BinarizeInk(page, 200, LayoutOptions());
  int on_line = cv::countNonZero(ink.rowRange(300, 302));
  EXPECT_GT(on_line, 2 * page.cols * 0.95);
  int off_line = cv::countNonZero(ink.rowRange(0, 280));
  EXPECT_LT(off_line, 280 * page.cols / 1000);  // under 0.1% false ink
}

TEST(BinarizeTest, NoiseEstimateFollowsNoise) {
  for (double sigma : {4.0, 10.0, 20.0}) {
    cv::Mat page(400, 400, CV_8U);
    cv::RNG rng(7);
    for (int y = 0; y < page.rows; ++y)
      for (int x = 0; x < page.cols; ++x)
        page.at<uint8_t>(y, x) = cv::saturate_cast<uint8_t>(200 + rng.gaussian(sigma));
    EXPECT_NEAR(sigma, EstimateNoiseSigma(page), sigma * 0.3) << sigma;
  }
}

}  // namespace
}  // namespace decltab::layout
