// Extracts every testdata declaration with build/decltab and scores it
// against its ground truth (tests/eval/scorer.h). The figures are printed;
// the thresholds sit just under what decltab measures today and only go up.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/e2e/extract_and_score.h"

namespace decltab::e2e {
namespace {

struct Case {
  const char* name;
  const char* pdf;
  const char* truth;
  double min_funds_exact, min_indicator_f1, min_budget_f1;
  // Share of matched budget lines with group, quantity and price right.
  double min_budget_fields;
  double min_check_agreement;
  int max_false_mismatches;
  // Discrepancies the document really holds: "PROJECT RULE" or "document RULE".
  std::vector<std::string> must_mismatch;
};

const std::vector<std::string> kSampleDiscrepancies = {
    "合作与交流 budget_lines_sum_equals_total",  // 1,800,000 vs 1,500,000
    "政务公开 line_quantity_times_price",        // 800×47=38000
};
const std::vector<std::string> kVariantA = {
    "家庭教育与心理健康教育 budget_lines_sum_equals_total",
    "教师专业发展培训 line_quantity_times_price",
    "document projects_sum_equals_stated_total",  // 232.7450万元 vs 238.75
};
const std::vector<std::string> kVariantB = {
    "卫生健康人才培养 funds_sources_sum",
    "县人民医院医疗设备更新 annual_request_equals_total",
    "document project_count_equals_stated",
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

// Mismatches the output reports, as "PROJECT RULE" / "document RULE".
std::vector<std::string> ReportedMismatches(const nlohmann::json& out) {
  std::vector<std::string> found;
  for (const auto& c : out["checks"])
    if (c["status"] == "mismatch") found.push_back("document " + c["rule"].get<std::string>());
  for (const auto& p : out["projects"])
    for (const auto& c : p["checks"])
      if (c["status"] == "mismatch")
        found.push_back(p["name"].get<std::string>() + " " + c["rule"].get<std::string>());
  return found;
}

class ExtractionScoreTest : public testing::TestWithParam<Case> {};

TEST_P(ExtractionScoreTest, MeetsThresholds) {
  const Case& c = GetParam();
  std::string dir = TempDir(c.name);
  Result<eval::DocumentScore> score = ExtractAndScore(c.pdf, c.truth, c.name, dir);
  ASSERT_TRUE(score.ok()) << score.status().message();

  EXPECT_EQ(1.0, score->project_recall);
  EXPECT_GE(score->funds_total_exact_rate, c.min_funds_exact);
  EXPECT_GE(score->indicators.f1(), c.min_indicator_f1);
  EXPECT_GE(score->budget_lines.f1(), c.min_budget_f1);
  EXPECT_GE(score->budget_fields_right,
            c.min_budget_fields * score->budget_lines.matched);
  EXPECT_GE(score->check_agreement, c.min_check_agreement);
  EXPECT_LE(score->false_mismatches, c.max_false_mismatches)
      << "a check failed that holds in the document";

  std::ifstream in(OutputJson(c.pdf, dir));
  std::vector<std::string> reported = ReportedMismatches(nlohmann::json::parse(in));
  for (const std::string& want : c.must_mismatch)
    EXPECT_NE(reported.end(), std::find(reported.begin(), reported.end(), want))
        << "not reported: " << want;
}

INSTANTIATE_TEST_SUITE_P(
    Testdata, ExtractionScoreTest,
    testing::Values(
        Case{"songjiang_digital", "testdata/songjiang-2023.pdf",
             "testdata/truth/songjiang-2023.json", 1.0, 1.0, 1.0, 1.0, 1.0, 0,
             kSampleDiscrepancies},
        Case{"songjiang_scan300", "testdata/scans/songjiang-2023-scan300.pdf",
             "testdata/truth/songjiang-2023.json", 1.0, 0.99, 0.99, 1.0, 0.98, 0,
             kSampleDiscrepancies},
        Case{"songjiang_scan200", "testdata/scans/songjiang-2023-scan200.pdf",
             "testdata/truth/songjiang-2023.json", 1.0, 0.98, 0.99, 1.0, 0.94, 0, {}},
        Case{"songjiang_scan150", "testdata/scans/songjiang-2023-scan150.pdf",
             "testdata/truth/songjiang-2023.json", 1.0, 0.80, 0.95, 0.77, 0.95, 0, {}},
        Case{"variant_a_digital", "testdata/variant-a.pdf",
             "testdata/truth/variant-a.json", 1.0, 1.0, 1.0, 1.0, 1.0, 0, kVariantA},
        Case{"variant_a_scan200", "testdata/scans/variant-a-scan200.pdf",
             "testdata/truth/variant-a.json", 1.0, 0.98, 0.99, 1.0, 0.95, 0, kVariantA},
        Case{"variant_b_digital", "testdata/variant-b.pdf",
             "testdata/truth/variant-b.json", 1.0, 1.0, 1.0, 1.0, 1.0, 0, kVariantB},
        Case{"variant_b_scan200", "testdata/scans/variant-b-scan200.pdf",
             "testdata/truth/variant-b.json", 1.0, 0.95, 0.99, 1.0, 0.9, 0, {}}),
    [](const testing::TestParamInfo<Case>& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace decltab::e2e
