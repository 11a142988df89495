// The corpus of the batch tests (SQLite and PostgreSQL), and decltab run in
// the background to be killed.
#ifndef DECLTAB_TESTS_E2E_BATCH_CORPUS_H_
#define DECLTAB_TESTS_E2E_BATCH_CORPUS_H_

#include <sys/types.h>
#include <unistd.h>

#include <filesystem>
#include <string>

#include "tests/e2e/run_decltab.h"

namespace decltab::e2e {

// Born-digital declarations (no OCR, so the corpus reads in seconds) plus
// copies made distinct by a trailing comment, and one bad file.
inline std::string MakeCorpus(const std::string& dir) {
  std::string in = dir + "/in";
  std::filesystem::create_directories(in + "/box2");
  std::filesystem::copy_file("testdata/variant-a.pdf", in + "/variant-a.pdf");
  std::filesystem::copy_file("testdata/variant-b.pdf", in + "/variant-b.pdf");
  std::string b = ReadAll("testdata/variant-b.pdf");
  for (int copy = 1; copy <= 3; ++copy)
    WriteFile(in + "/box2/copy-" + std::to_string(copy) + ".pdf",
              b + "% archive copy " + std::to_string(copy) + "\n");
  WriteFile(in + "/box2/notes.pdf", "not a pdf\n");
  return in;
}
constexpr int kDocuments = 6;  // 5 declarations + 1 failed

// One uninterrupted batch of the corpus into a SQLite database, in a folder
// of its own: what every other run must equal. ctest runs each test in its
// own process, several at a time, so each process makes its own.
struct ReferenceBatch {
  explicit ReferenceBatch(const std::string& name)
      : dir(TempDir(name + "-" + std::to_string(getpid()))),
        input(MakeCorpus(dir)),
        db(dir + "/ref.db"),
        exit_code(RunDecltab("-q batch " + input + " -o " + dir + "/out --db " + db + " -j 2",
                             dir)
                      .exit_code) {}
  ~ReferenceBatch() { std::filesystem::remove_all(dir); }

  const std::string dir;    // the corpus under dir/in, outputs under dir/out
  const std::string input;  // dir/in
  const std::string db;     // dir/ref.db
  const int exit_code;
};

// Starts decltab in the background; returns its pid.
inline pid_t Spawn(const std::string& args, const std::string& scratch) {
  pid_t pid = fork();
  if (pid == 0) {
    std::string command = std::string("exec ") + DECLTAB_BINARY + " " + args + " >" +
                          scratch + "/bg.out 2>" + scratch + "/bg.err";
    execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  return pid;
}

}  // namespace decltab::e2e

#endif  // DECLTAB_TESTS_E2E_BATCH_CORPUS_H_
