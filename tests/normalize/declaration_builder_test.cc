// Builds whole declarations from hand-made layouts shaped like OCR output:
// a preamble, projects with table and prose budgets, forms whose indicator
// table runs onto the next page, and OCR noise in cells.
#include "normalize/declaration_builder.h"

#include <gtest/gtest.h>

#include "layout_builder.h"
#include "normalize/money_units.h"

namespace decltab::normalize {
namespace {

using testing::MakeBlock;
using testing::MakePage;
using testing::MakeTable;
using testing::Merge;
using testing::SetConfidence;

// The 6-column form grid: label column, labels, values (see form-layout.md).
const std::vector<int> kFormCols = {150, 350, 350, 450, 450, 400};

struct FormSpec {
  std::string name = "乡村道路养 护";
  std::string total = "1022000.00";
  std::string other_left = "0";
  std::string other_right = "7";
  std::string end_date = "2024-12-3 1";
  std::string money_label = "项目\n资金\n(元)";
};

// Header grid rows 0-8 and the indicator header (row 9); `indicators` are
// appended with their merges (rows relative to row 10).
Table MakeForm(const FormSpec& f,
               const std::vector<std::vector<std::string>>& indicators,
               std::vector<Merge> indicator_merges, int y = 300) {
  std::vector<std::vector<std::string>> rows = {
      {"项目名称", "", f.name, "", "项目类别", "经常性项目"},
      {"主管部门", "", "某区农业农 村委员会", "", "实施单位", "某区公路养护所"},
      {"计划开始日期", "", "2024-01-01", "", "计划完成日期", f.end_date},
      {f.money_label, "项目资金总额", f.total, "年度资金申请总额", "",
       "1022000"},
      {"", "其中：财政资金", "1022000", "其中: 当年财政拨款", "", "1022000"},
      {"", "", "", "上年结转资金", "", "0"},
      {"", "其他资金", f.other_left, "其他资金", "", f.other_right},
      {"项目\n绩效\n目标", "项目总目标\n(2024年-2024年)", "", "年度总目标", "",
       ""},
      {"", "完成辖区 村道养护, 保障 通行。", "", "全年养护村道120公里。", "",
       ""},
      {"绩效\n指标", "一级指标", "二级指标", "三级指标", "", "年度指标值"},
  };
  std::vector<Merge> merges = {
      {0, 0, 1, 2}, {0, 2, 1, 2},
      {1, 0, 1, 2}, {1, 2, 1, 2},
      {2, 0, 1, 2}, {2, 2, 1, 2},
      {3, 0, 4, 1}, {3, 3, 1, 2},
      {4, 1, 2, 1}, {4, 2, 2, 1},
      {4, 3, 1, 2}, {5, 3, 1, 2},
      {6, 3, 1, 2}, {7, 0, 2, 1},
      {7, 1, 1, 2}, {7, 3, 1, 3},
      {8, 1, 1, 2}, {8, 3, 1, 3},
      {9, 3, 1, 2}, {9, 0, 1 + static_cast<int>(indicators.size()), 1},
  };
  for (const auto& r : indicators) rows.push_back(r);
  for (Merge m : indicator_merges) {
    m.row += 10;
    merges.push_back(m);
  }
  return MakeTable(160, y, kFormCols, rows, merges);
}

// Indicator rows below the header: col 1 一级, col 2 二级, cols 3-4 三级
// (merged), col 5 target.
std::vector<Merge> Level3Merges(int rows) {
  std::vector<Merge> m;
  for (int r = 0; r < rows; ++r) m.push_back({r, 3, 1, 2});
  return m;
}

DocumentLayout MakeDocument() {
  DocumentLayout doc;
  doc.file = "sample.pdf";
  doc.sha256 = "ab12";
  doc.page_count = 7;

  // Page 1: title, preamble, project A's budget table.
  Table budget_a =
      MakeTable(160, 1500, {900, 350, 400, 400},
                {{"道路养护项目组成", "数量", "单价", "资金需求"},
                 {"村道日常养护", "120 公里", "0.5万元/公里", "60 万元"},
                 {"桥涵维修", "由镇政府年底 统筹上报", "", "30万元"},
                 {"设施管护项目组成", "数量", "单价", "资金需求"},
                 {"护栏更换", "200 米", "150 元/米", "3 万元"},
                 {"标志标牌", "46", "0.2万元", "9. 2万元"},
                 {"合计", "", "", "102.2万元"}},
                {{2, 1, 1, 2}});
  SetConfidence(&budget_a, 1, 3, 0.81f);
  doc.pages.push_back(MakePage(
      1,
      {MakeBlock(100, "某市某区农业农村委员会 2024 年"),
       MakeBlock(170, "财政支出项目绩效目标申报表"),
       MakeBlock(300, "绩效目标设置情况"),
       MakeBlock(380,
                 "按照预算绩效管理工作要求，本部门编报绩效目标的项目共5个，"
                 "涉及项目预算资金 1234.50 万元。",
                 0.95f),
       MakeBlock(600, "项目经费情况说明-- 乡村道路养护"),
       MakeBlock(700, "一、项目概述"),
       MakeBlock(760,
                 "主要实施内容为村道日常养护、桥涵维修。年度预算执行良好。"),
       MakeBlock(1300, "六、年度预算安排"), MakeBlock(2100, "七、绩效目标")},
      {budget_a}));

  // Page 2: the form; its indicator table breaks after four rows.
  Table form_a = MakeForm(
      FormSpec{},
      {{"", "产出指\n标", "数量指标", "养护道路里程", "", "＞＝ 120 公里"},
       {"", "", "", "养护作业覆盖村数", "", ">=15 个"},
       {"", "", "质量指标", "路面完好率", "", "≥ 90%"},
       {"", "", "时效指标", "养护完成 及时性", "", "及时"}},
      [] {
        std::vector<Merge> m = Level3Merges(4);
        m.push_back({0, 1, 4, 1});
        m.push_back({0, 2, 2, 1});
        return m;
      }());
  SetConfidence(&form_a, 12, 5, 0.7f);
  doc.pages.push_back(
      MakePage(2,
               {MakeBlock(100, "财政项目支出绩效目标填报表"),
                MakeBlock(170, "(2024 年度)"), MakeBlock(3400, "2/7")},
               {form_a}));

  // Page 3: the continuation, no header, same column lines.
  Table cont = MakeTable(
      160, 150, kFormCols,
      {{"", "", "成本指标", "养护成本控制", "", "控制于预算 内"},
       {"", "效益指 标", "经济效益指 标", "带动就业人数", "", ">=30 人"},
       {"", "", "社会效益指标", "群众出行便利度", "", "提升"},
       {"", "", "生态效益指标", "", "", ""},
       {"", "满意度\n指标", "服务对象满 意度指标", "沿线村民满意度", "",
        ">=90%"}},
      [] {
        std::vector<Merge> m = Level3Merges(5);
        m.push_back({0, 0, 5, 1});
        m.push_back({1, 1, 3, 1});
        return m;
      }());
  doc.pages.push_back(MakePage(3, {MakeBlock(60, "3/7")}, {cont}));

  // Page 4: project B, prose budget, a form in 万元 with another template.
  Table form_b =
      MakeTable(160, 900, {400, 500, 400, 400, 300, 300},
                {{"项目名称", "农技培训", "项目类别", "一次性项目", "", ""},
                 {"项目资金(万元)", "资金总额", "5", "财政资金", "5", ""},
                 {"一级指标", "二级指标", "指标内容", "指标值", "分值", "备注"},
                 {"产出指标", "数量指标", "培训人次", ">=200人次", "10", ""},
                 {"", "时效指标", "培训完成时间", "当年内", "10", ""}},
                {{0, 3, 1, 3}, {1, 5, 1, 1}, {3, 0, 2, 1}});
  doc.pages.push_back(MakePage(
      4,
      {MakeBlock(100, "项目经费情况说--农技培训"),
       MakeBlock(200, "2024 年 1 月 1 日—2024 年 12 月 31 日 六、年度预算安排"),
       MakeBlock(300,
                 "专家讲课费为3万元，教材印制费 1.5 万元、场地租赁费为0.5万元。"
                 "该项目已于2023年完成招标，中标金额为12万元。",
                 0.88f),
       MakeBlock(500, "七、绩效目标")},
      {form_b}, PageSource::kTextLayer));

  // Page 5: project C, three budget tables with captions and formulas.
  Table c1 = MakeTable(
      160, 400, {800, 400, 400, 500},
      {{"项目", "单次印制费用(元)", "印制数量(册)", "总计印制费用(元)"},
       {"宣传册 A 版", "12", "500", "12×500=6000"},
       {"宣传折页", "2", "1500", "2x1500=3000"}});
  Table c2 = MakeTable(
      160, 800, {500, 500, 500, 600},
      {{"制作费用(元)/份", "数量(份)/期", "每期印刷费(元)", "总计印刷费(元)"},
       {"2. 5", "800", "2.5×800=2000", "2000×6=12000"}});
  Table c3 = MakeTable(160, 1200, {900, 400},
                       {{"宣传活动项目", "金额(元)"},
                        {"1、场地布置", "8000"},
                        {"2、物料制作", "13000"},
                        {"合计", "21000"}});
  doc.pages.push_back(MakePage(
      5,
      {MakeBlock(100, "项目经费情况说明——政策宣传"),
       MakeBlock(200, "六、年度预算安排"),
       MakeBlock(300, "宣传册编印资金测算方式"),
       MakeBlock(700, "政策简报项目资金的测算方式"),
       MakeBlock(1000, "预计包括设计费、排版费等费用共计2.1万元。"),
       MakeBlock(1600, "七、绩效目标")},
      {c3, c1, c2}));  // out of order on purpose: reading order is by y

  // Page 6: project D, prose total + table with a merged 合计 column; the
  // form names the project differently.
  Table d1 = MakeTable(160, 400, {900, 400, 400},
                       {{"内容", "讲课费(元)", "合计"},
                        {"政策解读", "15000", "40000"},
                        {"业务实务", "25000", ""}},
                       {{1, 2, 2, 1}});
  FormSpec spec_d;
  spec_d.name = "基层干部轮训";
  spec_d.total = "40000";
  Table form_d =
      MakeForm(spec_d, {{"", "产出指标", "数量指标", "培训班次", "", ">=2 期"}},
               Level3Merges(1), 900);
  doc.pages.push_back(MakePage(6,
                               {MakeBlock(100, "项目经费情况说明--干部培训"),
                                MakeBlock(200, "六、年度预算安排"),
                                MakeBlock(300, "干部培训项目的预算为4万元。"),
                                MakeBlock(800, "七、绩效目标")},
                               {d1, form_d}));
  return doc;
}

class BuildDeclarationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    layout_ = MakeDocument();
    Result<Declaration> d = BuildDeclaration(layout_, BuildOptions{});
    ASSERT_TRUE(d.ok()) << d.status().message();
    decl_ = std::move(d).value();
    ASSERT_EQ(4u, decl_.projects.size());
  }
  DocumentLayout layout_;
  Declaration decl_;
};

TEST_F(BuildDeclarationTest, DocumentFields) {
  EXPECT_EQ("sample.pdf", decl_.file);
  EXPECT_EQ("ab12", decl_.sha256);
  EXPECT_EQ(7, decl_.page_count);
  EXPECT_EQ(SourceKind::kMixed, decl_.kind);
  EXPECT_EQ("某市某区农业农村委员会2024年财政支出项目绩效目标申报表",
            decl_.title.value_or("none"));
  EXPECT_EQ(5, decl_.stated_project_count.value_or(-1));
  ASSERT_TRUE(decl_.stated_total.has_value());
  EXPECT_EQ(1'234'500'000, decl_.stated_total->value.count());
  EXPECT_EQ(10'000, decl_.stated_total->precision.count());
  EXPECT_EQ(1, decl_.stated_total->source.page);
  EXPECT_FLOAT_EQ(0.95f, decl_.stated_total->source.confidence);
}

TEST_F(BuildDeclarationTest, FormHeaderReadByLabels) {
  const Project& a = decl_.projects[0];
  EXPECT_EQ("乡村道路养护", a.name);
  EXPECT_EQ("乡村道路养护", a.heading_name);
  EXPECT_TRUE(a.warnings.empty()) << a.warnings[0];
  EXPECT_EQ((std::vector<int>{1, 2, 3}), a.pages);
  EXPECT_EQ("经常性项目", a.category.value_or(""));
  EXPECT_EQ("某区农业农村委员会", a.department.value_or(""));
  EXPECT_EQ("某区公路养护所", a.implementer.value_or(""));
  EXPECT_EQ("2024-01-01", a.start_date.value_or(""));
  EXPECT_EQ("2024-12-31", a.end_date.value_or(""));
  ASSERT_TRUE(a.funds.total && a.funds.annual_request &&
              a.funds.appropriation && a.funds.fiscal && a.funds.carryover &&
              a.funds.other);
  EXPECT_EQ(102'200'000, a.funds.total->value.count());
  EXPECT_EQ(1, a.funds.total->precision.count());
  EXPECT_EQ(2, a.funds.total->source.page);
  EXPECT_EQ("table 1 r4c3", a.funds.total->source.where);
  EXPECT_EQ("1022000.00", a.funds.total->source.raw);
  EXPECT_EQ(102'200'000, a.funds.annual_request->value.count());
  EXPECT_EQ(102'200'000, a.funds.appropriation->value.count());
  EXPECT_EQ(102'200'000, a.funds.fiscal->value.count());
  EXPECT_EQ(0, a.funds.carryover->value.count());
  // The left 其他资金 (0), not the annual side's (7).
  EXPECT_EQ(0, a.funds.other->value.count());
  EXPECT_EQ("table 1 r7c3", a.funds.other->source.where);
  EXPECT_EQ("完成辖区村道养护,保障通行。", a.overall_goal.value_or(""));
  EXPECT_EQ("全年养护村道120公里。", a.annual_goal.value_or(""));
}

TEST_F(BuildDeclarationTest, IndicatorsFilledDownAcrossThePageBreak) {
  const Project& a = decl_.projects[0];
  const struct {
    const char *l1, *l2, *l3, *target;
    const char* op;  // nullptr: qualitative
    const char *value, *unit;
    int page;
  } kWant[] = {
      {"产出指标", "数量指标", "养护道路里程", ">=120公里", ">=", "120", "公里",
       2},
      {"产出指标", "数量指标", "养护作业覆盖村数", ">=15个", ">=", "15", "个",
       2},
      {"产出指标", "质量指标", "路面完好率", ">=90%", ">=", "90", "%", 2},
      {"产出指标", "时效指标", "养护完成及时性", "及时", nullptr, "", "", 2},
      {"产出指标", "成本指标", "养护成本控制", "控制于预算内", nullptr, "", "",
       3},
      {"效益指标", "经济效益指标", "带动就业人数", ">=30人", ">=", "30", "人",
       3},
      {"效益指标", "社会效益指标", "群众出行便利度", "提升", nullptr, "", "",
       3},
      {"满意度指标", "服务对象满意度指标", "沿线村民满意度", ">=90%",
       ">=", "90", "%", 3},
  };
  ASSERT_EQ(std::size(kWant), a.indicators.size());
  for (size_t i = 0; i < std::size(kWant); ++i) {
    const Indicator& ind = a.indicators[i];
    SCOPED_TRACE(kWant[i].l3);
    EXPECT_EQ(kWant[i].l1, ind.level1);
    EXPECT_EQ(kWant[i].l2, ind.level2);
    EXPECT_EQ(kWant[i].l3, ind.level3);
    EXPECT_EQ(kWant[i].target, ind.target);
    EXPECT_EQ(kWant[i].page, ind.source.page);
    if (kWant[i].op == nullptr) {
      EXPECT_FALSE(ind.target_parsed.has_value());
    } else {
      ASSERT_TRUE(ind.target_parsed.has_value());
      EXPECT_EQ(kWant[i].op, ind.target_parsed->op);
      EXPECT_EQ(kWant[i].value, ind.target_parsed->value.ToString());
      EXPECT_EQ(kWant[i].unit, ind.target_parsed->unit);
    }
  }
  EXPECT_FLOAT_EQ(0.7f, a.indicators[2].source.confidence);
  EXPECT_EQ("table 1 r13", a.indicators[2].source.where);
}

TEST_F(BuildDeclarationTest, BudgetTableWithGroupsAndTotalRow) {
  const Project& a = decl_.projects[0];
  const struct {
    const char *group, *item;
    const char* qty;  // nullptr: none
    const char* unit;
    int64_t price, amount;  // fen; price -1: none
  } kWant[] = {
      {"道路养护项目组成", "村道日常养护", "120", "公里", 500'000, 60'000'000},
      {"道路养护项目组成", "桥涵维修", nullptr, nullptr, -1, 30'000'000},
      {"设施管护项目组成", "护栏更换", "200", "米", 15'000, 3'000'000},
      {"设施管护项目组成", "标志标牌", "46", nullptr, 200'000, 9'200'000},
  };
  ASSERT_EQ(std::size(kWant), a.budget_lines.size());
  for (size_t i = 0; i < std::size(kWant); ++i) {
    const BudgetLine& l = a.budget_lines[i];
    SCOPED_TRACE(kWant[i].item);
    EXPECT_EQ(kWant[i].group, l.group.value_or(""));
    EXPECT_EQ(kWant[i].item, l.item);
    EXPECT_EQ(kWant[i].qty != nullptr, l.quantity.has_value());
    if (kWant[i].qty) {
      EXPECT_EQ(kWant[i].qty, l.quantity->ToString());
    }
    EXPECT_EQ(kWant[i].unit != nullptr, l.unit.has_value());
    if (kWant[i].unit) {
      EXPECT_EQ(kWant[i].unit, *l.unit);
    }
    EXPECT_EQ(kWant[i].price, l.unit_price ? l.unit_price->count() : -1);
    EXPECT_EQ(kWant[i].amount, l.amount.value.count());
    EXPECT_FALSE(l.amount_from_formula);
    EXPECT_EQ(1, l.amount.source.page);
  }
  EXPECT_EQ("村道日常养护 120公里 0.5万元/公里 60万元", a.budget_lines[0].raw);
  EXPECT_EQ("60万元", a.budget_lines[0].amount.source.raw);  // the amount's cell
  EXPECT_FLOAT_EQ(0.81f, a.budget_lines[0].amount.source.confidence);
  EXPECT_EQ("table 1 r2c4", a.budget_lines[0].amount.source.where);
  ASSERT_EQ(1u, a.stated_budget_totals.size());
  EXPECT_EQ(102'200'000, a.stated_budget_totals[0].value.count());
}

TEST_F(BuildDeclarationTest, ProseBudgetAndWanYuanForm) {
  const Project& b = decl_.projects[1];
  EXPECT_EQ("农技培训", b.name);
  EXPECT_EQ((std::vector<int>{4}), b.pages);
  EXPECT_EQ("一次性项目", b.category.value_or(""));
  ASSERT_TRUE(b.funds.total && b.funds.fiscal);
  EXPECT_EQ(5'000'000, b.funds.total->value.count());
  EXPECT_EQ(100, b.funds.total->precision.count());  // whole: exact to the 元
  EXPECT_EQ(5'000'000, b.funds.fiscal->value.count());
  EXPECT_FALSE(b.funds.other.has_value());
  const struct {
    const char* item;
    int64_t fen;
  } kWant[] = {{"专家讲课费", 3'000'000},
               {"教材印制费", 1'500'000},
               {"场地租赁费", 500'000}};
  ASSERT_EQ(std::size(kWant), b.budget_lines.size());
  for (size_t i = 0; i < std::size(kWant); ++i) {
    EXPECT_EQ(kWant[i].item, b.budget_lines[i].item);
    EXPECT_EQ(kWant[i].fen, b.budget_lines[i].amount.value.count());
    EXPECT_FALSE(b.budget_lines[i].group.has_value());
    EXPECT_FLOAT_EQ(0.88f, b.budget_lines[i].amount.source.confidence);
  }
  ASSERT_EQ(2u, b.indicators.size());
  EXPECT_EQ("产出指标", b.indicators[1].level1);
  EXPECT_EQ("时效指标", b.indicators[1].level2);
  EXPECT_EQ("培训完成时间", b.indicators[1].level3);
  EXPECT_EQ("当年内", b.indicators[1].target);
  EXPECT_EQ(">=200人次", b.indicators[0].target);
}

TEST_F(BuildDeclarationTest, FormulaTablesCaptionsAndProseTotal) {
  const Project& c = decl_.projects[2];
  EXPECT_EQ("政策宣传", c.name);
  const struct {
    const char *group, *item, *qty, *unit;
    int64_t price, amount;
    bool formula;
  } kWant[] = {
      {"宣传册编印资金测算方式", "宣传册A版", "500", "册", 1'200, 600'000,
       true},
      {"宣传册编印资金测算方式", "宣传折页", "1500", "册", 200, 300'000, true},
      {"政策简报项目资金的测算方式", "政策简报", "6", "期", 200'000, 1'200'000,
       true},
      {"宣传活动项目", "1、场地布置", "", "", -1, 800'000, false},
      {"宣传活动项目", "2、物料制作", "", "", -1, 1'300'000, false},
  };
  ASSERT_EQ(std::size(kWant), c.budget_lines.size());
  for (size_t i = 0; i < std::size(kWant); ++i) {
    const BudgetLine& l = c.budget_lines[i];
    SCOPED_TRACE(kWant[i].item);
    EXPECT_EQ(kWant[i].group, l.group.value_or(""));
    EXPECT_EQ(kWant[i].item, l.item);
    EXPECT_EQ(kWant[i].qty, l.quantity ? l.quantity->ToString() : "");
    EXPECT_EQ(kWant[i].unit, l.unit.value_or(""));
    EXPECT_EQ(kWant[i].price, l.unit_price ? l.unit_price->count() : -1);
    EXPECT_EQ(kWant[i].amount, l.amount.value.count());
    EXPECT_EQ(kWant[i].formula, l.amount_from_formula);
  }
  EXPECT_EQ("2.5 800 2.5×800=2000 2000×6=12000", c.budget_lines[2].raw);
  EXPECT_EQ("2000×6=12000", c.budget_lines[2].amount.source.raw);  // the last formula
  // The 合计 row; the prose "共计2.1万元" restating it adds no second total.
  ASSERT_EQ(1u, c.stated_budget_totals.size());
  EXPECT_EQ(2'100'000, c.stated_budget_totals[0].value.count());
}

TEST_F(BuildDeclarationTest, MergedTotalColumnAndNameMismatch) {
  const Project& d = decl_.projects[3];
  EXPECT_EQ("干部培训", d.name);
  ASSERT_EQ(1u, d.warnings.size());
  EXPECT_EQ(
      "page 6: table 2: heading name \"干部培训\" and form name "
      "\"基层干部轮训\" "
      "differ",
      d.warnings[0]);
  ASSERT_EQ(2u, d.budget_lines.size());
  EXPECT_EQ("政策解读", d.budget_lines[0].item);
  EXPECT_EQ(1'500'000, d.budget_lines[0].amount.value.count());
  EXPECT_EQ(2'500'000, d.budget_lines[1].amount.value.count());
  // The merged 合计 cell; the sentence "预算为4万元" restates it.
  ASSERT_EQ(1u, d.stated_budget_totals.size());
  EXPECT_EQ(4'000'000, d.stated_budget_totals[0].value.count());
  ASSERT_EQ(1u, d.indicators.size());
  EXPECT_EQ(">=2期", d.indicators[0].target);
}

TEST(BuildDeclarationStandaloneTest, FormsWithoutHeadingsStartProjects) {
  DocumentLayout doc;
  FormSpec one;
  one.name = "河道保洁";
  FormSpec two;
  two.name = "绿化养护";
  two.total = "2 75";  // unreadable: a warning, not a failure
  doc.pages.push_back(MakePage(
      1, {},
      {MakeForm(one, {{"", "产出指标", "数量指标", "保洁河道", "", "12条"}},
                Level3Merges(1))}));
  doc.pages.push_back(MakePage(
      2, {},
      {MakeForm(two, {{"", "产出指标", "质量指标", "成活率", "", ">=95%"}},
                Level3Merges(1))}));
  Result<Declaration> d = BuildDeclaration(doc, BuildOptions{});
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(2u, d->projects.size());
  EXPECT_EQ("河道保洁", d->projects[0].name);
  EXPECT_EQ("", d->projects[0].heading_name);
  EXPECT_EQ("绿化养护", d->projects[1].name);
  EXPECT_EQ((std::vector<int>{2}), d->projects[1].pages);
  EXPECT_FALSE(d->projects[1].funds.total.has_value());
  ASSERT_EQ(1u, d->projects[1].warnings.size());
  EXPECT_EQ("page 2: table 1: table 1 r4c3: cannot parse amount \"2 75\"",
            d->projects[1].warnings[0]);
  ASSERT_EQ(1u, d->projects[0].indicators.size());
  EXPECT_EQ("12条", d->projects[0].indicators[0].target);
  ASSERT_TRUE(d->projects[0].indicators[0].target_parsed.has_value());
  EXPECT_EQ("=", d->projects[0].indicators[0].target_parsed->op);
  EXPECT_FALSE(d->title.has_value());
  EXPECT_FALSE(d->stated_project_count.has_value());
  EXPECT_EQ(SourceKind::kScanned, d->kind);
}

TEST(BuildDeclarationStandaloneTest, BudgetRowsJoinedAboveAFormAreRead) {
  // The grid joined a budget table to the form below it (their ruling lines
  // touch): one table whose rows above 项目名称 are the budget.
  Table top = MakeTable(160, 300, kFormCols,
                        {{"项目", "", "", "", "金额(元)", ""},
                         {"专家咨询费", "", "", "", "12000", ""}},
                        {{0, 0, 1, 4}, {0, 4, 1, 2}, {1, 0, 1, 4}, {1, 4, 1, 2}});
  FormSpec spec;
  spec.name = "河道保洁";
  Table form = MakeForm(spec, {{"", "产出指标", "数量指标", "保洁河道", "", "12条"}},
                        Level3Merges(1), top.row_lines.back());
  Table joined = top;
  for (Cell c : form.cells) {
    c.row += top.rows;
    joined.cells.push_back(c);
  }
  joined.row_lines.insert(joined.row_lines.end(), form.row_lines.begin() + 1,
                          form.row_lines.end());
  joined.rows += form.rows;
  joined.box.height = joined.row_lines.back() - joined.box.y;
  DocumentLayout doc;
  doc.pages.push_back(MakePage(
      1, {MakeBlock(100, "项目经费情况说明--河道保洁"), MakeBlock(200, "六、年度预算安排")},
      {joined}));
  Result<Declaration> d = BuildDeclaration(doc, BuildOptions{});
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(1u, d->projects.size());
  const Project& p = d->projects[0];
  EXPECT_EQ("河道保洁", p.name);
  ASSERT_EQ(1u, p.budget_lines.size());
  EXPECT_EQ("专家咨询费", p.budget_lines[0].item);
  EXPECT_EQ(1'200'000, p.budget_lines[0].amount.value.count());
  ASSERT_TRUE(p.funds.total.has_value());
  EXPECT_EQ(102'200'000, p.funds.total->value.count());
}

// Budget prose cut by a page break mid-item: the page's last line runs to the
// right margin, the next page goes on at the left margin.
TEST(BuildDeclarationStandaloneTest, BudgetProseGoesOnOverThePageBreak) {
  auto line = [](int y, int x, int width, const std::string& text) {
    TextBlock b = MakeBlock(y, text);
    b.box.x = x;
    b.box.width = width;
    return b;
  };
  auto document = [&](int second_page_x) {
    DocumentLayout doc;
    doc.pages.push_back(MakePage(
        1,
        {line(100, 200, 1200, "项目经费情况说明--河道保洁"),
         line(200, 200, 600, "六、年度预算安排"),
         line(300, 300, 1900, "保洁船租用费12万元,河道垃圾清运"),
         line(400, 200, 2000, "费6万元,巡查设备维"),
         line(3300, 1100, 100, "1/2")},
        {}));
    doc.pages.push_back(MakePage(
        2,
        {line(200, second_page_x, 1000, "护费2万元。"),
         line(300, 300, 1900, "另列:河道巡查人员劳务费需另行申请,"),
         line(400, 200, 2000, "不在本项目预算之内。")},
        {}));
    return doc;
  };
  Result<Declaration> d = BuildDeclaration(document(200), BuildOptions{});
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(1u, d->projects.size());
  const std::vector<BudgetLine>& lines = d->projects[0].budget_lines;
  ASSERT_EQ(3u, lines.size());
  EXPECT_EQ("巡查设备维护费", lines[2].item);
  EXPECT_EQ(2'000'000, lines[2].amount.value.count());
  EXPECT_EQ(1, lines[2].amount.source.page);  // where the sentence starts

  // Indented on the next page: a paragraph of its own.
  d = BuildDeclaration(document(300), BuildOptions{});
  ASSERT_TRUE(d.ok());
  ASSERT_EQ(3u, d->projects[0].budget_lines.size());
  EXPECT_EQ("护费", d->projects[0].budget_lines[2].item);
}

TEST(BuildDeclarationStandaloneTest, NoPagesIsInvalidInput) {
  Result<Declaration> d = BuildDeclaration(DocumentLayout{}, BuildOptions{});
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(Status::Code::kInvalidInput, d.status().code());
  EXPECT_EQ("document has no pages", d.status().message());
}

}  // namespace
}  // namespace decltab::normalize

namespace decltab::normalize {
namespace {

// The form's money label and the preamble's stated total know every unit of
// normalize/money_units.h that names money.
TEST(BuildDeclarationStandaloneTest, FormAndStatedTotalInEveryMoneyUnit) {
  for (const MoneyUnit& u : kMoneyUnits) {
    if (!u.names_money) continue;
    FormSpec form;
    form.money_label = "项目\n资金\n(" + std::string(u.text) + ")";
    form.total = "5";
    DocumentLayout doc;
    doc.pages.push_back(MakePage(
        1,
        {MakeBlock(100, "本部门编报绩效目标的项目共1个,涉及项目预算资金2" +
                            std::string(u.text) + "。")},
        {MakeForm(form, {{"", "产出指标", "数量指标", "保洁河道", "", "12条"}},
                  Level3Merges(1), 600)}));
    Result<Declaration> d = BuildDeclaration(doc, BuildOptions{});
    ASSERT_TRUE(d.ok()) << u.text;
    ASSERT_TRUE(d->stated_total.has_value()) << u.text;
    EXPECT_EQ(2 * u.fen.count(), d->stated_total->value.count()) << u.text;
    ASSERT_EQ(1u, d->projects.size()) << u.text;
    ASSERT_TRUE(d->projects[0].funds.total.has_value()) << u.text;
    EXPECT_EQ(5 * u.fen.count(), d->projects[0].funds.total->value.count())
        << u.text;
  }
}

}  // namespace
}  // namespace decltab::normalize

namespace decltab::normalize {
namespace {

// A form of another template (a province's 项目支出绩效目标申报表): other
// labels for the same fields, a period in one cell, the unit in the value,
// the department with its code, and 指标值及单位 for the target column.
TEST(BuildDeclarationStandaloneTest, FormOfAnotherTemplateReadByItsLabels) {
  Table form = MakeTable(
      160, 400, {200, 300, 300, 500, 300, 400},
      {{"项目支出名称", "", "河道综合治理", "", "项目实施单位", "某县水务局"},
       {"主管部门及其编码", "", "101001 某省水利厅", "", "项目支出实施期",
        "2023年1月-2023年12月"},
       {"年度本级预算金额", "", "250万", "", "该项目支出上级资金", "0"},
       {"实施期绩效目标", "", "", "本年度绩效目标", "", ""},
       {"三年内完成全县主要河道治理", "", "", "完成两条河道治理", "", ""},
       {"本年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值及单位",
        "绩效标准"},
       {"", "产出指标", "数量指标", "治理河道长度", "≥12公里", "完成"},
       {"", "", "质量指标", "验收合格率", "100%", "达标"}},
      {{0, 0, 1, 2},
       {0, 2, 1, 2},
       {1, 0, 1, 2},
       {1, 2, 1, 2},
       {2, 0, 1, 2},
       {2, 2, 1, 2},
       {3, 0, 1, 3},
       {3, 3, 1, 3},
       {4, 0, 1, 3},
       {4, 3, 1, 3},
       {5, 0, 3, 1},
       {6, 1, 2, 1}});
  DocumentLayout doc;
  doc.pages.push_back(MakePage(1, {}, {form}));
  Result<Declaration> d = BuildDeclaration(doc, BuildOptions{});
  ASSERT_TRUE(d.ok()) << d.status().message();
  ASSERT_EQ(1u, d->projects.size());
  const Project& p = d->projects[0];
  EXPECT_EQ("河道综合治理", p.name);
  EXPECT_EQ("某省水利厅", p.department.value_or(""));
  EXPECT_EQ("某县水务局", p.implementer.value_or(""));
  EXPECT_EQ("2023-01-01", p.start_date.value_or(""));
  EXPECT_EQ("2023-12-31", p.end_date.value_or(""));
  ASSERT_TRUE(p.funds.total.has_value());
  EXPECT_EQ(250'000'000, p.funds.total->value.count());
  EXPECT_EQ("三年内完成全县主要河道治理", p.overall_goal.value_or(""));
  EXPECT_EQ("完成两条河道治理", p.annual_goal.value_or(""));
  ASSERT_EQ(2u, p.indicators.size());
  EXPECT_EQ("产出指标", p.indicators[0].level1);
  EXPECT_EQ("治理河道长度", p.indicators[0].level3);
  EXPECT_EQ("质量指标", p.indicators[1].level2);
  EXPECT_EQ("100%", p.indicators[1].target);
}

}  // namespace
}  // namespace decltab::normalize

namespace decltab::normalize {
namespace {

// One value cell holding several labelled amounts (a province's 项目资金申请
// cell): the amount before the first label is the label's own, the others go
// to the fields their labels name.
TEST(BuildDeclarationStandaloneTest, ValueCellWithSeveralLabelledAmounts) {
  Table form = MakeTable(
      160, 400, {300, 600, 300, 400},
      {{"项目名称", "水文监测", "项目实施单位", "某县水文站"},
       {"项目资金申请(万元)", "250 二、预算资金:250 三、自有资金:0", "", ""},
       {"一级指标", "二级指标", "三级指标", "指标值"},
       {"产出指标", "数量指标", "监测站点数", "12个"}},
      {{1, 1, 1, 3}});
  DocumentLayout doc;
  doc.pages.push_back(MakePage(1, {}, {form}));
  Result<Declaration> d = BuildDeclaration(doc, BuildOptions{});
  ASSERT_TRUE(d.ok()) << d.status().message();
  ASSERT_EQ(1u, d->projects.size());
  const Funds& f = d->projects[0].funds;
  ASSERT_TRUE(f.total.has_value());
  EXPECT_EQ(250'000'000, f.total->value.count());
  ASSERT_TRUE(f.fiscal.has_value());
  EXPECT_EQ(250'000'000, f.fiscal->value.count());
  ASSERT_TRUE(f.other.has_value());
  EXPECT_EQ(0, f.other->value.count());
  EXPECT_TRUE(d->projects[0].warnings.empty());
}

}  // namespace
}  // namespace decltab::normalize

namespace decltab::normalize {
namespace {

// A form whose name label no family knows: read as far as it goes (the
// labels it knows, the indicators), each label it did not understand named
// with its cell.
TEST(BuildDeclarationStandaloneTest, UnknownTemplateIsReadAsFarAsItGoes) {
  Table form = MakeTable(
      160, 400, {300, 500, 300, 500},
      {{"工程名称", "堤防加固", "主管部门", "某县水利局"},
       {"项目负责人", "张某", "资金总额", "80000"},
       {"一级指标", "二级指标", "三级指标", "指标值"},
       {"产出指标", "数量指标", "加固堤防长度", "3公里"}});
  DocumentLayout doc;
  doc.pages.push_back(MakePage(2, {}, {form}));
  Result<Declaration> d = BuildDeclaration(doc, BuildOptions{});
  ASSERT_TRUE(d.ok()) << d.status().message();
  ASSERT_EQ(1u, d->projects.size());
  const Project& p = d->projects[0];
  EXPECT_EQ("某县水利局", p.department.value_or(""));
  ASSERT_TRUE(p.funds.total.has_value());
  EXPECT_EQ(8'000'000, p.funds.total->value.count());
  ASSERT_EQ(1u, p.indicators.size());
  EXPECT_EQ("加固堤防长度", p.indicators[0].level3);
  std::vector<std::string> expected = {
      "page 2: table 1 r1c1: \"工程名称\": a form label decltab does not know",
      "page 2: table 1 r2c1: \"项目负责人\": a form label decltab does not "
      "know"};
  EXPECT_EQ(expected, p.warnings);
}

}  // namespace
}  // namespace decltab::normalize
