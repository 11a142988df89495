// FakeOcrEngine: an OcrEngine that returns scripted readings, for tests of
// stages that OCR through the extract::OcrEngine interface.
//
//   FakeOcrEngine engine({{"项目名称", 0.95f}, {"25万元", 0.9f}});
//   engine.ScriptDigits({{"25", 0.97f}});   // answers to OcrMode::kDigits
//   ... ReadRegions(page, regions, engine, options) ...
//   EXPECT_EQ(2u, engine.calls().size());
//
// Text calls (kSingleLine, kBlock) take the next reading of the text script,
// kDigits calls the next of the digit script; an exhausted script answers
// `fallback`. Every call is recorded with the image it was given.
#ifndef DECLTAB_TESTS_FAKES_FAKE_OCR_ENGINE_H_
#define DECLTAB_TESTS_FAKES_FAKE_OCR_ENGINE_H_

#include <cstdint>
#include <deque>
#include <utility>
#include <vector>

#include "extract/ocr_engine.h"

namespace decltab::extract {

class FakeOcrEngine : public OcrEngine {
 public:
  struct Call {
    int width = 0, height = 0;
    OcrMode mode = OcrMode::kSingleLine;
    std::vector<uint8_t> pixels;  // copy of the image passed
  };

  explicit FakeOcrEngine(std::vector<OcrText> text_script = {},
                         OcrText fallback = OcrText{"", 0.f})
      : text_(text_script.begin(), text_script.end()),
        fallback_(std::move(fallback)) {}

  void ScriptText(const std::vector<OcrText>& readings) {
    text_.insert(text_.end(), readings.begin(), readings.end());
  }
  void ScriptDigits(const std::vector<OcrText>& readings) {
    digits_.insert(digits_.end(), readings.begin(), readings.end());
  }
  // Makes the next call fail with `status`.
  void FailNext(Status status) { failure_ = std::move(status); }

  Result<OcrText> Recognize(const uint8_t* pixels, int width, int height,
                            OcrMode mode) override {
    if (!pixels || width <= 0 || height <= 0)
      return Status::InvalidInput("empty image");
    calls_.push_back(Call{width, height, mode,
                          std::vector<uint8_t>(pixels, pixels + width * height)});
    if (!failure_.ok()) {
      Status failure = std::move(failure_);
      failure_ = Status::Ok();
      return failure;
    }
    std::deque<OcrText>& script = mode == OcrMode::kDigits ? digits_ : text_;
    if (script.empty()) return fallback_;
    OcrText next = std::move(script.front());
    script.pop_front();
    return next;
  }

  const std::vector<Call>& calls() const { return calls_; }

 private:
  std::deque<OcrText> text_, digits_;
  OcrText fallback_;
  Status failure_;
  std::vector<Call> calls_;
};

}  // namespace decltab::extract

#endif  // DECLTAB_TESTS_FAKES_FAKE_OCR_ENGINE_H_
