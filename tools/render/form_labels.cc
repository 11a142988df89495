#include "tools/render/form_labels.h"

namespace decltab::render {
namespace {

struct LabelRow {
  std::string FormLabels::*field;
  const char* songjiang;
  const char* variant_b;
};

// The printed labels, one row per form field, one column per template.
// "songjiang" is the wording of the seed declaration (上海市松江区 2023);
// "variant-b" uses wordings seen on other regions' forms (资金总额, 财政拨款,
// 上年结余, 指标内容/指标值/备注), so a reader cannot rely on one spelling.
// Parentheses are ASCII: truth texts are NFKC, and "(元)" must fit the
// two-character label column so the label wraps as 项目/资金/(元).
// clang-format off
const LabelRow kLabels[] = {
    // field                          songjiang              variant-b
    {&FormLabels::project_name,       "项目名称",            "项目名称"},
    {&FormLabels::category,           "项目类别",            "项目属性"},
    {&FormLabels::department,         "主管部门",            "主管部门"},
    {&FormLabels::implementer,        "实施单位",            "实施单位"},
    {&FormLabels::start_date,         "计划开始日期",        "项目开始日期"},
    {&FormLabels::end_date,           "计划完成日期",        "项目完成日期"},
    {&FormLabels::funds_block,        "项目资金(元)",        "项目资金(元)"},
    {&FormLabels::total,              "项目资金总额",        "资金总额"},
    {&FormLabels::fiscal,             "其中:财政资金",       "其中:财政资金"},
    {&FormLabels::other,              "其他资金",            "其他资金"},
    {&FormLabels::annual_request,     "年度资金申请总额",    "年度资金总额"},
    {&FormLabels::appropriation,      "其中: 当年财政拨款",  "其中:财政拨款"},
    {&FormLabels::carryover,          "上年结转资金",        "上年结余"},
    {&FormLabels::other_annual,       "其他资金",            "其他资金"},
    {&FormLabels::goals_block,        "项目绩效目标",        "绩效目标"},
    {&FormLabels::overall_goal,       "项目总目标",          "总体目标"},
    {&FormLabels::annual_goal,        "年度总目标",          "年度目标"},
    {&FormLabels::indicator_block,    "绩效指标",            "绩效指标"},
};
// The indicator block's column headers; variant-b adds an empty 备注 column.
const char* const kSongjiangIndicatorHeader[] = {"一级指标", "二级指标", "三级指标", "年度指标值"};
const char* const kVariantBIndicatorHeader[] = {"一级指标", "二级指标", "指标内容", "指标值", "备注"};
// clang-format on

}  // namespace

Result<FormLabels> LabelsForTemplate(const std::string& name) {
  const bool songjiang = name.empty() || name == "songjiang";
  if (!songjiang && name != "variant-b")
    return Status::InvalidInput("unknown render.template \"" + name +
                                "\" (expected songjiang or variant-b)");
  FormLabels labels;
  for (const LabelRow& row : kLabels)
    labels.*row.field = songjiang ? row.songjiang : row.variant_b;
  if (songjiang) {
    labels.indicator_header.assign(std::begin(kSongjiangIndicatorHeader),
                                   std::end(kSongjiangIndicatorHeader));
  } else {
    labels.indicator_header.assign(std::begin(kVariantBIndicatorHeader),
                                   std::end(kVariantBIndicatorHeader));
  }
  return labels;
}

}  // namespace decltab::render
