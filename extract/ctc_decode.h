// Greedy decoding of a CTC text-line recognizer's output (PP-OCR's): the
// label set and the per-step class probabilities in, text and confidence out.
// Pure functions, so they are tested without a model.
#ifndef DECLTAB_EXTRACT_CTC_DECODE_H_
#define DECLTAB_EXTRACT_CTC_DECODE_H_

#include <string>
#include <vector>

#include "core/result.h"

namespace decltab::extract {

// Class labels of a PP-OCR recognizer: "" (the CTC blank, class 0), then
// one per line of the keys file (UTF-8, one character a line), then " "
// (PaddleOCR's use_space_char). Fails with kInvalidInput on an empty file.
Result<std::vector<std::string>> ParseCtcLabels(const std::string& keys_file_text);

struct CtcReading {
  std::string text;
  // Per emitted character, its class probability at the step that emitted it.
  std::vector<float> char_probs;
  // The lowest of char_probs (1 for an empty reading): one misread glyph
  // makes the whole reading unsure. The mean hides it: on decltab's sample
  // cells a misread character typically scores 0.3-0.6 among a dozen at
  // 0.99, which a mean lifts above 0.9.
  float confidence = 1.f;
};

// Greedy CTC decode of `steps` x `classes` probabilities (row-major): the most
// probable class per step; repeats merged, then blanks dropped. When
// `allowed` is not empty, only the classes it marks (plus the blank) compete
// (a digits-only reading of the same output). Labels must have `classes`
// entries.
CtcReading GreedyCtcDecode(const float* probs, int steps, int classes,
                           const std::vector<std::string>& labels,
                           const std::vector<bool>& allowed = {});

// The classes whose labels are characters of `charset` (UTF-8), for
// GreedyCtcDecode's `allowed`.
std::vector<bool> AllowedClasses(const std::vector<std::string>& labels,
                                 const std::string& charset);

}  // namespace decltab::extract

#endif  // DECLTAB_EXTRACT_CTC_DECODE_H_
