#include "extract/source_document.h"

#include <sys/stat.h>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <mutex>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "core/utf8.h"
#include "extract/image_file.h"
#include "extract/sha256.h"

namespace decltab::extract {
namespace {

// Image files finer than this multiple of the requested dpi are scaled down.
constexpr double kImageDownscaleSlack = 1.25;

// A page that fits the pixel cap only below this resolution is refused: at
// under 50 dpi a 10.5 pt CJK glyph is 7 pixels high, and nothing is read.
constexpr int kMinReadableDpi = 50;

// The PopplerErrors collecting on this thread, if any.
thread_local PopplerErrors* t_errors = nullptr;

// Poppler reports syntax errors of damaged files on stderr by default; the
// CLI promises one line on failure, and Open() already turns a failed load
// into a Status. The messages go to the thread's PopplerErrors, if any (they
// become warnings), else nowhere. The setting is process-wide, hence once.
void SilencePoppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    poppler::set_debug_error_function(
        [](const std::string& message, void*) {
          if (t_errors) t_errors->Add(message);
        },
        nullptr);
  });
}

Result<std::vector<uint8_t>> ReadFile(const std::string& path) {
  // An ifstream opens a directory and then throws from its first read.
  struct stat st;
  if (::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
    return Status::InvalidInput("is a directory");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::InvalidInput("cannot read file: " +
                                       std::string(std::strerror(errno)));
  std::vector<uint8_t> bytes;
  try {
    // libstdc++'s filebuf throws on a read error (EIO, EISDIR) here.
    bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  } catch (const std::ios_base::failure&) {
    return Status::InvalidInput("cannot read file: " + std::string(std::strerror(errno)));
  }
  if (in.bad())
    return Status::InvalidInput("cannot read file: " +
                                std::string(std::strerror(errno)));
  return bytes;
}

// PDF readers accept the header anywhere in the first KiB.
bool LooksLikePdf(const std::vector<uint8_t>& bytes) {
  const size_t n = std::min<size_t>(bytes.size(), 1024);
  static const char kMagic[] = "%PDF-";
  return std::search(bytes.begin(), bytes.begin() + n, kMagic, kMagic + 5) !=
         bytes.begin() + n;
}

// The dpi at which a page of width × height pixels at `dpi` fits into
// `max_pixels` (unchanged when it already does), or 0 when it does not fit
// even at 1 dpi (a page box kilometres wide: rendering it would exhaust
// memory).
int CappedDpi(double width_at_dpi, double height_at_dpi, int dpi,
              int64_t max_pixels) {
  const double pixels = width_at_dpi * height_at_dpi;
  if (max_pixels <= 0 || pixels <= static_cast<double>(max_pixels)) return dpi;
  const double capped =
      std::floor(dpi * std::sqrt(static_cast<double>(max_pixels) / pixels));
  if (!(capped >= 1)) return 0;  // also NaN
  return static_cast<int>(capped);
}

Status TooLarge(const std::string& where, double width, double height,
                const char* unit) {
  char size[64];
  std::snprintf(size, sizeof size, "%.0f x %.0f %s", width, height, unit);
  return Status::InvalidInput(where + ": page too large to render (" + size +
                              ")");
}

// A text-layer coordinate in pixels as an int. Text can be placed (or
// sized) absurdly far off the page; such coordinates are clamped well
// inside int's range so that box arithmetic cannot overflow.
int PixelCoordinate(double pixels) {
  constexpr double kLimit = 100'000'000;
  if (!(pixels > -kLimit)) return static_cast<int>(-kLimit);  // also NaN
  if (pixels > kLimit) return static_cast<int>(kLimit);
  return static_cast<int>(pixels);
}

Status CheckArgs(int index, int pages, int dpi) {
  if (index < 0 || index >= pages)
    return Status::InvalidInput("page index " + std::to_string(index) +
                                " out of range (" + std::to_string(pages) +
                                " pages)");
  if (dpi <= 0)
    return Status::InvalidInput("dpi must be positive, got " +
                                std::to_string(dpi));
  return Status::Ok();
}

PageImage ScaleImage(const PageImage& image, int dpi) {
  const double factor = static_cast<double>(dpi) / image.dpi;
  cv::Mat src(image.height, image.width, CV_8UC1,
              const_cast<uint8_t*>(image.pixels.data()));
  cv::Mat dst;
  cv::resize(src, dst, cv::Size(), factor, factor, cv::INTER_AREA);
  PageImage out;
  out.page_number = image.page_number;
  out.dpi = dpi;
  out.width = dst.cols;
  out.height = dst.rows;
  out.pixels.assign(dst.datastart, dst.dataend);
  return out;
}

// Distinct lines kept per PopplerErrors: a damaged stream repeats itself.
constexpr size_t kMaxPopplerErrors = 3;

}  // namespace

PopplerErrors::PopplerErrors() : outer_(t_errors) { t_errors = this; }
PopplerErrors::~PopplerErrors() { t_errors = outer_; }

void PopplerErrors::Add(const std::string& message) {
  std::string line = EscapeControls(message);
  while (!line.empty() && line.back() == ' ') line.pop_back();
  if (line.empty() || errors_.size() >= kMaxPopplerErrors ||
      std::find(errors_.begin(), errors_.end(), line) != errors_.end())
    return;
  errors_.push_back(std::move(line));
}

struct SourceDocument::Impl {
  std::vector<std::string> load_errors;
  std::string sha256;
  int page_count = 0;
  std::unique_ptr<poppler::document> pdf;  // null for image files
  std::vector<uint8_t> image_bytes;        // the file, for image files
};

SourceDocument::SourceDocument(std::unique_ptr<Impl> impl)
    : impl_(std::move(impl)) {}
SourceDocument::SourceDocument(SourceDocument&&) noexcept = default;
SourceDocument& SourceDocument::operator=(SourceDocument&&) noexcept = default;
SourceDocument::~SourceDocument() = default;

Result<SourceDocument> SourceDocument::Open(const std::string& path) {
  Result<std::vector<uint8_t>> bytes = ReadFile(path);
  if (!bytes.ok()) return bytes.status();
  return FromBytes(std::move(bytes).value());
}

Result<SourceDocument> SourceDocument::FromBytes(std::vector<uint8_t> bytes) {
  if (bytes.empty()) return Status::InvalidInput("empty file");

  auto impl = std::make_unique<Impl>();
  impl->sha256 = Sha256Hex(bytes.data(), bytes.size());
  if (LooksLikeImage(bytes)) {
    Result<int> pages = CountImagePages(bytes);
    if (!pages.ok()) return pages.status();
    impl->page_count = *pages;
    impl->image_bytes = std::move(bytes);
    return SourceDocument(std::move(impl));
  }
  if (!LooksLikePdf(bytes)) return Status::InvalidInput("not a PDF or image");

  SilencePoppler();
  // load_from_data takes the bytes over (swaps them into the document).
  poppler::byte_array data(bytes.begin(), bytes.end());
  bytes.clear();
  bytes.shrink_to_fit();
  PopplerErrors load_errors;
  std::unique_ptr<poppler::document> pdf(poppler::document::load_from_data(&data));
  if (!pdf) return Status::InvalidInput("damaged PDF");
  if (pdf->is_locked())
    return Status::InvalidInput("encrypted PDF (password required)");
  impl->page_count = pdf->pages();
  if (impl->page_count <= 0) return Status::InvalidInput("PDF has no pages");
  impl->pdf = std::move(pdf);
  impl->load_errors = load_errors.errors();
  return SourceDocument(std::move(impl));
}

int SourceDocument::page_count() const { return impl_->page_count; }
const std::string& SourceDocument::sha256() const { return impl_->sha256; }
bool SourceDocument::is_image() const { return impl_->pdf == nullptr; }
const std::vector<std::string>& SourceDocument::load_errors() const {
  return impl_->load_errors;
}

Result<PageImage> SourceDocument::RenderPage(
    int index, const RenderOptions& options) const {
  Status args = CheckArgs(index, impl_->page_count, options.dpi);
  if (!args.ok()) return args;
  const std::string where = "page " + std::to_string(index + 1);

  if (!impl_->pdf) {
    // A scan finer than the cap is refused, not decoded (and scaled down):
    // decoding is what takes the memory.
    Result<PageImage> image = DecodeImagePage(impl_->image_bytes, index, options.max_pixels);
    if (!image.ok()) return image.status().WithContext(where);
    int dpi = image->dpi;
    if (dpi > options.dpi * kImageDownscaleSlack) dpi = options.dpi;
    const double factor = static_cast<double>(dpi) / image->dpi;
    dpi = CappedDpi(image->width * factor, image->height * factor, dpi,
                    options.max_pixels);
    if (dpi == 0) return TooLarge(where, image->width, image->height, "px");
    if (dpi == image->dpi) return image;
    return ScaleImage(*image, dpi);
  }

  std::unique_ptr<poppler::page> page(impl_->pdf->create_page(index));
  if (!page) return Status::Internal(where + ": cannot open page");
  const poppler::rectf box = page->page_rect(poppler::crop_box);
  const int dpi = CappedDpi(box.width() * options.dpi / 72.0,
                            box.height() * options.dpi / 72.0, options.dpi,
                            options.max_pixels);
  // Under the cap only at a resolution no text can be read at: rendering
  // it would cost the cap's memory and seconds for nothing (a 20000 pt
  // page took 12 s and 882 MB to be found blank).
  if (dpi < std::min(options.dpi, kMinReadableDpi))
    return TooLarge(where, box.width(), box.height(), "pt");
  poppler::page_renderer renderer;
  renderer.set_render_hints(poppler::page_renderer::antialiasing |
                            poppler::page_renderer::text_antialiasing);
  renderer.set_image_format(poppler::image::format_gray8);
  poppler::image rendered = renderer.render_page(page.get(), dpi, dpi);
  if (!rendered.is_valid() || rendered.width() <= 0 || rendered.height() <= 0)
    return Status::Internal(where + ": cannot render page");

  PageImage image;
  image.page_number = index + 1;
  image.dpi = dpi;
  image.width = rendered.width();
  image.height = rendered.height();
  image.pixels.resize(static_cast<size_t>(image.width) * image.height);
  const char* data = rendered.const_data();
  for (int y = 0; y < image.height; ++y)
    std::memcpy(image.pixels.data() + static_cast<size_t>(y) * image.width,
                data + static_cast<size_t>(y) * rendered.bytes_per_row(),
                image.width);
  return image;
}

Result<std::vector<Word>> SourceDocument::TextLayer(int index, int dpi) const {
  Status args = CheckArgs(index, impl_->page_count, dpi);
  if (!args.ok()) return args;
  std::vector<Word> words;
  if (!impl_->pdf) return words;
  std::unique_ptr<poppler::page> page(impl_->pdf->create_page(index));
  if (!page)
    return Status::Internal("page " + std::to_string(index + 1) +
                            ": cannot open page");
  const double scale = dpi / 72.0;  // text boxes are in points
  for (const poppler::text_box& box : page->text_list()) {
    poppler::byte_array utf8 = box.text().to_utf8();
    std::string text(utf8.begin(), utf8.end());
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) continue;
    // A text layer can hold anything: terminal escapes, bell, bidi overrides
    // that reorder what a reader sees. Whitespace becomes a space; the rest
    // stays visible as escapes ("\x1B", "\u202E"), in `raw` as everywhere.
    std::replace_if(text.begin(), text.end(),
                    [](char c) { return c == '\t' || c == '\r' || c == '\n'; }, ' ');
    text = EscapeControls(text);
    const poppler::rectf r = box.bbox();
    Word word;
    word.text = std::move(text);
    word.box.x = PixelCoordinate(std::floor(r.left() * scale));
    word.box.y = PixelCoordinate(std::floor(r.top() * scale));
    word.box.width =
        std::max(1, PixelCoordinate(std::ceil(r.right() * scale)) - word.box.x);
    word.box.height = std::max(
        1, PixelCoordinate(std::ceil(r.bottom() * scale)) - word.box.y);
    words.push_back(std::move(word));
  }
  return words;
}

}  // namespace decltab::extract
