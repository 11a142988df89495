// Hostile files, crowded batches and careless paths (issue 19): each case
// builds its input in a fresh folder, runs build/decltab as a user would,
// and asserts the exact exit status, the one line on stderr, and that
// nothing on disk changed but what the command is meant to write.
#include <gtest/gtest.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "tests/e2e/bad_files.h"
#include "tests/e2e/run_decltab.h"
#include "tests/export/sqlite_test_util.h"

namespace decltab::e2e {
namespace {

namespace fs = std::filesystem;
using exporter::testing::One;

// ---- inputs ----

uint32_t Crc32(const std::string& bytes) {
  uint32_t crc = 0xFFFFFFFFu;
  for (unsigned char b : bytes) {
    crc ^= b;
    for (int k = 0; k < 8; ++k) crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
  }
  return ~crc;
}

std::string BigEndian(uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8),
          static_cast<char>(v)};
}

std::string PngChunk(const std::string& type, const std::string& data) {
  return BigEndian(static_cast<uint32_t>(data.size())) + type + data +
         BigEndian(Crc32(type + data));
}

// An 8-bit grey PNG of width x height declared in its header, with `idat`
// as its (zlib) image data.
std::string GreyPng(uint32_t width, uint32_t height, const std::string& idat) {
  return std::string("\x89PNG\r\n\x1a\n", 8) +
         PngChunk("IHDR", BigEndian(width) + BigEndian(height) + std::string("\x08\0\0\0\0", 5)) +
         PngChunk("IDAT", idat) + PngChunk("IEND", "");
}

// A valid 1 x 1 white PNG (zlib stream of one stored block: filter 0, 255).
std::string OnePixelPng() {
  const std::string raw("\0\xff", 2);
  uint32_t a = 1, b = 0;
  for (unsigned char c : raw) {
    a = (a + c) % 65521;
    b = (b + a) % 65521;
  }
  const std::string zlib = std::string("\x78\x01\x01\x02\x00\xfd\xff", 7) + raw +
                           BigEndian((b << 16) | a);
  return GreyPng(1, 1, zlib);
}

// A PDF of `pages` pages, each `box` (a MediaBox), with nothing on them.
std::string EmptyPagesPdf(int pages, const std::string& box) {
  std::string kids, objects;
  for (int i = 0; i < pages; ++i) {
    kids += std::to_string(3 + i) + " 0 R ";
    objects += std::to_string(3 + i) + " 0 obj <</Type/Page/Parent 2 0 R/MediaBox[" + box +
               "]>> endobj\n";
  }
  return "%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n"
         "2 0 obj <</Type/Pages/Kids[" + kids + "]/Count " + std::to_string(pages) +
         ">> endobj\n" + objects + "trailer <</Root 1 0 R>>\n%%EOF\n";
}

// ---- what changed on disk ----

// Every path under `dir` with its kind, size and modification time.
std::map<std::string, std::string> Snapshot(const std::string& dir) {
  std::map<std::string, std::string> files;
  for (auto it = fs::recursive_directory_iterator(dir);
       it != fs::recursive_directory_iterator(); ++it) {
    struct stat st;
    if (::lstat(it->path().c_str(), &st) != 0) continue;
    files[fs::relative(it->path(), dir).string()] =
        std::to_string(st.st_mode) + "/" + std::to_string(st.st_size) + "/" +
        std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
    if (it->is_symlink()) it.disable_recursion_pending();
  }
  return files;
}

// Paths added, removed or changed between two snapshots.
std::vector<std::string> Changed(const std::map<std::string, std::string>& before,
                                 const std::map<std::string, std::string>& after) {
  std::vector<std::string> changed;
  for (const auto& [path, what] : after) {
    auto old = before.find(path);
    if (old == before.end()) changed.push_back("+" + path);
    else if (old->second != what) changed.push_back("~" + path);
  }
  for (const auto& [path, what] : before)
    if (!after.count(path)) changed.push_back("-" + path);
  std::sort(changed.begin(), changed.end());
  return changed;
}

class HostileInputsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    dir_ = TempDir("hostile-" + name + "-" + std::to_string(getpid()));
    scratch_ = TempDir("hostile-" + name + "-" + std::to_string(getpid()) + "-scratch");
  }
  void TearDown() override {
    fs::remove_all(dir_);
    fs::remove_all(scratch_);
  }

  // Runs decltab in dir_ and checks the exit status, that stderr is `lines`
  // lines (a batch logs one per document) one of which contains `line`, and
  // that dir_ changed only in `written` (paths under dir_ that may appear or
  // change).
  RunResult Expect(const std::string& args, int exit_code, const std::string& line,
                   const std::vector<std::string>& written = {}, int lines = 1) {
    auto before = Snapshot(dir_);
    RunResult run = RunDecltab(args, scratch_, dir_);
    EXPECT_EQ(exit_code, run.exit_code) << args << "\n" << run.stderr_text;
    EXPECT_EQ(lines, std::count(run.stderr_text.begin(), run.stderr_text.end(), '\n'))
        << args << "\n" << run.stderr_text;
    EXPECT_NE(std::string::npos, run.stderr_text.find(line)) << args << "\n" << run.stderr_text;
    std::vector<std::string> changed = Changed(before, Snapshot(dir_));
    changed.erase(std::remove_if(changed.begin(), changed.end(),
                                 [&](const std::string& c) {
                                   for (const std::string& w : written)
                                     if (c.compare(1, w.size(), w) == 0) return true;
                                   return false;
                                 }),
                  changed.end());
    EXPECT_EQ(std::vector<std::string>{}, changed) << args;
    return run;
  }

  std::string In(const std::string& name) const { return dir_ + "/" + name; }

  std::string dir_, scratch_;
};

// 1. Pages under 4 px (595 x 0.1 pt; a 1 x 1 px PNG) threw from OpenCV on a
// worker thread: std::terminate, exit 134.
TEST_F(HostileInputsTest, ThinPagesAreTooSmallToRead) {
  WriteFile(In("thin.pdf"), EmptyPagesPdf(4, "0 0 595 0.1"));
  WriteFile(In("dot.png"), OnePixelPng());
  Expect("-q extract thin.pdf -o out -j 2", 2, "decltab: thin.pdf: page 1: page too small to read");
  Expect("-q layout thin.pdf -o out -j 2", 2, "decltab: thin.pdf: page 1: page too small to read");
  Expect("-q extract thin.pdf -o out -j 1", 2, "page 1: page too small to read");
  Expect("-q extract dot.png -o out", 2, "decltab: dot.png: page 1: page too small to read");
}

// 8. ... and the page-level failure has its `failed` row, as others do.
TEST_F(HostileInputsTest, PageLevelFailureIsRecordedInTheDatabase) {
  WriteFile(In("thin.pdf"), EmptyPagesPdf(1, "0 0 595 0.1"));
  Expect("-q extract thin.pdf -o out --db d.sqlite", 2, "page too small to read",
         {"d.sqlite"});
  EXPECT_EQ("failed|page 1: page too small to read (2479 x 1 px)",
            One(In("d.sqlite"), "SELECT status, error FROM documents"));
}

// 2. -j 100000 aborted (thread creation threw with threads joinable).
TEST_F(HostileInputsTest, HugeWorkerCountIsClamped) {
  fs::create_directories(In("in"));
  WriteFile(In("in/notes.pdf"), "not a pdf\n");
  RunResult run = Expect("batch in -o out --db d.sqlite -j 100000", 2,
                         " failed in/notes.pdf: not a PDF or image", {"out", "d.sqlite"});
  EXPECT_NE(std::string::npos, run.stdout_text.find("1 failed")) << run.stdout_text;
}

// 3. A folder given to extract threw from the file reader: exit 1.
TEST_F(HostileInputsTest, FolderGivenToExtractIsUnusable) {
  fs::create_directories(In("folder.pdf"));
  Expect("-q extract folder.pdf -o out", 2, "decltab: folder.pdf: is a directory");
}

// 4. Bad options and a batch that cannot run are 1, naming what is wrong;
// 2 is only for unusable input.
TEST_F(HostileInputsTest, BadOptionsExitOne) {
  fs::create_directories(In("in"));
  for (const char* shard : {"3/2", "-1/2", "a/b", "0/0", "1/2/3"})
    Expect(std::string("batch in -o out --db d.sqlite --shard ") + shard, 1, "--shard");
  Expect("batch missing -o out --db d.sqlite", 1, "decltab: missing: no such folder or list file");
  WriteFile(In("notes.pdf"), "not a pdf\n");
  Expect("extract notes.pdf -o out --lang xyz", 1,
         "decltab: --lang xyz: cannot load Tesseract language \"xyz\"");
  Expect("extract notes.pdf -o out --text-height 0", 1,
         "decltab: --text-height: Value 0 not in range 4 to 400 (see --help)");
}

// 5. Files named like decltab's old temporaries were removed by any extract
// into their folder.
TEST_F(HostileInputsTest, ExtractLeavesThePersonsFilesAlone) {
  fs::copy_file("testdata/variant-b.pdf", In("report.pdf"));
  fs::create_directories(In("report.old-backup"));
  WriteFile(In("report.old-backup/notes.txt"), "mine\n");
  WriteFile(In("report.tmp-drafts"), "x\n");
  WriteFile(In("report.json.tmp-abcdef"), "x\n");
  auto before = Snapshot(dir_);
  RunResult run = RunDecltab("-q extract report.pdf -o .", scratch_, dir_);
  EXPECT_EQ(0, run.exit_code) << run.stderr_text;
  EXPECT_EQ("", run.stderr_text);
  EXPECT_EQ((std::vector<std::string>{"+report", "+report.json", "+report/budget_lines.csv",
                                      "+report/checks.csv", "+report/indicators.csv",
                                      "+report/projects.csv"}),
            Changed(before, Snapshot(dir_)));
}

// 6. report.pdf and report.PDF wrote one report.json.
TEST_F(HostileInputsTest, InputsWithOneStemGetTwoOutputs) {
  fs::create_directories(In("in"));
  fs::copy_file("testdata/variant-b.pdf", In("in/report.pdf"));
  WriteFile(In("in/report.PDF"), ReadAll("testdata/variant-b.pdf") + "% another copy\n");
  RunResult run = Expect("batch in -o out --db d.sqlite", 0,
                         " note in/report.pdf: another input has its output name; "
                         "writing report_pdf.json",
                         {"out", "d.sqlite"}, /*lines=*/3);  // the note, two `done`
  EXPECT_NE(std::string::npos, run.stdout_text.find("2 done")) << run.stdout_text;
  EXPECT_TRUE(fs::is_regular_file(In("out/report.json")));
  EXPECT_TRUE(fs::is_regular_file(In("out/report_pdf.json")));
  EXPECT_TRUE(fs::is_regular_file(In("out/report_pdf/projects.csv")));
}

// 7. A second batch on a database, or on an output folder and shard, in use
// is refused; another shard of the archive may share the folder.
TEST_F(HostileInputsTest, SecondBatchOnOneDatabaseIsRefused) {
  fs::create_directories(In("in"));
  WriteFile(In("in/notes.pdf"), "not a pdf\n");
  WriteFile(In("d.sqlite.lock"), "");
  {
    // What a running batch holds.
    int fd = ::open(In("d.sqlite.lock").c_str(), O_RDWR);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(0, ::flock(fd, LOCK_EX));
    Expect("batch in -o out --db d.sqlite", 1,
           "decltab: database d.sqlite is in use by another decltab batch");
    ::close(fd);
  }
  fs::create_directories(In("out"));
  WriteFile(In("out/.decltab-batch-0-of-1.lock"), "");
  int fd = ::open(In("out/.decltab-batch-0-of-1.lock").c_str(), O_RDWR);
  ASSERT_GE(fd, 0);
  ASSERT_EQ(0, ::flock(fd, LOCK_EX));
  Expect("batch in -o out --db other.sqlite", 1,
         "decltab: output folder out (shard 0-of-1) is in use by another decltab batch",
         {"other.sqlite"});
  // Another shard of the archive shares the folder (as Slurm's array tasks do).
  Expect("-q batch in -o out --db shard.sqlite --shard 1/2", 0, "", {"shard.sqlite", "out"}, 0);
  ::close(fd);
}

// 9. A PDF whose middle 30% is random bytes extracted what Poppler could
// still read, exit 0, and said nothing of the damage.
TEST_F(HostileInputsTest, DamagedPdfSaysSoOnItsPages) {
  std::string bytes = ReadAll("testdata/variant-b.pdf");
  uint32_t state = 7;
  for (size_t i = bytes.size() * 35 / 100; i < bytes.size() * 65 / 100; ++i) {
    state = state * 1103515245u + 12345u;
    bytes[i] = static_cast<char>(state >> 24);
  }
  WriteFile(In("damaged.pdf"), bytes);
  RunResult run = RunDecltab("-q extract damaged.pdf -o out --db d.sqlite", scratch_, dir_);
  EXPECT_EQ(0, run.exit_code) << run.stderr_text;
  const std::string json = ReadAll(In("out/damaged.json"));
  EXPECT_NE(std::string::npos, json.find("\"damaged PDF: Poppler repaired or skipped parts"))
      << json.substr(0, 2000);
  EXPECT_NE(std::string::npos, json.find("\"page 1: damaged: ")) << json.substr(0, 2000);
  EXPECT_EQ("1", One(In("d.sqlite"), "SELECT count(*) FROM documents WHERE instr(warnings, "
                                     "'damaged PDF') > 0"));
  // The sound file says nothing of the kind.
  fs::copy_file("testdata/variant-b.pdf", In("sound.pdf"));
  run = RunDecltab("-q extract sound.pdf -o out", scratch_, dir_);
  EXPECT_EQ(0, run.exit_code) << run.stderr_text;
  EXPECT_EQ(std::string::npos, ReadAll(In("out/sound.json")).find("damaged"));
}

// 12. A file name holding a newline and ESC forged a log line and sent
// escape sequences to the terminal.
TEST_F(HostileInputsTest, FileNamesCannotForgeLogLines) {
  fs::create_directories(In("in"));
  const std::string name = "x\n2026-01-01T00:00:00Z done fake.pdf\x1b[2J.pdf";
  WriteFile(In("in/" + name), "not a pdf\n");
  RunResult run = Expect("batch in -o out --db d.sqlite", 2,
                         " failed in/x\\x0A2026-01-01T00:00:00Z done fake.pdf\\x1B[2J.pdf: "
                         "not a PDF or image",
                         {"out", "d.sqlite"});
  EXPECT_EQ(std::string::npos, run.stderr_text.find('\x1b'));
}

// 13. A PNG declaring 20000 x 20000 pixels (60000 x 60000 printed three
// library lines even with -q) is refused from its header, in one line.
TEST_F(HostileInputsTest, HugePngIsRefusedFromItsHeader) {
  WriteFile(In("wide.png"), GreyPng(20000, 20000, "\x78\x01"));
  WriteFile(In("wider.png"), GreyPng(60000, 60000, "\x78\x01"));
  Expect("-q extract wide.png -o out", 2, "decltab: wide.png: page 1: page too large to read (20000 x 20000 px)");
  Expect("-q extract wider.png -o out", 2, "decltab: wider.png: page 1: page too large to read (60000 x 60000 px)");
}

// 14. A link loop and a dangling link: 82 files listed, 41 failed rows.
TEST_F(HostileInputsTest, LinkLoopListsEachFileOnce) {
  fs::create_directories(In("in"));
  WriteFile(In("in/notes.pdf"), "not a pdf\n");
  fs::create_directory_symlink(".", In("in/loop"));
  fs::create_symlink("nowhere.pdf", In("in/dangling.pdf"));
  RunResult run = RunDecltab("-q batch in -o out --db d.sqlite", scratch_, dir_);
  EXPECT_EQ(2, run.exit_code) << run.stderr_text;
  EXPECT_NE(std::string::npos, run.stdout_text.find("batch: 2 files: 0 done, 0 skipped, 2 failed"))
      << run.stdout_text;
  EXPECT_EQ("2", One(In("d.sqlite"), "SELECT count(*) FROM documents"));
}

// 15. Each thing said once ("page 1: page 1: page 1: page too large"), and a
// page readable only below 50 dpi refused before rendering.
TEST_F(HostileInputsTest, PagesTooLargeAreRefusedOnce) {
  WriteFile(In("vast.pdf"), EmptyPagesPdf(1, "0 0 2000000 2000000"));
  WriteFile(In("large.pdf"), EmptyPagesPdf(1, "0 0 20000 20000"));
  RunResult run = Expect("-q extract vast.pdf -o out", 2,
                         "decltab: vast.pdf: page 1: page too large to render (2000000 x 2000000 pt)");
  EXPECT_EQ(run.stderr_text.find("page 1"), run.stderr_text.rfind("page 1")) << run.stderr_text;
  Expect("-q extract large.pdf -o out", 2,
         "decltab: large.pdf: page 1: page too large to render (20000 x 20000 pt)");
}

}  // namespace
}  // namespace decltab::e2e
