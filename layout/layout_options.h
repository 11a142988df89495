// Tuning of the layout stage (LayoutOptions), apart from the stage's entry
// points so its inner steps (binarize, ruling lines, grids, text lines) need
// only this. Lengths are millimetres on paper, converted with the page's dpi,
// so one set of defaults works from 150 to 300 dpi.
#ifndef DECLTAB_LAYOUT_LAYOUT_OPTIONS_H_
#define DECLTAB_LAYOUT_LAYOUT_OPTIONS_H_

namespace decltab::layout {

struct LayoutOptions {
  // Skew search range (both signs) and the step of the fine search; the
  // result is interpolated between steps.
  double max_skew_degrees = 5.0;
  double skew_step_degrees = 0.02;
  // Rotations below this are not undone (saves a resample on clean pages).
  double min_skew_to_correct_degrees = 0.02;

  // Adaptive threshold: local mean over a window this wide, minus an offset
  // of at least `binarize_min_offset` grey levels, raised on noisy scans.
  double binarize_window_mm = 4.0;
  double binarize_min_offset = 10.0;

  // Ruling lines. Gaps up to `line_bridge_mm` are closed first; a horizontal
  // (vertical) line must then be a run of at least `min_hline_mm`
  // (`min_vline_mm`). Shorter runs are glyph strokes. Pieces of broken
  // lines count towards an edge when at least `line_piece_mm` long.
  double line_bridge_mm = 0.6;
  double min_hline_mm = 6.0;
  double min_vline_mm = 5.0;
  double line_piece_mm = 1.2;
  // A ruling line has paper this far beyond its edges on both sides along
  // all but `max_side_ink` of its length, or (a line beside a narrow column
  // packed with text) along one stretch of at least `clear_stretch_mm`,
  // crossing lines not counted as ink; bridged glyph strokes do neither
  // (paper on both sides for a glyph or two at most).
  double line_clearance_mm = 0.3;
  double max_side_ink = 0.15;
  double clear_stretch_mm = 12.0;
  // Lines whose positions differ by less than this are one grid line.
  double snap_mm = 0.6;
  // How far a line may stop short of the line it meets and still join it
  // (scanners drop pieces of lines, crossings included).
  double join_tolerance_mm = 2.5;
  // Collinear pieces of a broken line up to this far apart are one line when
  // both meet crossing lines (or are long); further apart only when most of
  // the gap still shows bits of line.
  double max_line_gap_mm = 6.0;
  // A cell boundary exists between two adjacent grid nodes when ruling line
  // with paper on both sides covers at least this share of the edge.
  double edge_coverage = 0.5;
  // Lines a scan damaged: where an edge shows too little line, look again on
  // a mask binarized with half the offset (a scan thins stretches of line
  // until they drop out), count bits of line a scan left standing alone, and
  // look for lines broken into pieces too short to be found as segments.
  // Off for pages rendered from a text layer: their lines are never faint
  // or broken, and the top strokes of a label under a missing edge would pass.
  bool repair_scanned_lines = true;

  // Text lines outside tables: components smaller than `speck_mm` in both
  // directions are noise; glyphs closer than `word_gap_mm` form one line.
  double speck_mm = 0.5;
  double word_gap_mm = 4.0;
  // Lines less tall than this are dust or rules, not text.
  double min_text_line_mm = 1.0;
};

}  // namespace decltab::layout

#endif  // DECLTAB_LAYOUT_LAYOUT_OPTIONS_H_
