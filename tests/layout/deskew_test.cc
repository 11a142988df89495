#include "layout/deskew.h"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "layout/binarize.h"
#include "tests/layout/synthetic_page.h"

namespace decltab::layout {
namespace {

cv::Mat RotatedTablePage(double degrees) {
  cv::Mat page = testing::BlankPage(1400, 1800);
  testing::TableSpec spec{testing::Lines(300, 70, 12), testing::Lines(150, 275, 4), {}};
  testing::DrawTable(spec, 3, &page);
  testing::DegradeLikeScan(degrees, 6, 11, &page);
  return page;
}

TEST(DeskewTest, MeasuresRotationToAFewHundredthsOfADegree) {
  for (double degrees : {-4.6, -2.0, -0.35, 0.0, 0.8, 3.3}) {
    cv::Mat page = RotatedTablePage(degrees);
    cv::Mat ink = BinarizeInk(page, 200, LayoutOptions());
    EXPECT_NEAR(degrees, EstimateSkewDegrees(ink, 5.0, 0.02), 0.04) << degrees;
  }
}

TEST(DeskewTest, StaysWithinTheSearchRange) {
  cv::Mat page = RotatedTablePage(4.0);
  cv::Mat ink = BinarizeInk(page, 200, LayoutOptions());
  double skew = EstimateSkewDegrees(ink, 2.0, 0.02);
  EXPECT_LE(std::abs(skew), 2.0);
}

TEST(DeskewTest, BlankPageHasNoSkew) {
  cv::Mat ink = cv::Mat::zeros(300, 200, CV_8U);
  EXPECT_EQ(0, EstimateSkewDegrees(ink, 5.0, 0.02));
}

TEST(DeskewTest, RemoveSkewMakesLinesLevel) {
  cv::Mat page = RotatedTablePage(2.5);
  cv::Mat upright = RemoveSkew(page, 2.5, PaperLevel(page));
  EXPECT_EQ(page.size(), upright.size());
  cv::Mat ink = BinarizeInk(upright, 200, LayoutOptions());
  EXPECT_NEAR(0, EstimateSkewDegrees(ink, 5.0, 0.02), 0.04);
  // Uncovered corners are paper-coloured, not black.
  EXPECT_GT(upright.at<uint8_t>(0, 0), 180);
}

TEST(DeskewTest, PaperLevelIsTheMedianGrey) {
  cv::Mat page(100, 100, CV_8U, cv::Scalar(220));
  page(cv::Rect(0, 0, 100, 30)).setTo(20);
  EXPECT_EQ(220, PaperLevel(page));
}

}  // namespace
}  // namespace decltab::layout
