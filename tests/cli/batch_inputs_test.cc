#include "cli/batch_inputs.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

namespace decltab::cli {
namespace {

namespace fs = std::filesystem;

class BatchInputsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() /
            (std::string("decltab-inputs-") +
             ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(root_);
    fs::create_directories(root_ / "in/b");
  }
  void TearDown() override { fs::remove_all(root_); }
  void Touch(const std::string& rel) { std::ofstream(root_ / rel) << "x"; }
  std::string Path(const std::string& rel) const { return (root_ / rel).string(); }

  fs::path root_;
};

std::vector<std::string> Relatives(const std::vector<BatchInput>& inputs) {
  std::vector<std::string> out;
  for (const BatchInput& i : inputs) out.push_back(i.relative);
  return out;
}

TEST_F(BatchInputsTest, FolderGivesDocumentsAndScansRecursivelyInOrder) {
  for (const char* f : {"in/z.pdf", "in/a.PDF", "in/b/scan.TIFF", "in/b/p.jpeg",
                        "in/notes.txt", "in/b/readme", "in/c.png"})
    Touch(f);
  Result<std::vector<BatchInput>> inputs = ListBatchInputs(Path("in"));
  ASSERT_TRUE(inputs.ok()) << inputs.status().message();
  EXPECT_EQ((std::vector<std::string>{"a.PDF", "b/p.jpeg", "b/scan.TIFF", "c.png", "z.pdf"}),
            Relatives(*inputs));
  EXPECT_EQ(Path("in/a.PDF"), (*inputs)[0].path);
}

TEST_F(BatchInputsTest, ListFileResolvesRelativePathsAndKeepsMissingOnes) {
  Touch("in/a.pdf");
  std::ofstream(root_ / "in/list.txt") << "# archive box 7\n\n  a.pdf  \nb/gone.pdf\n/abs/x.pdf\n";
  Result<std::vector<BatchInput>> inputs = ListBatchInputs(Path("in/list.txt"));
  ASSERT_TRUE(inputs.ok()) << inputs.status().message();
  ASSERT_EQ(3u, inputs->size());
  EXPECT_EQ(Path("in/a.pdf"), (*inputs)[0].path);
  EXPECT_EQ((std::vector<std::string>{"a.pdf", "b/gone.pdf", "abs/x.pdf"}), Relatives(*inputs));
}

TEST_F(BatchInputsTest, NeitherFolderNorFileIsInvalidInput) {
  Result<std::vector<BatchInput>> inputs = ListBatchInputs(Path("nowhere"));
  ASSERT_FALSE(inputs.ok());
  EXPECT_EQ(Status::Code::kInvalidInput, inputs.status().code());
  EXPECT_NE(std::string::npos, inputs.status().message().find("nowhere"));
}

// A link back up the tree (loop -> .) listed every file once per level of
// the loop (82 entries for 2 files); a dangling link is listed once.
TEST_F(BatchInputsTest, LinkLoopListsEachRealFileOnce) {
  Touch("in/a.pdf");
  Touch("in/b/c.pdf");
  fs::create_directory_symlink(".", root_ / "in/loop");
  fs::create_directory_symlink("..", root_ / "in/b/up");
  fs::create_symlink("a.pdf", root_ / "in/also-a.pdf");
  fs::create_symlink("nowhere.pdf", root_ / "in/dangling.pdf");
  Result<std::vector<BatchInput>> inputs = ListBatchInputs(Path("in"));
  ASSERT_TRUE(inputs.ok()) << inputs.status().message();
  EXPECT_EQ((std::vector<std::string>{"a.pdf", "b/c.pdf", "dangling.pdf"}), Relatives(*inputs));
}

// report.pdf and report.PDF both wrote report.json, the second over the first.
TEST_F(BatchInputsTest, NoTwoInputsShareAnOutputName) {
  for (const char* f : {"in/report.pdf", "in/report.PDF", "in/Report.png", "in/report_pdf.pdf",
                        "in/b/report.pdf"})
    Touch(f);
  Result<std::vector<BatchInput>> inputs = ListBatchInputs(Path("in"));
  ASSERT_TRUE(inputs.ok()) << inputs.status().message();
  std::map<std::string, std::pair<std::string, bool>> outputs;
  for (const BatchInput& i : *inputs) outputs[i.relative] = {i.output, i.output_renamed};
  using Out = std::pair<std::string, bool>;
  EXPECT_EQ(Out("Report", false), outputs["Report.png"]);
  EXPECT_EQ(Out("report_PDF", true), outputs["report.PDF"]);
  EXPECT_EQ(Out("report_pdf-2", true), outputs["report.pdf"]);
  EXPECT_EQ(Out("report_pdf_pdf", true), outputs["report_pdf.pdf"]);  // report.PDF took it
  EXPECT_EQ(Out("b/report", false), outputs["b/report.pdf"]);
}

TEST(ShardTest, ParsesKOverN) {
  Result<Shard> s = ParseShard("2/3");
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(2, s->index);
  EXPECT_EQ(3, s->count);
  for (const char* bad : {"3/3", "-1/3", "1/0", "1", "a/b", "1/2x", "/2", ""})
    EXPECT_FALSE(ParseShard(bad).ok()) << bad;
}

TEST(ShardTest, EveryDocumentInExactlyOneShardAndSpreadEvenly) {
  std::map<int, int> per_shard;
  for (int i = 0; i < 3000; ++i) {
    // sha256-like keys: hex digits spread over all positions.
    char sha[65];
    std::snprintf(sha, sizeof sha, "%016llx%048d",
                  static_cast<unsigned long long>(i) * 0x9E3779B97F4A7C15ull, 0);
    int shard = ShardOf(sha, "", 3);
    ASSERT_GE(shard, 0);
    ASSERT_LT(shard, 3);
    EXPECT_EQ(shard, ShardOf(sha, "ignored when there is a sha256", 3));
    ++per_shard[shard];
  }
  for (const auto& [shard, n] : per_shard) EXPECT_NEAR(1000, n, 150) << "shard " << shard;
  // Unreadable files go by path, deterministically.
  EXPECT_EQ(ShardOf("", "box/7.pdf", 5), ShardOf("", "box/7.pdf", 5));
  EXPECT_EQ(0, ShardOf("ffff", "", 1));
}

}  // namespace
}  // namespace decltab::cli
