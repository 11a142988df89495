#include "export/output_set.h"

#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include "export/json_writer.h"
#include "tests/export/export_fixtures.h"

namespace decltab::exporter {
namespace {

using Names = std::vector<std::string>;
using testing::ReadFile;
using testing::ScratchDir;
using testing::SmallDeclaration;

TEST(OutputSetTest, WritesJsonAndCsvDirectory) {
  ScratchDir dir;
  Result<std::string> json =
      WriteOutputSet(SmallDeclaration(), dir / "out/nested", "sample", CsvOptions{});
  ASSERT_TRUE(json.ok()) << json.status().message();
  EXPECT_EQ(dir / "out/nested/sample.json", *json);
  EXPECT_EQ(ContractJsonText(SmallDeclaration()), ReadFile(*json));
  std::vector<std::string> csvs;
  for (const auto& e : std::filesystem::directory_iterator(dir / "out/nested/sample"))
    csvs.push_back(e.path().filename().string());
  std::sort(csvs.begin(), csvs.end());
  EXPECT_EQ((Names{"budget_lines.csv", "checks.csv", "indicators.csv", "projects.csv"}),
            csvs);
  std::vector<std::string> top;
  for (const auto& e : std::filesystem::directory_iterator(dir / "out/nested"))
    top.push_back(e.path().filename().string());
  std::sort(top.begin(), top.end());
  EXPECT_EQ((Names{"sample", "sample.json"}), top);
}

TEST(OutputSetTest, FailedJsonStepLeavesTheOldSetAndNoTemporaries) {
  ScratchDir dir;
  // An older CSV set exists; the JSON name is taken by a non-empty folder,
  // so the last step (renaming the JSON) fails after the CSVs were swapped.
  std::filesystem::create_directories(dir / "sample");
  { std::ofstream(dir / "sample/projects.csv") << "old"; }
  std::filesystem::create_directories(dir / "sample.json/blocker");
  Status s = WriteOutputFiles(SmallDeclaration(), dir / "sample.json", dir / "sample",
                              CsvOptions{});
  EXPECT_FALSE(s.ok());
  EXPECT_EQ((Names{"sample", "sample.json"}), dir.List());
  EXPECT_EQ("old", ReadFile(dir / "sample/projects.csv"));
  EXPECT_FALSE(std::filesystem::exists(dir / "sample/checks.csv"));
}

TEST(OutputSetTest, FailedCsvStepWritesNoJson) {
  ScratchDir dir;
  { std::ofstream(dir / "sample") << "a file where the CSV folder goes"; }
  Status s = WriteOutputFiles(SmallDeclaration(), dir / "sample.json", dir / "sample",
                              CsvOptions{});
  EXPECT_FALSE(s.ok());
  EXPECT_EQ((Names{"sample"}), dir.List());
}

TEST(OutputSetTest, RejectsAStemWithASlash) {
  ScratchDir dir;
  EXPECT_FALSE(WriteOutputSet(SmallDeclaration(), dir.path(), "a/b", CsvOptions{}).ok());
  EXPECT_FALSE(WriteOutputSet(SmallDeclaration(), dir.path(), "", CsvOptions{}).ok());
  EXPECT_TRUE(dir.List().empty());
}

// Files a person made beside the outputs, named like decltab's temporaries
// once were (<stem>.tmp-XXXXXX, <stem>.old-XXXXXX, <stem>.json.tmp-XXXXXX),
// are theirs: a write of the set leaves them alone.
TEST(OutputSetTest, LeavesFilesAPersonMadeBesideTheOutputs) {
  ScratchDir dir;
  std::filesystem::create_directories(dir / "report.old-backup");
  { std::ofstream(dir / "report.old-backup/notes.txt") << "mine"; }
  { std::ofstream(dir / "report.tmp-drafts") << "x"; }
  { std::ofstream(dir / "report.json.tmp-123456") << "x"; }
  // Decltab's own form, but of a process still running (this one's parent).
  const std::string running = ".report.json.decltab-tmp-" + std::to_string(getppid()) + "-aBcDeF";
  { std::ofstream(dir / running) << "being written"; }
  ASSERT_TRUE(WriteOutputSet(SmallDeclaration(), dir.path(), "report", CsvOptions{}).ok());
  EXPECT_EQ((Names{running, "report", "report.json", "report.json.tmp-123456",
                   "report.old-backup", "report.tmp-drafts"}),
            dir.List());
  EXPECT_EQ("mine", ReadFile(dir / "report.old-backup/notes.txt"));
}

// What a killed decltab left (its process is gone) is removed.
TEST(OutputSetTest, RemovesTemporariesOfAnEndedDecltab) {
  ScratchDir dir;
  pid_t child = fork();
  if (child == 0) _exit(0);
  ASSERT_GT(child, 0);
  waitpid(child, nullptr, 0);
  const std::string pid = std::to_string(child);
  { std::ofstream(dir / (".report.json.decltab-tmp-" + pid + "-aBcDeF")) << "x"; }
  std::filesystem::create_directories(dir / (".report.decltab-tmp-" + pid + "-aBcDeF"));
  std::filesystem::create_directories(dir / (".report.decltab-old-" + pid + "-aBcDeF"));
  ASSERT_TRUE(WriteOutputSet(SmallDeclaration(), dir.path(), "report", CsvOptions{}).ok());
  EXPECT_EQ((Names{"report", "report.json"}), dir.List());
}

// A folder where the CSV folder goes that holds other files is not
// decltab's: it is neither replaced nor deleted.
TEST(OutputSetTest, DoesNotReplaceAFolderHoldingOtherFiles) {
  ScratchDir dir;
  std::filesystem::create_directories(dir / "report");
  { std::ofstream(dir / "report/thesis.docx") << "mine"; }
  Result<std::string> json =
      WriteOutputSet(SmallDeclaration(), dir.path(), "report", CsvOptions{});
  ASSERT_FALSE(json.ok());
  EXPECT_NE(std::string::npos, json.status().message().find("thesis.docx"))
      << json.status().message();
  EXPECT_EQ((Names{"report"}), dir.List());
  EXPECT_EQ("mine", ReadFile(dir / "report/thesis.docx"));
}

}  // namespace
}  // namespace decltab::exporter
