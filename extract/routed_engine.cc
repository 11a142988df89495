#include "extract/routed_engine.h"

#include <utility>

#include "core/utf8.h"

namespace decltab::extract {
namespace {

// A second reading this unsure loses to a surer first one.
constexpr float kUnsureSecond = 0.5f;

// Characters of figures and comparisons, and the rare ones chi_sim reads
// for ≥ and ≤ (之, 么, z; it also reads 过 三 二 委 科 和 乏, too common in
// form text to route on).
bool NumericOrSignLike(char32_t c) {
  if (c >= U'0' && c <= U'9') return true;
  switch (c) {
    case U'%': case U'％': case U'<': case U'>': case U'=': case U'≥': case U'≤':
    case U'＜': case U'＞': case U'＝': case U'×': case U'*':
    case U'之': case U'么': case U'z': case U'Z':
      return true;
    default:
      return false;
  }
}

int LatinLetters(const std::string& text) {
  int n = 0;
  for (char c : text) n += (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  return n;
}

class RoutedEngine : public OcrEngine {
 public:
  RoutedEngine(std::unique_ptr<OcrEngine> first, std::unique_ptr<OcrEngine> second,
               const RoutingOptions& options)
      : first_(std::move(first)), second_(std::move(second)), options_(options) {}

  Result<OcrText> Recognize(const uint8_t* pixels, int width, int height,
                            OcrMode mode) override {
    if (mode == OcrMode::kDigits) return second_->Recognize(pixels, width, height, mode);
    Result<OcrText> first = first_->Recognize(pixels, width, height, mode);
    if (!first.ok() || !WorthSecondReading(*first, options_)) return first;
    Result<OcrText> second = second_->Recognize(pixels, width, height, mode);
    if (!second.ok()) return second;
    if (second->confidence < kUnsureSecond && first->confidence > second->confidence)
      return first;
    // PP-OCR reads a lone 0 as o: Latin letters the first reading did not
    // have do not replace it.
    if (!first->text.empty() && LatinLetters(second->text) > LatinLetters(first->text))
      return first;
    return second;
  }

 private:
  std::unique_ptr<OcrEngine> first_, second_;
  RoutingOptions options_;
};

}  // namespace

bool WorthSecondReading(const OcrText& first, const RoutingOptions& options) {
  if (first.text.empty() || first.confidence < options.second_below) return true;
  for (char32_t c : DecodeUtf8(first.text))
    if (NumericOrSignLike(c)) return true;
  return false;
}

std::unique_ptr<OcrEngine> CreateRoutedEngine(std::unique_ptr<OcrEngine> first,
                                              std::unique_ptr<OcrEngine> second,
                                              const RoutingOptions& options) {
  return std::make_unique<RoutedEngine>(std::move(first), std::move(second), options);
}

}  // namespace decltab::extract
