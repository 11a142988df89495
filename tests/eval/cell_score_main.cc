// decltab_cell_score CELLS.json LAYOUT_DIR [--name NAME] [--top N] [--wrong]
// Scores the cells `decltab layout` wrote into LAYOUT_DIR against the
// renderer's per-cell truth and prints the score line and the N (default 10)
// most frequent error kinds; --wrong adds one line per cell not read exactly
// (page, truth, read). Exit status: 0 scored, 2 bad arguments or input.
#include <cstdio>
#include <cstdlib>
#include <string>

#include "tests/eval/cell_score.h"

int main(int argc, char** argv) {
  std::string paths[2], name = "document";
  int n = 0, top = 10;
  bool wrong = false;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--wrong") {
      wrong = true;
    } else if ((arg == "--name" || arg == "--top") && i + 1 < argc) {
      if (arg == "--name") name = argv[++i];
      else top = std::atoi(argv[++i]);
    } else if (n < 2 && arg.rfind("--", 0) != 0) {
      paths[n++] = arg;
    } else {
      n = -1;
      break;
    }
  }
  if (n != 2) {
    std::fprintf(stderr,
                 "usage: decltab_cell_score CELLS.json LAYOUT_DIR [--name NAME] "
                 "[--top N] [--wrong]\n");
    return 2;
  }
  using namespace decltab::eval;
  auto truth = ReadTruthCells(paths[0]);
  auto read = truth.ok() ? ReadLayoutCells(paths[1])
                         : decltab::Result<std::vector<PageCell>>(truth.status());
  if (!read.ok()) {
    std::fprintf(stderr, "decltab_cell_score: %s\n",
                 read.status().message().c_str());
    return 2;
  }
  const CellScore score = ScoreCells(*truth, *read);
  std::printf("%s\n", FormatCellScoreLine(name, score).c_str());
  for (const auto& [kind, count] : TopErrors(score, top > 0 ? top : 0))
    std::printf("  %5d  %s\n", count, kind.c_str());
  if (wrong)
    for (const PageCell& t : *truth) {
      const std::string want = FoldCellText(t.text);
      if (want.empty()) continue;
      const int m = MatchCell(t, *read);
      const std::string got = m < 0 ? kNoCell : FoldCellText((*read)[m].text);
      if (got != want)
        std::printf("  p%d  %s  →  %s\n", t.page, want.c_str(), got.c_str());
    }
  return 0;
}
