// How `decltab batch` reports: on a terminal, one progress line kept current
// (files done/total, pages/s, ETA, failures) with each failure printed above
// it; otherwise one timestamped log line per document.
#ifndef DECLTAB_CLI_BATCH_PROGRESS_H_
#define DECLTAB_CLI_BATCH_PROGRESS_H_

#include <chrono>
#include <cstdio>
#include <string>

#include "cli/batch.h"

namespace decltab::cli {

class BatchProgress {
 public:
  // `shards`: how many shards split the input (scales the ETA).
  BatchProgress(std::FILE* out, bool terminal, int shards);

  void operator()(const BatchEvent& event);

  // The closing summary line.
  std::string Summary(const BatchCounts& counts) const;

 private:
  double Elapsed() const;
  std::string Rates(const BatchCounts& counts) const;

  std::FILE* out_;
  bool terminal_;
  int shards_;
  std::chrono::steady_clock::time_point start_;
};

// "1h 02m", "5m 10s", "42s".
std::string FormatDuration(double seconds);

}  // namespace decltab::cli

#endif  // DECLTAB_CLI_BATCH_PROGRESS_H_
