#include "normalize/amount.h"

#include <gtest/gtest.h>

namespace decltab::normalize {
namespace {

TEST(ParseAmountTest, ConvertsUnitsToFen) {
  const struct {
    const char* text;
    int64_t unit;  // fen per bare number
    int64_t fen;
    int64_t precision;
  } kCases[] = {
      {"275 万元", 100, 275'000'000, 100},  // whole: exact to the 元
      {"37800000.00", 100, 3'780'000'000, 1},
      {"38000", 100, 3'800'000, 100},
      {"6069.30万元", 100, 6'069'300'000, 10'000},
      {"1.5亿元", 100, 15'000'000'000, 1'000'000'000},
      {"150 元/人", 100, 15'000, 100},
      {"10 元/公里", 100, 1'000, 100},
      {"10. 39", 100, 1'039, 1},
      {"1,260", 100, 126'000, 100},
      {"１２６０万元", 100, 1'260'000'000, 100},
      {"0.5万元", 100, 500'000, 100'000},
      {"12.6", 1'000'000, 12'600'000, 100'000},  // column in 万元
      {"¥2,000.50", 100, 200'050, 1},
      {"0", 100, 0, 100},
      {"8.5万元。", 100, 8'500'000, 100'000},
  };
  for (const auto& c : kCases) {
    Result<StatedAmount> a = ParseAmount(c.text, Fen(c.unit));
    ASSERT_TRUE(a.ok()) << c.text << ": " << a.status().message();
    EXPECT_EQ(c.fen, a->value.count()) << c.text;
    EXPECT_EQ(c.precision, a->precision.count()) << c.text;
    EXPECT_EQ(c.text, a->source.raw);
  }
}

TEST(ParseAmountTest, ExactErrors) {
  const struct {
    const char* text;
    const char* message;
  } kCases[] = {
      {"2 75万元", "cannot parse amount \"2 75万元\""},
      {"", "cannot parse amount \"\""},
      {"万元", "cannot parse amount \"万元\""},
      {"项目由小组年底统筹上报",
       "cannot parse amount \"项目由小组年底统筹上报\""},
      {"12 人", "cannot parse amount \"12 人\""},
      {"0.001元", "amount \"0.001元\" is not a whole fen"},
  };
  for (const auto& c : kCases) {
    Result<StatedAmount> a = ParseAmount(c.text);
    ASSERT_FALSE(a.ok()) << c.text;
    EXPECT_EQ(Status::Code::kInvalidInput, a.status().code());
    EXPECT_EQ(c.message, a.status().message());
  }
}

// An amount near the top of int64 fen, written back as 元 text, reads as
// the same fen (the digit guard once rejected 9223372036854775800).
TEST(ParseAmountTest, LargestAmountsSurviveFormatting) {
  Result<StatedAmount> amount = ParseAmount("92233720368547758。");
  ASSERT_TRUE(amount.ok()) << amount.status().message();
  EXPECT_EQ(Fen(9'223'372'036'854'775'800), amount->value);
  Result<StatedAmount> again =
      ParseAmount(amount->value.ToYuanString() + "元");
  ASSERT_TRUE(again.ok()) << again.status().message();
  EXPECT_EQ(amount->value, again->value);
  EXPECT_FALSE(ParseAmount("92233720368547758.08元").ok());
}

TEST(ParseQuantityTest, NumberAndUnit) {
  const struct {
    const char* text;
    const char* value;
    const char* unit;  // nullptr: none
  } kCases[] = {
      {"2000 人", "2000", "人"}, {"5000 公里", "5000", "公里"},
      {"11", "11", nullptr},     {"46", "46", nullptr},
      {"47(件)", "47", "件"},    {"1,260", "1260", nullptr},
      {"0.5 天", "0.5", "天"},
  };
  for (const auto& c : kCases) {
    Result<QuantityWithUnit> q = ParseQuantity(c.text);
    ASSERT_TRUE(q.ok()) << c.text << ": " << q.status().message();
    EXPECT_EQ(c.value, q->value.ToString()) << c.text;
    if (c.unit == nullptr) {
      EXPECT_FALSE(q->unit.has_value()) << c.text;
    } else {
      EXPECT_EQ(c.unit, q->unit.value_or("?")) << c.text;
    }
  }
  for (const char* bad :
       {"项目由小组年底统筹上报", "25万元", "", "人", "10 元/公里", "3-4篇"}) {
    Result<QuantityWithUnit> q = ParseQuantity(bad);
    EXPECT_FALSE(q.ok()) << bad;
  }
  EXPECT_EQ("cannot parse quantity \"25万元\"",
            ParseQuantity("25万元").status().message());
}

TEST(ParseFormulaTest, FactorsAndResult) {
  const struct {
    const char* text;
    std::vector<std::string> factors;
    const char* result;
  } kCases[] = {
      {"800×47=38000", {"800", "47"}, "38000"},
      {"$800 \\times 47 = 38000$", {"800", "47"}, "38000"},
      {"10.39×3850=40000", {"10.39", "3850"}, "40000"},
      {"10. 39x3850=40000", {"10.39", "3850"}, "40000"},
      {"40000×5=200000", {"40000", "5"}, "200000"},
      {"800元×47次=38000元", {"800", "47"}, "38000元"},
      {"2×3×4=24", {"2", "3", "4"}, "24"},
  };
  for (const auto& c : kCases) {
    EXPECT_TRUE(LooksLikeFormula(c.text)) << c.text;
    Result<Formula> f = ParseFormula(c.text);
    ASSERT_TRUE(f.ok()) << c.text << ": " << f.status().message();
    std::vector<std::string> factors;
    for (const Decimal& d : f->factors) factors.push_back(d.ToString());
    EXPECT_EQ(c.factors, factors) << c.text;
    EXPECT_EQ(c.result, f->result_text) << c.text;
  }
  for (const char* bad :
       {"38000", "800×47", "800×=38000", "a×b=c", "800×47=38000=1"}) {
    EXPECT_FALSE(ParseFormula(bad).ok()) << bad;
  }
  EXPECT_FALSE(LooksLikeFormula("38000"));
  EXPECT_EQ("cannot parse formula \"800×47\"",
            ParseFormula("800×47").status().message());
}

TEST(ReadStrokesAsOnesTest, ReadsStrokesBetweenDigitsAndUnitsAsOne) {
  EXPECT_EQ("21万元", ReadStrokesAsOnes("2]万元"));
  EXPECT_EQ("310.5", ReadStrokesAsOnes("3|0.5"));
  EXPECT_EQ("11元", ReadStrokesAsOnes("1l元"));
  EXPECT_EQ("211万元", ReadStrokesAsOnes("21丨万元"));  // a guess, as documented
  EXPECT_EQ(std::nullopt, ReadStrokesAsOnes("21万元"));
  EXPECT_EQ(std::nullopt, ReadStrokesAsOnes("2]"));      // nothing after it
  EXPECT_EQ(std::nullopt, ReadStrokesAsOnes("2]人"));    // not an amount
  EXPECT_EQ(std::nullopt, ReadStrokesAsOnes("]2万元"));  // nothing before it
}

TEST(LostLeadingDigitTest, ALeadingZeroBeforeMoreDigitsIsALostDigit) {
  for (const char* text : {"040000", "0,500", "¥0500元", "０４００００"})
    EXPECT_TRUE(LostLeadingDigit(text)) << text;
  for (const char* text : {"0", "0元", "0.5万元", "3040000", "¥0.50", "", "万元"})
    EXPECT_FALSE(LostLeadingDigit(text)) << text;
}

}  // namespace
}  // namespace decltab::normalize
