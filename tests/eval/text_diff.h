// Character-level comparison of a truth text with a read text: edit
// distance over code points and the edits grouped into "truth → read"
// pieces, for the per-cell scorer's error kinds.
#ifndef DECLTAB_TESTS_EVAL_TEXT_DIFF_H_
#define DECLTAB_TESTS_EVAL_TEXT_DIFF_H_

#include <string>
#include <vector>

namespace decltab::eval {

// Levenshtein distance over code points (insert, delete, substitute: 1 each).
size_t EditDistance(const std::string& truth, const std::string& read);

// One maximal run of edits between matching characters: `truth` is what the
// run replaces ("" for an insertion), `read` what stands there instead.
struct EditRun {
  std::string truth, read;
  bool operator==(const EditRun& o) const {
    return truth == o.truth && read == o.read;
  }
};

// The runs of a minimal edit script, left to right. Among minimal scripts
// the one that keeps matches earliest is taken, so the result is stable.
std::vector<EditRun> EditRuns(const std::string& truth,
                              const std::string& read);

}  // namespace decltab::eval

#endif  // DECLTAB_TESTS_EVAL_TEXT_DIFF_H_
