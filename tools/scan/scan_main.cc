// decltab_scan: makes an image-only "scanned" copy of a PDF.
//   decltab_scan IN.pdf -o OUT.pdf --preset clean300|skew200|harsh150 [--seed N]
// Exit status: 0 on success, 2 on unusable input or arguments, 1 otherwise.
#include <cstdint>
#include <iostream>
#include <string>

#include <CLI/CLI.hpp>
#include <poppler/cpp/poppler-global.h>

#include "tools/scan/pdf_scan.h"
#include "tools/scan/scan_simulator.h"

namespace {
// Poppler's own diagnostics would add lines to the one-line error report.
void IgnorePopplerMessage(const std::string&, void*) {}
}  // namespace

int main(int argc, char** argv) {
  poppler::set_debug_error_function(IgnorePopplerMessage, nullptr);
  std::string in, out, preset;
  uint64_t seed = 1;
  int first = 0, last = 0;
  CLI::App app{"Degrade a PDF into an image-only scanned PDF"};
  app.add_option("input", in, "born-digital PDF")->required();
  app.add_option("-o,--output", out, "scanned PDF to write")->required();
  app.add_option("--preset", preset, "degradation preset")
      ->required()
      ->check(CLI::IsMember(decltab::tools::ScanOptions::PresetNames()));
  app.add_option("--seed", seed, "random seed (same seed, same pixels)");
  app.add_option("--first-page", first, "first page, 1-based (default 1)");
  app.add_option("--last-page", last, "last page, inclusive (default: last)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : 2;
  }
  try {
    decltab::Status status = decltab::tools::ScanPdf(
        in, out, decltab::tools::ScanOptions::Preset(preset), seed, first, last);
    if (!status.ok()) {
      std::cerr << "decltab_scan: " << status.message() << "\n";
      return status.code() == decltab::Status::Code::kInvalidInput ? 2 : 1;
    }
  } catch (...) {
    std::cerr << "decltab_scan: unexpected error\n";
    return 1;
  }
  return 0;
}
