#include "extract/region_text.h"

#include <gtest/gtest.h>

namespace decltab::extract {
namespace {

TEST(CleanRegionTextTest, JoinsLinesAndFixesSpacing) {
  const struct {
    const char* raw;
    const char* clean;
  } kCases[] = {
      {"项目 资金 总额", "项目资金总额"},
      {"项目总目标\n(2023年-2023年)", "项目总目标(2023年-2023年)"},
      {"完成年度工作\n任务\n", "完成年度工作任务"},
      {"25 万元", "25万元"},
      {"|37800000.00 |", "37800000.00"},
      {"] 产出指标 丨", "产出指标"},
      {"_>=90%_", ">=90%"},
      {"【项目名称】", "项目名称"},
      {"total\namount", "total amount"},
      {"12   34", "12 34"},
      {"800x47=38000", "800×47=38000"},
      {"800X47", "800×47"},
      {"x47 Xa", "x47 Xa"},
      {"10.39Xx3850=40000", "10.39×3850=40000"},
      {"5xx", "5xx"},
      {"Xx3", "Xx3"},
      {"|\n|", ""},
      {"", ""},
      {"a|b", "a|b"},  // only ends are trimmed
      {"-其他资金", "其他资金"},
      {"经常性项目-", "经常性项目"},
      {"生态效益指标.", "生态效益指标"},
      {"促进 .", "促进"},
      {"完成。-", "完成。"},
      {"2023年-\n2024年", "2023年-2024年"},
      {"-5%", "-5%"},
      {"服务...", "服务..."},
      {"运维服.…", "运维服…"},  // an ellipsis's dots read twice
      {"部….等指标", "部…等指标"},
      {"….", "…"},
      {"”合计", "合计"},
      {"办公室“", "办公室"},
      {"“充分”", "“充分”"},  // quotes the right way round stay
      {"“充分", "充分"},  // a quote nothing pairs is a speck
      {"健全”", "健全"},
      {"\"上海市", "上海市"},
      {"“走出去,请进来\"多领域", "“走出去,请进来\"多领域"},
      {"\"一网通办“、\"一网统管\"", "\"一网通办“、\"一网统管\""},
      {".2023-01-01", "2023-01-01"},
      {".5", ".5"},
      {"”", "”"},
  };
  for (const auto& c : kCases) EXPECT_EQ(c.clean, CleanRegionText(c.raw)) << c.raw;
}

TEST(CleanDigitTextTest, DropsDustSeparatorsAtEnds) {
  EXPECT_EQ("0", CleanDigitText("0:"));
  EXPECT_EQ("46", CleanDigitText(":46."));
  EXPECT_EQ("0.5", CleanDigitText("0.5"));
  EXPECT_EQ("2023-01-01", CleanDigitText("2023-01-01,"));
}

TEST(LooksNumericTest, AcceptsDigitsAndNumericSignsOnly) {
  const struct {
    const char* text;
    bool numeric;
  } kCases[] = {
      {"37800000.00", true}, {">=90%", true},  {"≥95%", true},
      {"１００％", true},    {"0。5", true},   {"2023-01-01", true},
      {"25万元", false},     {">=2家", false}, {"%", false},
      {"", false},           {"产出指标", false}, {"12个月", false},
  };
  for (const auto& c : kCases) EXPECT_EQ(c.numeric, LooksNumeric(c.text)) << c.text;
}

TEST(LooksNumericButOneTest, AllowsOneOtherCharacterInFourOrMore) {
  EXPECT_TRUE(LooksNumericButOne(">=905折"));
  EXPECT_TRUE(LooksNumericButOne("?>=9006"));
  EXPECT_FALSE(LooksNumericButOne(">=90%"));     // numeric
  EXPECT_FALSE(LooksNumericButOne("25万元"));    // two others
  EXPECT_FALSE(LooksNumericButOne("5个"));       // too short
  EXPECT_FALSE(LooksNumericButOne(">=%折"));     // no digit
}

TEST(EstimatedNumericWidthTest, CountsSignWidths) {
  EXPECT_DOUBLE_EQ(2 * 0.67, EstimatedNumericWidth("46"));
  EXPECT_DOUBLE_EQ(0.76 * 2 + 0.67 * 2 + 1.0, EstimatedNumericWidth(">=90%"));
  EXPECT_DOUBLE_EQ(0.67 + 0.35 + 0.67, EstimatedNumericWidth("0.5"));
}

}  // namespace
}  // namespace decltab::extract
