// Reads every table cell of the sample declaration with `decltab layout`,
// born-digital and scanned at the three scan settings, and scores the text
// of each cell against what the renderer drew (tests/eval/cell_score.h).
// The figures and the most frequent errors are printed; the thresholds sit
// just under what decltab measures today and only go up.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

#include "tests/e2e/run_decltab.h"
#include "tests/eval/cell_score.h"

namespace decltab::e2e {
namespace {

constexpr size_t kTopErrors = 10;

struct CellCase {
  const char* name;
  const char* pdf;
  const char* truth;  // decltab_render --cells-out
  double min_exact_rate, max_cer;
  int max_merged, min_empty_ok;
};

void PrintTo(const CellCase& c, std::ostream* os) { *os << c.name; }

class CellTextScoreTest : public testing::TestWithParam<CellCase> {};

TEST_P(CellTextScoreTest, MeetsThresholds) {
  const CellCase& c = GetParam();
  const std::string dir = TempDir(std::string("cells-") + c.name);
  RunResult run = RunDecltab(
      std::string("-q layout ") + c.pdf + " -o " + dir + " -j 1", dir);
  ASSERT_EQ(0, run.exit_code) << run.stderr_text;

  Result<std::vector<eval::PageCell>> truth = eval::ReadTruthCells(c.truth);
  ASSERT_TRUE(truth.ok()) << truth.status().message();
  Result<std::vector<eval::PageCell>> read = eval::ReadLayoutCells(dir);
  ASSERT_TRUE(read.ok()) << read.status().message();
  const eval::CellScore score = eval::ScoreCells(*truth, *read);

  const std::string line = eval::FormatCellScoreLine(c.name, score);
  std::cout << line << "\n  most frequent errors (truth → read):\n";
  for (const auto& [kind, count] : eval::TopErrors(score, kTopErrors))
    std::cout << "  " << count << "  " << kind << "\n";
  std::cout << std::flush;
  if (const char* scores = std::getenv("DECLTAB_SCORES_FILE"))
    std::ofstream(scores, std::ios::app) << line << "\n";

  ASSERT_GT(score.cells, 1000) << "the truth lost its cells";
  EXPECT_GE(score.exact_rate(), c.min_exact_rate);
  EXPECT_LE(score.cer(), c.max_cer);
  EXPECT_LE(score.merged, c.max_merged) << "cells merged by lost ruling lines";
  EXPECT_GE(score.empty_ok, c.min_empty_ok);
}

// Targets (README): exact >= 0.985 at 300 dpi, >= 0.96 at 200 dpi skewed,
// >= 0.92 at 150 dpi harsh, 1.0 born-digital. Where a target is not met yet
// the threshold is the measured level.
INSTANTIATE_TEST_SUITE_P(
    Testdata, CellTextScoreTest,
    testing::Values(
        CellCase{"songjiang_digital", "testdata/songjiang-2023.pdf",
                 "testdata/truth/cells/songjiang-2023.json", 1.0, 0.0, 0, 20},
        CellCase{"songjiang_scan300", "testdata/scans/songjiang-2023-scan300.pdf",
                 "testdata/truth/cells/songjiang-2023.json", 0.99, 0.002, 0, 20},
        CellCase{"songjiang_scan200", "testdata/scans/songjiang-2023-scan200.pdf",
                 "testdata/truth/cells/songjiang-2023.json", 0.985, 0.004, 0, 20},
        CellCase{"songjiang_scan150", "testdata/scans/songjiang-2023-scan150.pdf",
                 "testdata/truth/cells/songjiang-2023.json", 0.92, 0.02, 0, 17}),
    [](const testing::TestParamInfo<CellCase>& info) {
      return std::string(info.param.name);
    });

}  // namespace
}  // namespace decltab::e2e
