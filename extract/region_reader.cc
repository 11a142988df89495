#include "extract/region_reader.h"

#include <algorithm>
#include <string>

#include "extract/region_image.h"
#include "extract/region_text.h"
#include "core/utf8.h"

namespace decltab::extract {
namespace {

// A short, unsure reading may be a numeric cell chi_sim garbled ("0.5" read
// as "个.5"): such cells get a digit re-read too.
constexpr int kShortCodepoints = 3;
constexpr float kUnsureConfidence = 0.5f;
// A digit reading must explain this share of the ink width, so one that
// drops units (">=2家" read as ">=2") is not taken.
constexpr double kMinWidthExplained = 0.75;

Result<OcrText> ReadOnce(const PreparedRegion& region, OcrEngine& engine,
                         OcrMode mode) {
  Result<OcrText> read =
      engine.Recognize(region.pixels.data(), region.width, region.height, mode);
  if (!read.ok()) return read;
  return OcrText{mode == OcrMode::kDigits ? CleanDigitText(read->text)
                                          : CleanRegionText(read->text),
                 read->confidence};
}

bool WorthDigitReread(const OcrText& text) {
  if (LooksNumeric(text.text)) return true;
  return text.confidence < kUnsureConfidence &&
         DecodeUtf8(text.text).size() <= kShortCodepoints;
}

bool DigitsExplainInk(const std::string& digits, const PreparedRegion& region) {
  const double ink = static_cast<double>(region.ink_width) /
                     std::max(1, region.line_height);
  return EstimatedNumericWidth(digits) >= kMinWidthExplained * ink;
}

Result<OcrText> ReadRegion(const PreparedRegion& region, OcrEngine& engine,
                           const RegionOptions& options) {
  const bool single_line = region.lines <= 1;
  Result<OcrText> best = ReadOnce(
      region, engine, single_line ? OcrMode::kSingleLine : OcrMode::kBlock);
  if (!best.ok()) return best;
  // Single-line mode sometimes returns nothing for a noisy line that block
  // mode reads.
  if (best->text.empty() && single_line) {
    best = ReadOnce(region, engine, OcrMode::kBlock);
    if (!best.ok()) return best;
  }
  // chi_sim misreads %, >= and digits; a digits-only model restricted to
  // numeric signs reads such cells better (see the extract report).
  if (options.reread_digits && single_line && WorthDigitReread(*best)) {
    Result<OcrText> digits = ReadOnce(region, engine, OcrMode::kDigits);
    if (!digits.ok()) return digits;
    if (!digits->text.empty() && digits->confidence > best->confidence &&
        DigitsExplainInk(digits->text, region))
      best = std::move(digits);
  }
  return best;
}

}  // namespace

Result<std::vector<OcrText>> ReadRegions(const PageImage& binary,
                                         const std::vector<Rect>& regions,
                                         OcrEngine& engine,
                                         const RegionOptions& options) {
  if (binary.empty())
    return Status::InvalidInput("page " + std::to_string(binary.page_number) +
                                ": empty page image");
  if (binary.pixels.size() !=
      static_cast<size_t>(binary.width) * binary.height)
    return Status::InvalidInput(
        "page " + std::to_string(binary.page_number) +
        ": pixel buffer does not match width * height");
  const Rect page_rect{0, 0, binary.width, binary.height};
  std::vector<OcrText> texts;
  texts.reserve(regions.size());
  for (size_t i = 0; i < regions.size(); ++i) {
    const Rect clipped = regions[i].Intersect(page_rect);
    const PreparedRegion prepared =
        clipped.empty() ? PreparedRegion{}
                        : PrepareRegion(binary, clipped, options);
    if (prepared.empty) {
      texts.push_back(OcrText{"", 1.f});
      continue;
    }
    Result<OcrText> text = ReadRegion(prepared, engine, options);
    if (!text.ok())
      return text.status().WithContext("region " + std::to_string(i + 1));
    texts.push_back(std::move(text).value());
  }
  return texts;
}

}  // namespace decltab::extract
