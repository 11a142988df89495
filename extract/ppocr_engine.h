// OcrEngine over PaddleOCR's PP-OCRv4 text-line recognizer, run by OpenCV's
// DNN module. The model is fetched and converted for OpenCV 4.6 by
// tools/fetch_ppocr_model.sh (which tools/bootstrap.sh runs) into
// build/models/ppocr; it is not part of the repository.
#ifndef DECLTAB_EXTRACT_PPOCR_ENGINE_H_
#define DECLTAB_EXTRACT_PPOCR_ENGINE_H_

#include <memory>
#include <string>

#include "core/result.h"
#include "extract/ocr_engine.h"

namespace decltab::extract {

// The converted recognizer and its dictionary, inside the model folder.
constexpr char kPpOcrModelFile[] = "ppocr_rec_cv46.onnx";
constexpr char kPpOcrKeysFile[] = "ppocr_keys_v1.txt";
// How to make them.
constexpr char kPpOcrBootstrapCommand[] = "tools/bootstrap.sh --deps-only";

struct PpOcrOptions {
  // Folder holding kPpOcrModelFile and kPpOcrKeysFile; empty: the
  // DECLTAB_PPOCR_DIR environment variable, else the build's models/ppocr.
  std::string model_dir;
  // White kept above and below a line's ink, as a share of its height.
  // 0.15 read the 300 dpi sample scan's cells 0.994 exact. 0.5 (narrower
  // input) took 27% less time on three of its pages, but --ocr hybrid with
  // it read a lone 0 as o and 滇 as 汗 on that scan (0.981).
  double line_margin = 0.15;
  // Networks kept planned for different input widths (one per bucket of
  // kPpOcrWidthBuckets, about 20 MiB each); beyond that the least recently
  // used one is re-planned for the new width.
  int max_networks = 10;
};

// The model folder `options` names (see PpOcrOptions::model_dir).
std::string PpOcrModelDir(const PpOcrOptions& options);

// Fails with kNotFound naming the missing file and the command that makes
// it, when the model or its dictionary is not there.
Status CheckPpOcrModel(const PpOcrOptions& options);

// Creates an engine that reads single lines and, for OcrMode::kBlock, each
// text line of the block (found by horizontal projection) in turn; kDigits
// reads the line with only the digit engine's characters competing.
// Confidence: the lowest class probability of the emitted characters.
// Sets OpenCV to one thread (decltab runs one engine per worker thread).
// Fails with kNotFound (CheckPpOcrModel) or kInternal when the model cannot
// be loaded.
Result<std::unique_ptr<OcrEngine>> CreatePpOcrEngine(const PpOcrOptions& options);

}  // namespace decltab::extract

#endif  // DECLTAB_EXTRACT_PPOCR_ENGINE_H_
