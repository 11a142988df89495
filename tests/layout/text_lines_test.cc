#include "layout/text_lines.h"

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "tests/layout/synthetic_page.h"

namespace decltab::layout {
namespace {

constexpr int kDpi = 200;

cv::Mat InkOf(const cv::Mat& page) { return page < 128; }

TEST(TextLinesTest, OneRectPerLineInReadingOrderOutsideTables) {
  cv::Mat page = testing::BlankPage(1200, 900);
  testing::DrawTextLine(100, 500, 100, 24, 1, &page);   // left of a row
  testing::DrawTextLine(800, 1100, 100, 24, 2, &page);  // right of that row
  testing::DrawTextLine(100, 1100, 160, 24, 3, &page);
  testing::DrawTextLine(100, 600, 700, 24, 4, &page);   // below the table
  Table table;
  table.box = Rect{100, 250, 1000, 350};
  cv::rectangle(page, cv::Rect(100, 250, 1000, 350), cv::Scalar(0), 2);
  testing::DrawTextLine(150, 900, 400, 24, 5, &page);   // inside the table
  cv::Mat ink = InkOf(page);
  cv::Mat no_lines = cv::Mat::zeros(ink.size(), CV_8U);
  std::vector<Rect> lines = FindTextLines(ink, no_lines, {table}, kDpi, LayoutOptions());
  ASSERT_EQ(4u, lines.size());
  EXPECT_NEAR(100, lines[0].x, 2);
  EXPECT_NEAR(800, lines[1].x, 2);
  EXPECT_NEAR(lines[0].y, lines[1].y, 12);
  EXPECT_NEAR(100, lines[2].x, 2);
  EXPECT_GT(lines[2].width, 950);
  EXPECT_GT(lines[3].y, 600);
}

TEST(TextLinesTest, DropsSpecksAndKeepsStackedStrokesTogether) {
  cv::Mat page = testing::BlankPage(800, 600);
  // "二" alone on a line: two bars, one above the other.
  cv::rectangle(page, cv::Rect(100, 100, 24, 3), cv::Scalar(0), cv::FILLED);
  cv::rectangle(page, cv::Rect(96, 118, 32, 3), cv::Scalar(0), cv::FILLED);
  // Dust.
  for (int i = 0; i < 30; ++i)
    cv::rectangle(page, cv::Rect(200 + 17 * i, 300 + 5 * (i % 7), 2, 2), cv::Scalar(0), cv::FILLED);
  cv::Mat ink = InkOf(page);
  std::vector<Rect> lines = FindTextLines(ink, cv::Mat::zeros(ink.size(), CV_8U),
                                          {}, kDpi, LayoutOptions());
  ASSERT_EQ(1u, lines.size());
  EXPECT_EQ((Rect{96, 100, 32, 21}), lines[0]);
}

TEST(TextLinesTest, ReadingOrderGroupsRowsThenLeftToRight) {
  std::vector<Rect> rects = {{500, 104, 100, 20}, {50, 300, 100, 20},
                             {50, 100, 100, 24}, {300, 98, 80, 20}};
  SortReadingOrder(&rects);
  EXPECT_EQ(50, rects[0].x);
  EXPECT_EQ(300, rects[1].x);
  EXPECT_EQ(500, rects[2].x);
  EXPECT_EQ(300, rects[3].y);
}

}  // namespace
}  // namespace decltab::layout
