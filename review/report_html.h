// The auditor's review report: one self-contained HTML page (inline CSS and
// script, images as data: URIs) for a reconciled declaration. It opens on a
// summary (title, stated vs extracted project count and total, check
// statuses), then every check that is not ok with its figures in words and
// the crops of the cells it rests on, a review queue of the values read
// below a confidence threshold (most doubtful first), and per project the
// header, funds, budget lines and indicators with confidence by colour.
// Each crop links to its whole page with the cell outlined. Inputs beside
// the values let a reviewer type corrections and download them as a
// corrections file (review/corrections.h); no server is involved.
#ifndef DECLTAB_REVIEW_REPORT_HTML_H_
#define DECLTAB_REVIEW_REPORT_HTML_H_

#include <string>
#include <vector>

#include "core/declaration.h"
#include "review/figure_images.h"

namespace decltab::review {

struct ReportOptions {
  // Values read below this confidence go to the review queue, with crops.
  float review_below = 0.80f;
  // The reconciliation's threshold: below it a value shows red.
  float min_confidence = 0.50f;
  // Shown in the header: the JSON the report was made from.
  std::string json_path;
};

// The Sources whose crops the report shows: the figures of every check that
// is not ok and every figure in the review queue.
std::vector<Source> SourcesToShow(const Declaration& declaration,
                                  const ReportOptions& options);

std::string RenderReportHtml(const Declaration& declaration, const FigureImages& images,
                             const ReportOptions& options);

}  // namespace decltab::review

#endif  // DECLTAB_REVIEW_REPORT_HTML_H_
