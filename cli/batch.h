// `decltab batch`: many documents into one database, resumable and
// shardable. Pages of all documents go through one pool of workers (one OCR
// engine each); at most workers + 1 documents are open at a time, so memory
// does not grow with the batch. Each document is keyed by its sha256: one
// already stored as 'done' is skipped, so a killed batch re-run finishes the
// rest with every document present exactly once. A document that cannot be
// read becomes a 'failed' row with the reason, and the batch goes on.
#ifndef DECLTAB_CLI_BATCH_H_
#define DECLTAB_CLI_BATCH_H_

#include <functional>
#include <string>

#include "cli/batch_inputs.h"
#include "cli/read_document.h"
#include "core/result.h"
#include "reconcile/reconcile.h"

namespace decltab::cli {

struct BatchRequest {
  std::string input;    // folder or list file (see ListBatchInputs)
  std::string out_dir;  // <relative dir>/<stem>.json and CSVs per document
  std::string db;       // SQLite file or postgresql:// URI (required: the resume key)
  Shard shard;          // this process's part of the input
  bool excel = false;
  float min_confidence = reconcile::kDefaultMinConfidence;
  ReadOptions read;     // read.workers: worker threads (0: one per core)
};

struct BatchCounts {
  int files = 0;        // inputs listed (all shards)
  int done = 0;         // extracted in this run
  int skipped = 0;      // already done in the database, or a copy of one
  int failed = 0;
  int other_shard = 0;  // left to the other shards
  int pages = 0;        // pages read in this run
  int finished() const { return done + skipped + failed + other_shard; }
};

struct BatchEvent {
  // kNote: something the log should say about a file (an output renamed),
  // counted nowhere.
  enum class Kind { kDone, kSkipped, kFailed, kOtherShard, kPage, kNote };
  Kind kind;
  std::string file;     // the input path
  std::string detail;   // kDone: a one-line summary; kFailed: the reason;
                        // kNote: the note
  BatchCounts counts;   // after this event
};

// Called from worker threads, one call at a time.
using BatchObserver = std::function<void(const BatchEvent&)>;

// Fails only when the batch cannot run at all (no such input, the database
// cannot be opened, another batch holds the database or OUTDIR: see
// BatchLock); documents that fail are counted, not returned.
Result<BatchCounts> RunBatch(const BatchRequest& request,
                             const BatchObserver& observe = nullptr);

}  // namespace decltab::cli

#endif  // DECLTAB_CLI_BATCH_H_
