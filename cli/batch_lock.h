// One batch at a time per database and per output folder. Two batches on
// one --db or OUTDIR would each remove and rename the other's temporaries
// and rows; the second is refused instead, while the first runs.
#ifndef DECLTAB_CLI_BATCH_LOCK_H_
#define DECLTAB_CLI_BATCH_LOCK_H_

#include <string>

#include "core/result.h"

namespace decltab::cli {

// Holds exclusive flock(2) locks on "<db>.lock" (created beside a database
// file and left there: removing it would race with the next batch taking
// it; none for an empty `db`) and on the output folder itself (created if
// missing). Released when
// destroyed, or by the kernel when the process ends however it ends.
class BatchLock {
 public:
  // Fails with kInternal, saying which is in use, when another process holds
  // either lock; never waits.
  static Result<BatchLock> Acquire(const std::string& db, const std::string& out_dir);

  BatchLock(BatchLock&& other) noexcept;
  BatchLock& operator=(BatchLock&& other) noexcept;
  BatchLock(const BatchLock&) = delete;
  BatchLock& operator=(const BatchLock&) = delete;
  ~BatchLock();

 private:
  BatchLock(int db_fd, int dir_fd) : db_fd_(db_fd), dir_fd_(dir_fd) {}
  void Release();
  int db_fd_ = -1, dir_fd_ = -1;
};

}  // namespace decltab::cli

#endif  // DECLTAB_CLI_BATCH_LOCK_H_
