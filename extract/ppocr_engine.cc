#include "extract/ppocr_engine.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <list>
#include <sstream>
#include <utility>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/dnn.hpp>

#include "extract/ctc_decode.h"
#include "extract/ppocr_input.h"

#ifndef DECLTAB_DEFAULT_MODEL_DIR
#define DECLTAB_DEFAULT_MODEL_DIR "build/models"
#endif

namespace decltab::extract {
namespace {

// What OcrMode::kDigits may read (the Tesseract digit engine's whitelist).
constexpr char kDigitCharset[] = "0123456789.,%-=><≥≤:/";

Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot open " + path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Planned networks by input width, least recently used last.
class NetCache {
 public:
  NetCache(std::vector<uchar> model, int capacity)
      : model_(std::move(model)), capacity_(std::max(1, capacity)) {}

  cv::dnn::Net& ForWidth(int width) {
    auto hit = std::find_if(nets_.begin(), nets_.end(),
                            [&](const auto& n) { return n.first == width; });
    if (hit == nets_.end()) {
      if (static_cast<int>(nets_.size()) < capacity_) {
        cv::dnn::Net net = cv::dnn::readNetFromONNX(model_);
        net.setPreferableBackend(cv::dnn::DNN_BACKEND_OPENCV);
        net.setPreferableTarget(cv::dnn::DNN_TARGET_CPU);
        nets_.emplace_front(width, std::move(net));
      } else {
        nets_.splice(nets_.begin(), nets_, std::prev(nets_.end()));
        nets_.front().first = width;  // re-planned on its next forward
      }
    } else {
      nets_.splice(nets_.begin(), nets_, hit);
    }
    return nets_.front().second;
  }

 private:
  std::vector<uchar> model_;
  int capacity_;
  std::list<std::pair<int, cv::dnn::Net>> nets_;
};

class PpOcrEngine : public OcrEngine {
 public:
  PpOcrEngine(std::vector<std::string> labels, std::vector<uchar> model,
              const PpOcrOptions& options)
      : labels_(std::move(labels)),
        digits_(AllowedClasses(labels_, kDigitCharset)),
        nets_(std::move(model), options.max_networks),
        options_(options) {}

  // Loads a first network, so a model OpenCV cannot read fails here.
  void Warm() { nets_.ForWidth(PpOcrInputWidth(kPpOcrInputHeight * 4, kPpOcrInputHeight)); }

  Result<OcrText> Recognize(const uint8_t* pixels, int width, int height,
                            OcrMode mode) override {
    if (!pixels || width <= 0 || height <= 0)
      return Status::InvalidInput("empty image");
    try {
      const cv::Mat grey(height, width, CV_8UC1, const_cast<uint8_t*>(pixels));
      std::vector<cv::Rect> lines = FindTextLines(grey, options_.line_margin);
      if (lines.empty()) return OcrText{"", 1.f};
      if (mode != OcrMode::kBlock) {
        cv::Rect all = lines.front();
        for (const cv::Rect& line : lines) all |= line;
        lines = {all};
      }
      OcrText out{"", 1.f};
      for (const cv::Rect& line : lines) {
        const CtcReading reading = ReadLine(grey(line), mode == OcrMode::kDigits);
        if (!out.text.empty()) out.text += '\n';
        out.text += reading.text;
        out.confidence = std::min(out.confidence, reading.confidence);
      }
      return out;
    } catch (const cv::Exception& e) {
      return Status::Internal(std::string("PP-OCR recognizer: ") + e.what());
    }
  }

 private:
  // The class probabilities of `line`; the last line's are kept, so a
  // digits re-read of the same pixels costs no second forward pass.
  const cv::Mat& Probabilities(const cv::Mat& line) {
    if (!last_probs_.empty() && line.size() == last_line_.size() &&
        cv::countNonZero(line != last_line_) == 0)
      return last_probs_;
    const int input_width = PpOcrInputWidth(line.cols, line.rows);
    cv::dnn::Net& net = nets_.ForWidth(input_width);
    net.setInput(PpOcrInputBlob(line, input_width));
    last_probs_ = net.forward().clone();
    last_line_ = line.clone();
    return last_probs_;
  }

  CtcReading ReadLine(const cv::Mat& line, bool digits) {
    const cv::Mat& probs = Probabilities(line);
    CV_Assert(probs.dims == 3 && probs.size[2] == static_cast<int>(labels_.size()));
    return GreedyCtcDecode(probs.ptr<float>(), probs.size[1], probs.size[2], labels_,
                           digits ? digits_ : std::vector<bool>{});
  }

  std::vector<std::string> labels_;
  std::vector<bool> digits_;
  NetCache nets_;
  PpOcrOptions options_;
  cv::Mat last_line_, last_probs_;
};

}  // namespace

std::string PpOcrModelDir(const PpOcrOptions& options) {
  if (!options.model_dir.empty()) return options.model_dir;
  if (const char* env = std::getenv("DECLTAB_PPOCR_DIR"); env && *env) return env;
  return std::string(DECLTAB_DEFAULT_MODEL_DIR) + "/ppocr";
}

Status CheckPpOcrModel(const PpOcrOptions& options) {
  const std::string dir = PpOcrModelDir(options);
  for (const char* file : {kPpOcrModelFile, kPpOcrKeysFile}) {
    const std::string path = dir + "/" + file;
    if (!std::filesystem::is_regular_file(path))
      return Status::NotFound("PP-OCR model file " + path +
                              " is missing; make it with " + kPpOcrBootstrapCommand +
                              " (or choose --ocr tesseract)");
  }
  return Status::Ok();
}

Result<std::unique_ptr<OcrEngine>> CreatePpOcrEngine(const PpOcrOptions& options) {
  Status present = CheckPpOcrModel(options);
  if (!present.ok()) return present;
  const std::string dir = PpOcrModelDir(options);
  Result<std::string> keys = ReadFile(dir + "/" + kPpOcrKeysFile);
  if (!keys.ok()) return keys.status();
  Result<std::vector<std::string>> labels = ParseCtcLabels(*keys);
  if (!labels.ok())
    return labels.status().WithContext(dir + "/" + kPpOcrKeysFile);
  Result<std::string> model = ReadFile(dir + "/" + kPpOcrModelFile);
  if (!model.ok()) return model.status();
  cv::setNumThreads(1);
  try {
    auto engine = std::make_unique<PpOcrEngine>(
        std::move(labels).value(), std::vector<uchar>(model->begin(), model->end()),
        options);
    engine->Warm();
    return std::unique_ptr<OcrEngine>(std::move(engine));
  } catch (const cv::Exception& e) {
    return Status::Internal("cannot load PP-OCR model " + dir + "/" + kPpOcrModelFile +
                            ": " + e.what());
  }
}

}  // namespace decltab::extract
