// One batch at a time per database and per part of an output folder. Two
// batches on one --db, or on one OUTDIR and the same shard, would each
// remove and rename the other's temporaries and rows; the second is refused
// instead, while the first runs. Shards of one archive (--shard K/N, as the
// Slurm and Kubernetes jobs run them) share OUTDIR: they write disjoint
// documents under distinct names, so each takes only its own part's lock.
#ifndef DECLTAB_CLI_BATCH_LOCK_H_
#define DECLTAB_CLI_BATCH_LOCK_H_

#include <string>

#include "core/result.h"

namespace decltab::cli {

// Holds exclusive flock(2) locks on "<db>.lock" (created beside a database
// file; none for an empty `db`) and on "OUTDIR/.decltab-batch-<part>.lock"
// (OUTDIR created if missing). Both files are left in place: removing one
// would race with the next batch taking it. Released when destroyed, or by
// the kernel when the process ends however it ends.
class BatchLock {
 public:
  // Fails with kInternal, saying which is in use, when another process holds
  // either lock; never waits.
  // `part` names the batch's share of OUTDIR ("0-of-1" for a whole batch).
  static Result<BatchLock> Acquire(const std::string& db, const std::string& out_dir,
                                   const std::string& part);

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
