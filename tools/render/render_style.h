// Per-document look of a rendered declaration, drawn deterministically from
// a seed so that a corpus holds many slightly different but reproducible
// documents. All lengths are PDF points (1/72 inch).
#ifndef DECLTAB_TOOLS_RENDER_RENDER_STYLE_H_
#define DECLTAB_TOOLS_RENDER_RENDER_STYLE_H_

#include <cstdint>

namespace decltab::render {

// A small seeded generator (splitmix64). std:: distributions are not
// specified bit-for-bit across standard libraries, so we do our own maths to
// keep a seed meaning the same document everywhere.
class Jitter {
 public:
  explicit Jitter(uint64_t seed) : state_(seed) {}
  uint64_t Next();
  // Uniform in [lo, hi).
  double Uniform(double lo, double hi);
  // Multiplies `value` by a factor in [1 - fraction, 1 + fraction).
  double Scale(double value, double fraction) {
    return value * Uniform(1.0 - fraction, 1.0 + fraction);
  }
  bool Coin() { return (Next() >> 11) & 1; }

 private:
  uint64_t state_;
};

struct RenderStyle {
  double page_width = 595.3;  // A4 portrait
  double page_height = 841.9;
  double margin_left = 65, margin_right = 65, margin_top = 65,
         margin_bottom = 65;
  double body_size = 11.0;      // Song body text, 10.5 .. 12
  double table_size = 10.5;     // text inside ruled tables
  double line_width = 0.8;      // table rules, 0.5 .. 1.2
  bool table_text_hei = false;  // Hei (sans) instead of Song in tables
  bool project_starts_page =
      false;                 // each project after the first on a new page
  uint64_t column_seed = 0;  // seeds the per-table column width jitter

  double text_width() const { return page_width - margin_left - margin_right; }
  double text_bottom() const { return page_height - margin_bottom; }
};

// The look for `seed`; the same seed always gives the same style.
RenderStyle StyleFromSeed(uint64_t seed);

}  // namespace decltab::render

#endif  // DECLTAB_TOOLS_RENDER_RENDER_STYLE_H_
