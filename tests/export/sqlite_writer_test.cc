#include "export/sqlite_writer.h"

#include <sys/wait.h>
#include <unistd.h>

#include <set>
#include <thread>

#include <gtest/gtest.h>

#include "export/sqlite_db.h"
#include "tests/export/export_fixtures.h"
#include "tests/export/sqlite_test_util.h"

namespace decltab::exporter {
namespace {

using Rows = std::vector<std::string>;
using testing::One;
using testing::Query;
using testing::ScratchDir;
using testing::SmallDeclaration;

std::string Columns(const std::string& db, const std::string& table) {
  std::string out;
  for (const std::string& name :
       Query(db, "SELECT name FROM pragma_table_info('" + table + "') ORDER BY cid"))
    out += (out.empty() ? "" : ",") + name;
  return out;
}

bool HasAll(const std::string& columns, const std::vector<std::string>& wanted) {
  std::string padded = "," + columns + ",";
  for (const std::string& w : wanted)
    if (padded.find("," + w + ",") == std::string::npos) return false;
  return true;
}

TEST(SqliteWriterTest, RecordsCorrectionsInTheirOwnTable) {
  ScratchDir dir;
  const std::string db = dir / "d.sqlite";
  Declaration d = SmallDeclaration();
  d.projects[1].funds.total->value = Fen(720000'00);  // as corrected
  d.corrections = {Correction{2, "乙项目", "funds.total", "720000.50", "72万元", "王审",
                              "2026-12-08T04:00:00Z", "ink reads 72万元"},
                   Correction{0, "", "stated_project_count", "2", "2", "王审", "", ""}};
  ASSERT_TRUE(WriteSqlite(d, db).ok());
  EXPECT_EQ((Rows{"乙项目|1|funds.total|720000.50|72万元|王审|2026-12-08T04:00:00Z|"
                  "ink reads 72万元|72000000",
                  "NULL|2|stated_project_count|2|2|王审|||NULL"}),
            Query(db, "SELECT p.name, c.seq, c.field, c.read_value, c.corrected_value, c.who, "
                      "c.at, c.note, p.total_fen FROM corrections c LEFT JOIN projects p "
                      "ON p.id = c.project_id ORDER BY c.seq"));
  // Written again (corrected once more), the rows are replaced, not added.
  ASSERT_TRUE(WriteSqlite(d, db).ok());
  EXPECT_EQ("2", One(db, "SELECT COUNT(*) FROM corrections"));
}

TEST(SqliteWriterTest, CreatesTheContractSchema) {
  ScratchDir dir;
  std::string db = dir / "t.db";
  ASSERT_TRUE(WriteSqlite(SmallDeclaration(), db).ok());
  EXPECT_TRUE(HasAll(Columns(db, "documents"),
                     {"id", "sha256", "file", "pages", "kind", "status", "error",
                      "stated_project_count", "stated_total_fen"}))
      << Columns(db, "documents");
  EXPECT_TRUE(HasAll(Columns(db, "projects"),
                     {"id", "document_id", "seq", "name", "category", "department",
                      "implementer", "start_date", "end_date", "total_fen",
                      "annual_request_fen", "appropriation_fen", "fiscal_fen",
                      "carryover_fen", "other_fen"}));
  EXPECT_TRUE(HasAll(Columns(db, "budget_lines"),
                     {"id", "project_id", "seq", "grp", "item", "quantity", "unit",
                      "unit_price_fen", "amount_fen", "raw", "page", "confidence",
                      "cell"}));
  EXPECT_TRUE(HasAll(Columns(db, "indicators"),
                     {"id", "project_id", "seq", "level1", "level2", "level3", "target",
                      "page", "confidence"}));
  EXPECT_TRUE(HasAll(Columns(db, "checks"),
                     {"id", "document_id", "project_id", "rule", "status",
                      "expected_fen", "computed_fen", "delta_fen", "detail", "scope"}));
  // Amount columns are INTEGER; children cascade from their parents.
  EXPECT_EQ("INTEGER", One(db, "SELECT type FROM pragma_table_info('budget_lines') "
                               "WHERE name = 'amount_fen'"));
  EXPECT_EQ((Rows{"documents|CASCADE"}),
            Query(db, "SELECT \"table\", on_delete FROM pragma_foreign_key_list('projects')"));
  EXPECT_EQ((Rows{"projects|CASCADE"}),
            Query(db, "SELECT \"table\", on_delete FROM "
                      "pragma_foreign_key_list('budget_lines')"));
  EXPECT_EQ("wal", One(db, "PRAGMA journal_mode"));
  EXPECT_EQ("2", One(db, "PRAGMA user_version"));
  EXPECT_EQ("3", One(db, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND "
                         "name LIKE 'checks_%'"));
}

TEST(SqliteWriterTest, RoundTripsASmallDeclaration) {
  ScratchDir dir;
  std::string db = dir / "t.db";
  ASSERT_TRUE(WriteSqlite(SmallDeclaration(), db).ok());
  EXPECT_EQ("abc123|in/sample.pdf|6|scanned|done|NULL|2|450000000",
            One(db, "SELECT sha256, file, pages, kind, status, error, "
                    "stated_project_count, stated_total_fen FROM documents"));
  EXPECT_EQ((Rows{"1|甲项目|1,2,3|经常性项目|378000000|378000000|378000000|378000000|0|0",
                  "2|乙项目|4,5,6|NULL|72000050|NULL|NULL|NULL|NULL|NULL"}),
            Query(db, "SELECT seq, name, pages, category, total_fen, annual_request_fen, "
                      "appropriation_fen, fiscal_fen, carryover_fen, other_fen "
                      "FROM projects ORDER BY seq"));
  EXPECT_EQ((Rows{"甲项目|1|工作组成|干部工作经费|11.0|11|人|25000000|275000000|2|table 1 "
                  "r3c4|0.95",
                  "甲项目|2|NULL|培训费|NULL|NULL|NULL|NULL|103000000|2|text|1.0",
                  "乙项目|1|NULL|印刷费|NULL|NULL|NULL|NULL|70000000|4|table 2 r2c2|0.97"}),
            Query(db, "SELECT p.name, b.seq, grp, item, quantity, quantity_text, unit, "
                      "unit_price_fen, amount_fen, page, cell, confidence FROM "
                      "budget_lines b JOIN projects p ON p.id = b.project_id "
                      "ORDER BY p.seq, b.seq"));
  EXPECT_EQ((Rows{"1|产出指标|数量指标|结对单位数|>=2家|>=|2.0|家",
                  "2|效益指标|社会效益指标|工作开展|及时|NULL|NULL|NULL"}),
            Query(db, "SELECT seq, level1, level2, level3, target, target_op, "
                      "target_value, target_unit FROM indicators ORDER BY seq"));
  EXPECT_EQ((Rows{"1|budget_line|line_quantity_times_price|ok|275000000|0",
                  "1|project|budget_lines_sum_equals_total|ok|378000000|0",
                  "1|project|funds_sources_sum|unverifiable|NULL|0",
                  "2|project|budget_lines_sum_equals_total|mismatch|72000050|0",
                  "NULL|document|project_count_equals_stated|ok|2|1"}),
            Query(db, "SELECT p.seq, c.scope, c.rule, c.status, c.expected_fen, "
                      "c.is_count FROM checks c LEFT JOIN projects p ON p.id = "
                      "c.project_id ORDER BY c.seq"));
}

TEST(SqliteWriterTest, SameSha256ReplacesTheEarlierRows) {
  ScratchDir dir;
  std::string db = dir / "t.db";
  ASSERT_TRUE(WriteSqlite(SmallDeclaration("aaa"), db).ok());
  ASSERT_TRUE(WriteSqlite(SmallDeclaration("bbb"), db).ok());
  Declaration again = SmallDeclaration("aaa");
  again.projects.pop_back();
  again.projects[0].name = "甲项目(新)";
  ASSERT_TRUE(WriteSqlite(again, db).ok());

  EXPECT_EQ((Rows{"aaa|1", "bbb|2"}),
            Query(db, "SELECT d.sha256, COUNT(p.id) FROM documents d LEFT JOIN projects "
                      "p ON p.document_id = d.id GROUP BY d.id ORDER BY d.sha256"));
  EXPECT_EQ("甲项目(新)", One(db, "SELECT p.name FROM projects p JOIN documents d ON "
                                 "d.id = p.document_id WHERE d.sha256 = 'aaa'"));
  // No orphans of the replaced copy survive.
  EXPECT_EQ("5", One(db, "SELECT COUNT(*) FROM budget_lines"));  // 2 + 3
  EXPECT_EQ("0", One(db, "SELECT COUNT(*) FROM budget_lines b LEFT JOIN projects p "
                         "ON p.id = b.project_id WHERE p.id IS NULL"));
  EXPECT_EQ("0", One(db, "SELECT COUNT(*) FROM checks c LEFT JOIN documents d ON "
                         "d.id = c.document_id WHERE d.id IS NULL"));
  EXPECT_EQ("4", One(db, "SELECT COUNT(*) FROM checks WHERE document_id = "
                         "(SELECT id FROM documents WHERE sha256 = 'aaa')"));
}

TEST(SqliteWriterTest, FailedDocumentsGetOneFailedRow) {
  ScratchDir dir;
  std::string db = dir / "t.db";
  ASSERT_TRUE(WriteSqlite(SmallDeclaration("aaa"), db).ok());
  ASSERT_TRUE(WriteFailedDocument(db, "in/sample.pdf", "aaa", "page 3: unreadable").ok());
  EXPECT_EQ("aaa|in/sample.pdf|failed|page 3: unreadable|NULL",
            One(db, "SELECT sha256, file, status, error, pages FROM documents"));
  EXPECT_EQ("0", One(db, "SELECT COUNT(*) FROM projects"));

  // A file that could not even be hashed: keyed by its name.
  ASSERT_TRUE(WriteFailedDocument(db, "x.pdf", "", "not a PDF").ok());
  ASSERT_TRUE(WriteFailedDocument(db, "x.pdf", "", "still not a PDF").ok());
  ASSERT_TRUE(WriteFailedDocument(db, "y.pdf", "", "not a PDF").ok());
  EXPECT_EQ((Rows{"x.pdf|NULL|still not a PDF", "y.pdf|NULL|not a PDF"}),
            Query(db, "SELECT file, sha256, error FROM documents WHERE sha256 IS NULL "
                      "ORDER BY file"));

  // Succeeding later replaces the failure.
  ASSERT_TRUE(WriteSqlite(SmallDeclaration("aaa"), db).ok());
  EXPECT_EQ("done|NULL", One(db, "SELECT status, error FROM documents WHERE sha256 = 'aaa'"));
}

// A trigger that fails the write once some rows are in, as a full disk or a
// constraint would midway through a document.
void AddFailingTrigger(const std::string& db_path, const std::string& body) {
  Result<SqlitePtr> db = OpenDatabase(db_path);
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE(Exec(db->get(),
                   "CREATE TRIGGER boom BEFORE INSERT ON indicators WHEN NEW.level3 = "
                   "'BOOM' BEGIN " + body + "; END")
                  .ok());
}

TEST(SqliteWriterTest, ErrorMidDocumentLeavesNoHalfDocument) {
  ScratchDir dir;
  std::string db = dir / "t.db";
  ASSERT_TRUE(WriteSqlite(SmallDeclaration("aaa"), db).ok());
  AddFailingTrigger(db, "SELECT RAISE(ABORT, 'disk full')");

  Declaration bad = SmallDeclaration("bbb");
  bad.projects[1].indicators.push_back(Indicator{});
  bad.projects[1].indicators.back().level3 = "BOOM";
  Status s = WriteSqlite(bad, db);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(std::string::npos, s.message().find("project 2: indicator 1")) << s.message();
  EXPECT_NE(std::string::npos, s.message().find("disk full")) << s.message();
  EXPECT_EQ((Rows{"aaa"}), Query(db, "SELECT sha256 FROM documents"));
  EXPECT_EQ("2", One(db, "SELECT COUNT(*) FROM projects"));

  // Replacing "aaa" with a failing copy keeps the old "aaa" whole.
  Declaration bad_aaa = bad;
  bad_aaa.sha256 = "aaa";
  bad_aaa.projects[0].name = "should not appear";
  EXPECT_FALSE(WriteSqlite(bad_aaa, db).ok());
  EXPECT_EQ((Rows{"甲项目", "乙项目"}), Query(db, "SELECT name FROM projects ORDER BY seq"));
  EXPECT_EQ("3", One(db, "SELECT COUNT(*) FROM budget_lines"));
}

// Registered in every connection the crashing child opens.
void CrashFunction(sqlite3_context*, int, sqlite3_value**) { ::_exit(3); }
int RegisterCrash(sqlite3* db, char**, const struct sqlite3_api_routines*) {
  return sqlite3_create_function(db, "crash_now", 0, SQLITE_UTF8, nullptr,
                                 &CrashFunction, nullptr, nullptr);
}

TEST(SqliteWriterTest, ProcessDyingMidTransactionLeavesNoHalfDocument) {
  ScratchDir dir;
  std::string db = dir / "t.db";
  ASSERT_TRUE(WriteSqlite(SmallDeclaration("aaa"), db).ok());
  AddFailingTrigger(db, "SELECT crash_now()");

  Declaration doomed = SmallDeclaration("bbb");
  doomed.projects[1].indicators.push_back(Indicator{});
  doomed.projects[1].indicators.back().level3 = "BOOM";
  pid_t child = ::fork();
  ASSERT_NE(-1, child);
  if (child == 0) {
    sqlite3_auto_extension(reinterpret_cast<void (*)()>(&RegisterCrash));
    WriteSqlite(doomed, db);
    ::_exit(0);  // not reached when the trigger fires
  }
  int status = 0;
  ASSERT_EQ(child, ::waitpid(child, &status, 0));
  ASSERT_TRUE(WIFEXITED(status));
  ASSERT_EQ(3, WEXITSTATUS(status)) << "the child must die inside the transaction";

  EXPECT_EQ("ok", One(db, "PRAGMA integrity_check"));
  EXPECT_EQ((Rows{"aaa"}), Query(db, "SELECT sha256 FROM documents"));
  EXPECT_EQ("3", One(db, "SELECT COUNT(*) FROM budget_lines"));
  // The database takes the next writer.
  {
    Result<SqlitePtr> h = OpenDatabase(db);
    ASSERT_TRUE(h.ok());
    ASSERT_TRUE(Exec(h->get(), "DROP TRIGGER boom").ok());
  }
  ASSERT_TRUE(WriteSqlite(SmallDeclaration("bbb"), db).ok());
  EXPECT_EQ((Rows{"aaa", "bbb"}), Query(db, "SELECT sha256 FROM documents ORDER BY 1"));
}

TEST(SqliteWriterTest, ConcurrentWritersWaitForEachOther) {
  ScratchDir dir;
  std::string db = dir / "t.db";
  constexpr int kWriters = 4, kDocsEach = 5;
  std::vector<std::thread> threads;
  std::vector<int> failures(kWriters, 0);
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      for (int k = 0; k < kDocsEach; ++k) {
        std::string sha = "w" + std::to_string(w) + "d" + std::to_string(k);
        if (!WriteSqlite(SmallDeclaration(sha), db).ok()) ++failures[w];
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int w = 0; w < kWriters; ++w) EXPECT_EQ(0, failures[w]) << "writer " << w;
  EXPECT_EQ(std::to_string(kWriters * kDocsEach), One(db, "SELECT COUNT(*) FROM documents"));
  EXPECT_EQ(std::to_string(2 * kWriters * kDocsEach),
            One(db, "SELECT COUNT(*) FROM projects"));
}

TEST(SqliteWriterTest, ReadableFileReplacesItsEarlierUnreadableRow) {
  ScratchDir dir;
  std::string db = dir / "t.db";
  Declaration d = SmallDeclaration("abc");
  ASSERT_TRUE(WriteFailedDocument(db, d.file, "", "cannot read file: Permission denied").ok());
  ASSERT_TRUE(WriteFailedDocument(db, "other.pdf", "", "cannot read file").ok());
  ASSERT_TRUE(WriteSqlite(d, db).ok());
  EXPECT_EQ((Rows{"abc|done", "NULL|failed"}),
            Query(db, "SELECT sha256, status FROM documents ORDER BY file"));
}

TEST(SqliteWriterTest, CompletedDocumentsListsOnlyDoneOnes) {
  ScratchDir dir;
  std::string db = dir / "t.db";
  Result<std::set<std::string>> none = CompletedDocuments(db);
  ASSERT_TRUE(none.ok());
  EXPECT_TRUE(none->empty());
  ASSERT_TRUE(WriteSqlite(SmallDeclaration("aaa"), db).ok());
  ASSERT_TRUE(WriteFailedDocument(db, "x.pdf", "bbb", "damaged PDF").ok());
  Result<std::set<std::string>> done = CompletedDocuments(db);
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(std::set<std::string>{"aaa"}, *done);
}

}  // namespace
}  // namespace decltab::exporter
