// Extracts one declaration with build/decltab and scores it against its
// truth, printing the score line and disagreements; test.sh prints every
// document's line after the run (ctest shows the output of failing tests
// only), so the line is also appended to $DECLTAB_SCORES_FILE.
#ifndef DECLTAB_TESTS_E2E_EXTRACT_AND_SCORE_H_
#define DECLTAB_TESTS_E2E_EXTRACT_AND_SCORE_H_

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>

#include "core/result.h"
#include "tests/e2e/run_decltab.h"
#include "tests/eval/scorer.h"

namespace decltab::e2e {

// Where `decltab extract PDF -o DIR` writes its JSON.
inline std::string OutputJson(const std::string& pdf, const std::string& dir) {
  return dir + "/" + std::filesystem::path(pdf).stem().string() + ".json";
}

// The output JSON is left at OutputJson(pdf, dir).
inline Result<eval::DocumentScore> ExtractAndScore(const std::string& pdf,
                                                   const std::string& truth,
                                                   const std::string& name,
                                                   const std::string& dir) {
  RunResult run = RunDecltab("-q extract " + pdf + " -o " + dir + " -j 1", dir);
  if (run.exit_code != 0)
    return Status::Internal("decltab extract " + pdf + " exited " +
                            std::to_string(run.exit_code) + ": " + run.stderr_text);
  Result<eval::DocumentScore> score = eval::ScoreFiles(OutputJson(pdf, dir), truth, name);
  if (!score.ok()) return score;
  std::cout << eval::FormatScoreLine(*score) << "\n"
            << eval::FormatDisagreements(*score) << std::flush;
  if (const char* scores = std::getenv("DECLTAB_SCORES_FILE"))
    std::ofstream(scores, std::ios::app) << eval::FormatScoreLine(*score) << "\n";
  return score;
}

}  // namespace decltab::e2e

#endif  // DECLTAB_TESTS_E2E_EXTRACT_AND_SCORE_H_
