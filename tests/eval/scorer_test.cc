#include "tests/eval/scorer.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace decltab::eval {
namespace {

using nlohmann::json;

// A truth document: two projects with lines, indicators and checks.
json TinyTruth() {
  return json::parse(R"({
    "schema": "decltab/1",
    "document": {"stated_project_count": 2, "stated_total_yuan": 300},
    "projects": [
      {"name": "东西部协作和对口支援",
       "funds": {"total": 200.5},
       "budget_lines": [
         {"item": "援藏干部工作经费", "amount_yuan": 100},
         {"item": "援滇干部工作经费", "amount_yuan": 100.5}],
       "indicators": [
         {"level1": "产出指标", "level2": "数量指标", "level3": "结对单位数", "target": ">=2家"},
         {"level1": "产出指标", "level2": "数量指标", "level3": "培训人数", "target": ">=100人"},
         {"level1": "产出指标", "level2": "质量指标", "level3": "完成率", "target": "=100%"},
         {"level1": "满意度指标", "level2": "服务对象满意度指标", "level3": "满意度", "target": ">=90%"}],
       "checks": [
         {"rule": "budget_lines_sum_equals_total", "status": "ok", "detail": "t1"},
         {"rule": "funds_sources_sum", "status": "ok"},
         {"rule": "annual_request_equals_total", "status": "ok"}]},
      {"name": "政务公开",
       "funds": {"total": 99.5},
       "budget_lines": [{"group": "宣传项目组成", "item": "印刷费", "quantity": 5,
                         "unit_price_yuan": 19.9, "amount_yuan": 99.5}],
       "indicators": [
         {"level1": "效益指标", "level2": "社会效益指标", "level3": "公开及时", "target": "及时"}],
       "checks": [
         {"rule": "budget_lines_sum_equals_total", "status": "mismatch"},
         {"rule": "line_quantity_times_price", "status": "ok"},
         {"rule": "line_quantity_times_price", "status": "ok"}]}
    ],
    "checks": [
      {"rule": "projects_sum_equals_stated_total", "status": "ok"},
      {"rule": "project_count_equals_stated", "status": "ok"}]
  })");
}

DocumentScore Score(const json& output, const json& truth = TinyTruth()) {
  Result<DocumentScore> s = ScoreDocument(output, truth, "tiny");
  EXPECT_TRUE(s.ok()) << s.status().message();
  return s.ok() ? *s : DocumentScore{};
}

TEST(ScorerTest, PerfectMatchScoresOne) {
  DocumentScore s = Score(TinyTruth());
  EXPECT_EQ(2, s.matched_projects);
  EXPECT_DOUBLE_EQ(1.0, s.project_recall);
  EXPECT_EQ(2, s.funds_total_exact);
  EXPECT_DOUBLE_EQ(1.0, s.funds_total_exact_rate);
  EXPECT_EQ(5, s.indicators.truth);
  EXPECT_EQ(5, s.indicators.matched);
  EXPECT_DOUBLE_EQ(1.0, s.indicators.f1());
  EXPECT_DOUBLE_EQ(1.0, s.budget_lines.f1());
  EXPECT_EQ(7, s.check_pairs);  // two line checks fold into one pair
  EXPECT_DOUBLE_EQ(1.0, s.check_agreement);
  EXPECT_TRUE(s.disagreements.empty());
  EXPECT_EQ(
      "score tiny: projects 2/2 recall 1.000 | funds.total exact 2/2 1.000 | "
      "indicators P 1.00 R 1.00 F1 1.000 | budget lines F1 1.000 "
      "(group, quantity, price right 3/3) | checks agree 1.00 (false mismatch 0, missed 0)",
      FormatScoreLine(s));
  EXPECT_EQ("", FormatDisagreements(s));
}

TEST(ScorerTest, OneMissingIndicatorLowersRecallByOneFifth) {
  json out = TinyTruth();
  out["projects"][0]["indicators"].erase(1);
  DocumentScore s = Score(out);
  EXPECT_EQ(4, s.indicators.predicted);
  EXPECT_EQ(4, s.indicators.matched);
  EXPECT_DOUBLE_EQ(1.0, s.indicators.precision());
  EXPECT_DOUBLE_EQ(0.8, s.indicators.recall());
  EXPECT_DOUBLE_EQ(2 * 0.8 / 1.8, s.indicators.f1());
}

TEST(ScorerTest, IndicatorsCompareFoldedAndAsAMultiset) {
  json out = TinyTruth();
  // Spacing and full-width forms do not matter; a wrong target does, and a
  // duplicated row matches only once.
  out["projects"][0]["indicators"][0]["target"] = "＞＝ 2 家";
  out["projects"][0]["indicators"][1]["level3"] = "培 训 人 数";
  out["projects"][0]["indicators"][2]["target"] = "=10%";
  out["projects"][0]["indicators"].push_back(out["projects"][0]["indicators"][3]);
  DocumentScore s = Score(out);
  EXPECT_EQ(6, s.indicators.predicted);
  EXPECT_EQ(4, s.indicators.matched);
  EXPECT_DOUBLE_EQ(4.0 / 6, s.indicators.precision());
  EXPECT_DOUBLE_EQ(4.0 / 5, s.indicators.recall());
}

TEST(ScorerTest, ProjectsMatchInOrderDespiteOcrNoise) {
  json out = TinyTruth();
  out["projects"][0]["name"] = "东西部协作和对口支缓";  // one glyph misread (0.9)
  json extra = {{"name", "多出来的项目"}, {"funds", {{"total", 1}}}};
  out["projects"].insert(out["projects"].begin() + 1, extra);
  out["projects"][2]["name"] = "政务公开 ";
  DocumentScore s = Score(out);
  EXPECT_EQ(2, s.matched_projects);
  EXPECT_EQ((std::vector<std::pair<int, int>>{{0, 0}, {1, 2}}), s.project_matches);
  EXPECT_EQ(3, s.output_projects);

  json lost = TinyTruth();
  lost["projects"][1]["name"] = "完全不同";
  s = Score(lost);
  EXPECT_EQ(1, s.matched_projects);
  EXPECT_DOUBLE_EQ(0.5, s.project_recall);
  // The unmatched project's rows count as misses and false hits.
  EXPECT_EQ(4, s.indicators.matched);
  EXPECT_DOUBLE_EQ(0.8, s.indicators.recall());
  EXPECT_DOUBLE_EQ(0.8, s.indicators.precision());
  EXPECT_EQ(1, s.funds_total_exact);
  EXPECT_DOUBLE_EQ(0.5, s.funds_total_exact_rate);
}

TEST(ScorerTest, FundsTotalMustMatchToTheFen) {
  json out = TinyTruth();
  out["projects"][0]["funds"]["total"] = 200.51;
  out["projects"][1]["funds"]["total"] = nullptr;
  DocumentScore s = Score(out);
  EXPECT_EQ(0, s.funds_total_exact);
}

TEST(ScorerTest, BudgetLinesNeedEqualAmountsAndSimilarItems) {
  json out = TinyTruth();
  json& lines = out["projects"][0]["budget_lines"];
  lines[0]["item"] = "援藏干部工作经 费";   // spacing only: match
  lines[1]["item"] = "援滇干部工作费";       // 7 of 8 code points: 0.875, match
  out["projects"][1]["budget_lines"][0]["amount_yuan"] = 99.51;  // amount off
  DocumentScore s = Score(out);
  EXPECT_EQ(3, s.budget_lines.predicted);
  EXPECT_EQ(2, s.budget_lines.matched);
  EXPECT_DOUBLE_EQ(2.0 / 3, s.budget_lines.f1());

  lines[1]["item"] = "其他";
  EXPECT_EQ(1, Score(out).budget_lines.matched);
}

TEST(ScorerTest, MatchedBudgetLinesCountGroupQuantityAndPrice) {
  EXPECT_EQ(3, Score(TinyTruth()).budget_fields_right);
  for (auto [key, value] : {std::pair<const char*, json>{"quantity", nullptr},
                            {"quantity", 4},
                            {"unit_price_yuan", 19.91},
                            {"group", nullptr},
                            {"group", "其他项目组成"}}) {
    json out = TinyTruth();
    out["projects"][1]["budget_lines"][0][key] = value;
    DocumentScore s = Score(out);
    EXPECT_EQ(3, s.budget_lines.matched) << key;
    EXPECT_EQ(2, s.budget_fields_right) << key << " " << value;
  }
  json out = TinyTruth();
  out["projects"][1]["budget_lines"][0]["group"] = "宣传项目组戍";  // OCR: similar
  EXPECT_EQ(3, Score(out).budget_fields_right);
}

TEST(ScorerTest, ChecksCompareTheWorstStatusPerScopeAndRule) {
  json out = TinyTruth();
  // Project 1: one extra mismatching budget check (worst becomes mismatch).
  out["projects"][0]["checks"].push_back(
      {{"rule", "budget_lines_sum_equals_total"}, {"status", "mismatch"}, {"detail", "合计 row off"}});
  // Project 2: the truth's mismatch read as unverifiable; one line check
  // unverifiable makes the pair unverifiable.
  out["projects"][1]["checks"][0]["status"] = "unverifiable";
  out["projects"][1]["checks"][2]["status"] = "unverifiable";
  // Document: a rule left out.
  out["checks"].erase(1);
  DocumentScore s = Score(out);
  EXPECT_EQ(7, s.check_pairs);
  EXPECT_EQ(3, s.check_agreements);
  EXPECT_DOUBLE_EQ(3.0 / 7, s.check_agreement);
  EXPECT_EQ(1, s.false_mismatches);
  EXPECT_EQ(1, s.missed_mismatches);
  ASSERT_EQ(4u, s.disagreements.size());
  EXPECT_EQ(
      "  check document project_count_equals_stated: output missing, truth ok\n"
      "  check project 1 '东西部协作和对口支援' budget_lines_sum_equals_total: output "
      "mismatch, truth ok | output: 合计 row off | truth: t1\n"
      "  check project 2 '政务公开' budget_lines_sum_equals_total: output "
      "unverifiable, truth mismatch\n"
      "  check project 2 '政务公开' line_quantity_times_price: output unverifiable, "
      "truth ok\n",
      FormatDisagreements(s));
  EXPECT_NE(std::string::npos,
            FormatScoreLine(s).find("checks agree 0.43 (false mismatch 1, missed 1)"));
}

TEST(ScorerTest, RejectsDocumentsWithoutProjects) {
  Result<DocumentScore> s = ScoreDocument(json::object(), TinyTruth(), "x");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ("x: output has no \"projects\" array", s.status().message());
  EXPECT_FALSE(ScoreFiles("/nonexistent.json", "/nonexistent.json", "x").ok());
}

TEST(ScorerTest, EveryTruthFileScoresOneAgainstItself) {
  int files = 0;
  for (const auto& entry : std::filesystem::directory_iterator("testdata/truth")) {
    if (entry.path().extension() != ".json") continue;
    ++files;
    std::string path = entry.path().string();
    Result<DocumentScore> s = ScoreFiles(path, path, entry.path().stem().string());
    ASSERT_TRUE(s.ok()) << s.status().message();
    EXPECT_GT(s->truth_projects, 0) << path;
    EXPECT_DOUBLE_EQ(1.0, s->project_recall) << path;
    EXPECT_DOUBLE_EQ(1.0, s->funds_total_exact_rate) << path;
    EXPECT_DOUBLE_EQ(1.0, s->indicators.f1()) << path;
    EXPECT_DOUBLE_EQ(1.0, s->budget_lines.f1()) << path;
    EXPECT_DOUBLE_EQ(1.0, s->check_agreement) << path;
  }
  EXPECT_GT(files, 0) << "no truth files found under testdata/truth";
}

}  // namespace
}  // namespace decltab::eval
