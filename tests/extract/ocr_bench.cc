// extract_ocr_bench: measures ReadRegions on a folder of cell images.
//
//   extract_ocr_bench DIR [--lang chi_sim|script/HanS|chi_sim+eng]
//       [--height 32] [--border 10] [--no-digits] [--grey] [--only TEXT]
//       [--dump OUTDIR]  (writes the prepared images given to Tesseract)
//
// DIR/manifest.tsv lines: file \t dpi \t x \t y \t w \t h \t truth, where the
// region (x, y, w, h) is the cell inside its ruling lines and '|' in the
// truth separates lines (the expected text joins them). Each image is
// binarized once like the layout stage does (adaptive mean threshold over
// 4 mm, offset 10 or --offset N) unless --grey passes the grey image to Tesseract.
// Prints each miss and a summary: exact matches, matches after folding
// full-width ASCII, character accuracy and milliseconds per cell.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "extract/ocr_engine.h"
#include "extract/region_image.h"
#include "extract/region_reader.h"
#include "tests/extract/mat_page.h"
#include "core/utf8.h"

using namespace decltab;           // NOLINT: a measurement tool
using namespace decltab::extract;  // NOLINT

namespace {

std::u32string Fold(const std::string& s) {
  std::u32string out;
  for (char32_t c : DecodeUtf8(s)) {
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    if (c == 0x3002) c = '.';
    if (c == 0x2265) { out += U">="; continue; }
    if (c == 0x2264) { out += U"<="; continue; }
    out += c;
  }
  return out;
}

int EditDistance(const std::u32string& a, const std::u32string& b) {
  std::vector<int> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j)
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1,
                         prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s DIR [options]\n", argv[0]);
    return 2;
  }
  std::string dir = argv[1], only, dump;
  TesseractOptions tess;
  RegionOptions regions;
  bool grey = false;
  double offset = 10;
  for (int i = 2; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--lang" && i + 1 < argc) tess.languages = argv[++i];
    else if (a == "--height" && i + 1 < argc) regions.target_text_height_px = std::atoi(argv[++i]);
    else if (a == "--border" && i + 1 < argc) regions.border_px = std::atoi(argv[++i]);
    else if (a == "--no-digits") regions.reread_digits = false;
    else if (a == "--grey") grey = true;
    else if (a == "--offset" && i + 1 < argc) offset = std::atof(argv[++i]);
    else if (a == "--only" && i + 1 < argc) only = argv[++i];
    else if (a == "--dump" && i + 1 < argc) dump = argv[++i];
  }
  auto engine = CreateTesseractEngine(tess);
  if (!engine.ok()) {
    std::fprintf(stderr, "%s\n", engine.status().message().c_str());
    return 1;
  }
  std::ifstream manifest(dir + "/manifest.tsv");
  std::string line;
  int cells = 0, exact = 0, folded = 0, chars = 0, errors = 0;
  double ms = 0;
  while (std::getline(manifest, line)) {
    std::istringstream in(line);
    std::string file, truth;
    Rect r;
    int dpi;
    in >> file >> dpi >> r.x >> r.y >> r.width >> r.height;
    in.get();
    std::getline(in, truth);
    if (!only.empty() && file.find(only) == std::string::npos) continue;
    truth.erase(std::remove(truth.begin(), truth.end(), '|'), truth.end());
    cv::Mat img = cv::imread(dir + "/" + file, cv::IMREAD_GRAYSCALE);
    if (!grey) {
      int window = static_cast<int>(4.0 * dpi / 25.4) | 1;
      cv::adaptiveThreshold(img, img, 255, cv::ADAPTIVE_THRESH_MEAN_C,
                            cv::THRESH_BINARY, window, offset);
    }
    const PageImage page = MatPage(img, dpi);
    if (!dump.empty()) {  // what Tesseract is given
      PreparedRegion p = PrepareRegion(page, r, regions);
      if (!p.empty)
        cv::imwrite(dump + "/" + file,
                    cv::Mat(p.height, p.width, CV_8UC1, p.pixels.data()));
    }
    auto start = std::chrono::steady_clock::now();
    auto texts = ReadRegions(page, {r}, **engine, regions);
    ms += std::chrono::duration<double, std::milli>(
              std::chrono::steady_clock::now() - start).count();
    if (!texts.ok()) {
      std::fprintf(stderr, "%s: %s\n", file.c_str(), texts.status().message().c_str());
      return 1;
    }
    const OcrText& t = (*texts)[0];
    ++cells;
    std::u32string want = Fold(truth), got = Fold(t.text);
    exact += t.text == truth;
    folded += want == got;
    chars += want.size();
    errors += std::min<int>(want.size(), EditDistance(want, got));
    if (t.text != truth)
      std::printf("MISS %-28s want %-22s got %s (%.2f)\n", file.c_str(),
                  truth.c_str(), t.text.c_str(), t.confidence);
  }
  std::printf("cells %d exact %d (%.1f%%) folded %d (%.1f%%) char_acc %.1f%% ms/cell %.1f\n",
              cells, exact, 100.0 * exact / std::max(1, cells), folded,
              100.0 * folded / std::max(1, cells),
              100.0 * (chars - errors) / std::max(1, chars), ms / std::max(1, cells));
  return 0;
}
