#include "extract/image_file.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <memory>
#include <mutex>
#include <string>

namespace decltab::extract {
namespace {

struct PixDeleter {
  void operator()(Pix* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};

bool StartsWith(const std::vector<uint8_t>& bytes, const char* magic,
                size_t size) {
  return bytes.size() >= size && std::memcmp(bytes.data(), magic, size) == 0;
}

bool IsTiff(const std::vector<uint8_t>& bytes) {
  return StartsWith(bytes, "II*\0", 4) || StartsWith(bytes, "MM\0*", 4);
}

constexpr double kA4WidthInches = 210.0 / 25.4;

// Leptonica reports errors on stderr; decltab turns each failure into one
// Status instead. The setting is process-wide.
void SilenceLeptonica() {
  static std::once_flag once;
  std::call_once(once, [] { setMsgSeverity(L_SEVERITY_NONE); });
}

}  // namespace

bool LooksLikeImage(const std::vector<uint8_t>& bytes) {
  return StartsWith(bytes, "\x89PNG\r\n\x1a\n", 8) ||
         StartsWith(bytes, "\xff\xd8\xff", 3) || IsTiff(bytes);
}

Result<int> CountImagePages(const std::vector<uint8_t>& bytes) {
  SilenceLeptonica();
  if (!IsTiff(bytes)) {
    // Reading the header is enough to reject most damaged PNG/JPEG files.
    l_int32 w = 0, h = 0;
    if (pixReadHeaderMem(bytes.data(), bytes.size(), nullptr, &w, &h, nullptr,
                         nullptr, nullptr) != 0 ||
        w <= 0 || h <= 0)
      return Status::InvalidInput("damaged image");
    return 1;
  }
  // fmemopen: Leptonica counts TIFF directories only through a FILE*.
  std::unique_ptr<std::FILE, FileCloser> file(
      fmemopen(const_cast<uint8_t*>(bytes.data()), bytes.size(), "rb"));
  if (!file) return Status::Internal("fmemopen failed");
  l_int32 pages = 0;
  if (tiffGetCount(file.get(), &pages) != 0 || pages <= 0)
    return Status::InvalidInput("damaged image");
  return pages;
}

Result<PageImage> DecodeImagePage(const std::vector<uint8_t>& bytes,
                                  int index, int64_t max_pixels) {
  SilenceLeptonica();
  l_int32 w = 0, h = 0;
  if (!IsTiff(bytes) || index == 0) {
    // The size the header declares (a TIFF's first page only: Leptonica
    // reads later directories' headers only by decoding them).
    if (pixReadHeaderMem(bytes.data(), bytes.size(), nullptr, &w, &h, nullptr, nullptr,
                         nullptr) != 0 ||
        w <= 0 || h <= 0)
      return Status::InvalidInput("damaged image");
    if (max_pixels > 0 && static_cast<int64_t>(w) * h > max_pixels)
      return Status::InvalidInput("page too large to read (" + std::to_string(w) + " x " +
                                  std::to_string(h) + " px)");
  }
  PixPtr pix(IsTiff(bytes)
                 ? pixReadMemTiff(bytes.data(), bytes.size(), index)
                 : (index == 0 ? pixReadMem(bytes.data(), bytes.size())
                               : nullptr));
  if (!pix) return Status::InvalidInput("damaged image");
  PixPtr grey(pixConvertTo8(pix.get(), /*cmapflag=*/0));
  if (!grey) return Status::Internal("cannot convert image to grey");

  PageImage image;
  image.page_number = index + 1;
  image.width = pixGetWidth(grey.get());
  image.height = pixGetHeight(grey.get());
  const int xres = pixGetXRes(pix.get());
  image.dpi = xres >= 50 && xres <= 1200
                  ? xres
                  : static_cast<int>(std::lround(
                        std::min(image.width, image.height) / kA4WidthInches));
  if (image.dpi <= 0) image.dpi = 1;
  image.pixels.resize(static_cast<size_t>(image.width) * image.height);
  const l_uint32* data = pixGetData(grey.get());
  const int wpl = pixGetWpl(grey.get());
  for (int y = 0; y < image.height; ++y) {
    const l_uint32* line = data + static_cast<size_t>(y) * wpl;
    uint8_t* row = image.pixels.data() + static_cast<size_t>(y) * image.width;
    for (int x = 0; x < image.width; ++x) row[x] = GET_DATA_BYTE(line, x);
  }
  return image;
}

}  // namespace decltab::extract
