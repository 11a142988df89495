// `decltab batch`, `extract` and `merge` with a postgresql:// URI on a real
// server: three shards writing into it at once, a batch killed with SIGKILL
// and re-run, and a SQLite database loaded by `merge` all end with the rows
// of one SQLite batch over the same corpus, row for row.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <thread>

#include "tests/e2e/batch_corpus.h"
#include "tests/e2e/run_decltab.h"
#include "tests/export/postgres_test_util.h"
#include "tests/export/sqlite_test_util.h"

namespace decltab::e2e {
namespace {

namespace fs = std::filesystem;
using exporter::testing::ContentRows;
using exporter::testing::PgContentRows;
using exporter::testing::PgOne;
using exporter::testing::PgTestDatabase;
using exporter::testing::Comparable;

class PostgresBatchTest : public ::testing::Test {
 protected:
  // One uninterrupted SQLite batch over the corpus: what the server must
  // hold after every run below.
  static void SetUpTestSuite() {
    ref_ = new ReferenceBatch("pg-batch-reference");
    reference_ = new std::vector<std::string>(Comparable(ContentRows(ref_->db)));
  }
  static void TearDownTestSuite() {
    delete ref_;
    delete reference_;
  }

  void SetUp() override {
    ASSERT_GT(reference_->size(), 50u) << "the reference batch wrote its rows";
  }

  static std::vector<std::string> Rows(const std::string& uri) {
    return Comparable(PgContentRows(uri));
  }

  static ReferenceBatch* ref_;
  static std::vector<std::string>* reference_;
  PgTestDatabase server_;
};
ReferenceBatch* PostgresBatchTest::ref_ = nullptr;
std::vector<std::string>* PostgresBatchTest::reference_ = nullptr;

// As a Slurm array job with DECLTAB_DB would run them (deploy/slurm-batch.sh),
// all three at once, straight into the server: no merge step.
TEST_F(PostgresBatchTest, ThreeShardsAtOnceEqualOneSqliteBatch) {
  std::string dir = TempDir("pg-batch-shards");
  std::vector<pid_t> tasks;
  for (int k = 0; k < 3; ++k) {
    pid_t pid = fork();
    if (pid == 0) {
      std::string task = "DECLTAB=" + std::string(DECLTAB_BINARY) + " DECLTAB_DB='" +
                         server_.uri() + "' SLURM_ARRAY_TASK_ID=" + std::to_string(k) +
                         " SLURM_ARRAY_TASK_COUNT=3 SLURM_CPUS_PER_TASK=1"
                         " exec deploy/slurm-batch.sh " + ref_->input + " " + dir + " >" + dir +
                         "/task-" + std::to_string(k) + ".log 2>&1";
      execl("/bin/sh", "sh", "-c", task.c_str(), static_cast<char*>(nullptr));
      _exit(127);
    }
    tasks.push_back(pid);
  }
  for (int k = 0; k < 3; ++k) {
    int status = 0;
    ASSERT_EQ(tasks[k], waitpid(tasks[k], &status, 0));
    const std::string log = ReadAll(dir + "/task-" + std::to_string(k) + ".log");
    ASSERT_TRUE(WIFEXITED(status)) << log;
    EXPECT_TRUE(WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 2) << log;
  }
  EXPECT_EQ(*reference_, Rows(server_.uri()));
  EXPECT_EQ(std::to_string(kDocuments), PgOne(server_.uri(), "SELECT count(*) FROM documents"));
  EXPECT_FALSE(fs::exists(dir + "/shard-0.db")) << "no SQLite file beside the server";
  EXPECT_TRUE(fs::exists(dir + "/json/box2/copy-3.json"));
}

int DoneCount(const std::string& uri) {
  std::string n = PgOne(uri, "SELECT count(*) FROM documents WHERE status = 'done'");
  return n.find_first_not_of("0123456789") == std::string::npos ? std::stoi(n) : 0;
}

TEST_F(PostgresBatchTest, KilledAtAnyMomentAndRerunEveryDocumentOnce) {
  std::string dir = TempDir("pg-batch-kill");
  const std::string args =
      "-q batch " + ref_->input + " -o " + dir + "/out --db '" + server_.uri() + "' -j 2";
  // First kill: as soon as one document is committed.
  pid_t pid = Spawn(args, dir);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(3);
  while (DoneCount(server_.uri()) < 1 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  const int after_first = DoneCount(server_.uri());
  ASSERT_GE(after_first, 1);
  ASSERT_LT(after_first, 5) << "the batch finished before it could be killed";
  // Then kills after growing delays, until a run ends by itself.
  int status = -1;
  for (int delay_ms = 150;; delay_ms *= 2) {
    pid = Spawn(args, dir);
    std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
    if (waitpid(pid, &status, WNOHANG) == pid) break;
    kill(pid, SIGKILL);
    waitpid(pid, nullptr, 0);
  }
  RunResult last = RunDecltab(args, dir);
  EXPECT_EQ(2, last.exit_code) << last.stderr_text;  // notes.pdf fails every time
  EXPECT_EQ(*reference_, Rows(server_.uri()));
  EXPECT_NE(std::string::npos, last.stdout_text.find("5 skipped")) << last.stdout_text;
}

// The reference database loaded as a shard (merging several, with ids that
// differ, is tests/export/postgres_database_test.cc's).
TEST_F(PostgresBatchTest, MergeLoadsASqliteShardIntoTheServer) {
  std::string dir = TempDir("pg-batch-merge");
  const std::string merge_args = "merge '" + server_.uri() + "' " + ref_->dir + "/ref.db";
  RunResult merged = RunDecltab(merge_args, dir);
  ASSERT_EQ(0, merged.exit_code) << merged.stderr_text;
  EXPECT_NE(std::string::npos, merged.stdout_text.find(": 6 added")) << merged.stdout_text;
  EXPECT_EQ(*reference_, Rows(server_.uri()));
  RunResult again = RunDecltab(merge_args, dir);  // loading twice adds nothing
  ASSERT_EQ(0, again.exit_code) << again.stderr_text;
  EXPECT_NE(std::string::npos, again.stdout_text.find(": 0 added")) << again.stdout_text;
  EXPECT_EQ(*reference_, Rows(server_.uri()));
}

TEST_F(PostgresBatchTest, ExtractWritesTheSameRowsAsIntoSqlite) {
  std::string dir = TempDir("pg-extract");
  RunResult sqlite = RunDecltab(
      "-q extract testdata/variant-a.pdf -o " + dir + "/a --db " + dir + "/a.db", dir);
  ASSERT_EQ(0, sqlite.exit_code) << sqlite.stderr_text;
  RunResult pg = RunDecltab(
      "-q extract testdata/variant-a.pdf -o " + dir + "/b --db '" + server_.uri() + "'", dir);
  ASSERT_EQ(0, pg.exit_code) << pg.stderr_text;
  EXPECT_EQ(Comparable(ContentRows(dir + "/a.db")), Rows(server_.uri()));
  // A password in the URI is refused before anything is read.
  RunResult secret = RunDecltab(
      "-q extract testdata/variant-a.pdf -o " + dir + "/c --db "
      "'postgresql://decltab:s3cret@localhost/x'", dir);
  EXPECT_EQ(2, secret.exit_code);
  EXPECT_EQ(std::string::npos, secret.stderr_text.find("s3cret")) << secret.stderr_text;
  EXPECT_NE(std::string::npos, secret.stderr_text.find("PGPASSWORD")) << secret.stderr_text;
}

}  // namespace
}  // namespace decltab::e2e
