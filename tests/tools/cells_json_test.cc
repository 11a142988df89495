#include "tools/render/cells_json.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>

#include "tools/render/declaration_renderer.h"
#include "tools/render/declaration_spec.h"
#include "tools/render/truth_io.h"

namespace decltab::render {
namespace {

std::string MiniTruthPath() {
  std::string here = __FILE__;
  return here.substr(0, here.find_last_of('/') + 1) +
         "testdata/mini-declaration.json";
}

RenderReport RenderMini() {
  Result<nlohmann::ordered_json> truth = ReadTruthFile(MiniTruthPath());
  EXPECT_TRUE(truth.ok());
  Result<DeclarationSpec> spec = ParseDeclarationSpec(*truth);
  EXPECT_TRUE(spec.ok());
  // One file per test: ctest runs the tests of this binary in parallel.
  const std::string pdf = ::testing::TempDir() + "decltab_cells_" +
                          ::testing::UnitTest::GetInstance()->current_test_info()->name() +
                          ".pdf";
  Result<RenderReport> report = RenderDeclarationPdf(*spec, RenderOptions{1}, pdf);
  EXPECT_TRUE(report.ok()) << report.status().message();
  return report.ok() ? *report : RenderReport{};
}

bool HasCell(const RenderReport& report, const std::string& text) {
  return std::any_of(report.cells.begin(), report.cells.end(),
                     [&](const DrawnCell& c) { return c.text == text; });
}

TEST(DrawnCellsTest, EveryCellLiesOnItsPageAndHoldsThePrintedText) {
  const RenderReport report = RenderMini();
  ASSERT_FALSE(report.cells.empty());
  for (const DrawnCell& c : report.cells) {
    EXPECT_GE(c.page, 1);
    EXPECT_LE(c.page, report.page_count);
    EXPECT_GT(c.width, 0);
    EXPECT_GT(c.height, 0);
    EXPECT_GE(c.x, 0);
    EXPECT_GE(c.y, 0);
    EXPECT_LE(c.x + c.width, report.page_width + 1e-6);
    EXPECT_LE(c.y + c.height, report.page_height + 1e-6);
    if (c.continued) {
      EXPECT_EQ("", c.text);
    }
  }
  EXPECT_TRUE(HasCell(report, "社区文化活动场次"));
  EXPECT_TRUE(HasCell(report, ">=120场"));
  // A forced line break inside a cell joins without a space.
  EXPECT_TRUE(HasCell(report, "项目总目标(2024年-2024年)"));
}

TEST(CellsJsonTest, OneCellPerLineWithPageSizeAndBoxes) {
  const RenderReport report = RenderMini();
  const std::string text = CellsJson(report);
  nlohmann::json j = nlohmann::json::parse(text);
  EXPECT_EQ("decltab-cells/1", j["schema"]);
  EXPECT_DOUBLE_EQ(report.page_width, j["page_width"].get<double>());
  EXPECT_EQ(report.page_count, j["pages"]);
  ASSERT_EQ(report.cells.size(), j["cells"].size());
  EXPECT_EQ(report.cells.size() + 2,
            static_cast<size_t>(std::count(text.begin(), text.end(), '\n')));
  const nlohmann::json& first = j["cells"][0];
  EXPECT_EQ(report.cells[0].page, first["page"]);
  EXPECT_EQ(report.cells[0].text, first["text"]);
  EXPECT_NEAR(report.cells[0].x, first["box"][0].get<double>(), 0.005);
  EXPECT_NEAR(report.cells[0].height, first["box"][3].get<double>(), 0.005);
}

}  // namespace
}  // namespace decltab::render
