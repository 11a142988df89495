#include "tests/eval/text_diff.h"

#include <algorithm>

#include "tests/eval/text_match.h"

namespace decltab::eval {
namespace {

// d[i][j]: distance between the first i truth and first j read code points.
std::vector<std::vector<size_t>> DistanceTable(const std::vector<char32_t>& a,
                                               const std::vector<char32_t>& b) {
  std::vector<std::vector<size_t>> d(a.size() + 1,
                                     std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j)
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1,
                          d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
  return d;
}

}  // namespace

size_t EditDistance(const std::string& truth, const std::string& read) {
  const std::vector<char32_t> a = DecodeUtf8(truth), b = DecodeUtf8(read);
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1,
                         diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

std::vector<EditRun> EditRuns(const std::string& truth,
                              const std::string& read) {
  const std::vector<char32_t> a = DecodeUtf8(truth), b = DecodeUtf8(read);
  const std::vector<std::vector<size_t>> d = DistanceTable(a, b);
  // Walk back from the end; collect runs in reverse.
  std::vector<EditRun> runs;
  std::vector<char32_t> run_truth, run_read;  // reversed
  auto close_run = [&] {
    if (run_truth.empty() && run_read.empty()) return;
    std::reverse(run_truth.begin(), run_truth.end());
    std::reverse(run_read.begin(), run_read.end());
    runs.push_back({EncodeUtf8(run_truth), EncodeUtf8(run_read)});
    run_truth.clear();
    run_read.clear();
  };
  size_t i = a.size(), j = b.size();
  while (i > 0 || j > 0) {
    if (i > 0 && j > 0 && a[i - 1] == b[j - 1] && d[i][j] == d[i - 1][j - 1]) {
      close_run();
      --i;
      --j;
    } else if (i > 0 && j > 0 && d[i][j] == d[i - 1][j - 1] + 1) {
      run_truth.push_back(a[--i]);
      run_read.push_back(b[--j]);
    } else if (i > 0 && d[i][j] == d[i - 1][j] + 1) {
      run_truth.push_back(a[--i]);
    } else {
      run_read.push_back(b[--j]);
    }
  }
  close_run();
  std::reverse(runs.begin(), runs.end());
  return runs;
}

}  // namespace decltab::eval
