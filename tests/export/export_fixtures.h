// Shared pieces of the export tests: a scratch directory and a small,
// fully populated declaration.
#ifndef DECLTAB_TESTS_EXPORT_EXPORT_FIXTURES_H_
#define DECLTAB_TESTS_EXPORT_EXPORT_FIXTURES_H_

#include <stdlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/declaration.h"

namespace decltab::exporter::testing {

// A fresh directory under the system temp folder, removed with its contents.
class ScratchDir {
 public:
  ScratchDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "decltab-export-XXXXXX").string();
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    path_ = ::mkdtemp(buf.data());
  }
  ~ScratchDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::string& path() const { return path_; }
  std::string operator/(const std::string& name) const { return path_ + "/" + name; }

  // Names in the directory, sorted.
  std::vector<std::string> List() const {
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(path_))
      names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
  }

 private:
  std::string path_;
};

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline StatedAmount Amount(int64_t fen, int page, const std::string& where,
                           const std::string& raw, float confidence = 0.97f) {
  StatedAmount a;
  a.value = Fen(fen);
  a.source = Source{page, where, raw, confidence};
  return a;
}

// Two projects: the first consistent with two budget lines (one priced),
// two indicators and three checks; the second with lines that do not add
// up to its total. One document check.
inline Declaration SmallDeclaration(const std::string& sha256 = "abc123") {
  Declaration d;
  d.file = "in/sample.pdf";
  d.sha256 = sha256;
  d.page_count = 6;
  d.kind = SourceKind::kScanned;
  d.title = "某区 2023 年 财政支出项目绩效目标申报表";
  d.stated_project_count = 2;
  d.stated_total = Amount(4500000'00, 1, "text", "450万元");
  d.warnings = {"page 5: footer skipped"};

  Project a;
  a.name = "甲项目";
  a.heading_name = "甲项目";
  a.pages = {1, 2, 3};
  a.category = "经常性项目";
  a.department = "区政府办公室";
  a.implementer = "区政府办公室";
  a.start_date = "2023-01-01";
  a.end_date = "2023-12-31";
  a.funds.total = Amount(3780000'00, 3, "table 1 r4c3", "3780000.00");
  a.funds.annual_request = Amount(3780000'00, 3, "table 1 r4c5", "3780000");
  a.funds.fiscal = Amount(3780000'00, 3, "table 1 r5c3", "3780000");
  a.funds.appropriation = Amount(3780000'00, 3, "table 1 r5c5", "3780000");
  a.funds.carryover = Amount(0, 3, "table 1 r6c5", "0");
  a.funds.other = Amount(0, 3, "table 1 r7c3", "0");
  a.overall_goal = "完成年度任务";
  a.annual_goal = "完成, \"全部\" 任务";
  BudgetLine l1;
  l1.group = "工作组成";
  l1.item = "干部工作经费";
  l1.quantity = Decimal::Parse("11");
  l1.unit = "人";
  l1.unit_price = Fen(250000'00);
  l1.raw = "干部工作经费 11 25万元 275万元";
  l1.amount = Amount(2750000'00, 2, "table 1 r3c4", "275万元", 0.95f);
  l1.confidence = 0.95f;  // its lowest cell
  BudgetLine l2;
  l2.item = "培训费";
  l2.raw = "培训费103万元";
  l2.amount = Amount(1030000'00, 2, "text", "103万元", 1.0f);
  a.budget_lines = {l1, l2};
  Indicator i1;
  i1.level1 = "产出指标";
  i1.level2 = "数量指标";
  i1.level3 = "结对单位数";
  i1.target = ">=2家";
  i1.target_parsed = TargetParsed{">=", *Decimal::Parse("2"), "家"};
  i1.source = Source{3, "table 1 r12c4", ">=2 家", 0.93f};
  Indicator i2;
  i2.level1 = "效益指标";
  i2.level2 = "社会效益指标";
  i2.level3 = "工作开展";
  i2.target = "及时";
  i2.source = Source{3, "table 1 r13c4", "及时", 0.9f};
  a.indicators = {i1, i2};
  a.checks = {
      Check{"line_quantity_times_price", CheckStatus::kOk, Fen(2750000'00),
            Fen(2750000'00), Fen(0), false, "line 1 ok"},
      Check{"budget_lines_sum_equals_total", CheckStatus::kOk, Fen(3780000'00),
            Fen(3780000'00), Fen(0), false, "sum ok"},
      Check{"funds_sources_sum", CheckStatus::kUnverifiable, {}, {}, {}, false,
            "funds.other not read"},
  };

  Project b;
  b.name = "乙项目";
  b.pages = {4, 5, 6};
  b.funds.total = Amount(720000'50, 4, "table 1 r4c3", "720000.50");
  BudgetLine l3;
  l3.item = "印刷费";
  l3.raw = "印刷费 70万元";
  l3.amount = Amount(700000'00, 4, "table 2 r2c2", "70万元");
  l3.confidence = 0.97f;
  b.budget_lines = {l3};
  b.checks = {Check{"budget_lines_sum_equals_total", CheckStatus::kMismatch,
                    Fen(720000'50), Fen(700000'00), Fen(-20000'50), false, "sum off"}};

  d.projects = {a, b};
  d.checks = {Check{"project_count_equals_stated", CheckStatus::kOk, Fen(2), Fen(2),
                    Fen(0), true, "2 projects read vs 2 stated"}};
  return d;
}

}  // namespace decltab::exporter::testing

#endif  // DECLTAB_TESTS_EXPORT_EXPORT_FIXTURES_H_
