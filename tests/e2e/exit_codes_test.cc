// The contract's exit statuses: 2 with one line on stderr and nothing left
// behind for unusable input.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "tests/e2e/bad_files.h"
#include "tests/e2e/run_decltab.h"

namespace decltab::e2e {
namespace {

namespace fs = std::filesystem;

TEST(ExitCodesTest, UnusableInputExitsTwoWithOneLineAndNoOutput) {
  std::vector<BadFile> cases = BadFiles();
  cases.push_back({"missing.pdf", "", "cannot read file"});
  for (const BadFile& c : cases) {
    SCOPED_TRACE(c.name);
    std::string dir = TempDir("bad-" + c.name);
    std::string input = dir + "/" + c.name;
    if (c.name != "missing.pdf") WriteFile(input, c.bytes);
    std::string out = dir + "/out";
    RunResult run = RunDecltab("-q extract " + input + " -o " + out, dir);
    EXPECT_EQ(2, run.exit_code);
    EXPECT_EQ(1, std::count(run.stderr_text.begin(), run.stderr_text.end(), '\n'))
        << run.stderr_text;
    EXPECT_NE(std::string::npos, run.stderr_text.find(c.reason)) << run.stderr_text;
    EXPECT_NE(std::string::npos, run.stderr_text.find(c.name)) << run.stderr_text;
    // Nothing partial: no JSON, no CSV folder, no temporary files.
    if (fs::exists(out)) {
      EXPECT_TRUE(fs::is_empty(out));
    }
  }
}

// 2 says the input is unusable; a command that is wrong is 1.
TEST(ExitCodesTest, BadUsageExitsOne) {
  std::string dir = TempDir("usage");
  EXPECT_EQ(1, RunDecltab("extract", dir).exit_code);
  EXPECT_EQ(1, RunDecltab("frobnicate x.pdf", dir).exit_code);
  EXPECT_EQ(0, RunDecltab("--help", dir).exit_code);
}

TEST(ExitCodesTest, MissingPpOcrModelExitsOneNamingTheFile) {
  std::string dir = TempDir("no-model");
  RunResult run = RunDecltab("-q extract testdata/scans/variant-b-scan200.pdf -o " + dir +
                                 "/out --ocr ppocr --model-dir " + dir + "/models",
                             dir);
  EXPECT_EQ(1, run.exit_code);
  EXPECT_NE(std::string::npos, run.stderr_text.find(dir + "/models/ppocr_rec_cv46.onnx"))
      << run.stderr_text;
  EXPECT_NE(std::string::npos, run.stderr_text.find("tools/bootstrap.sh")) << run.stderr_text;
  EXPECT_FALSE(fs::exists(dir + "/out"));
}

TEST(ExitCodesTest, FailedDocumentIsRecordedInTheDatabase) {
  std::string dir = TempDir("failed-db");
  WriteFile(dir + "/notes.pdf", "not a pdf");
  RunResult run = RunDecltab("-q extract " + dir + "/notes.pdf -o " + dir +
                           "/out --db " + dir + "/d.sqlite",
                       dir);
  EXPECT_EQ(2, run.exit_code);
  std::string query = "sqlite3 " + dir + "/d.sqlite \"SELECT status, error FROM documents\" > " +
                      dir + "/q.txt";
  ASSERT_EQ(0, std::system(query.c_str()));
  std::string rows = ReadAll(dir + "/q.txt");
  EXPECT_NE(std::string::npos, rows.find("failed|")) << rows;
  EXPECT_NE(std::string::npos, rows.find("not a PDF or image")) << rows;
}

}  // namespace
}  // namespace decltab::e2e
