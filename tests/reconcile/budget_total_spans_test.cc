#include "reconcile/budget_total_spans.h"

#include <gtest/gtest.h>

#include "tests/reconcile/fixtures.h"

namespace decltab::reconcile {
namespace {

using testing::Line;
using testing::SourceAt;
using testing::Stated;

TEST(BudgetTotalSpansTest, CellReferencesAreTheSourcesTypedFields) {
  Source typed{3, "reworded: any text", "", 1};
  typed.table = 2;
  typed.row = 9;
  typed.col = 4;
  std::optional<CellRef> ref = CellRefOf(typed);
  ASSERT_TRUE(ref.has_value());
  EXPECT_EQ(3, ref->page);
  EXPECT_EQ(2, ref->table);
  EXPECT_EQ(9, ref->row);
  EXPECT_EQ(4, ref->col);
  EXPECT_FALSE(CellRefOf(Source{3, "table 2 r9c4", "", 1}).has_value());
  Source whole_row = typed;
  whole_row.col = 0;
  EXPECT_FALSE(CellRefOf(whole_row).has_value());
}

TEST(BudgetTotalSpansTest, SubtotalSpanStopsAtThePreviousTotal) {
  Project p;
  p.budget_lines = {Line("a", 1, "table 1 r1c2"), Line("b", 1, "table 1 r2c2"),
                    Line("c", 1, "table 1 r4c2"), Line("other table", 1, "table 2 r1c2")};
  p.stated_budget_totals = {Stated(2, 1, 2, "table 1 r3c2"), Stated(3, 1, 2, "table 1 r5c2")};
  std::vector<LineSpan> spans = CandidateSpans(p, 1);
  ASSERT_EQ(3u, spans.size());
  EXPECT_EQ((std::vector<size_t>{2}), spans[0].lines);
  EXPECT_EQ("1 lines of p2 table 1 above it since the total in row 3",
            spans[0].description);
  EXPECT_EQ((std::vector<size_t>{0, 1, 2}), spans[1].lines);
  EXPECT_EQ((std::vector<size_t>{0, 1, 2, 3}), spans[2].lines);
  // The first total covers only the two lines above it.
  std::vector<LineSpan> first = CandidateSpans(p, 0);
  EXPECT_EQ((std::vector<size_t>{0, 1}), first[0].lines);
}

// A table cut by the page break: its total on page 3 covers its lines on
// page 2 too, those below page 2's own total.
TEST(BudgetTotalSpansTest, TotalOfATableCutByThePageBreak) {
  Project p;
  p.budget_lines = {Line("first table", 5, "table 1 r1c2", 0.99f, 2),
                    Line("a", 1, "table 2 r2c2", 0.99f, 2),
                    Line("b", 1, "table 2 r4c2", 0.99f, 2),
                    Line("c", 1, "table 2 r5c2", 0.99f, 2),
                    Line("d", 1, "table 1 r1c2", 0.99f, 3)};
  p.stated_budget_totals = {Stated(1, 1, 2, "table 2 r3c2"),
                            Stated(3, 1, 3, "table 1 r2c2")};
  std::vector<LineSpan> spans = CandidateSpans(p, 1);
  ASSERT_EQ(3u, spans.size());
  EXPECT_EQ((std::vector<size_t>{4}), spans[0].lines);
  EXPECT_EQ((std::vector<size_t>{2, 3, 4}), spans[1].lines);
  EXPECT_EQ("3 lines of p2 table 2 since the total in row 3 and p3 table 1 above it",
            spans[1].description);
  EXPECT_EQ(5u, spans[2].lines.size());
  // The second table on a page, or a total after one in its own table part,
  // does not reach back.
  p.stated_budget_totals[1].source = SourceAt(3, "table 2 r2c2");
  p.budget_lines[4].amount.source = SourceAt(3, "table 2 r1c2");
  EXPECT_EQ(2u, CandidateSpans(p, 1).size());
}

TEST(BudgetTotalSpansTest, RepeatedAndEmptySpansAreDropped) {
  Project p;
  p.budget_lines = {Line("a", 1, "table 1 r1c2")};
  p.stated_budget_totals = {Stated(1, 1, 2, "table 1 r2c2"), Stated(1, 1, 2, "text")};
  EXPECT_EQ(1u, CandidateSpans(p, 0).size());
  EXPECT_EQ(1u, CandidateSpans(p, 1).size());
  Project empty;
  empty.stated_budget_totals = {Stated(1)};
  EXPECT_TRUE(CandidateSpans(empty, 0).empty());
}

}  // namespace
}  // namespace decltab::reconcile
