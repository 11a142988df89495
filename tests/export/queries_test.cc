#include "export/queries.h"

#include <gtest/gtest.h>

#include "export/sqlite_writer.h"
#include "tests/export/export_fixtures.h"
#include "tests/export/sqlite_test_util.h"

namespace decltab::exporter {
namespace {

using Rows = std::vector<std::string>;

TEST(QueriesTest, FindsProjectsWhoseLinesDoNotAddUp) {
  testing::ScratchDir dir;
  std::string db = dir / "t.db";
  // In the sample, project 1's lines add up (275万 + 103万 = 378万) and
  // project 2's do not (70万 against 720000.50).
  ASSERT_TRUE(WriteSqlite(testing::SmallDeclaration("aaa"), db).ok());
  Declaration other = testing::SmallDeclaration("bbb");
  other.file = "in/other.pdf";
  other.projects[0].budget_lines[1].amount.value = Fen(1030000'01);  // one fen too many
  other.projects[1].budget_lines.clear();  // no lines: nothing to compare
  Project no_total;
  no_total.name = "丙项目";
  no_total.budget_lines = other.projects[0].budget_lines;
  other.projects.push_back(no_total);  // no funds.total: nothing to compare
  ASSERT_TRUE(WriteSqlite(other, db).ok());

  EXPECT_EQ((Rows{"in/other.pdf|1|甲项目|378000000|378000001|1",
                  "in/sample.pdf|2|乙项目|72000050|70000000|-2000050"}),
            testing::Query(db, kProjectsWhoseLinesDoNotAddUp));
}

}  // namespace
}  // namespace decltab::exporter
