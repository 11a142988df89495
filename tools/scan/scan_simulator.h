// Scan simulator: turns a clean rendered page into what a cheap office
// scanner makes of it (skew, blur, grey uneven paper, noise, faint or broken
// ruling lines, JPEG artefacts), so the pipeline can be tested on image-only
// pages whose truth is known.
#ifndef DECLTAB_TOOLS_SCAN_SCAN_SIMULATOR_H_
#define DECLTAB_TOOLS_SCAN_SCAN_SIMULATOR_H_

#include <cstdint>
#include <string>
#include <vector>

#include "core/page_layout.h"

namespace decltab::tools {

// How hard to degrade a page. Distances are pixels of the page image, which
// is expected to be rendered at `dpi`.
struct ScanOptions {
  int dpi = 300;
  double max_skew_degrees = 0;    // uniform in [-max, max]
  // When > 0 the skew magnitude is uniform in [min, max] with a random sign,
  // so every page is visibly rotated (additive to the original API).
  double min_skew_degrees = 0;
  double blur_sigma = 0;          // gaussian, pixels
  double noise_sigma = 0;         // gaussian grey noise
  double background_variation = 0;  // 0..1 uneven grey paper (low-frequency)
  int jpeg_quality = 90;          // 0 = no JPEG round trip
  double line_dropout = 0;  // 0..1 share of ruling-line length broken into gaps
  double line_fade = 0;     // 0..1 how much lighter ruling lines become

  // "clean300", "skew200" or "harsh150"; any other name gives the defaults
  // above (no degradation at 300 dpi). See PresetNames().
  static ScanOptions Preset(const std::string& name);
  static std::vector<std::string> PresetNames();
};

// The rotation (degrees, counter-clockwise positive as seen on the page)
// SimulateScan applies for these options and seed.
double ScanSkewDegrees(const ScanOptions& options, uint64_t seed);

// Degrades a clean page image rendered at options.dpi, deterministic in seed.
// The result has the same size, page_number and dpi as `clean` (dpi falls back
// to options.dpi when clean.dpi is 0). An empty image is returned unchanged.
PageImage SimulateScan(const PageImage& clean, const ScanOptions& options,
                       uint64_t seed);

}  // namespace decltab::tools

#endif  // DECLTAB_TOOLS_SCAN_SCAN_SIMULATOR_H_
