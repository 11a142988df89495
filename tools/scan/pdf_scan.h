// Turns a born-digital PDF into an image-only "scanned" PDF: every page is
// rendered, degraded by SimulateScan and stored as one greyscale JPEG, so the
// result has no text layer at all.
#ifndef DECLTAB_TOOLS_SCAN_PDF_SCAN_H_
#define DECLTAB_TOOLS_SCAN_PDF_SCAN_H_

#include <cstdint>
#include <string>

#include "core/status.h"
#include "tools/scan/scan_simulator.h"

namespace decltab::tools {

// Renders pages first_page..last_page (1-based, inclusive; 0 means the first
// or the last page) of `in_pdf` at options.dpi in grey, degrades page i with
// seed mixed with i, and writes `out_pdf` (page sizes kept from the input,
// A4 if the input reports none; the JPEG is embedded as is). The JPEG uses
// options.jpeg_quality (90 when it is 0), once: there is no second round trip.
// Writes through a temporary file next to `out_pdf`, so a failure leaves no
// partial output. Fails with kInvalidInput when `in_pdf` cannot be opened or
// is locked, or the page range is empty; kInternal on write errors.
Status ScanPdf(const std::string& in_pdf, const std::string& out_pdf,
               const ScanOptions& options, uint64_t seed, int first_page = 0,
               int last_page = 0);

}  // namespace decltab::tools

#endif  // DECLTAB_TOOLS_SCAN_PDF_SCAN_H_
