#include "export/atomic_file.h"

#include <sys/stat.h>

#include <gtest/gtest.h>

#include "tests/export/export_fixtures.h"

namespace decltab::exporter {
namespace {

using Names = std::vector<std::string>;
using testing::ReadFile;
using testing::ScratchDir;

TEST(AtomicFileTest, NothingUnderTheFinalNameUntilCommit) {
  ScratchDir dir;
  Result<AtomicFile> file = AtomicFile::Create(dir / "a.json");
  ASSERT_TRUE(file.ok()) << file.status().message();
  EXPECT_EQ(0u, file->temp_path().rfind(dir / ".a.json.decltab-tmp-", 0)) << file->temp_path();
  ASSERT_TRUE(file->Write("hello ").ok());
  ASSERT_TRUE(file->Write("world").ok());
  EXPECT_FALSE(std::filesystem::exists(dir / "a.json"));
  ASSERT_TRUE(file->Commit().ok());
  EXPECT_EQ("hello world", ReadFile(dir / "a.json"));
  EXPECT_EQ((Names{"a.json"}), dir.List());
  EXPECT_FALSE(file->Commit().ok());
}

TEST(AtomicFileTest, AbandonedFileLeavesNothingAndKeepsTheOldContent) {
  ScratchDir dir;
  ASSERT_TRUE(WriteFileAtomically(dir / "a.json", "old").ok());
  {
    Result<AtomicFile> file = AtomicFile::Create(dir / "a.json");
    ASSERT_TRUE(file.ok());
    ASSERT_TRUE(file->Write("new, half written").ok());
    EXPECT_EQ(2u, dir.List().size());
  }
  EXPECT_EQ((Names{"a.json"}), dir.List());
  EXPECT_EQ("old", ReadFile(dir / "a.json"));
}

TEST(AtomicFileTest, FailedRenameRemovesTheTemporary) {
  ScratchDir dir;
  std::filesystem::create_directories(dir / "taken/inside");  // a non-empty folder
  Status s = WriteFileAtomically(dir / "taken", "x");
  EXPECT_FALSE(s.ok());
  EXPECT_NE(std::string::npos, s.message().find("cannot rename")) << s.message();
  EXPECT_EQ((Names{"taken"}), dir.List());
}

TEST(AtomicFileTest, CommittedFileIsReadableByOthers) {
  ScratchDir dir;
  ASSERT_TRUE(WriteFileAtomically(dir / "a.csv", "x").ok());
  struct stat st;
  ASSERT_EQ(0, ::stat((dir / "a.csv").c_str(), &st));
  mode_t mask = ::umask(0);
  ::umask(mask);
  EXPECT_EQ(0666 & ~mask, st.st_mode & 0777);
}

TEST(AtomicFileTest, MissingFolderFailsWithThePath) {
  ScratchDir dir;
  Status s = WriteFileAtomically(dir / "no/a.json", "x");
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(0u, s.message().find(dir / "no/a.json: cannot create temporary file"))
      << s.message();
}

TEST(StagedDirectoryTest, InstallRestoreAndFinish) {
  ScratchDir dir;
  std::string out = dir / "csv";
  std::filesystem::create_directory(out);
  { std::ofstream(out + "/a.csv") << "old"; }

  {
    Result<StagedDirectory> staged = StagedDirectory::Create(out);
    ASSERT_TRUE(staged.ok());
    ASSERT_TRUE(staged->WriteFile("a.csv", "new").ok());
    ASSERT_TRUE(staged->WriteFile("b.csv", "new").ok());
    ASSERT_TRUE(staged->Install().ok());
    EXPECT_EQ("new", ReadFile(out + "/a.csv"));
    staged->Restore();  // a later step failed: the old folder comes back
  }
  EXPECT_EQ((Names{"csv"}), dir.List());
  EXPECT_EQ("old", ReadFile(out + "/a.csv"));
  EXPECT_FALSE(std::filesystem::exists(out + "/b.csv"));

  {
    Result<StagedDirectory> staged = StagedDirectory::Create(out);
    ASSERT_TRUE(staged.ok());
    ASSERT_TRUE(staged->WriteFile("a.csv", "new").ok());
    ASSERT_TRUE(staged->WriteFile("b.csv", "new").ok());
    ASSERT_TRUE(staged->Commit().ok());
  }
  EXPECT_EQ((Names{"csv"}), dir.List());
  EXPECT_EQ("new", ReadFile(out + "/a.csv"));
  EXPECT_EQ("new", ReadFile(out + "/b.csv"));
}

// A folder holding a file decltab is not writing there is someone else's:
// neither replaced nor deleted.
TEST(StagedDirectoryTest, RefusesToReplaceAFolderHoldingOtherFiles) {
  ScratchDir dir;
  std::string out = dir / "csv";
  std::filesystem::create_directory(out);
  { std::ofstream(out + "/a.csv") << "old"; }
  { std::ofstream(out + "/thesis.docx") << "mine"; }
  Result<StagedDirectory> staged = StagedDirectory::Create(out);
  ASSERT_TRUE(staged.ok());
  ASSERT_TRUE(staged->WriteFile("a.csv", "new").ok());
  Status s = staged->Commit();
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(out + ": holds thesis.docx, which decltab did not write; not replaced", s.message());
  EXPECT_EQ("mine", ReadFile(out + "/thesis.docx"));
  EXPECT_EQ("old", ReadFile(out + "/a.csv"));
}

TEST(StagedDirectoryTest, AbandonedStagingIsRemoved) {
  ScratchDir dir;
  {
    Result<StagedDirectory> staged = StagedDirectory::Create(dir / "csv");
    ASSERT_TRUE(staged.ok());
    ASSERT_TRUE(staged->WriteFile("a.csv", "a").ok());
  }
  EXPECT_TRUE(dir.List().empty());
}

TEST(StagedDirectoryTest, RefusesToReplaceAFile) {
  ScratchDir dir;
  { std::ofstream(dir / "csv") << "a file"; }
  {
    Result<StagedDirectory> staged = StagedDirectory::Create(dir / "csv");
    ASSERT_TRUE(staged.ok());
    EXPECT_FALSE(staged->Install().ok());
  }
  EXPECT_EQ((Names{"csv"}), dir.List());
  EXPECT_EQ("a file", ReadFile(dir / "csv"));
}

}  // namespace
}  // namespace decltab::exporter
