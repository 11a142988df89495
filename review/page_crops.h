// Crops of the page images behind a declaration's figures: each page that
// holds a requested Source is rendered once from the source document at the
// dpi the extraction used, with the skew the extraction removed removed
// again, so the boxes of Source fall on the same ink; then each box is cut
// out with a margin (outlined in red) and the page is kept downscaled.
#ifndef DECLTAB_REVIEW_PAGE_CROPS_H_
#define DECLTAB_REVIEW_PAGE_CROPS_H_

#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "core/declaration.h"
#include "core/result.h"
#include "review/figure_images.h"

namespace decltab::review {

struct CropOptions {
  double margin_inch = 0.12;  // around the box, on every side
  int max_crop_width = 900;   // wider crops (whole rows) are scaled down
  int page_width = 900;       // width of the downscaled page views
};

class PageCrops : public FigureImages {
 public:
  // Renders the pages of `sources` from `document_path` (a PDF or page
  // scan). kInvalidInput when the file cannot be opened or is not the
  // document `declaration` was read from (its sha256 differs).
  static Result<PageCrops> Render(const std::string& document_path,
                                  const Declaration& declaration,
                                  const std::vector<Source>& sources,
                                  const CropOptions& options);

  std::string CropUri(const Source& source) const override;
  std::string PageUri(int page) const override;
  PageFrame Frame(int page) const override;

 private:
  using BoxKey = std::tuple<int, int, int, int, int, int>;  // page, dpi, box
  static BoxKey Key(const Source& s);
  std::map<BoxKey, std::string> crops_;
  std::map<int, std::string> pages_;
  std::map<int, PageFrame> frames_;
};

}  // namespace decltab::review

#endif  // DECLTAB_REVIEW_PAGE_CROPS_H_
