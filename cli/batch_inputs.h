// What `decltab batch` reads: every PDF and page scan under a folder, or the
// paths listed in a file, and which shard of an archive each belongs to.
#ifndef DECLTAB_CLI_BATCH_INPUTS_H_
#define DECLTAB_CLI_BATCH_INPUTS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace decltab::cli {

struct BatchInput {
  std::string path;      // as opened
  std::string relative;  // under the input folder (or list file's folder)
  std::string output;    // its outputs under OUTDIR: output + ".json" and
                         // output + "/" CSVs; unique in the batch
  bool output_renamed = false;  // output is not <relative folder>/<stem>:
                                // an earlier input took that name
};

// A folder: every *.pdf, *.png, *.tif, *.tiff, *.jpg, *.jpeg under it (any
// letter case, recursively, following links but entering each folder and
// listing each file once, so a link loop ends), sorted by path. A file: one path per line,
// relative to the list file's folder unless absolute; blank lines and lines
// starting with '#' are skipped. A listed path is kept even if it cannot be
// read (the batch records it as failed). kInvalidInput when `input` is
// neither a folder nor a readable file. No two inputs get one `output`:
// the later of two that would (report.pdf, report.PDF) is named after its
// whole file name (report_PDF) and marked output_renamed.
Result<std::vector<BatchInput>> ListBatchInputs(const std::string& input);

// Which of `count` shards a document belongs to: by its sha256 (hex) so that
// copies of a file under several names fall into one shard, or by its
// relative path when it cannot be read (empty sha256).
int ShardOf(const std::string& sha256, const std::string& relative, int count);

// "K/N" with 0 <= K < N (K as in Slurm's SLURM_ARRAY_TASK_ID with --array=0-(N-1)
// and Kubernetes' JOB_COMPLETION_INDEX).
struct Shard {
  int index = 0, count = 1;
};
Result<Shard> ParseShard(const std::string& text);

}  // namespace decltab::cli

#endif  // DECLTAB_CLI_BATCH_INPUTS_H_
