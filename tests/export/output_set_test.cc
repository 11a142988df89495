#include "export/output_set.h"

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

}  // namespace
}  // namespace decltab::exporter
