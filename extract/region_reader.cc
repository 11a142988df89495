#include "extract/region_reader.h"

#include <algorithm>
#include <cmath>
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
constexpr float kSureConfidence = 0.85f;
// A digit reading must explain this share of the ink width, so one that
// drops units (">=2家" read as ">=2") is not taken.
constexpr double kMinWidthExplained = 0.75;
// Ink width of one CJK character of a unit (万, 元), in line heights, and
// the unexplained ink left of a bare unit that is worth a digit read.
constexpr double kUnitCharEm = 1.0;
constexpr double kMinDroppedEm = 0.35;

// How much larger the text of an unsure reading is read again
// (RegionOptions::reread_larger_below).
constexpr double kLargerScale = 1.5;

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
  if (text.confidence < kSureConfidence && LooksNumericButOne(text.text)) return true;
  return text.confidence < kUnsureConfidence &&
         DecodeUtf8(text.text).size() <= kShortCodepoints;
}

// Digits with at most decimal points: a number as the digit engine should
// give it.
bool IsPlainNumber(const std::string& text) {
  return !text.empty() && text.find_first_not_of("0123456789.") == std::string::npos;
}

// Width of the region's trimmed ink, in line heights.
double InkEm(const PreparedRegion& region) {
  return static_cast<double>(region.ink_width) / std::max(1, region.line_height);
}

// The money unit a one-line reading ends with, when what precedes it is not
// a clean number: nothing ("万元": a digit dropped) or digits mixed with
// marks ("2]万元": a 1 read as a stroke). "" otherwise.
std::string UnitAfterGarbledNumber(const std::string& text) {
  for (const char* unit : {"亿元", "万元", "元"}) {
    const std::string u = unit;
    if (text.size() < u.size() || text.compare(text.size() - u.size(), u.size(), u) != 0)
      continue;
    const std::string number = text.substr(0, text.size() - u.size());
    const bool numeric_marks =
        number.find_first_not_of("0123456789.,]|[lI") == std::string::npos;
    return !IsPlainNumber(number) && numeric_marks ? u : "";
  }
  return "";
}

// The ink of `region` before the blank column nearest its last `right_em`
// line heights, as a region of its own (the digits chi_sim dropped before a
// unit: "1万元" read "万元"); empty when no blank column is near.
PreparedRegion LeftPart(const PreparedRegion& region, double right_em,
                        int border) {
  const double scale =
      static_cast<double>(region.width - 2 * border) / std::max(1, region.ink_width);
  const int text_height = static_cast<int>(std::lround(region.line_height * scale));
  const int estimate = region.width - border -
                       static_cast<int>(std::lround(right_em * text_height));
  auto blank = [&](int x) {
    for (int y = 0; y < region.height; ++y)
      if (region.pixels[static_cast<size_t>(y) * region.width + x] < 128) return false;
    return true;
  };
  int cut = -1;
  const int slack = text_height / 3;
  for (int x = std::min(estimate + slack, region.width - border - 1); x > border + 1; --x)
    if (blank(x) && !blank(x - 1)) {
      if (std::abs(x - estimate) <= slack) cut = x;
      break;
    }
  PreparedRegion left;
  if (cut < 0) return left;
  left.empty = false;
  left.lines = 1;
  left.line_height = region.line_height;
  left.ink_width = static_cast<int>(std::lround((cut - border) / scale));
  left.width = cut + border;
  left.height = region.height;
  left.pixels.assign(static_cast<size_t>(left.width) * left.height, 255);
  for (int y = 0; y < region.height; ++y)
    std::copy_n(region.pixels.begin() + static_cast<size_t>(y) * region.width,
                cut, left.pixels.begin() + static_cast<size_t>(y) * left.width);
  return left;
}

bool DigitsExplainInk(const std::string& digits, const PreparedRegion& region) {
  return EstimatedNumericWidth(digits) >= kMinWidthExplained * InkEm(region);
}

int CountDigits(const std::string& text) {
  return static_cast<int>(std::count_if(text.begin(), text.end(),
                                        [](char c) { return c >= '0' && c <= '9'; }));
}

// The digit engine now and then drops the first digit of a small line
// ("50000" read "0000" at 150 dpi) where chi_sim read them all: a chi_sim
// reading that is a plain number keeps its digits.
bool DropsDigits(const std::string& digits, const std::string& text) {
  return IsPlainNumber(text) && CountDigits(digits) < CountDigits(text);
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
    // A more confident reading wins, or one that explains the ink where
    // chi_sim's numeric reading does not ("50" read "0" at 0.96).
    const bool explains_more = LooksNumeric(best->text) &&
                               !DigitsExplainInk(best->text, region) &&
                               digits->confidence >= kUnsureConfidence;
    if (!digits->text.empty() &&
        (digits->confidence > best->confidence || explains_more) &&
        DigitsExplainInk(digits->text, region) && !DropsDigits(digits->text, best->text))
      best = std::move(digits);
  }
  // chi_sim drops a digit set tight against a unit ("1万元" read "万元") or
  // reads a 1 there as a stroke ("2]万元"): the digit engine reads the ink
  // left of the unit again, when there is enough of it.
  const std::string unit =
      options.reread_digits && single_line ? UnitAfterGarbledNumber(best->text) : "";
  if (!unit.empty()) {
    const double unit_em = kUnitCharEm * DecodeUtf8(unit).size();
    if (InkEm(region) - unit_em >= kMinDroppedEm) {
      const PreparedRegion left = LeftPart(region, unit_em, options.border_px);
      if (!left.empty) {
        Result<OcrText> digits = ReadOnce(left, engine, OcrMode::kDigits);
        if (!digits.ok()) return digits;
        if (IsPlainNumber(digits->text) && digits->confidence >= kUnsureConfidence)
          best = OcrText{digits->text + unit,
                         std::min(digits->confidence, best->confidence)};
      }
    }
  }
  static const std::string kFullStop = "。";
  if (region.trailing_full_stop && !best->text.empty() &&
      best->text.compare(best->text.size() - std::min(best->text.size(), kFullStop.size()),
                         std::string::npos, kFullStop) != 0)
    best->text += kFullStop;
  return best;
}

// A number opening with 0 before another digit ("0000" for 440000) lost
// its leading digits: glyphs merged at the scale read.
bool LostLeadingDigits(const std::string& text) {
  return text.size() >= 2 && text[0] == '0' && text[1] >= '0' && text[1] <= '9';
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
    const bool lost_digits = LostLeadingDigits(text->text);
    if (text->confidence < options.reread_larger_below || lost_digits) {
      RegionOptions larger = options;
      larger.target_text_height_px = static_cast<int>(
          std::lround(options.target_text_height_px * kLargerScale));
      const PreparedRegion again = PrepareRegion(binary, clipped, larger);
      if (!again.empty) {
        Result<OcrText> second = ReadRegion(again, engine, larger);
        if (!second.ok())
          return second.status().WithContext("region " + std::to_string(i + 1));
        if (second->confidence > text->confidence ||
            (lost_digits && !second->text.empty() && !LostLeadingDigits(second->text)))
          text = std::move(second);
      }
    }
    texts.push_back(std::move(text).value());
  }
  return texts;
}

}  // namespace decltab::extract
