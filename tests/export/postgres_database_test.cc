// The Database interface (export/database.h) on a real PostgreSQL server,
// each test run on a SQLite file as well: both implementations store the
// same rows, replace and fail documents alike, merge shards alike, and
// answer the README's discrepancy query alike.
#include "export/database.h"

#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <thread>

#include <gtest/gtest.h>

#include "export/postgres_db.h"
#include "export/queries.h"
#include "export/sqlite_db.h"
#include "export/sqlite_schema.h"
#include "export/sqlite_writer.h"
#include "tests/export/export_fixtures.h"
#include "tests/export/postgres_test_util.h"
#include "tests/export/sqlite_test_util.h"

namespace decltab::exporter {
namespace {

using Rows = std::vector<std::string>;
using testing::ContentRows;
using testing::PgContentRows;
using testing::PgTestDatabase;
using testing::ScratchDir;
using testing::SmallDeclaration;
using testing::Comparable;
using testing::WithoutZeroFractions;

enum class Backend { kSqlite, kPostgres };

class DatabaseTest : public ::testing::TestWithParam<Backend> {
 protected:
  void SetUp() override {
    if (GetParam() == Backend::kPostgres) {
      server_ = std::make_unique<PgTestDatabase>();
      target_ = server_->uri();
    } else {
      target_ = dir_ / "t.db";
    }
  }

  std::unique_ptr<Database> Open() {
    Result<std::unique_ptr<Database>> db = OpenOutputDatabase(target_);
    EXPECT_TRUE(db.ok()) << db.status().message();
    return db.ok() ? std::move(db).value() : nullptr;
  }

  // Rows of `sql`, whole-number REALs written as integers on both.
  Rows Query(const std::string& sql) {
    return WithoutZeroFractions(GetParam() == Backend::kPostgres
                                    ? testing::PgQuery(target_, sql)
                                    : testing::Query(target_, sql));
  }
  std::string One(const std::string& sql) {
    Rows rows = Query(sql);
    return rows.size() == 1 ? rows[0] : "<" + std::to_string(rows.size()) + " rows>";
  }
  Rows Content() {
    return Comparable(GetParam() == Backend::kPostgres ? PgContentRows(target_)
                                                                 : ContentRows(target_));
  }

  // A statement that fails the write of an indicator whose level3 is BOOM,
  // as a full disk or a constraint would midway through a document.
  void AddFailingTrigger() {
    if (GetParam() == Backend::kPostgres) {
      EXPECT_EQ(Rows{}, testing::PgQuery(target_,
                                         "CREATE FUNCTION boom() RETURNS trigger AS $$ BEGIN "
                                         "IF NEW.level3 = 'BOOM' THEN RAISE EXCEPTION 'disk "
                                         "full'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql; "
                                         "CREATE TRIGGER boom BEFORE INSERT ON indicators FOR "
                                         "EACH ROW EXECUTE FUNCTION boom()"));
    } else {
      Result<SqlitePtr> db = OpenDatabase(target_);
      ASSERT_TRUE(db.ok());
      ASSERT_TRUE(Exec(db->get(),
                       "CREATE TRIGGER boom BEFORE INSERT ON indicators WHEN NEW.level3 = "
                       "'BOOM' BEGIN SELECT RAISE(ABORT, 'disk full'); END")
                      .ok());
    }
  }

  ScratchDir dir_;
  std::unique_ptr<PgTestDatabase> server_;
  std::string target_;
};

Declaration Named(const std::string& sha256, const std::string& file) {
  Declaration d = SmallDeclaration(sha256);
  d.file = file;
  return d;
}

TEST_P(DatabaseTest, RoundTripsASmallDeclarationToTheFen) {
  std::unique_ptr<Database> db = Open();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->Write(SmallDeclaration()).ok());
  EXPECT_EQ("abc123|in/sample.pdf|6|scanned|done|NULL|2|450000000",
            One("SELECT sha256, file, pages, kind, status, error, "
                "stated_project_count, stated_total_fen FROM documents"));
  EXPECT_EQ((Rows{"1|甲项目|1,2,3|经常性项目|378000000|378000000|378000000|378000000|0|0",
                  "2|乙项目|4,5,6|NULL|72000050|NULL|NULL|NULL|NULL|NULL"}),
            Query("SELECT seq, name, pages, category, total_fen, annual_request_fen, "
                  "appropriation_fen, fiscal_fen, carryover_fen, other_fen "
                  "FROM projects ORDER BY seq"));
  EXPECT_EQ((Rows{"甲项目|1|工作组成|干部工作经费|11|11|人|25000000|275000000|2|table 1 "
                  "r3c4|0.95",
                  "甲项目|2|NULL|培训费|NULL|NULL|NULL|NULL|103000000|2|text|1",
                  "乙项目|1|NULL|印刷费|NULL|NULL|NULL|NULL|70000000|4|table 2 r2c2|0.97"}),
            Query("SELECT p.name, b.seq, grp, item, quantity, quantity_text, unit, "
                  "unit_price_fen, amount_fen, page, cell, confidence FROM "
                  "budget_lines b JOIN projects p ON p.id = b.project_id "
                  "ORDER BY p.seq, b.seq"));
  EXPECT_EQ((Rows{"1|产出指标|数量指标|结对单位数|>=2家|>=|2|家",
                  "2|效益指标|社会效益指标|工作开展|及时|NULL|NULL|NULL"}),
            Query("SELECT seq, level1, level2, level3, target, target_op, "
                  "target_value, target_unit FROM indicators ORDER BY seq"));
  EXPECT_EQ((Rows{"1|budget_line|line_quantity_times_price|ok|275000000|0",
                  "1|project|budget_lines_sum_equals_total|ok|378000000|0",
                  "1|project|funds_sources_sum|unverifiable|NULL|0",
                  "2|project|budget_lines_sum_equals_total|mismatch|72000050|0",
                  "NULL|document|project_count_equals_stated|ok|2|1"}),
            Query("SELECT p.seq, c.scope, c.rule, c.status, c.expected_fen, "
                  "c.is_count FROM checks c LEFT JOIN projects p ON p.id = "
                  "c.project_id ORDER BY c.seq"));
  // Amounts beyond 32 bits survive to the fen.
  Declaration big = SmallDeclaration("big");
  big.projects[0].budget_lines[0].amount.value = Fen(int64_t{9'007'199'254'740'993});
  ASSERT_TRUE(db->Write(big).ok());
  EXPECT_EQ("9007199254740993",
            One("SELECT b.amount_fen FROM budget_lines b JOIN projects p ON p.id = "
                "b.project_id JOIN documents d ON d.id = p.document_id WHERE d.sha256 = "
                "'big' AND p.seq = 1 AND b.seq = 1"));
}

TEST_P(DatabaseTest, SameSha256ReplacesTheEarlierRows) {
  std::unique_ptr<Database> db = Open();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->Write(SmallDeclaration("aaa")).ok());
  ASSERT_TRUE(db->Write(SmallDeclaration("bbb")).ok());
  Declaration again = SmallDeclaration("aaa");
  again.projects.pop_back();
  again.projects[0].name = "甲项目(新)";
  ASSERT_TRUE(db->Write(again).ok());
  EXPECT_EQ((Rows{"aaa|1", "bbb|2"}),
            Query("SELECT d.sha256, COUNT(p.id) FROM documents d LEFT JOIN projects "
                  "p ON p.document_id = d.id GROUP BY d.id ORDER BY d.sha256"));
  EXPECT_EQ("5", One("SELECT COUNT(*) FROM budget_lines"));  // 2 + 3, no orphans
  EXPECT_EQ("4", One("SELECT COUNT(*) FROM checks WHERE document_id = "
                     "(SELECT id FROM documents WHERE sha256 = 'aaa')"));
}

TEST_P(DatabaseTest, RecordsCorrectionsWithTheirProject) {
  std::unique_ptr<Database> db = Open();
  ASSERT_TRUE(db);
  Declaration d = SmallDeclaration("aaa");
  d.corrections = {Correction{2, "乙项目", "funds.total", "720000.50", "72万元", "王审",
                              "2026-12-08", "ink"},
                   Correction{0, "", "stated_project_count", "2", "2", "王审", "", ""}};
  ASSERT_TRUE(db->Write(d).ok());
  EXPECT_EQ((Rows{"乙项目|1|funds.total|720000.50|72万元|王审|2026-12-08|ink",
                  "NULL|2|stated_project_count|2|2|王审||"}),
            Query("SELECT coalesce(p.name, 'NULL'), c.seq, c.field, c.read_value, "
                  "c.corrected_value, c.who, c.at, c.note FROM corrections c LEFT JOIN "
                  "projects p ON p.id = c.project_id ORDER BY c.seq"));
}

TEST_P(DatabaseTest, DoneReplacesFailedAndUnreadableFilesAreKeyedByName) {
  std::unique_ptr<Database> db = Open();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->WriteFailed("in/sample.pdf", "", "cannot read file").ok());
  ASSERT_TRUE(db->WriteFailed("x.pdf", "", "not a PDF").ok());
  ASSERT_TRUE(db->WriteFailed("x.pdf", "", "still not a PDF").ok());
  ASSERT_TRUE(db->WriteFailed("y.pdf", "bbb", "page 3: unreadable").ok());
  EXPECT_EQ((Rows{"in/sample.pdf|NULL|failed", "x.pdf|NULL|failed", "y.pdf|bbb|failed"}),
            Query("SELECT file, sha256, status FROM documents ORDER BY file"));
  ASSERT_TRUE(db->Write(SmallDeclaration("aaa")).ok());  // in/sample.pdf, now readable
  EXPECT_EQ((Rows{"in/sample.pdf|aaa|done|NULL", "x.pdf|NULL|failed|still not a PDF",
                  "y.pdf|bbb|failed|page 3: unreadable"}),
            Query("SELECT file, sha256, status, error FROM documents ORDER BY file"));
  Result<std::set<std::string>> done = db->CompletedDocuments();
  ASSERT_TRUE(done.ok());
  EXPECT_EQ(std::set<std::string>{"aaa"}, *done);
}

TEST_P(DatabaseTest, ErrorMidDocumentLeavesNoHalfDocument) {
  std::unique_ptr<Database> db = Open();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->Write(SmallDeclaration("aaa")).ok());
  AddFailingTrigger();
  Declaration bad = SmallDeclaration("aaa");
  bad.projects[0].name = "should not appear";
  bad.projects[1].indicators.push_back(Indicator{});
  bad.projects[1].indicators.back().level3 = "BOOM";
  Status s = db->Write(bad);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(std::string::npos, s.message().find("project 2: indicator 1")) << s.message();
  EXPECT_NE(std::string::npos, s.message().find("disk full")) << s.message();
  EXPECT_EQ((Rows{"甲项目", "乙项目"}), Query("SELECT name FROM projects ORDER BY seq"));
  EXPECT_EQ("3", One("SELECT COUNT(*) FROM budget_lines"));
  // The connection takes the next document.
  ASSERT_TRUE(db->Write(SmallDeclaration("bbb")).ok());
  EXPECT_EQ("2", One("SELECT COUNT(*) FROM documents"));
}

// Several writers at once, as shards on several machines: distinct
// documents all land; the same documents written by every writer land once,
// without a deadlock or a duplicate-key error.
TEST_P(DatabaseTest, ConcurrentWritersNeverDuplicateOrDeadlock) {
  ASSERT_TRUE(Open());  // the schema, so that all writers start at once
  constexpr int kWriters = 4, kDocs = 5;
  std::vector<std::thread> threads;
  std::vector<std::string> errors(kWriters);
  for (int w = 0; w < kWriters; ++w) {
    threads.emplace_back([&, w] {
      Result<std::unique_ptr<Database>> db = OpenOutputDatabase(target_);
      if (!db.ok()) {
        errors[w] = db.status().message();
        return;
      }
      for (int k = 0; k < kDocs; ++k) {
        for (const std::string& sha :
             {"w" + std::to_string(w) + "d" + std::to_string(k), "shared" + std::to_string(k)}) {
          Status s = (*db)->Write(Named(sha, sha + ".pdf"));
          if (!s.ok()) errors[w] = s.message();
        }
      }
    });
  }
  for (std::thread& t : threads) t.join();
  for (int w = 0; w < kWriters; ++w) EXPECT_EQ("", errors[w]) << "writer " << w;
  EXPECT_EQ(std::to_string(kWriters * kDocs + kDocs), One("SELECT COUNT(*) FROM documents"));
  EXPECT_EQ(std::to_string(2 * (kWriters * kDocs + kDocs)), One("SELECT COUNT(*) FROM projects"));
  EXPECT_EQ(std::to_string(3 * (kWriters * kDocs + kDocs)),
            One("SELECT COUNT(*) FROM budget_lines"));
}

TEST_P(DatabaseTest, AnswersTheReadmeDiscrepancyQuery) {
  std::unique_ptr<Database> db = Open();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->Write(SmallDeclaration("aaa")).ok());
  Declaration other = SmallDeclaration("bbb");
  other.file = "in/other.pdf";
  other.projects[0].budget_lines[1].amount.value = Fen(1030000'01);  // one fen too many
  other.projects[1].budget_lines.clear();
  ASSERT_TRUE(db->Write(other).ok());
  EXPECT_EQ((Rows{"in/other.pdf|1|甲项目|378000000|378000001|1",
                  "in/sample.pdf|2|乙项目|72000050|70000000|-2000050"}),
            Query(kProjectsWhoseLinesDoNotAddUp));
}

// Shards written to SQLite files in another order than one whole database:
// merged, both hold what the whole one holds, however ids were assigned.
TEST_P(DatabaseTest, ShardsMergedEqualOneDatabaseWrittenDirectly) {
  const std::string whole = dir_ / "whole.db", a = dir_ / "a.db", b = dir_ / "b.db";
  ASSERT_TRUE(WriteSqlite(Named("sha-1", "x/1.pdf"), whole).ok());
  ASSERT_TRUE(WriteSqlite(Named("sha-2", "x/2.pdf"), whole).ok());
  ASSERT_TRUE(WriteFailedDocument(whole, "x/3.pdf", "", "cannot read file").ok());
  ASSERT_TRUE(WriteFailedDocument(a, "x/3.pdf", "", "cannot read file").ok());
  ASSERT_TRUE(WriteSqlite(Named("sha-2", "x/2.pdf"), a).ok());
  ASSERT_TRUE(WriteSqlite(Named("sha-1", "x/1.pdf"), b).ok());

  std::unique_ptr<Database> db = Open();
  ASSERT_TRUE(db);
  Result<MergeCounts> first = db->MergeShard(a);
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(2, first->added);
  Result<MergeCounts> second = db->MergeShard(b);
  ASSERT_TRUE(second.ok()) << second.status().message();
  EXPECT_EQ(1, second->added);
  Rows want = Comparable(ContentRows(whole));
  EXPECT_GT(want.size(), 20u);
  EXPECT_EQ(want, Content());

  Result<MergeCounts> again = db->MergeShard(a);  // nothing new
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(0, again->added);
  EXPECT_EQ(2, again->kept);
  EXPECT_EQ(want, Content());
}

TEST_P(DatabaseTest, MergedDoneCopyReplacesFailedRowButNotTheOtherWayRound) {
  std::unique_ptr<Database> db = Open();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->WriteFailed("1.pdf", "sha-1", "page 2: cannot render").ok());
  ASSERT_TRUE(WriteSqlite(Named("sha-1", "1.pdf"), dir_ / "done.db").ok());
  Result<MergeCounts> merged = db->MergeShard(dir_ / "done.db");
  ASSERT_TRUE(merged.ok()) << merged.status().message();
  EXPECT_EQ(1, merged->replaced);
  EXPECT_EQ("done|2", One("SELECT d.status, count(p.id) FROM documents d "
                          "JOIN projects p ON p.document_id = d.id GROUP BY d.status"));
  ASSERT_TRUE(WriteFailedDocument(dir_ / "failed.db", "1.pdf", "sha-1", "damaged PDF").ok());
  merged = db->MergeShard(dir_ / "failed.db");
  ASSERT_TRUE(merged.ok());
  EXPECT_EQ(1, merged->kept);
  EXPECT_EQ("done", One("SELECT status FROM documents"));
}

TEST_P(DatabaseTest, MergeRejectsWhatIsNotADecltabDatabase) {
  std::unique_ptr<Database> db = Open();
  ASSERT_TRUE(db);
  ASSERT_TRUE(db->Write(SmallDeclaration("aaa")).ok());
  Rows before = Content();
  Result<MergeCounts> missing = db->MergeShard(dir_ / "nowhere.db");
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(std::string::npos, missing.status().message().find("nowhere.db"));
  std::ofstream(dir_ / "notes.db") << "not sqlite at all, just text\n";
  Result<MergeCounts> text = db->MergeShard(dir_ / "notes.db");
  ASSERT_FALSE(text.ok());
  EXPECT_NE(std::string::npos, text.status().message().find("notes.db"));
  EXPECT_EQ(before, Content());
}

INSTANTIATE_TEST_SUITE_P(Both, DatabaseTest,
                         ::testing::Values(Backend::kSqlite, Backend::kPostgres),
                         [](const ::testing::TestParamInfo<Backend>& info) {
                           return info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
                         });

TEST(PostgresDatabaseTest, CreatesTheSqliteSchemaWithServerTypes) {
  ScratchDir dir;
  PgTestDatabase server;
  ASSERT_TRUE(OpenOutputDatabase(server.uri()).ok());
  ASSERT_TRUE(OpenWithSchema(dir / "t.db").ok());
  for (const char* table :
       {"documents", "projects", "budget_lines", "indicators", "checks", "corrections"}) {
    SCOPED_TRACE(table);
    Rows sqlite = testing::Query(dir / "t.db", std::string("SELECT name FROM pragma_table_info('") +
                                                    table + "') ORDER BY cid");
    Rows pg = testing::PgQuery(server.uri(),
                               std::string("SELECT column_name FROM information_schema.columns "
                                           "WHERE table_name = '") +
                                   table + "' ORDER BY ordinal_position");
    EXPECT_EQ(sqlite, pg);
  }
  EXPECT_EQ((Rows{"amount_fen|bigint", "unit_price_fen|bigint"}),
            testing::PgQuery(server.uri(),
                             "SELECT column_name, data_type FROM information_schema.columns "
                             "WHERE table_name = 'budget_lines' AND column_name LIKE '%_fen' "
                             "ORDER BY 1"));
  EXPECT_EQ("timestamp with time zone",
            testing::PgOne(server.uri(),
                           "SELECT data_type FROM information_schema.columns WHERE "
                           "table_name = 'documents' AND column_name = 'written_at'"));
  EXPECT_EQ((Rows{"budget_lines|projects|c", "checks|documents|c", "checks|projects|c",
                  "corrections|documents|c", "corrections|projects|c",
                  "indicators|projects|c", "projects|documents|c"}),
            testing::PgQuery(server.uri(),
                             "SELECT conrelid::regclass::text AS t, confrelid::regclass::text AS r, "
                             "confdeltype FROM pg_constraint WHERE contype = 'f' ORDER BY t, r"));
  EXPECT_EQ("2", testing::PgOne(server.uri(), "SELECT max(version) FROM decltab_schema"));
  EXPECT_EQ("UTF8", testing::PgOne(server.uri(), "SELECT pg_encoding_to_char(encoding) FROM "
                                                 "pg_database WHERE datname = current_database()"));
  EXPECT_EQ((Rows{"budget_lines_project", "checks_document", "checks_project",
                  "checks_rule_status", "indicators_project", "projects_document",
                  "projects_name"}),
            testing::PgQuery(server.uri(),
                             "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE "
                             "'%_pkey' AND indexname NOT LIKE '%_key' AND indexname NOT "
                             "LIKE 'documents_%' ORDER BY 1"));
  // Opening again changes nothing; a newer schema is refused.
  ASSERT_TRUE(OpenOutputDatabase(server.uri()).ok());
  EXPECT_EQ("1", testing::PgOne(server.uri(), "SELECT count(*) FROM decltab_schema"));
  testing::PgQuery(server.uri(), "INSERT INTO decltab_schema (version) VALUES (99)");
  Result<std::unique_ptr<Database>> newer = OpenOutputDatabase(server.uri());
  ASSERT_FALSE(newer.ok());
  EXPECT_NE(std::string::npos, newer.status().message().find("newer")) << newer.status().message();
}

TEST(PostgresDatabaseTest, RefusesAPasswordInTheUriAndNeverRepeatsIt) {
  for (const char* uri : {"postgresql://decltab:s3cret-pw@localhost:1/db",
                          "postgres://decltab@localhost:1/db?password=s3cret-pw"}) {
    Result<std::unique_ptr<Database>> db = OpenOutputDatabase(uri);
    ASSERT_FALSE(db.ok());
    EXPECT_EQ(Status::Code::kInvalidInput, db.status().code());
    EXPECT_NE(std::string::npos, db.status().message().find("PGPASSWORD"));
    EXPECT_EQ(std::string::npos, db.status().message().find("s3cret")) << db.status().message();
  }
  // Errors of a server that is not there name no password either.
  Result<std::unique_ptr<Database>> absent =
      OpenOutputDatabase("postgresql://decltab@127.0.0.1:1/db?connect_timeout=2");
  ASSERT_FALSE(absent.ok());
  EXPECT_NE(std::string::npos, absent.status().message().find("cannot connect"));
}

// A writer killed with SIGKILL inside a document's transaction: the server
// rolls it back and releases its lock; the next writer of the same document
// neither waits nor finds half of it.
TEST(PostgresDatabaseTest, WriterKilledMidTransactionLeavesNoHalfDocument) {
  PgTestDatabase server;
  {
    Result<std::unique_ptr<Database>> db = OpenOutputDatabase(server.uri());
    ASSERT_TRUE(db.ok());
    ASSERT_TRUE((*db)->Write(SmallDeclaration("aaa")).ok());
  }
  // A backend checks every 50 ms whether its client is still there, even
  // while a statement runs (here: the trigger's sleep).
  ASSERT_EQ(Rows{}, testing::PgQuery(
                        server.uri(),
                        "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET "
                        "client_connection_check_interval = 50', current_database()); END $$; "
                        "CREATE FUNCTION hang() RETURNS trigger AS $$ BEGIN IF NEW.level3 = "
                        "'HANG' THEN PERFORM pg_sleep(60); END IF; RETURN NEW; END $$ "
                        "LANGUAGE plpgsql; CREATE TRIGGER hang BEFORE INSERT ON indicators "
                        "FOR EACH ROW EXECUTE FUNCTION hang()"));
  Declaration doomed = SmallDeclaration("bbb");
  doomed.projects[1].indicators.push_back(Indicator{});
  doomed.projects[1].indicators.back().level3 = "HANG";
  pid_t child = ::fork();
  ASSERT_NE(-1, child);
  if (child == 0) {
    Result<std::unique_ptr<Database>> db = OpenOutputDatabase(server.uri());
    if (db.ok()) (*db)->Write(doomed);
    ::_exit(0);
  }
  // Until the child is inside its transaction, in the trigger's sleep.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (testing::PgOne(server.uri(), "SELECT count(*) FROM pg_stat_activity WHERE "
                                      "wait_event = 'PgSleep'") != "1" &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  ::kill(child, SIGKILL);
  int status = 0;
  ASSERT_EQ(child, ::waitpid(child, &status, 0));
  ASSERT_TRUE(WIFSIGNALED(status)) << "the child must die inside the transaction";
  // The server notices the dead client, rolls back and ends its backend.
  while (testing::PgOne(server.uri(), "SELECT count(*) FROM pg_stat_activity WHERE "
                                      "wait_event = 'PgSleep'") != "0" &&
         std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ((Rows{"aaa"}), testing::PgQuery(server.uri(), "SELECT sha256 FROM documents"));
  EXPECT_EQ("2", testing::PgOne(server.uri(), "SELECT count(*) FROM projects"));

  Result<std::unique_ptr<Database>> db = OpenOutputDatabase(server.uri());
  ASSERT_TRUE(db.ok());
  ASSERT_TRUE((*db)->Write(SmallDeclaration("bbb")).ok());
  EXPECT_EQ((Rows{"aaa", "bbb"}),
            testing::PgQuery(server.uri(), "SELECT sha256 FROM documents ORDER BY 1"));
}

}  // namespace
}  // namespace decltab::exporter
