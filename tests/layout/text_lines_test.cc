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

TEST(TextLinesTest, ScannerDirtIsNoLine) {
  cv::Mat page = testing::BlankPage(1200, 900);
  for (int y : {100, 160, 220}) testing::DrawTextLine(100, 1000, y, 24, y, &page);
  // A fleck too big for a speck but far smaller than the text: a blob 8 px
  // square; a 3 px wide streak as tall as a line along the page's right
  // edge (its shadow); a ragged strip along the bottom edge.
  cv::rectangle(page, cv::Rect(600, 400, 8, 8), cv::Scalar(0), cv::FILLED);
  cv::rectangle(page, cv::Rect(1196, 500, 3, 30), cv::Scalar(0), cv::FILLED);
  cv::rectangle(page, cv::Rect(300, 896, 400, 4), cv::Scalar(0), cv::FILLED);
  cv::rectangle(page, cv::Rect(300, 888, 30, 12), cv::Scalar(0), cv::FILLED);
  cv::Mat ink = InkOf(page);
  std::vector<Rect> lines = FindTextLines(ink, cv::Mat::zeros(ink.size(), CV_8U),
                                          {}, kDpi, LayoutOptions());
  ASSERT_EQ(3u, lines.size());
  for (const Rect& r : lines) EXPECT_NEAR(100, r.x, 2);
}

TEST(TextLinesTest, DustAtALineEndDoesNotLengthenIt) {
  cv::Mat page = testing::BlankPage(1200, 900);
  testing::DrawTextLine(100, 1000, 100, 40, 7, &page);
  testing::DrawTextLine(100, 600, 200, 40, 8, &page);
  auto find = [](const cv::Mat& p) {
    cv::Mat ink = InkOf(p);
    return FindTextLines(ink, cv::Mat::zeros(ink.size(), CV_8U), {}, kDpi,
                         LayoutOptions());
  };
  const std::vector<Rect> clean = find(page);
  ASSERT_EQ(2u, clean.size());
  // Grains of dust (5 px, a speck is under 4) after the first line's last
  // glyph, within a word gap; a comma (6 x 10 px) after the second line's.
  const int end1 = clean[0].right(), end2 = clean[1].right();
  cv::rectangle(page, cv::Rect(end1 + 4, 80, 5, 5), cv::Scalar(0), cv::FILLED);
  cv::rectangle(page, cv::Rect(end1 + 13, 90, 5, 4), cv::Scalar(0), cv::FILLED);
  cv::rectangle(page, cv::Rect(end2 + 3, 190, 6, 10), cv::Scalar(0), cv::FILLED);
  const std::vector<Rect> lines = find(page);
  ASSERT_EQ(2u, lines.size());
  EXPECT_EQ(end1, lines[0].right());
  EXPECT_EQ(end2 + 9, lines[1].right());
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
