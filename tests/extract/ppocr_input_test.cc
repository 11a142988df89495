#include "extract/ppocr_input.h"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>
#include <set>

namespace decltab::extract {
namespace {

TEST(PpOcrInputWidthTest, RoundsTheScaledWidthUpToABucket) {
  EXPECT_EQ(PpOcrInputWidth(40, 40), 64);      // 48 -> 64
  EXPECT_EQ(PpOcrInputWidth(200, 40), 256);    // 240 -> 256
  EXPECT_EQ(PpOcrInputWidth(300, 48), 384);    // 300 -> 384
  EXPECT_EQ(PpOcrInputWidth(700, 48), 768);
  EXPECT_EQ(PpOcrInputWidth(2100, 48), 2560);  // multiples of 512 beyond
  EXPECT_EQ(PpOcrInputWidth(1, 100), 64);
}

TEST(PpOcrInputWidthTest, FewWidthsForManyLines) {
  std::set<int> widths;
  for (int w = 20; w <= 1000; ++w) widths.insert(PpOcrInputWidth(w, 40));
  EXPECT_LE(widths.size(), 10u);
}

TEST(PpOcrInputBlobTest, ScalesToTheInputHeightNormalizesAndPadsWithMidGrey) {
  cv::Mat line(24, 48, CV_8UC1, cv::Scalar(255));
  line(cv::Rect(0, 0, 24, 24)).setTo(0);  // left half black
  const cv::Mat blob = PpOcrInputBlob(line, 128);
  ASSERT_EQ(blob.dims, 4);
  EXPECT_EQ(blob.size[0], 1);
  EXPECT_EQ(blob.size[1], 3);
  EXPECT_EQ(blob.size[2], 48);
  EXPECT_EQ(blob.size[3], 128);
  for (int c = 0; c < 3; ++c) {
    const float* row = blob.ptr<float>(0, c, 20);
    EXPECT_FLOAT_EQ(row[5], -1.f);    // black
    EXPECT_FLOAT_EQ(row[90], 1.f);    // white, scaled to 96 px wide
    EXPECT_FLOAT_EQ(row[100], 0.f);   // padding
  }
}

TEST(PpOcrInputBlobTest, SqueezesALineWiderThanTheInput) {
  cv::Mat line(48, 400, CV_8UC1, cv::Scalar(0));
  const cv::Mat blob = PpOcrInputBlob(line, 320);
  EXPECT_EQ(blob.size[3], 320);
  EXPECT_FLOAT_EQ(blob.ptr<float>(0, 0, 10)[319], -1.f);  // ink to the end
}

TEST(FindTextLinesTest, SplitsABlockIntoLinesWithMargins) {
  cv::Mat block(100, 200, CV_8UC1, cv::Scalar(255));
  block(cv::Rect(20, 10, 150, 20)).setTo(0);
  block(cv::Rect(30, 60, 100, 20)).setTo(0);
  const std::vector<cv::Rect> lines = FindTextLines(block, 0.25);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], cv::Rect(15, 5, 160, 30));
  EXPECT_EQ(lines[1], cv::Rect(25, 55, 110, 30));
}

TEST(FindTextLinesTest, KeepsASmallGapInsideALine) {
  // Ink 4 px apart in 20 px lines stays one line.
  cv::Mat block(60, 100, CV_8UC1, cv::Scalar(255));
  block(cv::Rect(10, 10, 50, 20)).setTo(0);
  block(cv::Rect(10, 34, 50, 20)).setTo(0);
  EXPECT_EQ(FindTextLines(block, 0).size(), 1u);
}

TEST(FindTextLinesTest, ALowRunJoinsTheNearerLine) {
  // Two 20 px lines 20 px apart; a 3 px mark 8 px below the first.
  cv::Mat block(90, 100, CV_8UC1, cv::Scalar(255));
  block(cv::Rect(10, 10, 50, 20)).setTo(0);
  block(cv::Rect(10, 38, 10, 3)).setTo(0);
  block(cv::Rect(10, 50, 50, 20)).setTo(0);
  const std::vector<cv::Rect> lines = FindTextLines(block, 0);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0], cv::Rect(10, 10, 50, 31));
  EXPECT_EQ(lines[1], cv::Rect(10, 50, 50, 20));
}

TEST(FindTextLinesTest, NoInkNoLines) {
  EXPECT_TRUE(FindTextLines(cv::Mat(30, 30, CV_8UC1, cv::Scalar(255)), 0.1).empty());
}

}  // namespace
}  // namespace decltab::extract
