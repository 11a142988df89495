// The PDF/image entry (extract/source_document.h) on arbitrary bytes: open,
// render page 1 at a low resolution under a small pixel cap, read its text
// layer. Properties: an opened document has pages and a SHA-256; a rendered
// page has the size it claims, fits the cap and never exceeds the requested
// dpi; text-layer words have text and a positive box; pages out of range
// are refused.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "extract/source_document.h"
#include "fuzz/fuzz_check.h"

namespace {

using namespace decltab;
using namespace decltab::extract;

// Low enough to render an A4 page in a few milliseconds.
constexpr int kDpi = 24;
constexpr int64_t kMaxPixels = 100'000;

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  Result<SourceDocument> doc =
      SourceDocument::FromBytes(std::vector<uint8_t>(data, data + size));
  if (!doc.ok()) return 0;
  FUZZ_CHECK(doc->page_count() > 0);
  FUZZ_CHECK(doc->sha256().size() == 64);

  RenderOptions options;
  options.dpi = kDpi;
  options.max_pixels = kMaxPixels;
  Result<PageImage> page = doc->RenderPage(0, options);
  if (page.ok()) {
    FUZZ_CHECK(page->page_number == 1);
    FUZZ_CHECK(page->width > 0 && page->height > 0);
    FUZZ_CHECK(page->pixels.size() ==
               static_cast<size_t>(page->width) * page->height);
    FUZZ_CHECK(page->dpi > 0);
    if (!doc->is_image()) FUZZ_CHECK(page->dpi <= kDpi);
    // Rounding of the page box may add a row and a column.
    FUZZ_CHECK(static_cast<int64_t>(page->width - 1) * (page->height - 1) <=
               kMaxPixels);
  }
  Result<std::vector<Word>> words = doc->TextLayer(0, kDpi);
  if (words.ok()) {
    for (const Word& w : *words) {
      FUZZ_CHECK(!w.text.empty());
      FUZZ_CHECK(w.box.width > 0 && w.box.height > 0);
    }
  }
  FUZZ_CHECK(!doc->RenderPage(doc->page_count(), options).ok());
  return 0;
}
