// decltab_score OUT.json TRUTH.json [--name NAME]
// Prints the score line of one document and every check disagreement.
// Exit status: 0 scored, 2 bad arguments or unreadable input.
#include <cstdio>
#include <string>

#include "tests/eval/scorer.h"

namespace {

std::string Stem(const std::string& path) {
  size_t slash = path.find_last_of('/');
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  size_t dot = name.find_last_of('.');
  return dot == std::string::npos || dot == 0 ? name : name.substr(0, dot);
}

int Usage() {
  std::fprintf(stderr, "usage: decltab_score OUT.json TRUTH.json [--name NAME]\n");
  return 2;
}

}  // namespace

int main(int argc, char** argv) {
  std::string paths[2], name;
  int n = 0;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--name") {
      if (++i >= argc) return Usage();
      name = argv[i];
    } else if (arg.rfind("--name=", 0) == 0) {
      name = arg.substr(7);
    } else if (n < 2 && !(arg.size() > 1 && arg[0] == '-')) {
      paths[n++] = arg;
    } else {
      return Usage();
    }
  }
  if (n != 2) return Usage();
  if (name.empty()) name = Stem(paths[0]);
  decltab::Result<decltab::eval::DocumentScore> score =
      decltab::eval::ScoreFiles(paths[0], paths[1], name);
  if (!score.ok()) {
    std::fprintf(stderr, "decltab_score: %s\n", score.status().message().c_str());
    return 2;
  }
  std::printf("%s\n%s", decltab::eval::FormatScoreLine(*score).c_str(),
              decltab::eval::FormatDisagreements(*score).c_str());
  return 0;
}
