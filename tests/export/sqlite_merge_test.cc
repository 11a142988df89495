// Shard databases merged into one hold what one database written directly
// holds; documents are kept once, keyed by sha256.
#include "export/sqlite_merge.h"

#include <gtest/gtest.h>

#include "export/sqlite_writer.h"
#include "tests/export/export_fixtures.h"
#include "tests/export/sqlite_test_util.h"

namespace decltab::exporter {
namespace {

using testing::ContentRows;
using testing::One;
using testing::ScratchDir;
using testing::SmallDeclaration;

// With a reviewer's correction of project 2 and one of the document.
Declaration Named(const std::string& sha256, const std::string& file) {
  Declaration d = SmallDeclaration(sha256);
  d.file = file;
  d.corrections = {
      Correction{2, "乙项目", "funds.total", "720000.50", "720000.00", "王审", "2026-12-08",
                 "ink"},
      Correction{0, "", "stated_project_count", "2", "2", "王审", "2026-12-08", ""}};
  return d;
}

TEST(SqliteMergeTest, ShardsMergedEqualOneDatabaseWrittenDirectly) {
  ScratchDir dir;
  const std::string whole = dir / "whole.db", a = dir / "a.db", b = dir / "b.db",
                    merged = dir / "merged.db";
  ASSERT_TRUE(WriteSqlite(Named("sha-1", "x/1.pdf"), whole).ok());
  ASSERT_TRUE(WriteSqlite(Named("sha-2", "x/2.pdf"), whole).ok());
  ASSERT_TRUE(WriteFailedDocument(whole, "x/3.pdf", "", "cannot read file").ok());
  // The shards written in another order, so that their ids differ.
  ASSERT_TRUE(WriteFailedDocument(a, "x/3.pdf", "", "cannot read file").ok());
  ASSERT_TRUE(WriteSqlite(Named("sha-2", "x/2.pdf"), a).ok());
  ASSERT_TRUE(WriteSqlite(Named("sha-1", "x/1.pdf"), b).ok());

  Result<MergeCounts> first = MergeDatabase(merged, a);
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(2, first->added);
  Result<MergeCounts> second = MergeDatabase(merged, b);
  ASSERT_TRUE(second.ok()) << second.status().message();
  EXPECT_EQ(1, second->added);

  std::vector<std::string> want = ContentRows(whole), got = ContentRows(merged);
  EXPECT_GT(want.size(), 20u);  // documents, projects, lines, indicators, checks, corrections
  EXPECT_EQ("2", One(merged, "SELECT COUNT(*) FROM corrections WHERE project_id IS NOT NULL"));
  EXPECT_EQ(want, got);
  EXPECT_EQ("<0 rows>", One(merged, "PRAGMA foreign_key_check"));  // no dangling keys
}

TEST(SqliteMergeTest, MergingTwiceAddsNothing) {
  ScratchDir dir;
  ASSERT_TRUE(WriteSqlite(Named("sha-1", "1.pdf"), dir / "shard.db").ok());
  ASSERT_TRUE(MergeDatabase(dir / "out.db", dir / "shard.db").ok());
  std::vector<std::string> once = ContentRows(dir / "out.db");
  Result<MergeCounts> again = MergeDatabase(dir / "out.db", dir / "shard.db");
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(0, again->added);
  EXPECT_EQ(1, again->kept);
  EXPECT_EQ(once, ContentRows(dir / "out.db"));
}

TEST(SqliteMergeTest, DoneCopyReplacesFailedRowButNotTheOtherWayRound) {
  ScratchDir dir;
  ASSERT_TRUE(WriteFailedDocument(dir / "out.db", "1.pdf", "sha-1", "page 2: cannot render").ok());
  ASSERT_TRUE(WriteSqlite(Named("sha-1", "1.pdf"), dir / "done.db").ok());
  Result<MergeCounts> merged = MergeDatabase(dir / "out.db", dir / "done.db");
  ASSERT_TRUE(merged.ok());
  EXPECT_EQ(1, merged->replaced);
  EXPECT_EQ("done|2", One(dir / "out.db",
                          "SELECT d.status, count(p.id) FROM documents d "
                          "JOIN projects p ON p.document_id = d.id"));

  ASSERT_TRUE(WriteFailedDocument(dir / "failed.db", "1.pdf", "sha-1", "damaged PDF").ok());
  merged = MergeDatabase(dir / "out.db", dir / "failed.db");
  ASSERT_TRUE(merged.ok());
  EXPECT_EQ(1, merged->kept);
  EXPECT_EQ("done", One(dir / "out.db", "SELECT status FROM documents"));
}

TEST(SqliteMergeTest, RejectsWhatIsNotADecltabDatabaseAndLeavesTargetAlone) {
  ScratchDir dir;
  ASSERT_TRUE(WriteSqlite(Named("sha-1", "1.pdf"), dir / "out.db").ok());
  std::vector<std::string> before = ContentRows(dir / "out.db");

  Result<MergeCounts> missing = MergeDatabase(dir / "out.db", dir / "nowhere.db");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(std::string::npos, missing.status().message().find("nowhere.db"));

  std::ofstream(dir / "notes.db") << "not sqlite at all, just text\n";
  Result<MergeCounts> text = MergeDatabase(dir / "out.db", dir / "notes.db");
  ASSERT_FALSE(text.ok());
  EXPECT_NE(std::string::npos, text.status().message().find("notes.db"));
  EXPECT_EQ(before, ContentRows(dir / "out.db"));
}

// A shard from an older decltab lacks columns added since (schema version 1
// is the only one released; its later columns are the ones a shard may
// lack): each such column missing, the shard still merges, the rest of its
// rows intact. SQLite 3.40 answered shard.pragma_table_info() with main's
// columns, and the merge failed "no such column".
TEST(SqliteMergeTest, ShardLackingALaterColumnMerges) {
  const std::pair<const char*, const char*> kLaterColumns[] = {
      {"documents", "written_at"},      {"documents", "warnings"},
      {"documents", "title"},           {"projects", "heading_name"},
      {"projects", "warnings"},         {"budget_lines", "quantity_text"},
      {"budget_lines", "amount_from_formula"}, {"budget_lines", "raw"},
      {"budget_lines", "cell"},         {"indicators", "target_value_text"},
      {"indicators", "cell"},           {"checks", "is_count"},
  };
  for (const auto& [table, column] : kLaterColumns) {
    SCOPED_TRACE(std::string(table) + "." + column);
    ScratchDir dir;
    const std::string shard = dir / "old.db", merged = dir / "merged.db";
    ASSERT_TRUE(WriteSqlite(Named("sha-1", "x/1.pdf"), shard).ok());
    {
      Result<SqlitePtr> db = OpenDatabase(shard);
      ASSERT_TRUE(db.ok());
      ASSERT_TRUE(Exec(db->get(), std::string("ALTER TABLE ") + table + " DROP COLUMN " +
                                      column).ok());
    }
    Result<MergeCounts> counts = MergeDatabase(merged, shard);
    ASSERT_TRUE(counts.ok()) << counts.status().message();
    EXPECT_EQ(1, counts->added);
    for (const char* t : {"documents", "projects", "budget_lines", "indicators", "checks"})
      EXPECT_EQ(One(shard, std::string("SELECT count(*) FROM ") + t),
                One(merged, std::string("SELECT count(*) FROM ") + t)) << t;
  }
}

}  // namespace
}  // namespace decltab::exporter
