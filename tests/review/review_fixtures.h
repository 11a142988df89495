// A small reconciled declaration for the review tests, and page images
// that are placeholders, so the report can be checked without a PDF.
#ifndef DECLTAB_TESTS_REVIEW_REVIEW_FIXTURES_H_
#define DECLTAB_TESTS_REVIEW_REVIEW_FIXTURES_H_

#include <string>

#include "core/declaration.h"
#include "reconcile/reconcile.h"
#include "review/figure_images.h"
#include "tests/reconcile/fixtures.h"

namespace decltab::review::testing {

using reconcile::testing::Line;
using reconcile::testing::Stated;

// Project 1 agrees; project 2's eight lines sum to 1,800,000.00 元 against
// a stated 1,500,000.00 元; project 3 has a line read at confidence 0.33,
// so its sum is unverifiable though the figures agree.
inline Declaration ReviewDeclaration() {
  Declaration d;
  d.file = "in/sample.pdf";
  d.sha256 = "0123456789abcdef";
  d.page_count = 3;
  d.dpi = 300;
  d.title = "某区财政支出项目<绩效>目标申报表";
  d.stated_project_count = 3;
  d.stated_total = Stated(2000000'00, 100, 1, "text", "200万元");
  Project a = reconcile::testing::ConsistentProject("甲项目", 200000'00);
  a.budget_lines = {Line("甲费", 200000'00)};
  Project b = reconcile::testing::ConsistentProject("合作<b>交流</b>", 1500000'00);
  for (int i = 0; i < 8; ++i) {
    BudgetLine l = Line("费" + std::to_string(i + 1), 225000'00,
                        "table 2 r" + std::to_string(i + 2) + "c4");
    l.amount.source.box = Rect{1200, 400 + 80 * i, 300, 70};
    l.amount.source.dpi = 300;
    l.amount.source.page = 2;
    b.budget_lines.push_back(l);
  }
  b.funds.total->source.box = Rect{800, 300, 400, 70};
  b.funds.total->source.dpi = 300;
  Project c = reconcile::testing::ConsistentProject("丙项目", 300000'00);
  c.budget_lines = {Line("丙费一", 100000'00), Line("丙费二", 200000'00, "table 3 r3c4", 0.33f)};
  c.budget_lines[1].amount.source.raw = "20万元";
  d.projects = {a, b, c};
  reconcile::Reconcile(&d, reconcile::ReconcileOptions{});
  return d;
}

// Every crop and page is a fixed tiny data URI that names the source.
class FakeImages : public FigureImages {
 public:
  std::string CropUri(const Source& s) const override {
    return s.page > 0 ? "data:image/png;base64,CROP" + std::to_string(s.page) : "";
  }
  std::string PageUri(int page) const override {
    return "data:image/png;base64,PAGE" + std::to_string(page);
  }
  PageFrame Frame(int page) const override { return PageFrame{2480, 3508, 300}; }
};

}  // namespace decltab::review::testing

#endif  // DECLTAB_TESTS_REVIEW_REVIEW_FIXTURES_H_
