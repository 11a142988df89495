#include "tools/render/render_style.h"

#include <cmath>

namespace decltab::render {

uint64_t Jitter::Next() {
  uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

double Jitter::Uniform(double lo, double hi) {
  // 53 random bits -> [0, 1).
  double unit = static_cast<double>(Next() >> 11) * (1.0 / 9007199254740992.0);
  return lo + (hi - lo) * unit;
}

RenderStyle StyleFromSeed(uint64_t seed) {
  Jitter jitter(seed);
  RenderStyle style;
  style.margin_left = 65 + jitter.Uniform(-10, 10);
  style.margin_right = 65 + jitter.Uniform(-10, 10);
  style.margin_top = 65 + jitter.Uniform(-10, 10);
  style.margin_bottom = 65 + jitter.Uniform(-10, 10);
  // Word processors offer half-point sizes: 10.5 (五号), 11, 11.5, 12 (小四).
  style.body_size = 10.5 + 0.5 * std::floor(jitter.Uniform(0, 4));
  style.table_size = style.body_size - (jitter.Coin() ? 0.5 : 0.0);
  style.line_width = jitter.Uniform(0.5, 1.2);
  style.table_text_hei = jitter.Coin();
  style.project_starts_page = jitter.Coin();
  style.column_seed = jitter.Next();
  return style;
}

}  // namespace decltab::render
