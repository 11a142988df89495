// `decltab batch` on a small corpus: bad files fail one by one while the
// rest go on; a batch killed with SIGKILL at any moment and re-run ends with
// every document present exactly once; three shards merged equal one run.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <thread>

#include "tests/e2e/bad_files.h"
#include "tests/e2e/batch_corpus.h"
#include "tests/e2e/run_decltab.h"
#include "tests/export/sqlite_test_util.h"

namespace decltab::e2e {
namespace {

namespace fs = std::filesystem;
using exporter::testing::ContentRows;
using exporter::testing::One;
using exporter::testing::Query;

class BatchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ref_ = new ReferenceBatch("batch-reference");
    reference_ = new std::vector<std::string>(ContentRows(ref_->db));
  }
  static void TearDownTestSuite() {
    delete ref_;
    delete reference_;
  }

  static ReferenceBatch* ref_;
  static std::vector<std::string>* reference_;
};
ReferenceBatch* BatchTest::ref_ = nullptr;
std::vector<std::string>* BatchTest::reference_ = nullptr;

TEST_F(BatchTest, ReferenceRunHasEveryDocumentOnce) {
  EXPECT_EQ(2, ref_->exit_code) << "one file failed";
  std::string db = ref_->dir + "/ref.db";
  EXPECT_EQ("5|1", One(db, "SELECT sum(status = 'done'), sum(status = 'failed') FROM documents"));
  EXPECT_EQ("1", One(db, "SELECT count(*) FROM documents WHERE file LIKE '%notes.pdf' "
                         "AND error = 'not a PDF or image'"));
  EXPECT_EQ("4", One(db, "SELECT count(*) FROM projects p JOIN documents d ON "
                         "p.document_id = d.id WHERE d.file LIKE '%copy-2.pdf'"));
  EXPECT_TRUE(fs::exists(ref_->dir + "/out/box2/copy-2.json"));
  EXPECT_TRUE(fs::exists(ref_->dir + "/out/variant-a/checks.csv"));
}

int DoneCount(const std::string& db) {
  if (!fs::exists(db)) return 0;
  std::vector<std::string> rows = Query(db, "SELECT count(*) FROM documents WHERE status = 'done'");
  return rows.size() == 1 && rows[0].find("error") == std::string::npos ? std::stoi(rows[0]) : 0;
}

TEST_F(BatchTest, KilledAtAnyMomentAndRerunEveryDocumentOnce) {
  std::string dir = TempDir("batch-kill");
  std::string db = dir + "/d.db", out = dir + "/out";
  const std::string args = "-q batch " + ref_->input + " -o " + out + " --db " + db + " -j 2";

  // First kill: as soon as one document is committed.
  pid_t pid = Spawn(args, dir);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::minutes(3);
  while (DoneCount(db) < 1 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  const int after_first = DoneCount(db);
  ASSERT_GE(after_first, 1);
  ASSERT_LT(after_first, 5) << "the batch finished before it could be killed";

  // Then kills after growing delays, mid-page or mid-write, until a run ends
  // by itself.
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

  EXPECT_EQ(*reference_, ContentRows(db));
  EXPECT_EQ(std::to_string(kDocuments), One(db, "SELECT count(*) FROM documents"));
  // Nothing half-written is left among the outputs.
  // (The batch's lock file, .decltab-batch-0-of-1.lock, stays by design.)
  for (const fs::directory_entry& e : fs::recursive_directory_iterator(out))
    EXPECT_TRUE(e.path().filename().string().find(".decltab-") == std::string::npos ||
                e.path().filename().string() == ".decltab-batch-0-of-1.lock")
        << e.path();
  // The final run skipped what was done.
  EXPECT_NE(std::string::npos, last.stdout_text.find("5 skipped")) << last.stdout_text;
}

// As a Slurm array job would run them (deploy/slurm-batch.sh).
TEST_F(BatchTest, ThreeShardsMergedEqualOneRun) {
  std::string dir = TempDir("batch-shards");
  std::string merge_args = "merge " + dir + "/all.db";
  int shard_docs = 0;
  for (int k = 0; k < 3; ++k) {
    std::string task = "DECLTAB=" + std::string(DECLTAB_BINARY) +
                       " SLURM_ARRAY_TASK_ID=" + std::to_string(k) +
                       " SLURM_ARRAY_TASK_COUNT=3 SLURM_CPUS_PER_TASK=2"
                       " deploy/slurm-batch.sh " + ref_->input + " " + dir + " >" + dir +
                       "/task.log 2>&1";
    int status = std::system(task.c_str());
    ASSERT_TRUE(WIFEXITED(status)) << ReadAll(dir + "/task.log");
    EXPECT_TRUE(WEXITSTATUS(status) == 0 || WEXITSTATUS(status) == 2) << ReadAll(dir + "/task.log");
    std::string db = dir + "/shard-" + std::to_string(k) + ".db";
    shard_docs += std::stoi(One(db, "SELECT count(*) FROM documents"));
    merge_args += " " + db;
  }
  EXPECT_EQ(kDocuments, shard_docs) << "each document in exactly one shard";
  RunResult merged = RunDecltab(merge_args, dir);
  ASSERT_EQ(0, merged.exit_code) << merged.stderr_text;
  EXPECT_EQ(*reference_, ContentRows(dir + "/all.db"));
  EXPECT_TRUE(fs::exists(dir + "/json/box2/copy-3.json"));
}

TEST(BatchBadInputTest, EveryBadFileFailsWithItsReasonAndTheBatchGoesOn) {
  std::string dir = TempDir("batch-bad");
  std::string in = dir + "/in";
  fs::create_directories(in);
  std::vector<BadFile> bad = BadFiles();
  for (const BadFile& f : bad) WriteFile(in + "/" + f.name, f.bytes);
  fs::create_symlink(dir + "/nowhere.pdf", in + "/dangling.pdf");
  bad.push_back({"dangling.pdf", "", "cannot read file"});
  fs::copy_file("testdata/variant-b.pdf", in + "/good.pdf");

  RunResult run = RunDecltab("batch " + in + " -o " + dir + "/out --db " + dir + "/d.db -j 2", dir);
  EXPECT_EQ(2, run.exit_code);
  for (const BadFile& f : bad) {
    SCOPED_TRACE(f.name);
    // One timestamped log line naming file and reason.
    EXPECT_NE(std::string::npos,
              run.stderr_text.find("failed " + in + "/" + f.name + ": "))
        << run.stderr_text;
    EXPECT_EQ("1", One(dir + "/d.db", "SELECT count(*) FROM documents WHERE status = 'failed' "
                                      "AND file = '" + in + "/" + f.name +
                                      "' AND instr(error, '" + f.reason + "') > 0"));
  }
  EXPECT_EQ("done", One(dir + "/d.db", "SELECT status FROM documents WHERE file LIKE '%good.pdf'"));
  EXPECT_NE(std::string::npos, run.stdout_text.find("1 done, 0 skipped, " +
                                                    std::to_string(bad.size()) + " failed"))
      << run.stdout_text;
  // Only the good document has outputs (and the batch its lock file, which
  // stays by design).
  std::vector<std::string> outputs;
  for (const fs::directory_entry& e : fs::directory_iterator(dir + "/out"))
    outputs.push_back(e.path().filename().string());
  outputs.erase(std::remove(outputs.begin(), outputs.end(), ".decltab-batch-0-of-1.lock"),
                outputs.end());
  std::sort(outputs.begin(), outputs.end());
  EXPECT_EQ((std::vector<std::string>{"good", "good.json"}), outputs);
}

}  // namespace
}  // namespace decltab::e2e
