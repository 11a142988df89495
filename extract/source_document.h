// The extract stage's input: one PDF (via poppler-cpp) or one scanned image
// file (PNG, JPEG, single- or multi-page TIFF), opened once, rendered page by
// page to grey images, with the PDF's text layer as words in page pixels.
#ifndef DECLTAB_EXTRACT_SOURCE_DOCUMENT_H_
#define DECLTAB_EXTRACT_SOURCE_DOCUMENT_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "core/page_layout.h"
#include "core/result.h"

namespace decltab::extract {

struct RenderOptions {
  // Resolution for PDF pages. Image files keep their own resolution, scaled
  // down to `dpi` when they are finer than 1.25 × dpi (never scaled up).
  int dpi = 300;
  // Upper bound on width × height of a rendered page. A larger page is
  // rendered (or scaled) at the highest dpi that fits; PageImage::dpi then
  // says the dpi actually used, so callers can note the reduction by
  // comparing it with `dpi`.
  int64_t max_pixels = 60'000'000;
};

// Move-only. Not safe for concurrent use from several threads (poppler-cpp
// documents are not): callers serialize RenderPage/TextLayer on one
// document.
// While alive, collects the errors Poppler reports on this thread (which
// decltab otherwise silences): the repairs and render failures of a damaged
// file, for the page being read. Nests; at most a few distinct lines kept.
class PopplerErrors {
 public:
  PopplerErrors();
  ~PopplerErrors();
  PopplerErrors(const PopplerErrors&) = delete;
  PopplerErrors& operator=(const PopplerErrors&) = delete;

  void Add(const std::string& message);
  const std::vector<std::string>& errors() const { return errors_; }

 private:
  std::vector<std::string> errors_;
  PopplerErrors* outer_;
};

class SourceDocument {
 public:
  // Reads the whole file, hashes it and opens it. Fails with kInvalidInput
  // and a one-line reason: "cannot read file: <strerror>", "empty file",
  // "not a PDF or image", "damaged PDF", "encrypted PDF (password
  // required)", "PDF has no pages", "damaged image".
  static Result<SourceDocument> Open(const std::string& path);
  // The same from a file's bytes already in memory (same reasons, except
  // "cannot read file").
  static Result<SourceDocument> FromBytes(std::vector<uint8_t> bytes);

  SourceDocument(SourceDocument&&) noexcept;
  SourceDocument& operator=(SourceDocument&&) noexcept;
  SourceDocument(const SourceDocument&) = delete;
  SourceDocument& operator=(const SourceDocument&) = delete;
  ~SourceDocument();

  int page_count() const;
  // Lower-case hex SHA-256 of the file's bytes.
  const std::string& sha256() const;
  // True for image files (no text layer; every page needs OCR).
  bool is_image() const;
  // What Poppler reported while opening the file (a damaged cross-reference
  // table or stream it repaired or skipped), at most a few distinct lines;
  // empty for a sound file and for images.
  const std::vector<std::string>& load_errors() const;

  // Renders page `index` (0-based) as 8-bit grey, 0 black, 255 white;
  // page_number is index + 1 and dpi the resolution actually used (see
  // RenderOptions). Fails with kInvalidInput for an index out of range, a
  // non-positive dpi, a page that fits max_pixels only below 50 dpi (where
  // nothing can be read; "page too large to render") or an image file whose
  // header declares more than max_pixels ("page too large to read", before
  // decoding), kInternal when the page cannot be rendered or decoded.
  Result<PageImage> RenderPage(int index, const RenderOptions& options) const;

  // Words of the PDF text layer of page `index`, boxes in pixels at `dpi`
  // (the same frame as RenderPage at that dpi); empty for image files and
  // pages without text. Fails with kInvalidInput for a bad index or dpi.
  Result<std::vector<Word>> TextLayer(int index, int dpi) const;

 private:
  struct Impl;
  explicit SourceDocument(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Whether a text layer is sound text worth using instead of OCR: it has at
// least a page's worth of characters (a scan carrying only a scanner-app
// watermark does not count), no "(cid:" placeholders, no U+FFFD, almost
// only CJK, ASCII and common punctuation characters (Latin-1 and private
// use characters mean mojibake or a missing ToUnicode map), and some CJK.
bool TextLayerUsable(const std::vector<Word>& words);

}  // namespace decltab::extract

#endif  // DECLTAB_EXTRACT_SOURCE_DOCUMENT_H_
