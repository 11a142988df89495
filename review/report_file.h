// The review report as a file: crops rendered from the source document,
// the page written atomically.
#ifndef DECLTAB_REVIEW_REPORT_FILE_H_
#define DECLTAB_REVIEW_REPORT_FILE_H_

#include <string>

#include "core/declaration.h"
#include "core/status.h"
#include "review/page_crops.h"
#include "review/report_html.h"

namespace decltab::review {

// Renders the crops `declaration` needs from `document_path` (the PDF or
// scan it was read from) and writes the report to `html_path`. Fails with
// kInvalidInput when the document cannot be opened or is another file than
// the one read (sha256); nothing is written then.
Status WriteReviewReport(const Declaration& declaration, const std::string& document_path,
                         const std::string& html_path, const ReportOptions& options,
                         const CropOptions& crops = CropOptions{});

}  // namespace decltab::review

#endif  // DECLTAB_REVIEW_REPORT_FILE_H_
