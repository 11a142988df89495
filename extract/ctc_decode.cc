#include "extract/ctc_decode.h"

#include <algorithm>
#include <sstream>

#include "core/utf8.h"

namespace decltab::extract {

Result<std::vector<std::string>> ParseCtcLabels(const std::string& keys_file_text) {
  std::vector<std::string> labels{""};
  std::istringstream in(keys_file_text);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    labels.push_back(line);
  }
  if (labels.size() == 1) return Status::InvalidInput("empty keys file");
  labels.push_back(" ");
  return labels;
}

CtcReading GreedyCtcDecode(const float* probs, int steps, int classes,
                           const std::vector<std::string>& labels,
                           const std::vector<bool>& allowed) {
  CtcReading out;
  int previous = -1;
  for (int t = 0; t < steps; ++t) {
    const float* row = probs + static_cast<size_t>(t) * classes;
    int best = 0;
    for (int c = 1; c < classes; ++c)
      if ((allowed.empty() || allowed[c]) && row[c] > row[best]) best = c;
    if (best != 0 && best != previous && best < static_cast<int>(labels.size())) {
      out.text += labels[best];
      out.char_probs.push_back(row[best]);
    }
    previous = best;
  }
  if (!out.char_probs.empty())
    out.confidence = *std::min_element(out.char_probs.begin(), out.char_probs.end());
  return out;
}

std::vector<bool> AllowedClasses(const std::vector<std::string>& labels,
                                 const std::string& charset) {
  const std::vector<char32_t> chars = DecodeUtf8(charset);
  std::vector<bool> allowed(labels.size(), false);
  for (size_t c = 1; c < labels.size(); ++c) {
    const std::vector<char32_t> label = DecodeUtf8(labels[c]);
    allowed[c] = label.size() == 1 &&
                 std::find(chars.begin(), chars.end(), label[0]) != chars.end();
  }
  return allowed;
}

}  // namespace decltab::extract
