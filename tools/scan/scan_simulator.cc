#include "tools/scan/scan_simulator.h"

#include <algorithm>
#include <cmath>
#include <random>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace decltab::tools {
namespace {

// Independent random streams per degradation, so changing one option (say,
// the noise) does not reshuffle the others (say, the skew) for the same seed.
enum class Stream : uint64_t { kSkew = 1, kLines, kPaper, kNoise };

uint64_t SplitMix(uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

std::mt19937_64 MakeRng(uint64_t seed, Stream stream) {
  return std::mt19937_64(SplitMix(seed ^ SplitMix(static_cast<uint64_t>(stream))));
}

// std::uniform_real_distribution is implementation-defined; this is not, so
// a seed gives the same page with any standard library.
double Uniform(std::mt19937_64& rng, double lo, double hi) {
  double unit = static_cast<double>(rng() >> 11) * 0x1.0p-53;
  return lo + (hi - lo) * unit;
}

double MillimetresToPixels(double mm, int dpi) { return mm * dpi / 25.4; }

// Long dark runs of one orientation: ruling lines, not glyph strokes (CJK
// strokes stay well under 5 mm at body sizes).
cv::Mat FindRulingLines(const cv::Mat& dark, int dpi, bool horizontal) {
  int length = std::max(15, static_cast<int>(MillimetresToPixels(6, dpi)));
  cv::Size size = horizontal ? cv::Size(length, 1) : cv::Size(1, length);
  cv::Mat kernel = cv::getStructuringElement(cv::MORPH_RECT, size);
  cv::Mat lines;
  cv::morphologyEx(dark, lines, cv::MORPH_OPEN, kernel);
  // Take in the anti-aliased fringe across the line as well.
  cv::Size across = horizontal ? cv::Size(1, 3) : cv::Size(3, 1);
  cv::dilate(lines, lines, cv::getStructuringElement(cv::MORPH_RECT, across));
  return lines;
}

// Lightens each ruling line and cuts random short gaps in it (keeping the
// crossings, where scanners rarely lose both lines at once).
void DegradeRulingLines(const ScanOptions& options, uint64_t seed,
                        cv::Mat& page) {
  if (options.line_dropout <= 0 && options.line_fade <= 0) return;
  std::mt19937_64 rng = MakeRng(seed, Stream::kLines);
  cv::Mat dark = page < 160;
  cv::Mat inked = page < 250;
  cv::Mat masks[2] = {FindRulingLines(dark, options.dpi, true),
                      FindRulingLines(dark, options.dpi, false)};
  for (cv::Mat& mask : masks) mask &= inked;
  double mean_gap = MillimetresToPixels(1.2, options.dpi);
  for (int orientation = 0; orientation < 2; ++orientation) {
    bool horizontal = orientation == 0;
    const cv::Mat& other = masks[1 - orientation];
    cv::Mat labels, stats, centroids;
    int count = cv::connectedComponentsWithStats(masks[orientation], labels,
                                                 stats, centroids, 8, CV_32S);
    for (int label = 1; label < count; ++label) {
      cv::Rect box(stats.at<int>(label, cv::CC_STAT_LEFT),
                   stats.at<int>(label, cv::CC_STAT_TOP),
                   stats.at<int>(label, cv::CC_STAT_WIDTH),
                   stats.at<int>(label, cv::CC_STAT_HEIGHT));
      double fade = std::clamp(
          options.line_fade * Uniform(rng, 0.7, 1.3), 0.0, 0.9);
      int length = horizontal ? box.width : box.height;
      // Stochastic rounding keeps the expected gap share right on short lines.
      double expected = options.line_dropout * length / mean_gap;
      int gaps = static_cast<int>(expected);
      if (Uniform(rng, 0, 1) < expected - gaps) ++gaps;
      std::vector<std::pair<int, int>> cuts;  // [start, end) along the line
      for (int i = 0; i < gaps; ++i) {
        int gap = static_cast<int>(Uniform(rng, 0.4, 2.0) * mean_gap / 1.2);
        int start = static_cast<int>(Uniform(rng, 0, std::max(1, length - gap)));
        cuts.emplace_back(start, start + gap);
      }
      for (int y = box.y; y < box.y + box.height; ++y) {
        uint8_t* row = page.ptr<uint8_t>(y);
        const int* label_row = labels.ptr<int>(y);
        const uint8_t* other_row = other.ptr<uint8_t>(y);
        for (int x = box.x; x < box.x + box.width; ++x) {
          if (label_row[x] != label) continue;
          int along = horizontal ? x - box.x : y - box.y;
          bool cut = other_row[x] == 0 &&
                     std::any_of(cuts.begin(), cuts.end(), [&](const auto& c) {
                       return along >= c.first && along < c.second;
                     });
          row[x] = cut ? 255
                       : static_cast<uint8_t>(row[x] + (255 - row[x]) * fade);
        }
      }
    }
  }
}

void Rotate(double degrees, cv::Mat& page) {
  if (degrees == 0) return;
  cv::Point2f center(page.cols / 2.0f, page.rows / 2.0f);
  cv::Mat rotation = cv::getRotationMatrix2D(center, degrees, 1.0);
  cv::Mat rotated;
  cv::warpAffine(page, rotated, rotation, page.size(), cv::INTER_LINEAR,
                 cv::BORDER_CONSTANT, cv::Scalar(255));
  page = rotated;
}

// Grey, uneven paper and ink that is not quite black: maps 255 to a slowly
// varying paper tone and 0 to a dark grey.
void ApplyPaper(double variation, uint64_t seed, cv::Mat& page) {
  if (variation <= 0) return;
  std::mt19937_64 rng = MakeRng(seed, Stream::kPaper);
  cv::Mat coarse(6, 5, CV_32F);
  for (int y = 0; y < coarse.rows; ++y)
    for (int x = 0; x < coarse.cols; ++x)
      coarse.at<float>(y, x) = static_cast<float>(Uniform(rng, 0, 1));
  cv::Mat field;
  cv::resize(coarse, field, page.size(), 0, 0, cv::INTER_CUBIC);
  double ink = 70 * variation;
  double tint = 20 * variation;
  double swing = 90 * variation;
  cv::Mat out(page.size(), CV_8U);
  for (int y = 0; y < page.rows; ++y) {
    const uint8_t* in = page.ptr<uint8_t>(y);
    const float* f = field.ptr<float>(y);
    uint8_t* o = out.ptr<uint8_t>(y);
    for (int x = 0; x < page.cols; ++x) {
      double paper = 255 - tint - swing * std::clamp(f[x], 0.0f, 1.0f);
      o[x] = cv::saturate_cast<uint8_t>(ink + (paper - ink) * in[x] / 255.0);
    }
  }
  page = out;
}

void AddNoise(double sigma, uint64_t seed, cv::Mat& page) {
  if (sigma <= 0) return;
  cv::RNG rng(SplitMix(seed ^ static_cast<uint64_t>(Stream::kNoise)));
  cv::Mat noise(page.size(), CV_16S);
  rng.fill(noise, cv::RNG::NORMAL, 0, sigma);
  cv::Mat sum;
  page.convertTo(sum, CV_16S);
  sum += noise;
  sum.convertTo(page, CV_8U);  // saturates
}

void JpegRoundTrip(int quality, cv::Mat& page) {
  if (quality <= 0) return;
  std::vector<uint8_t> bytes;
  cv::imencode(".jpg", page, bytes, {cv::IMWRITE_JPEG_QUALITY, quality});
  page = cv::imdecode(bytes, cv::IMREAD_GRAYSCALE);
}

}  // namespace

// JPEG quality and noise are lower than a scanner's defaults would suggest:
// a dense CJK page costs ~1 MB at 300 dpi and quality 90, and the test corpus
// (three presets of every page) must stay small. Low quality and moderate
// noise together still give the blotchy, ringing look of cheap scans. Sizes
// per A4 page of dense text: clean300 ~250 KB, skew200 ~170 KB,
// harsh150 ~120 KB.
ScanOptions ScanOptions::Preset(const std::string& name) {
  ScanOptions o;
  if (name == "clean300") {
    o.dpi = 300;
    o.max_skew_degrees = 0.3;
    o.blur_sigma = 0.5;
    o.noise_sigma = 1.5;
    o.background_variation = 0.04;
    o.jpeg_quality = 40;
  } else if (name == "skew200") {
    o.dpi = 200;
    o.min_skew_degrees = 0.6;
    o.max_skew_degrees = 1.0;
    o.blur_sigma = 0.6;
    o.noise_sigma = 4;
    o.background_variation = 0.15;
    o.jpeg_quality = 45;
    o.line_dropout = 0.05;
    o.line_fade = 0.2;
  } else if (name == "harsh150") {
    o.dpi = 150;
    o.max_skew_degrees = 2.0;
    o.blur_sigma = 0.9;
    o.noise_sigma = 8;
    o.background_variation = 0.3;
    o.jpeg_quality = 35;
    o.line_dropout = 0.12;
    o.line_fade = 0.45;
  }
  return o;
}

std::vector<std::string> ScanOptions::PresetNames() {
  return {"clean300", "skew200", "harsh150"};
}

double ScanSkewDegrees(const ScanOptions& options, uint64_t seed) {
  if (options.max_skew_degrees <= 0) return 0;
  std::mt19937_64 rng = MakeRng(seed, Stream::kSkew);
  if (options.min_skew_degrees > 0) {
    double magnitude =
        Uniform(rng, options.min_skew_degrees, options.max_skew_degrees);
    return (rng() & 1) ? magnitude : -magnitude;
  }
  return Uniform(rng, -options.max_skew_degrees, options.max_skew_degrees);
}

PageImage SimulateScan(const PageImage& clean, const ScanOptions& options,
                       uint64_t seed) {
  PageImage out = clean;
  if (out.dpi <= 0) out.dpi = options.dpi;
  if (clean.empty() ||
      clean.pixels.size() != static_cast<size_t>(clean.width) * clean.height)
    return out;
  cv::Mat page = cv::Mat(clean.height, clean.width, CV_8U,
                         const_cast<uint8_t*>(clean.pixels.data()))
                     .clone();
  try {
    // Lines first: the print is faint before the scanner rotates and blurs it.
    DegradeRulingLines(options, seed, page);
    Rotate(ScanSkewDegrees(options, seed), page);
    if (options.blur_sigma > 0)
      cv::GaussianBlur(page, page, cv::Size(0, 0), options.blur_sigma);
    ApplyPaper(options.background_variation, seed, page);
    AddNoise(options.noise_sigma, seed, page);
    JpegRoundTrip(options.jpeg_quality, page);
  } catch (const cv::Exception&) {
    return out;  // only on exhausted memory; the caller gets the clean page
  }
  if (page.rows != clean.height || page.cols != clean.width ||
      page.type() != CV_8U || !page.isContinuous())
    return out;
  std::copy(page.datastart, page.dataend, out.pixels.begin());
  return out;
}

}  // namespace decltab::tools
