#include "review/figures.h"

#include <gtest/gtest.h>

#include "tests/review/review_fixtures.h"

namespace decltab::review {
namespace {

using testing::ReviewDeclaration;

const Check* Find(const std::vector<Check>& checks, const std::string& rule) {
  for (const Check& c : checks)
    if (c.rule == rule) return &c;
  return nullptr;
}

TEST(FiguresTest, AMismatchInWords) {
  Declaration d = ReviewDeclaration();
  const Check* sum = Find(d.projects[1].checks, "budget_lines_sum_equals_total");
  ASSERT_NE(nullptr, sum);
  EXPECT_EQ("8 lines sum to 1,800,000.00 元; the form states 1,500,000.00 元; "
            "300,000.00 元 apart",
            CheckInWords(*sum));
}

TEST(FiguresTest, AnUnsureAgreementSaysSo) {
  Declaration d = ReviewDeclaration();
  const Check* sum = Find(d.projects[2].checks, "budget_lines_sum_equals_total");
  ASSERT_NE(nullptr, sum);
  ASSERT_EQ(CheckStatus::kUnverifiable, sum->status);
  EXPECT_EQ("2 lines sum to 300,000.00 元; the form states 300,000.00 元; they agree, "
            "but not every figure was read with confidence",
            CheckInWords(*sum));
}

TEST(FiguresTest, CountsAreNotMoney) {
  Check c{"project_count_equals_stated", CheckStatus::kMismatch, Fen(14), Fen(13), Fen(-1),
          true, ""};
  EXPECT_EQ("13 projects read; the document states 14; 1 apart", CheckInWords(c));
  EXPECT_EQ("", CheckInWords(Check{"funds_sources_sum", CheckStatus::kUnverifiable}));
}

TEST(FiguresTest, GroupedYuan) {
  EXPECT_EQ("1,234,567.05 元", GroupedYuan(Fen(123456705)));
  EXPECT_EQ("-300.00 元", GroupedYuan(Fen(-30000)));
  EXPECT_EQ("0.00 元", GroupedYuan(Fen(0)));
}

TEST(FiguresTest, TheSumRestsOnTheTotalAndEveryLine) {
  Declaration d = ReviewDeclaration();
  std::vector<Figure> figures = Figures(d);
  const Check* sum = Find(d.projects[1].checks, "budget_lines_sum_equals_total");
  std::vector<size_t> used = CheckFigures(d, 2, *sum, figures);
  ASSERT_EQ(9u, used.size());
  EXPECT_EQ("funds.total", figures[used[0]].field);
  EXPECT_EQ("budget_lines[8].amount", figures[used[8]].field);
  for (size_t i : used) EXPECT_EQ(2, figures[i].project);
}

TEST(FiguresTest, QueueIsMostDoubtfulFirst) {
  std::vector<Figure> figures(3);
  figures[0].source.confidence = 0.7f;
  figures[1].source.confidence = 0.95f;
  figures[2].source.confidence = 0.2f;
  EXPECT_EQ((std::vector<size_t>{2, 0}), ReviewQueue(figures, 0.8f));
}

}  // namespace
}  // namespace decltab::review
