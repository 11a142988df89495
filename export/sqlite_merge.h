// Combines shard databases (from `decltab batch --shard K/N` on several
// machines) into one. Documents are keyed by sha256: a document already
// stored as 'done' in the target is kept; a 'failed' one is replaced by a
// shard's 'done' copy. Each shard is merged in one transaction.
#ifndef DECLTAB_EXPORT_SQLITE_MERGE_H_
#define DECLTAB_EXPORT_SQLITE_MERGE_H_

#include <string>

#include "core/result.h"

namespace decltab::exporter {

struct MergeCounts {
  int added = 0;     // documents copied from the shard
  int replaced = 0;  // failed documents replaced by the shard's done copy
  int kept = 0;      // documents the target already had
};

// Merges every document of `shard_path` into `target_path` (created if
// missing). Fails, leaving the target as it was, when the shard is not a
// decltab database or a statement fails.
Result<MergeCounts> MergeDatabase(const std::string& target_path,
                                  const std::string& shard_path);

}  // namespace decltab::exporter

#endif  // DECLTAB_EXPORT_SQLITE_MERGE_H_
