#include "tests/eval/cell_score.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstdio>

#include "tests/eval/text_diff.h"
#include "tests/eval/text_match.h"

namespace decltab::eval {
namespace {

bool Contains(const PageBox& b, double x, double y) {
  return x >= b.x && x <= b.x + b.width && y >= b.y && y <= b.y + b.height;
}

double Iou(const PageBox& a, const PageBox& b) {
  const double w = std::min(a.x + a.width, b.x + b.width) - std::max(a.x, b.x);
  const double h =
      std::min(a.y + a.height, b.y + b.height) - std::max(a.y, b.y);
  if (w <= 0 || h <= 0) return 0;
  const double inter = w * h;
  return inter / (a.width * a.height + b.width * b.height - inter);
}

// NFKC of `text` (ICU), or `text` itself if ICU fails.
std::string Nfkc(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status)) return text;
  icu::UnicodeString folded =
      nfkc->normalize(icu::UnicodeString::fromUTF8(text), status);
  if (U_FAILURE(status)) return text;
  std::string out;
  folded.toUTF8String(out);
  return out;
}

long Length(const std::string& text) {
  return static_cast<long>(DecodeUtf8(text).size());
}

}  // namespace

std::string FoldCellText(const std::string& text) {
  return FoldText(Nfkc(text));
}

int MatchCell(const PageCell& truth, const std::vector<PageCell>& read) {
  const PageBox& t = truth.box;
  int best = -1;
  double best_iou = -1;
  for (size_t k = 0; k < read.size(); ++k) {
    const PageCell& r = read[k];
    if (r.page != truth.page) continue;
    const bool centre_in_truth = Contains(t, r.box.x + r.box.width / 2,
                                          r.box.y + r.box.height / 2);
    const bool truth_centre_in =
        Contains(r.box, t.x + t.width / 2, t.y + t.height / 2);
    if (!centre_in_truth && !truth_centre_in) continue;
    const double iou = Iou(t, r.box);
    if (iou > best_iou) {
      best_iou = iou;
      best = static_cast<int>(k);
    }
  }
  return best;
}

CellScore ScoreCells(const std::vector<PageCell>& truth,
                     const std::vector<PageCell>& read) {
  CellScore score;
  std::vector<int> match(truth.size());
  std::vector<int> uses(read.size(), 0);
  for (size_t i = 0; i < truth.size(); ++i) {
    match[i] = MatchCell(truth[i], read);
    if (match[i] >= 0) ++uses[match[i]];
  }
  for (size_t i = 0; i < truth.size(); ++i) {
    const PageCell& t = truth[i];
    const std::string want = FoldCellText(t.text);
    const int k = match[i];
    const std::string got = k < 0 ? "" : FoldCellText(read[k].text);
    if (want.empty()) {
      ++score.empty_cells;
      if (got.empty()) ++score.empty_ok;
      continue;
    }
    ++score.cells;
    score.truth_chars += Length(want);
    if (k < 0) {
      ++score.missing;
      score.edits += Length(want);
      ++score.errors[kNoCell];
      continue;
    }
    if (uses[k] > 1) ++score.merged;
    if (got == want) {
      ++score.exact;
      continue;
    }
    score.edits += static_cast<long>(EditDistance(want, got));
    if (got.empty()) {
      ++score.errors[kReadEmpty];
      continue;
    }
    for (const EditRun& run : EditRuns(want, got))
      ++score.errors[(run.truth.empty() ? "∅" : run.truth) + " → " +
                     (run.read.empty() ? "∅" : run.read)];
  }
  return score;
}

std::vector<std::pair<std::string, int>> TopErrors(const CellScore& score,
                                                   size_t n) {
  std::vector<std::pair<std::string, int>> all(score.errors.begin(),
                                               score.errors.end());
  std::stable_sort(all.begin(), all.end(), [](const auto& a, const auto& b) {
    return a.second > b.second;
  });
  if (all.size() > n) all.resize(n);
  return all;
}

std::string FormatCellScoreLine(const std::string& name,
                                const CellScore& score) {
  char line[256];
  std::snprintf(line, sizeof line,
                "cells %s: exact %.3f (%d/%d), CER %.3f (%ld/%ld chars), "
                "missing %d, merged %d, empty-ok %d/%d",
                name.c_str(), score.exact_rate(), score.exact, score.cells,
                score.cer(), score.edits, score.truth_chars, score.missing,
                score.merged, score.empty_ok, score.empty_cells);
  return line;
}

}  // namespace decltab::eval
