#include "layout/grid_builder.h"

#include <algorithm>

#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "layout/ruling_lines.h"

namespace decltab::layout {
namespace {

constexpr int kDpi = 200;

class GridBuilderTest : public ::testing::Test {
 protected:
  GridBuilderTest() : ink_(cv::Mat::zeros(800, 1000, CV_8U)) {}
  void H(int y, int x0, int x1) { cv::line(ink_, {x0, y}, {x1, y}, cv::Scalar(255), 2); }
  void V(int x, int y0, int y1) { cv::line(ink_, {x, y0}, {x, y1}, cv::Scalar(255), 2); }
  // A 2x2 bordered box from (100,100) to (700,400) with its middle lines.
  void Box() {
    H(100, 100, 700);
    H(400, 100, 700);
    V(100, 100, 400);
    V(700, 100, 400);
  }
  std::vector<Table> Build() {
    RulingLines lines = FindRulingLines(ink_, kDpi, options_);
    return BuildTables(lines, kDpi, options_);
  }
  cv::Mat ink_;
  LayoutOptions options_;
};

TEST_F(GridBuilderTest, LoneLinesAndFramesAreNoTables) {
  H(50, 100, 900);       // an underline
  V(950, 100, 700);      // a margin rule
  H(500, 100, 400);      // a frame around text: one cell
  H(700, 100, 400);
  V(100, 500, 700);
  V(400, 500, 700);
  EXPECT_TRUE(Build().empty());
}

TEST_F(GridBuilderTest, LineCoveringTooLittleOfAnEdgeSplitsNothing) {
  Box();
  V(400, 100, 400);
  H(250, 400, 450);  // stops after a sixth of the right cell's width
  std::vector<Table> tables = Build();
  ASSERT_EQ(1u, tables.size());
  EXPECT_EQ(1, tables[0].rows);
  EXPECT_EQ(2, tables[0].cols);
  EXPECT_EQ(2u, tables[0].cells.size());
}

TEST_F(GridBuilderTest, BrokenLineCoveringMostOfAnEdgeSplits) {
  Box();
  V(400, 100, 400);
  H(250, 100, 400);
  H(250, 400, 480);  // right half: pieces with gaps, 75% covered
  H(250, 520, 600);
  H(250, 640, 700);
  std::vector<Table> tables = Build();
  ASSERT_EQ(1u, tables.size());
  EXPECT_EQ(2, tables[0].rows);
  EXPECT_EQ(2, tables[0].cols);
  EXPECT_EQ(4u, tables[0].cells.size());
}

TEST_F(GridBuilderTest, SliverEdgeInsideADropoutStillSplits) {
  // The column lines of the two rows lie 12 px apart; the row line between
  // them lost exactly that sliver to a dropout.
  Box();
  V(400, 100, 250);
  V(412, 250, 400);
  H(250, 100, 401);
  H(250, 412, 700);
  std::vector<Table> tables = Build();
  ASSERT_EQ(1u, tables.size());
  EXPECT_EQ(2, tables[0].rows);
  EXPECT_EQ(3, tables[0].cols);
  EXPECT_EQ(4u, tables[0].cells.size());
}

TEST_F(GridBuilderTest, SliverEdgeInsideALongDropoutFollowsTheLineBesideIt) {
  // As above, but the dropout (360-440) is longer than the stretch a sliver
  // edge is judged on; the line runs on beside the sliver on both sides.
  Box();
  V(400, 100, 250);
  V(412, 250, 400);
  H(250, 100, 360);
  H(250, 440, 700);
  std::vector<Table> tables = Build();
  ASSERT_EQ(1u, tables.size());
  EXPECT_EQ(2, tables[0].rows);
  EXPECT_EQ(3, tables[0].cols);
  EXPECT_EQ(4u, tables[0].cells.size());
}

TEST_F(GridBuilderTest, StackedTablesInLineStayApart) {
  // Two tables 62 px (7.9 mm) apart, their left borders in line; the lower
  // table's border is dashes (30 px, shorter than a segment) down to 400.
  // Those dashes cover most of the way from the upper border's end to the
  // lower segment, but the gap between the tables holds no line.
  for (int y : {100, 200}) H(y, 100, 700);
  for (int x : {100, 400, 700}) V(x, 100, 200);
  for (int y : {262, 450, 600}) H(y, 100, 700);
  for (int y = 262; y < 400; y += 38) V(100, y, y + 30);
  V(100, 400, 600);
  for (int x : {400, 700}) V(x, 262, 600);
  std::vector<Table> tables = Build();
  ASSERT_EQ(2u, tables.size());
  EXPECT_EQ(1, tables[0].rows);
  EXPECT_EQ(2, tables[1].rows);
}

TEST_F(GridBuilderTest, FaintLineBesideACellMergedOverTwoRowsStillParts) {
  // The left cell spans both rows. Beside its top half the column line is
  // faint: two dashes (40% of the edge), each crossed by a glyph stroke.
  // Without that edge the top right cell and the left cell would make an L.
  Box();
  H(250, 400, 700);
  V(400, 250, 400);
  for (int y : {102, 170}) {
    V(400, y, y + 30);
    H(y + 15, 390, 410);
  }
  std::vector<Table> tables = Build();
  ASSERT_EQ(1u, tables.size());
  ASSERT_EQ(3u, tables[0].cells.size());
  const Cell* left = tables[0].At(0, 0);
  ASSERT_NE(left, nullptr);
  EXPECT_EQ(2, left->rowspan);
  EXPECT_EQ(1, left->colspan);
}

TEST_F(GridBuilderTest, LineBrokenIntoPiecesShorterThanASegmentSplitsItsCell) {
  Box();
  H(250, 100, 700);
  // The column line of the top row only, in dashes of 20 px (2.5 mm, half
  // a segment's minimum) with gaps of 8 px: no segment is found on it.
  for (int y = 102; y < 250; y += 28) V(400, y, std::min(y + 20, 249));
  std::vector<Table> tables = Build();
  ASSERT_EQ(1u, tables.size());
  EXPECT_EQ(2, tables[0].rows);
  EXPECT_EQ(2, tables[0].cols);
  ASSERT_EQ(3u, tables[0].cells.size());
  const Cell* bottom = tables[0].At(1, 0);
  ASSERT_NE(bottom, nullptr);
  EXPECT_EQ(2, bottom->colspan);
}

TEST_F(GridBuilderTest, FootOfATextLineIsNoBrokenLine) {
  Box();
  H(250, 100, 700);
  // Digit-like glyphs (a box with a diagonal) filling the bottom cell's
  // width, 3 px apart: their feet bridge into a run across the cell, with
  // the glyph bodies right above it.
  for (int x = 104; x + 15 <= 699; x += 20) {
    cv::rectangle(ink_, {x, 300}, {x + 15, 330}, cv::Scalar(255), 2);
    cv::line(ink_, {x + 15, 300}, {x, 330}, cv::Scalar(255), 2);
  }
  std::vector<Table> tables = Build();
  ASSERT_EQ(1u, tables.size());
  EXPECT_EQ(2, tables[0].rows);
  EXPECT_EQ(2u, tables[0].cells.size());
}

TEST_F(GridBuilderTest, EdgeLeftOnlyADashStillSplits) {
  Box();
  H(250, 100, 700);
  V(400, 100, 250);
  V(400, 310, 345);  // a quarter of the bottom edge, standing alone
  std::vector<Table> tables = Build();
  ASSERT_EQ(1u, tables.size());
  EXPECT_EQ(4u, tables[0].cells.size());
}

TEST_F(GridBuilderTest, GlyphStrokeOnAMergedCellsHiddenLineDoesNotSplit) {
  Box();
  H(250, 100, 700);
  V(400, 100, 250);
  // A glyph (丁) centred in the merged bottom cell, its stem on the column
  // line's position: paper beside the stem, but the stem hangs from a bar.
  H(305, 385, 415);
  V(400, 305, 341);
  std::vector<Table> tables = Build();
  ASSERT_EQ(1u, tables.size());
  ASSERT_EQ(3u, tables[0].cells.size());
  const Cell* bottom = tables[0].At(1, 0);
  ASSERT_NE(bottom, nullptr);
  EXPECT_EQ(2, bottom->colspan);
}

TEST_F(GridBuilderTest, TextLineOnAMergedCellsHiddenLineDoesNotSplit) {
  Box();
  V(400, 100, 400);
  H(250, 400, 700);  // the right column has two rows, the left cell spans both
  // A line of text (王王王…) in the merged cell, its middle bars on the
  // hidden line: paper right beside the bars, the glyphs' other bars a
  // little further.
  for (int x = 130; x + 30 <= 370; x += 36) {
    for (int y : {242, 250, 258}) H(y, x, x + 30);
    V(x + 15, 242, 258);
  }
  for (bool repair : {true, false}) {
    options_.repair_scanned_lines = repair;  // false: a rendered page
    std::vector<Table> tables = Build();
    ASSERT_EQ(1u, tables.size());
    const Cell* left = tables[0].At(0, 0);
    ASSERT_NE(left, nullptr);
    EXPECT_EQ(2, left->rowspan) << repair;
    EXPECT_EQ(3u, tables[0].cells.size()) << repair;
  }
}

TEST_F(GridBuilderTest, LineOffItsMeanPositionStillSplitsALowCell) {
  // A thick column line whose top piece, one low row high and too short to
  // be a segment, runs 3 px left of the long piece below it.
  H(100, 100, 700);
  H(131, 100, 700);
  H(400, 100, 700);
  V(100, 100, 400);
  V(700, 100, 400);
  cv::line(ink_, {399, 103}, {399, 122}, cv::Scalar(255), 5);
  cv::line(ink_, {402, 140}, {402, 400}, cv::Scalar(255), 5);
  std::vector<Table> tables = Build();
  ASSERT_EQ(1u, tables.size());
  EXPECT_EQ(4u, tables[0].cells.size());
}

TEST_F(GridBuilderTest, RectangularizesAnLShapedMerge) {
  // 2x3 grid; no line between (0,1) and (1,1), nor between (1,0) and
  // (1,1): (0,1), (1,1) and (1,0) join, and their bounding box takes in
  // (0,0) as well. The line at x=300 then bounds no cell and goes.
  H(100, 100, 700);
  H(300, 100, 700);
  H(200, 100, 300);  // only under (0,0)
  H(200, 500, 700);  // under (0,2)
  V(100, 100, 300);
  V(700, 100, 300);
  V(300, 100, 180);  // only right of (0,0)
  V(500, 100, 300);
  std::vector<Table> tables = Build();
  ASSERT_EQ(1u, tables.size());
  const Table& t = tables[0];
  EXPECT_EQ(2, t.rows);
  EXPECT_EQ(2, t.cols);
  ASSERT_EQ(3u, t.cells.size());
  const Cell* merged = t.At(1, 0);
  ASSERT_NE(merged, nullptr);
  EXPECT_EQ(0, merged->row);
  EXPECT_EQ(0, merged->col);
  EXPECT_EQ(2, merged->rowspan);
  EXPECT_EQ(1, merged->colspan);
  EXPECT_EQ(100, t.col_lines[0]);
  EXPECT_NEAR(500, t.col_lines[1], 1);
}

TEST_F(GridBuilderTest, SnapsNearbyPositionsIntoOneLine) {
  Box();
  V(400, 100, 250);
  V(402, 250, 400);  // 2 px apart at 200 dpi (0.25 mm): the same column line
  H(250, 100, 700);
  std::vector<Table> tables = Build();
  ASSERT_EQ(1u, tables.size());
  EXPECT_EQ(2, tables[0].cols);
  EXPECT_EQ(4u, tables[0].cells.size());
}

TEST_F(GridBuilderTest, OpenBottomWhenTheBottomLineIsMissing) {
  H(100, 100, 700);
  H(200, 100, 700);
  V(100, 100, 790);
  V(400, 100, 790);
  V(700, 100, 790);
  std::vector<Table> tables = Build();
  ASSERT_EQ(1u, tables.size());
  EXPECT_FALSE(tables[0].open_top);
  EXPECT_TRUE(tables[0].open_bottom);
  EXPECT_EQ(2, tables[0].rows);
  EXPECT_NEAR(790, tables[0].row_lines.back(), 2);
}

}  // namespace
}  // namespace decltab::layout
