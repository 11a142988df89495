#include "normalize/target.h"

#include <gtest/gtest.h>

namespace decltab::normalize {
namespace {

TEST(NormalizeTargetTest, FoldsAndRemovesSpaces) {
  EXPECT_EQ(">=2家", NormalizeTarget(">= 2 家"));
  EXPECT_EQ(">=2家", NormalizeTarget("＞＝2 家"));
  EXPECT_EQ("控制于预算内", NormalizeTarget("控制于预算 内"));
  EXPECT_EQ("48小时内", NormalizeTarget("48 小时内"));
  EXPECT_EQ(">=90%", NormalizeTarget("≥ 90 ％"));
}

TEST(ParseTargetTest, Quantitative) {
  const struct {
    const char* text;
    const char* op;
    const char* value;
    const char* unit;
  } kCases[] = {
      {">=2家", ">=", "2", "家"},         {"=100%", "=", "100", "%"},
      {"<=5%", "<=", "5", "%"},           {">90%", ">", "90", "%"},
      {"<3次", "<", "3", "次"},           {"48小时内", "<=", "48", "小时"},
      {"100%", "=", "100", "%"},          {"46", "=", "46", ""},
      {">=180批次", ">=", "180", "批次"}, {"不少于100人", ">=", "100", "人"},
      {"5%以内", "<=", "5", "%"},         {"100人及以上", ">=", "100", "人"},
      {">=0.5天", ">=", "0.5", "天"},
  };
  for (const auto& c : kCases) {
    std::optional<TargetParsed> t = ParseTarget(c.text);
    ASSERT_TRUE(t.has_value()) << c.text;
    EXPECT_EQ(c.op, t->op) << c.text;
    EXPECT_EQ(c.value, t->value.ToString()) << c.text;
    EXPECT_EQ(c.unit, t->unit) << c.text;
  }
}

TEST(ParseTargetTest, QualitativeIsNull) {
  for (const char* text : {"及时", "合理", "提升", "当年内", "控制于预算内",
                           "4-5期", "2023年底前", "", ">=", "较上年提高"}) {
    EXPECT_FALSE(ParseTarget(text).has_value()) << text;
  }
}

std::string Doubt(const char* level3, const char* target) {
  const std::string normalized = NormalizeTarget(target);
  return DoubtfulTarget(level3, normalized, ParseTarget(normalized));
}

TEST(DoubtfulTargetTest, ARateAbove100PercentIsDoubtful) {
  EXPECT_NE(Doubt("及时率", "290%"), "");        // ≥90% misread
  EXPECT_NE(Doubt("群众满意度", ">=2023%"), "");  // a year read into it
  EXPECT_EQ(Doubt("及时率", ">=90%"), "");
  EXPECT_EQ(Doubt("完成率", "=100%"), "");
  EXPECT_EQ(Doubt("收入增长率", ">=150%"), "");   // growth can exceed 100%
  EXPECT_EQ(Doubt("培训人数", "290人"), "");
}

TEST(DoubtfulTargetTest, AnUnreadableComparisonSignIsDoubtful) {
  EXPECT_NE(Doubt("参训人数", "z=100人"), "");
  EXPECT_NE(Doubt("运输里程", "之120公里"), "");
  EXPECT_NE(Doubt("处置单价", "么45元/吨"), "");
  EXPECT_EQ(Doubt("参训人数", ">=100人"), "");
  EXPECT_EQ(Doubt("参训人数", "不少于100人"), "");
  EXPECT_EQ(Doubt("完成时间", "2023年底前"), "");
  EXPECT_EQ(Doubt("服务质量", "及时"), "");
}

}  // namespace
}  // namespace decltab::normalize
