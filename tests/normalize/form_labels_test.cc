#include "normalize/form_labels.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <string>

#include "tests/eval/cell_score.h"

namespace decltab::normalize {
namespace {

TEST(RestoreFixedLabelTest, RestoresALabelMisreadByACharacterOrTwo) {
  const struct {
    const char* read;
    const char* restored;
  } kCases[] = {
      {"数最指标", "数量指标"},
      {"质最指标", "质量指标"},
      {"计划完成日其", "计划完成日期"},
      {"年度总日标", "年度总目标"},
      {"经常性项日", "经常性项目"},
      {"资金作求", "资金需求"},
      // A mark read next to the label.
      {"产出指“标", "产出指标"},
      {"一级指标:", "一级指标"},
      // Seven characters and more: two may be misread.
      {"可持续影山指慰", "可持续影响指标"},
      // 其中: and a bracketed tail are kept as read.
      {"其中:当年财政投效", "其中:当年财政拨款"},
      {"项日总目标(2023年-2023年)", "项目总目标(2023年-2023年)"},
      // A unit's ")" lost at the end of a label is put back.
      {"项目资金(元", "项目资金(元)"},
      {"项日资金(万元", "项目资金(万元)"},
      // Specks after the label read as an ellipsis.
      {"年度指标值…", "年度指标值"},
      {"三级指标..", "三级指标"},
  };
  for (const auto& c : kCases)
    EXPECT_EQ(RestoreFixedLabel(c.read), c.restored) << c.read;
}

TEST(RestoreFixedLabelTest, KeepsWhatIsNoNearMissOfExactlyOneLabel) {
  for (const char* text : {
           // Labels as printed, in any template's wording.
           "数量指标", "其中:财政资金", "其中:财政拨款", "绩效目标",
           "总体目标(2024年-2024年)", "服务对象满意度", "满意度",
           // As near 数量指标 as 质量指标.
           "X量指标",
           // Too short to tell from a word: 数量 misread.
           "数嫩",
           // Content that reads like a label: 三级指标 and values.
           "服务对象满意率", "受众对象满意度", "测评对象满意度", "项目完成率",
           "项目成本的合规性", "上海市某区人民政府办公室",
           // Two edits in a six-character text, or a label two longer.
           "计则完成日其", "服务对象满意度指标标标",
           // A bracket left open after no label, or before a long tail.
           "上海市某区(元", "项目资金(2023年-2023",
           // Content cut short with an ellipsis.
           "严格按规定完成全年…", "项目完成率…",
       })
    EXPECT_EQ(RestoreFixedLabel(text), text) << text;
}

TEST(RestoreShortHeadersTest, RestoresInABudgetHeaderRowOnly) {
  std::vector<std::string> row = {"交流活动项目组成", "数灵", "音价", "资金需求"};
  RestoreShortHeaders(&row);
  EXPECT_EQ(row, (std::vector<std::string>{"交流活动项目组成", "数量", "单价", "资金需求"}));

  // Outside such a row, and where a text is no near miss, nothing changes.
  std::vector<std::string> other = {"数灵", "音价", "1200"};
  RestoreShortHeaders(&other);
  EXPECT_EQ(other, (std::vector<std::string>{"数灵", "音价", "1200"}));
  std::vector<std::string> kept = {"资金需求", "数量", "单价", "合计", "价格", "数", "数量级"};
  const std::vector<std::string> before = kept;
  RestoreShortHeaders(&kept);
  EXPECT_EQ(kept, before);
}

// No cell of the ground-truth corpus (three documents, two templates) is
// changed: what is printed right stays right.
TEST(RestoreFixedLabelTest, LeavesEveryTruthCellAsPrinted) {
  int cells = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator("testdata/truth/cells")) {
    if (entry.path().extension() != ".json") continue;
    Result<std::vector<eval::PageCell>> truth =
        eval::ReadTruthCells(entry.path().string());
    ASSERT_TRUE(truth.ok()) << truth.status().message();
    for (const eval::PageCell& cell : *truth) {
      ++cells;
      EXPECT_EQ(RestoreFixedLabel(cell.text), cell.text)
          << entry.path() << " page " << cell.page;
    }
  }
  EXPECT_GT(cells, 1500);  // all three truth files were read
}

// Nor by the short headers, even taking a whole page as one row.
TEST(RestoreShortHeadersTest, LeavesEveryTruthCellAsPrinted) {
  for (const auto& entry :
       std::filesystem::directory_iterator("testdata/truth/cells")) {
    Result<std::vector<eval::PageCell>> truth =
        eval::ReadTruthCells(entry.path().string());
    ASSERT_TRUE(truth.ok()) << truth.status().message();
    std::map<int, std::vector<std::string>> pages;
    for (const eval::PageCell& cell : *truth) pages[cell.page].push_back(cell.text);
    for (auto& [page, texts] : pages) {
      const std::vector<std::string> printed = texts;
      RestoreShortHeaders(&texts);
      EXPECT_EQ(texts, printed) << entry.path() << " page " << page;
    }
  }
}

}  // namespace
}  // namespace decltab::normalize
