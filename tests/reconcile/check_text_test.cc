#include "reconcile/check_text.h"

#include <gtest/gtest.h>

#include "tests/reconcile/fixtures.h"

namespace decltab::reconcile {
namespace {

using testing::Stated;

TEST(CheckTextTest, DescribesSourcesWithPageCellRawAndConfidence) {
  EXPECT_EQ("p3 table 1 r4c5 '1500000.00' (conf 0.97)",
            DescribeSource(Source{3, "table 1 r4c5", "1500000.00", 0.97f}));
  EXPECT_EQ("'3万元' (conf 1.00)", DescribeSource(Source{0, "", "3万元", 1.0f}));
  EXPECT_EQ("p2 text (conf 0.50)",
            DescribeSource(Source{2, "text", "3万元", 0.5f}, /*with_raw=*/false));
}

TEST(CheckTextTest, DescribesStatedAmountsWithTheirRawTextWhenItDiffers) {
  EXPECT_EQ("6069.30万元 (60693000.00 元)",
            DescribeStated(Stated(60693000'00, 10000, 1, "text", "6069.30万元")));
  EXPECT_EQ("37800000.00 元",
            DescribeStated(Stated(37800000'00, 1, 1, "", "37800000.00")));
  EXPECT_EQ("0.50 元", DescribeStated(Stated(50)));
  EXPECT_EQ("37800000 元", DescribeStated(Stated(37800000'00, 100, 1, "", "37800000")));
  EXPECT_EQ("1,500 元", DescribeStated(Stated(1500'00, 100, 1, "", "1,500")));
  EXPECT_EQ("3780 (37.80 元)", DescribeStated(Stated(37'80, 1, 1, "", "3780")));
}

TEST(CheckTextTest, ToleranceIsInclusiveOnBothSides) {
  const struct {
    int64_t computed, expected, tolerance;
    CheckStatus status;
    const char* residue;
  } kCases[] = {
      {100, 100, 1, CheckStatus::kOk, "residue 0.00 元 within 0.01 元"},
      {10100, 100, 10000, CheckStatus::kOk, "residue 100.00 元 within 100.00 元"},
      {10101, 100, 10000, CheckStatus::kMismatch, "residue 100.01 元 exceeds 100.00 元"},
      {-9900, 100, 10000, CheckStatus::kOk, "residue -100.00 元 within 100.00 元"},
      {-9901, 100, 10000, CheckStatus::kMismatch, "residue -100.01 元 exceeds 100.00 元"},
      {101, 100, 1, CheckStatus::kOk, "residue 0.01 元 within 0.01 元"},
      {102, 100, 1, CheckStatus::kMismatch, "residue 0.02 元 exceeds 0.01 元"},
  };
  for (const auto& c : kCases) {
    Check check = CompareToStated("r", Fen(c.computed), Fen(c.expected),
                                  Fen(c.tolerance), "a vs b", {});
    EXPECT_EQ(c.status, check.status) << c.computed;
    EXPECT_EQ(std::string("a vs b: ") + c.residue, check.detail);
    EXPECT_EQ(Fen(c.computed - c.expected), check.delta);
    EXPECT_EQ(Fen(c.expected), check.expected);
    EXPECT_EQ(Fen(c.computed), check.computed);
  }
}

TEST(CheckTextTest, LowConfidenceMakesEvenAnAgreeingCheckUnverifiable) {
  Source shaky{3, "table 1 r4c5", "1500000.00", 0.61f};
  Source sure{3, "table 1 r4c3", "1500000.00", 0.99f};
  std::vector<std::string> low =
      LowConfidence({{"funds.total", &sure}, {"funds.annual_request", &shaky}}, 0.8f);
  ASSERT_EQ(1u, low.size());
  EXPECT_EQ("funds.annual_request p3 table 1 r4c5 '1500000.00' (conf 0.61)", low[0]);

  Check agree = CompareToStated("r", Fen(5), Fen(5), Fen(1), "x", low);
  EXPECT_EQ(CheckStatus::kUnverifiable, agree.status);
  EXPECT_EQ("x: residue 0.00 元 within 0.01 元; low confidence: " + low[0],
            agree.detail);
  Check disagree = CompareToStated("r", Fen(500), Fen(5), Fen(1), "x", low);
  EXPECT_EQ(CheckStatus::kUnverifiable, disagree.status);

  // Exactly at the threshold counts as sure.
  Source edge{1, "", "", 0.8f};
  EXPECT_TRUE(LowConfidence({{"e", &edge}}, 0.8f).empty());
}

TEST(CheckTextTest, JoinsAtMostLimitItems) {
  EXPECT_EQ("a; b (+2 more)", JoinLimited({"a", "b", "c", "d"}, 2));
  EXPECT_EQ("a", JoinLimited({"a"}, 2));
  EXPECT_EQ("", JoinLimited({}, 2));
}

}  // namespace
}  // namespace decltab::reconcile
