#include "review/report_file.h"

#include "export/atomic_file.h"

namespace decltab::review {

Status WriteReviewReport(const Declaration& declaration, const std::string& document_path,
                         const std::string& html_path, const ReportOptions& options,
                         const CropOptions& crop_options) {
  Result<PageCrops> crops = PageCrops::Render(
      document_path, declaration, SourcesToShow(declaration, options), crop_options);
  if (!crops.ok()) return crops.status();
  return exporter::WriteFileAtomically(html_path,
                                       RenderReportHtml(declaration, *crops, options));
}

}  // namespace decltab::review
