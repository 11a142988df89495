#include "core/decimal.h"

#include <gtest/gtest.h>

namespace decltab {
namespace {

TEST(DecimalTest, ParsesAndPrints) {
  const struct { const char* text; int64_t mantissa; int scale; const char* out; } kCases[] = {
      {"46", 46, 0, "46"}, {"0.5", 5, 1, "0.5"}, {"10.39", 1039, 2, "10.39"},
      {"-3.25", -325, 2, "-3.25"}, {"1,260.5", 12605, 1, "1260.5"}};
  for (const auto& c : kCases) {
    std::optional<Decimal> d = Decimal::Parse(c.text);
    ASSERT_TRUE(d.has_value()) << c.text;
    EXPECT_EQ(c.mantissa, d->mantissa) << c.text;
    EXPECT_EQ(c.scale, d->scale) << c.text;
    EXPECT_EQ(c.out, d->ToString()) << c.text;
  }
}

TEST(DecimalTest, RejectsNonNumbers) {
  for (const char* text : {"", "-", ".", "1.2.3", "12a", "万", ",5"})
    EXPECT_FALSE(Decimal::Parse(text).has_value()) << text;
}

TEST(DecimalTest, ReadsEveryValueThatFitsInt64) {
  EXPECT_EQ(INT64_MAX, Decimal::Parse("9223372036854775807")->mantissa);
  EXPECT_EQ(9'223'372'036'854'775'800,
            Decimal::Parse("92233720368547758.00")->mantissa);
  EXPECT_FALSE(Decimal::Parse("9223372036854775808").has_value());
}

TEST(DecimalTest, MultipliesAmountsExactly) {
  // 46 × 0.3万元 = 13.8万元; 800 × 47 = 37600 元.
  EXPECT_EQ(Fen(138'000'00), Decimal::Parse("46")->Times(Fen(3'000'00)));
  EXPECT_EQ(Fen(37'600'00), Decimal::Parse("47")->Times(Fen(800'00)));
  EXPECT_EQ(Fen(5'00), Decimal::Parse("0.5")->Times(Fen(10'00)));
  EXPECT_FALSE(Decimal::Parse("0.333")->Times(Fen(1)).has_value());
  EXPECT_EQ(*Decimal::Parse("0.50"), *Decimal::Parse("0.5"));
}

TEST(FenTest, FormatsYuanWithTwoDecimals) {
  EXPECT_EQ("37800000.00", Fen(3'780'000'000).ToYuanString());
  EXPECT_EQ("0.05", Fen(5).ToYuanString());
  EXPECT_EQ("-1.50", Fen(-150).ToYuanString());
}

}  // namespace
}  // namespace decltab
