// Runs build/decltab as a user would and captures what it says.
#ifndef DECLTAB_TESTS_E2E_RUN_DECLTAB_H_
#define DECLTAB_TESTS_E2E_RUN_DECLTAB_H_

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace decltab::e2e {

struct RunResult {
  int exit_code = -1;
  std::string stdout_text, stderr_text;
};

inline std::string AbsolutePath(const std::string& path) {
  return std::filesystem::absolute(path).string();
}

inline std::string ReadAll(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

inline void WriteFile(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

// A fresh empty folder under the system temp dir.
inline std::string TempDir(const std::string& name) {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("decltab-e2e-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

// Runs `decltab args` (a shell command line) in `cwd` (empty: the current
// folder); its output is captured in files in `scratch`.
inline RunResult RunDecltab(const std::string& args, const std::string& scratch,
                            const std::string& cwd = "") {
  std::string out = scratch + "/stdout.txt", err = scratch + "/stderr.txt";
  std::string binary = AbsolutePath(DECLTAB_BINARY);
  std::string command = (cwd.empty() ? "" : "cd '" + cwd + "' && ") + binary + " " + args +
                        " >" + out + " 2>" + err;
  int status = std::system(command.c_str());
  RunResult run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  run.stdout_text = ReadAll(out);
  run.stderr_text = ReadAll(err);
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  return run;
}

}  // namespace decltab::e2e

#endif  // DECLTAB_TESTS_E2E_RUN_DECLTAB_H_
