#include <gtest/gtest.h>

#include <cstdio>
#include <string>

#include <opencv2/imgcodecs.hpp>

#include "layout/page_analyzer.h"
#include "tests/layout/synthetic_page.h"

namespace decltab::layout {
namespace {

TEST(WriteOverlayTest, WritesAColourPngOfThePage) {
  cv::Mat page = testing::BlankPage(600, 400);
  testing::TableSpec spec{testing::Lines(50, 50, 3), testing::Lines(50, 120, 4),
                          {{1, 1, 2, 1}}};
  testing::DrawTable(spec, 1, &page);
  Result<PageGeometry> g = AnalyzePage(testing::ToPage(page, 150), {});
  ASSERT_TRUE(g.ok());
  PageLayout layout;
  layout.tables = g->tables;
  ASSERT_FALSE(layout.tables.empty());
  layout.tables[0].cells[0].text = "x";
  layout.tables[0].cells[0].confidence = 0.5f;
  std::string path = ::testing::TempDir() + "/decltab_overlay_test.png";
  ASSERT_TRUE(WriteOverlay(*g, layout, path).ok());
  cv::Mat png = cv::imread(path, cv::IMREAD_UNCHANGED);
  std::remove(path.c_str());
  ASSERT_FALSE(png.empty());
  EXPECT_EQ(600, png.cols);
  EXPECT_EQ(400, png.rows);
  EXPECT_EQ(3, png.channels());
  // The low-confidence cell's box is drawn in red (BGR).
  const Rect& box = layout.tables[0].cells[0].box;
  cv::Vec3b edge = png.at<cv::Vec3b>(box.y + box.height / 2, box.x);
  EXPECT_GT(edge[2], 180);
  EXPECT_LT(edge[1], 80);
}

TEST(WriteOverlayTest, ReportsUnwritablePathAndEmptyPage) {
  PageGeometry empty;
  EXPECT_EQ(Status::Code::kInvalidInput,
            WriteOverlay(empty, PageLayout(), "/tmp/x.png").code());
  Result<PageGeometry> g = AnalyzePage(testing::ToPage(testing::BlankPage(50, 50), 150), {});
  ASSERT_TRUE(g.ok());
  Status s = WriteOverlay(*g, PageLayout(), "/nonexistent-dir/o.png");
  EXPECT_EQ(Status::Code::kInternal, s.code());
  EXPECT_EQ("/nonexistent-dir/o.png: cannot write PNG", s.message());
}

}  // namespace
}  // namespace decltab::layout
