#include "layout/page_analyzer.h"

#include <gtest/gtest.h>

#include <cmath>

#include <opencv2/imgproc.hpp>

#include "tests/layout/synthetic_page.h"

namespace decltab::layout {
namespace {

using testing::BlankPage;
using testing::DrawTable;
using testing::Lines;
using testing::SpanSpec;
using testing::TableSpec;
using testing::ToPage;

constexpr int kDpi = 200;

// Every grid position of `table` is covered by exactly the cells of `spec`:
// the listed merged cells with their spans, all others 1x1.
void ExpectStructure(const TableSpec& spec, const Table& table) {
  int rows = static_cast<int>(spec.row_lines.size()) - 1;
  int cols = static_cast<int>(spec.col_lines.size()) - 1;
  ASSERT_EQ(rows, table.rows);
  ASSERT_EQ(cols, table.cols);
  int covered = 0;
  for (const SpanSpec& m : spec.merged) {
    const Cell* cell = table.At(m.row, m.col);
    ASSERT_NE(cell, nullptr);
    EXPECT_EQ(m.row, cell->row);
    EXPECT_EQ(m.col, cell->col);
    EXPECT_EQ(m.rowspan, cell->rowspan) << "r" << m.row << "c" << m.col;
    EXPECT_EQ(m.colspan, cell->colspan) << "r" << m.row << "c" << m.col;
    covered += m.rowspan * m.colspan;
  }
  EXPECT_EQ(rows * cols - covered + static_cast<int>(spec.merged.size()),
            static_cast<int>(table.cells.size()));
  for (const Cell& c : table.cells) {
    bool listed = false;
    for (const SpanSpec& m : spec.merged) listed |= m.row == c.row && m.col == c.col;
    if (!listed) {
      EXPECT_EQ(1, c.rowspan) << "r" << c.row << "c" << c.col;
      EXPECT_EQ(1, c.colspan) << "r" << c.row << "c" << c.col;
    }
  }
}

PageGeometry Analyze(const cv::Mat& page) {
  Result<PageGeometry> g = AnalyzePage(ToPage(page, kDpi), LayoutOptions());
  EXPECT_TRUE(g.ok()) << g.status().message();
  if (!g.ok()) return PageGeometry();
  testing::MaybeDumpOverlay(
      *g, ::testing::UnitTest::GetInstance()->current_test_info()->name());
  return std::move(g).value();
}

TEST(AnalyzePageTest, FindsPlainGridWithCellBoxesInsideLines) {
  cv::Mat page = BlankPage(1200, 1000);
  TableSpec spec{Lines(100, 60, 3), Lines(150, 220, 4), {}};
  DrawTable(spec, 1, &page);
  PageGeometry g = Analyze(page);
  ASSERT_EQ(1u, g.tables.size());
  ExpectStructure(spec, g.tables[0]);
  EXPECT_FALSE(g.tables[0].open_top);
  EXPECT_FALSE(g.tables[0].open_bottom);
  EXPECT_DOUBLE_EQ(0, g.skew_degrees);
  const Cell* cell = g.tables[0].At(1, 2);
  ASSERT_NE(cell, nullptr);
  // Lines 2 px wide at x=590/810, y=160/220: the box lies between them.
  EXPECT_GE(cell->box.x, 591);
  EXPECT_LE(cell->box.x, 593);
  EXPECT_GE(cell->box.right(), 807);
  EXPECT_LE(cell->box.right(), 810);
  EXPECT_GE(cell->box.y, 161);
  EXPECT_LE(cell->box.bottom(), 220);
  EXPECT_EQ(4u, g.tables[0].row_lines.size());
  EXPECT_EQ(5u, g.tables[0].col_lines.size());
  EXPECT_EQ(1200, g.binary.width);
  EXPECT_EQ(0, g.binary.pixels[100 * 1200 + 300]);    // on the top line
  EXPECT_EQ(255, g.binary.pixels[20 * 1200 + 20]);    // paper
}

TEST(AnalyzePageTest, MergesRowAndColumnSpans) {
  cv::Mat page = BlankPage(1200, 1000);
  TableSpec spec{Lines(100, 55, 6), Lines(100, 200, 5),
                 {{1, 0, 3, 1}, {0, 2, 1, 2}, {4, 1, 2, 3}}};
  DrawTable(spec, 2, &page);
  PageGeometry g = Analyze(page);
  ASSERT_EQ(1u, g.tables.size());
  ExpectStructure(spec, g.tables[0]);
}

TEST(AnalyzePageTest, FindsTwoTablesTopToBottom) {
  cv::Mat page = BlankPage(1200, 1400);
  TableSpec lower{Lines(800, 60, 4), Lines(200, 200, 3), {{0, 0, 1, 3}}};
  TableSpec upper{Lines(100, 50, 2), Lines(100, 150, 6), {}};
  DrawTable(lower, 3, &page);
  DrawTable(upper, 4, &page);
  PageGeometry g = Analyze(page);
  ASSERT_EQ(2u, g.tables.size());
  ExpectStructure(upper, g.tables[0]);
  ExpectStructure(lower, g.tables[1]);
}

TEST(AnalyzePageTest, InfersOuterEdgesOfBorderlessTable) {
  cv::Mat page = BlankPage(1200, 1000);
  TableSpec spec{Lines(200, 60, 4), Lines(100, 250, 4), {{1, 1, 2, 1}}};
  spec.outer_border = false;
  DrawTable(spec, 5, &page);
  PageGeometry g = Analyze(page);
  ASSERT_EQ(1u, g.tables.size());
  ExpectStructure(spec, g.tables[0]);
  EXPECT_FALSE(g.tables[0].open_top);
  EXPECT_FALSE(g.tables[0].open_bottom);
  // The inferred edges sit where the inner lines end.
  EXPECT_NEAR(100, g.tables[0].col_lines.front(), 3);
  EXPECT_NEAR(1100, g.tables[0].col_lines.back(), 3);
  EXPECT_NEAR(200, g.tables[0].row_lines.front(), 3);
  EXPECT_NEAR(440, g.tables[0].row_lines.back(), 3);
}

TEST(AnalyzePageTest, KeepsRulesBetweenMergedRowsOfBorderlessTable) {
  // Two tall merged full-width rows in a row (together over 40 mm): the
  // rule between them meets no other line, yet it is a row boundary of the
  // table, and it links the parts above and below.
  cv::Mat page = BlankPage(1200, 1000);
  TableSpec spec{{200, 260, 430, 600, 660, 720}, Lines(100, 250, 4),
                 {{1, 0, 1, 4}, {2, 0, 1, 4}}};
  spec.outer_border = false;
  DrawTable(spec, 11, &page);
  PageGeometry g = Analyze(page);
  ASSERT_EQ(1u, g.tables.size());
  ExpectStructure(spec, g.tables[0]);
}

TEST(AnalyzePageTest, MarksTableCutAtThePageTopOpen) {
  cv::Mat page = BlankPage(1200, 1000);
  // Continues from the previous page: the vertical lines start at the page
  // edge, the first horizontal line comes later.
  TableSpec spec{{0, 80, 140, 200, 260}, Lines(100, 250, 4), {{0, 0, 3, 1}}};
  spec.draw_top = false;
  DrawTable(spec, 6, &page);
  PageGeometry g = Analyze(page);
  ASSERT_EQ(1u, g.tables.size());
  ExpectStructure(spec, g.tables[0]);
  EXPECT_TRUE(g.tables[0].open_top);
  EXPECT_FALSE(g.tables[0].open_bottom);
}

TEST(AnalyzePageTest, UnitesColumnLinesOfDifferentRowBands) {
  // Like the declaration form: the header band has 4 columns, the funds band
  // 5, the indicator band 5 at other x; the union gives 8 columns.
  cv::Mat page = BlankPage(1300, 1000);
  cv::Mat& p = page;
  auto h = [&](int y) { cv::line(p, {100, y}, {1200, y}, cv::Scalar(0), 2); };
  auto v = [&](int x, int y0, int y1) { cv::line(p, {x, y0}, {x, y1}, cv::Scalar(0), 2); };
  for (int y : {100, 160, 220, 280, 340, 400, 460}) h(y);
  v(100, 100, 460);
  v(1200, 100, 460);
  for (int x : {350, 650, 900}) v(x, 100, 220);         // header: 4 columns
  for (int x : {200, 500, 800, 1000}) v(x, 220, 340);   // funds: 5 columns
  for (int x : {200, 350, 600, 1050}) v(x, 340, 460);   // indicators: 5
  PageGeometry g = Analyze(page);
  ASSERT_EQ(1u, g.tables.size());
  const Table& t = g.tables[0];
  EXPECT_EQ(6, t.rows);
  // x: 100 200 350 500 600 650 800 900 1000 1050 1200 -> 10 columns.
  EXPECT_EQ(10, t.cols);
  const Cell* header = t.At(0, 0);
  ASSERT_NE(header, nullptr);
  EXPECT_EQ(2, header->colspan);  // 100..350
  const Cell* fund = t.At(2, 1);
  ASSERT_NE(fund, nullptr);
  EXPECT_EQ(1, fund->col);
  EXPECT_EQ(2, fund->colspan);  // 200..500
  EXPECT_EQ(1, fund->rowspan);
  const Cell* indicator = t.At(4, 7);
  ASSERT_NE(indicator, nullptr);
  EXPECT_EQ(4, indicator->col);  // 600..1050
  EXPECT_EQ(5, indicator->colspan);
  EXPECT_EQ(1, indicator->rowspan);
}

TEST(AnalyzePageTest, KeepsLinesBesideNarrowColumnsPackedWithText) {
  // Like the indicator block of the form: a narrow first column, one tall
  // merged cell with a label written two glyphs to a line, and a column
  // just as narrow beside it whose merged cells hold such labels too. The
  // glyph sides run within a stroke of the column lines along a third of
  // their length, and the rows of the cells to the right meet the second
  // line every few millimetres.
  cv::Mat page = BlankPage(1200, 1000);
  TableSpec spec{Lines(100, 50, 16), {100, 180, 260, 400, 800, 1000},
                 {{0, 0, 16, 1}, {0, 1, 8, 1}, {8, 1, 8, 1}}};
  spec.thickness = 4;
  DrawTable(spec, 21, &page);
  for (const SpanSpec& m : spec.merged) {
    cv::Rect cell(spec.col_lines[m.col], spec.row_lines[m.row],
                  spec.col_lines[m.col + 1] - spec.col_lines[m.col],
                  spec.row_lines[m.row + m.rowspan] - spec.row_lines[m.row]);
    // The label replaces the cell's row of text blobs.
    cv::rectangle(page, cell - cv::Size(8, 8) + cv::Point(4, 4), cv::Scalar(255),
                  cv::FILLED);
    testing::DrawStackedLabel(cell, m.col == 0 ? 8 : 4, 2, 30, 12, &page);
  }
  PageGeometry g = Analyze(page);
  ASSERT_EQ(1u, g.tables.size());
  ExpectStructure(spec, g.tables[0]);
}

TEST(AnalyzePageTest, DeskewsRotatedNoisyPage) {
  cv::Mat page = BlankPage(1400, 1600);
  TableSpec spec{Lines(250, 60, 8), Lines(200, 200, 5),
                 {{1, 0, 3, 1}, {0, 1, 1, 2}, {5, 2, 2, 2}}};
  DrawTable(spec, 7, &page);
  testing::DrawTextLine(200, 1100, 150, 22, 8, &page);
  testing::DegradeLikeScan(1.5, 10, 9, &page);
  PageGeometry g = Analyze(page);
  EXPECT_NEAR(1.5, g.skew_degrees, 0.05);
  ASSERT_EQ(1u, g.tables.size());
  ExpectStructure(spec, g.tables[0]);
  ASSERT_EQ(1u, g.text_lines.size());
  EXPECT_NEAR(200, g.text_lines[0].x, 12);
  EXPECT_NEAR(1100, g.text_lines[0].right(), 30);
}

TEST(AnalyzePageTest, KeepsFaintBrokenLines) {
  cv::Mat page = BlankPage(1200, 1000);
  TableSpec spec{Lines(100, 60, 5), Lines(100, 200, 5), {{2, 2, 2, 2}}};
  spec.ink = 150;
  spec.thickness = 1;
  DrawTable(spec, 10, &page);
  // Gaps of 4 px every 70 px along every line.
  for (int i = 0; i < 20; ++i) {
    cv::rectangle(page, cv::Rect(135 + 70 * i, 0, 4, 1000), cv::Scalar(255), cv::FILLED);
    if (i < 14)
      cv::rectangle(page, cv::Rect(0, 120 + 30 * i, 1200, 3), cv::Scalar(255), cv::FILLED);
  }
  PageGeometry g = Analyze(page);
  ASSERT_EQ(1u, g.tables.size());
  ExpectStructure(spec, g.tables[0]);
}

TEST(AnalyzePageTest, FindsAThickColumnLineBrokenIntoShortPieces) {
  // A one-row table (a budget row carried over to a new page) scanned at low
  // resolution: one column line, thicker than the others, left as dashes
  // far shorter than a segment.
  cv::Mat page = BlankPage(1200, 600);
  DrawTable(TableSpec{{200, 290}, {100, 750, 900, 1100}, {}}, 12, &page);
  for (int y = 202; y < 288; y += 24)
    cv::rectangle(page, cv::Rect(598, y, 5, 16), cv::Scalar(0), cv::FILLED);
  PageGeometry g = Analyze(page);
  ASSERT_EQ(1u, g.tables.size());
  ExpectStructure(TableSpec{{200, 290}, {100, 600, 750, 900, 1100}, {}}, g.tables[0]);
}

TEST(AnalyzePageTest, JoinsLinesBrokenNextToTheirCrossings) {
  // A scan lost bits of the second row line next to both side lines: its
  // one segment stops over 40 px (5 mm) short of each, and only pieces
  // shorter than a segment are left in the gaps.
  cv::Mat page = BlankPage(800, 500);
  auto h = [&](int x0, int x1, int y) {
    cv::line(page, {x0, y}, {x1 - 1, y}, cv::Scalar(0), 2);
  };
  for (int y : {100, 220, 280, 340}) h(100, 700, y);
  for (int x : {100, 700}) cv::line(page, {x, 100}, {x, 340}, cv::Scalar(0), 2);
  for (auto [x0, x1] : {std::pair{100, 110}, {122, 132}, {144, 656}, {668, 678},
                        {690, 700}})
    h(x0, x1, 160);
  PageGeometry g = Analyze(page);
  ASSERT_EQ(1u, g.tables.size());
  EXPECT_EQ(4, g.tables[0].rows);
  EXPECT_EQ(1, g.tables[0].cols);
}

TEST(AnalyzePageTest, KeepsCellEdgeWhereTheLineTurnsFaint) {
  // 2x3 grid; the second column line is dark in the top row but, along the
  // bottom row, so faint that it stays paper at the plain threshold.
  cv::Mat page = BlankPage(900, 600);
  TableSpec spec{Lines(100, 120, 2), Lines(100, 200, 3), {}};
  spec.text = false;
  DrawTable(spec, 3, &page);
  cv::rectangle(page, cv::Rect(298, 223, 5, 114), cv::Scalar(255), cv::FILLED);
  cv::line(page, {300, 223}, {300, 337}, cv::Scalar(246), 3);
  PageGeometry g = Analyze(page);
  ASSERT_EQ(1u, g.tables.size());
  ExpectStructure(spec, g.tables[0]);
}

TEST(AnalyzePageTest, IgnoresTextOnlyPage) {
  cv::Mat page = BlankPage(1000, 800);
  for (int i = 0; i < 10; ++i)
    testing::DrawTextLine(80, 900 - 30 * (i % 3), 100 + 60 * i, 26, 20 + i, &page);
  PageGeometry g = Analyze(page);
  EXPECT_TRUE(g.tables.empty());
  ASSERT_EQ(10u, g.text_lines.size());
  for (size_t i = 1; i < g.text_lines.size(); ++i)
    EXPECT_LT(g.text_lines[i - 1].y, g.text_lines[i].y);
}

TEST(AnalyzePageTest, RejectsUnusableImages) {
  PageImage empty;
  empty.dpi = 200;
  EXPECT_EQ(Status::Code::kInvalidInput, AnalyzePage(empty, {}).status().code());
  PageImage short_buffer = ToPage(BlankPage(100, 100), 200);
  short_buffer.pixels.resize(50);
  Result<PageGeometry> r = AnalyzePage(short_buffer, {});
  EXPECT_EQ(Status::Code::kInvalidInput, r.status().code());
  EXPECT_EQ("page 1: pixel buffer holds 50 bytes, not 100x100", r.status().message());
  PageImage no_dpi = ToPage(BlankPage(100, 100), 0);
  EXPECT_EQ("page 1: dpi 0 is not positive",
            AnalyzePage(no_dpi, {}).status().message());
}

}  // namespace
}  // namespace decltab::layout
