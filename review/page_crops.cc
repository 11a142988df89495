#include "review/page_crops.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "extract/source_document.h"
#include "layout/cv_image.h"
#include "layout/deskew.h"

namespace decltab::review {
namespace {

std::string PngUri(const cv::Mat& image) {
  std::vector<uchar> png;
  if (!cv::imencode(".png", image, png, {cv::IMWRITE_PNG_COMPRESSION, 9}))
    return "";
  return "data:image/png;base64," +
         Base64(std::string(reinterpret_cast<const char*>(png.data()), png.size()));
}

// `box` (pixels at `from_dpi`) in pixels at `to_dpi`.
cv::Rect Scaled(const Rect& box, int from_dpi, int to_dpi) {
  if (from_dpi <= 0 || from_dpi == to_dpi)
    return cv::Rect(box.x, box.y, box.width, box.height);
  double f = static_cast<double>(to_dpi) / from_dpi;
  return cv::Rect(static_cast<int>(std::lround(box.x * f)),
                  static_cast<int>(std::lround(box.y * f)),
                  static_cast<int>(std::lround(box.width * f)),
                  static_cast<int>(std::lround(box.height * f)));
}

}  // namespace

PageCrops::BoxKey PageCrops::Key(const Source& s) {
  return {s.page, s.dpi, s.box.x, s.box.y, s.box.width, s.box.height};
}

Result<PageCrops> PageCrops::Render(const std::string& document_path,
                                    const Declaration& declaration,
                                    const std::vector<Source>& sources,
                                    const CropOptions& options) {
  Result<extract::SourceDocument> document = extract::SourceDocument::Open(document_path);
  if (!document.ok()) return document.status().WithContext(document_path);
  if (!declaration.sha256.empty() && document->sha256() != declaration.sha256)
    return Status::InvalidInput(document_path +
                                ": not the document the extraction read (sha256 " +
                                document->sha256().substr(0, 12) + "…, expected " +
                                declaration.sha256.substr(0, 12) + "…)");
  std::map<int, std::vector<const Source*>> by_page;
  for (const Source& s : sources)
    if (s.page >= 1 && s.page <= document->page_count()) by_page[s.page].push_back(&s);

  PageCrops crops;
  extract::RenderOptions render;
  render.dpi = declaration.dpi > 0 ? declaration.dpi : 300;
  for (const auto& [page_number, page_sources] : by_page) {
    Result<PageImage> rendered = document->RenderPage(page_number - 1, render);
    if (!rendered.ok())
      return rendered.status().WithContext(document_path + " page " +
                                           std::to_string(page_number));
    cv::Mat grey = layout::ToMat(*rendered);
    double skew = static_cast<size_t>(page_number) <= declaration.page_skew_degrees.size()
                      ? declaration.page_skew_degrees[page_number - 1]
                      : 0.0;
    if (skew != 0.0) grey = layout::RemoveSkew(grey, skew, layout::PaperLevel(grey));
    const int dpi = rendered->dpi;
    crops.frames_[page_number] = PageFrame{grey.cols, grey.rows, dpi};
    cv::Mat colour;
    cv::cvtColor(grey, colour, cv::COLOR_GRAY2BGR);
    const int margin = static_cast<int>(std::lround(options.margin_inch * dpi));
    const int stroke = std::max(1, dpi / 150);
    const cv::Rect page_rect(0, 0, grey.cols, grey.rows);
    for (const Source* s : page_sources) {
      if (s->box.empty() || crops.crops_.count(Key(*s))) continue;
      cv::Rect box = Scaled(s->box, s->dpi, dpi) & page_rect;
      if (box.empty()) continue;
      cv::Rect around(box.x - margin, box.y - margin, box.width + 2 * margin,
                      box.height + 2 * margin);
      around &= page_rect;
      cv::Mat crop = colour(around).clone();
      cv::rectangle(crop, cv::Rect(box.x - around.x, box.y - around.y, box.width, box.height),
                    cv::Scalar(0, 0, 220), stroke);
      if (crop.cols > options.max_crop_width) {
        double f = static_cast<double>(options.max_crop_width) / crop.cols;
        cv::resize(crop, crop, cv::Size(), f, f, cv::INTER_AREA);
      }
      crops.crops_[Key(*s)] = PngUri(crop);
    }
    cv::Mat small = grey;
    if (grey.cols > options.page_width) {
      double f = static_cast<double>(options.page_width) / grey.cols;
      cv::resize(grey, small, cv::Size(), f, f, cv::INTER_AREA);
    }
    crops.pages_[page_number] = PngUri(small);
  }
  return crops;
}

std::string PageCrops::CropUri(const Source& source) const {
  auto it = crops_.find(Key(source));
  return it == crops_.end() ? "" : it->second;
}

std::string PageCrops::PageUri(int page) const {
  auto it = pages_.find(page);
  return it == pages_.end() ? "" : it->second;
}

PageFrame PageCrops::Frame(int page) const {
  auto it = frames_.find(page);
  return it == frames_.end() ? PageFrame{} : it->second;
}

}  // namespace decltab::review
